// The grid registers in the field app: the grid worker opens 登记, adds a building and a person of concern
// (with a visit cadence), sees both listed under their kind, opens the person, and finds the list still there
// with the network off (kept on the phone), where adding is disabled with a note. Phone-size, zh-CN and en.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { launch, newContext, shot, signIn, type UiLocale } from '../lib/browser.ts';

const BASE = process.env.E2E_BASE_URL ?? 'http://127.0.0.1:3000';
const MARK = Date.now().toString(36).toUpperCase();

let browser: Browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

const REGISTERS = 4;
/** drawers and toasts have finished moving (screenshots show the screen, not a transition) */
const settle = async (page: Page) => {
  await page
    .locator('.ant-drawer-content-wrapper:visible')
    .waitFor({ state: 'detached' })
    .catch(() => undefined);
  await page.waitForTimeout(400);
};
const tab = (page: Page, n: number) => page.locator('.field-tabs .ant-segmented-item').nth(n).click();

async function add(page: Page, kind: number, name: string, address: string, concern?: string) {
  await page.locator('#reg-add').click();
  await page.locator('#reg-kind .ant-radio-button-wrapper').nth(kind).click();
  await page.locator('#reg-name').fill(name);
  await page.locator('#reg-address').fill(address);
  if (concern) {
    await page.locator('#reg-watched').click();
    await page.locator('#reg-concern').fill(concern);
    await page.locator('#reg-per-week').fill('3');
  }
  await page.locator('#reg-submit').click();
  await page.locator('.field-register', { hasText: name }).waitFor();
  await settle(page);
}

for (const locale of ['zh-CN', 'en'] as UiLocale[]) {
  test(`grid registers in the field app (${locale})`, async () => {
    const context = await newContext(browser, BASE, { locale, mobile: true });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    try {
      await signIn(page, 'gridworker');
      await page.goto('/field');
      await page.locator('.field-patrol').waitFor();
      await tab(page, REGISTERS);
      await page.locator('#field-registers').waitFor();

      // a bad phone number comes back as a coded error under the field
      await page.locator('#reg-add').click();
      await page.locator('#reg-name').fill(`测试 ${MARK}`);
      await page.locator('#reg-phone').fill('123');
      await page.locator('#reg-submit').click();
      await page.locator('.ant-form-item-explain-error').first().waitFor();
      await shot(page, `field-registers-error-${locale}`);
      await page.locator('.ant-drawer-close').click();
      await page
        .locator('.ant-drawer-open')
        .waitFor({ state: 'detached' })
        .catch(() => undefined);

      const building = `金岙村祠堂 ${locale} ${MARK}`;
      const person = `王某某 ${locale} ${MARK}`;
      await add(page, 1, building, '金岙村3组18号');
      await add(page, 0, person, '金岙村5组2号', '家庭矛盾多次激化，需重点关注');
      const card = page.locator('.field-register', { hasText: person });
      assert.match((await card.locator('.ant-tag').textContent()) ?? '', /0\/3/);
      await page
        .locator('.ant-message-notice')
        .last()
        .waitFor({ state: 'detached' })
        .catch(() => undefined);
      await shot(page, `field-registers-list-${locale}`);

      await card.click();
      await page.locator('.ant-drawer-open .ant-descriptions').waitFor();
      await page.waitForTimeout(400);
      await shot(page, `field-registers-person-${locale}`);
      await page.locator('.ant-drawer-open .ant-drawer-close').click();

      await context.setOffline(true);
      await page.locator('#field-online.ant-tag-default').waitFor();
      await page.reload();
      await page.locator('.field-tabs').waitFor();
      await tab(page, REGISTERS);
      await page.locator('.field-register', { hasText: building }).waitFor();
      assert.equal(await page.locator('#reg-add').isDisabled(), true);
      await page.waitForTimeout(400);
      await shot(page, `field-registers-offline-${locale}`);
      assert.deepEqual(errors, []);
    } catch (err) {
      await shot(page, `failed-field-registers-${locale}`);
      throw err;
    } finally {
      await context.close();
    }
  });
}
