// Basic accessibility on the main screens in zh-CN: axe-core (from npm, injected into the page; nothing is
// fetched from outside) checks WCAG 2.1 A/AA rules; no serious or critical violation may remain.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { launch, newContext, shot, signIn } from '../lib/browser.ts';

const BASE = process.env.E2E_BASE_URL ?? 'http://127.0.0.1:3000';
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface Screen {
  name: string;
  user?: string;
  path: string;
  mobile?: boolean;
  ready: (page: Page) => Promise<void>;
  /** after the screen is checked as it opens: bring up more of it (a drawer) and check again */
  more?: (page: Page) => Promise<void>;
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
    name: 'home',
    user: 'dispatcher',
    path: '/',
    ready: (p) => p.locator('.ant-statistic').first().waitFor(),
  },
  {
    name: 'dispatch-board',
    user: 'dispatcher',
    path: '/dispatch?tab=all',
    ready: table,
    more: async (p) => {
      await p.locator('.ant-table-row button').first().click();
      await p.locator('[data-testid="case-panel"]').waitFor();
      await p.locator('.ant-timeline').waitFor();
    },
  },
  {
    name: 'operator-desk',
    user: 'operator',
    path: '/desk',
    ready: (p) => p.locator('#description').waitFor(),
  },
  { name: 'inbox', user: 'handler', path: '/inbox?tab=progress', ready: table },
  { name: 'callback', user: 'operator', path: '/callback', ready: table },
  { name: 'cases', user: 'leader', path: '/cases', ready: table },
];

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

async function audit(page: Page): Promise<Violation[]> {
  // evaluated through the DevTools protocol: the app's CSP (script-src 'self') rightly refuses an
  // injected inline script, and the audit must run under the real CSP
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  // antd's motion ends with final colours: let transitions settle before contrast is measured
  await page.waitForTimeout(400);
  return page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: Violation[] }> };
      }
    ).axe;
    const r = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      resultTypes: ['violations'],
    });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 5).map((n) => ({ target: n.target, failureSummary: n.failureSummary })),
    }));
  });
}

const describe = (vs: Violation[]) =>
  vs
    .map(
      (v) => `${v.impact} ${v.id}: ${v.help}\n${v.nodes.map((n) => `    ${n.target.join(' ')}`).join('\n')}`,
    )
    .join('\n');

let browser: Browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

test('main screens in zh-CN: no serious or critical accessibility violation', async (t) => {
  for (const s of SCREENS) {
    await t.test(s.name, async () => {
      const context = await newContext(browser, BASE, { mobile: s.mobile });
      const page = await context.newPage();
      if (s.user) await signIn(page, s.user);
      await page.goto(s.path);
      await s.ready(page);
      const found = await audit(page);
      if (s.more) {
        await s.more(page);
        found.push(...(await audit(page)).map((v) => ({ ...v, id: `${v.id} (after opening)` })));
      }
      const serious = found.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      const minor = found.filter((v) => !serious.includes(v));
      if (minor.length) console.log(`a11y ${s.name}: minor or moderate\n${describe(minor)}`);
      if (serious.length) await shot(page, `a11y-failed-${s.name}`);
      assert.deepEqual(serious.length, 0, `${s.name}:\n${describe(serious)}`);
      assert.deepEqual(context.offsite, [], 'no request left the machine');
      await context.close();
    });
  }
});
