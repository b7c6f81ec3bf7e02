// Every main screen in both locales, as its user sees it: a screenshot each, no request leaving the machine,
// no boxes instead of Chinese characters (checked by eye on the PNGs), no errors in the console.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { launch, newContext, shot, signIn, type UiLocale } from '../lib/browser.ts';

const BASE = process.env.E2E_BASE_URL ?? 'http://127.0.0.1:3000';

interface Screen {
  name: string;
  user?: string;
  path: string;
  mobile?: boolean;
  /** Waits for what proves the screen has its data. */
  ready: (page: Page) => Promise<void>;
}

const table = (page: Page) => page.locator('.ant-table-row').first().waitFor();
const SCREENS: Screen[] = [
  {
    name: 'portal-home',
    path: '/portal',
    mobile: true,
    ready: (p) => p.locator('.portal-entry').first().waitFor(),
  },
  {
    name: 'portal-submit',
    path: '/portal/submit',
    mobile: true,
    ready: (p) => p.locator('#description').waitFor(),
  },
  { name: 'portal-track', path: '/portal/track', mobile: true, ready: (p) => p.locator('#phone4').waitFor() },
  { name: 'portal-login', path: '/portal/login', mobile: true, ready: (p) => p.locator('#phone').waitFor() },
  { name: 'staff-login', path: '/login', ready: (p) => p.locator('#username').waitFor() },
  {
    name: 'home-dispatcher',
    user: 'dispatcher',
    path: '/',
    ready: (p) => p.locator('.ant-statistic').first().waitFor(),
  },
  { name: 'dispatch-board', user: 'dispatcher', path: '/dispatch?tab=all', ready: table },
  {
    name: 'operator-desk',
    user: 'operator',
    path: '/desk',
    ready: (p) => p.locator('#description').waitFor(),
  },
  { name: 'inbox', user: 'handler', path: '/inbox?tab=progress', ready: table },
  {
    name: 'field',
    user: 'gridworker',
    path: '/field',
    mobile: true,
    ready: (p) => p.locator('.ant-card, .ant-empty').first().waitFor(),
  },
  { name: 'callback', user: 'operator', path: '/callback', ready: table },
  {
    name: 'supervise',
    user: 'supervisor',
    path: '/supervise',
    ready: (p) => p.locator('canvas').first().waitFor(),
  },
  { name: 'cases', user: 'leader', path: '/cases', ready: table },
];

let browser: Browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

for (const locale of ['zh-CN', 'en'] as UiLocale[]) {
  test(`main screens in ${locale}`, async (t) => {
    for (const s of SCREENS) {
      await t.test(s.name, async () => {
        const context = await newContext(browser, BASE, { locale, mobile: s.mobile });
        const page = await context.newPage();
        const errors: string[] = [];
        page.on('pageerror', (e) => errors.push(e.message));
        if (s.user) await signIn(page, s.user);
        await page.goto(s.path);
        await s.ready(page);
        // not 'networkidle': the live boards keep their event stream open
        await page.waitForLoadState('load');
        await page.waitForTimeout(400);
        await shot(page, `${locale}-${s.name}`);
        if (s.name === 'dispatch-board') {
          await page.locator('.ant-table-row button').first().click();
          await page.locator('[data-testid="case-panel"]').waitFor();
          await page.locator('.ant-timeline').waitFor();
          await page.waitForTimeout(300);
          await page.screenshot({ path: await shot(page, `${locale}-case-drawer`), fullPage: false });
        }
        assert.deepEqual(errors, [], 'no script errors');
        assert.deepEqual(context.offsite, [], 'no request left the machine');
        await context.close();
      });
    }
  });
}
