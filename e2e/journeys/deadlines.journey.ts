// Deadlines and supervision on screen: the administrator's /admin/deadlines (policies, escalation
// ladder, working calendar: a year's make-up day edited and saved as a new version); the
// supervisor's board (overdue counts from the server, urges and supervision orders to follow), a
// supervision order (督办) with its own time limit issued from a case's drawer and found in the list.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { launch, newContext, shot, signIn } from '../lib/browser.ts';

const BASE = process.env.E2E_BASE_URL ?? 'http://127.0.0.1:3000';

let browser: Browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

test('an administrator edits deadlines, the escalation ladder and a year of the working calendar', async () => {
  const context = await newContext(browser, BASE, { locale: 'zh-CN' });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await signIn(page, 'admin');
  await page.goto('/admin/deadlines');
  await page.locator('[data-testid="amount-yellow-resolve"]').first().waitFor();
  await shot(page, 'zh-CN-admin-deadlines-policies');
  await page.getByRole('tab', { name: '催办督办升级' }).click();
  await page.locator('[data-testid="supervise-days-red"]').waitFor();
  await shot(page, 'zh-CN-admin-deadlines-escalation');
  await page.getByRole('tab', { name: '工作日历' }).click();
  await page.locator('[data-testid="holidays"]').waitFor();
  await page.locator('[data-testid="year"]').click();
  await page.locator('.ant-select-item-option').filter({ hasText: '2024' }).click();
  await page.locator('[data-testid="makeup"] .ant-tag').filter({ hasText: '2024-09-29' }).waitFor();
  await shot(page, 'zh-CN-admin-deadlines-calendar');
  // saved again as it stands: a new version with its reason in the history, the arithmetic unchanged
  await page.locator('[data-testid="reason"]:visible').fill('演示：核对调休');
  await page.locator('[data-testid="save"]:visible').click();
  await page.locator('.ant-message-success').last().waitFor();
  await page.getByText('演示：核对调休').first().waitFor();
  await shot(page, 'zh-CN-admin-deadlines-calendar-saved');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a supervisor sees overdue work, issues a supervision order with its own limit and follows it', async () => {
  const context = await newContext(browser, BASE, { locale: 'zh-CN' });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await signIn(page, 'supervisor');
  await page.goto('/supervise?tab=overdue');
  await page.locator('[data-testid="supervision-orders"]').waitFor();
  await page.locator('.ant-table-row button').first().waitFor();
  await page.waitForTimeout(500);
  await shot(page, 'zh-CN-supervise-board');
  // the queue's last table holds the cases; open the first one
  await page.locator('.ant-table').last().locator('.ant-table-row button').first().click();
  const panel = page.locator('[data-testid="case-panel"]');
  await panel.waitFor();
  await panel.locator('button[data-action="supervise"]').click();
  const dialog = page
    .getByRole('dialog')
    .filter({ has: page.locator('.ant-modal-title') })
    .last();
  await dialog.locator('textarea').first().fill('超期未办结，请两个工作日内办结并报告');
  await dialog.locator('.ant-input-number-input').fill('2');
  await page.screenshot({ path: await shot(page, 'zh-CN-supervise-order-dialog'), fullPage: false });
  await dialog.locator('.ant-modal-footer .ant-btn-primary').click();
  await page.locator('.ant-message-success').last().waitFor();
  await page.keyboard.press('Escape');
  const orders = page.locator('[data-testid="supervision-orders"]');
  await orders.getByText('超期未办结，请两个工作日内办结并报告').first().waitFor({ timeout: 40_000 });
  await shot(page, 'zh-CN-supervise-order-listed');
  assert.deepEqual(errors, []);
  await context.close();
});

test('the same screens in English', async () => {
  for (const [user, path, ready, name] of [
    ['admin', '/admin/deadlines', '[data-testid="amount-yellow-resolve"]', 'en-admin-deadlines-policies'],
    ['supervisor', '/supervise?tab=overdue', '[data-testid="supervision-orders"]', 'en-supervise-board'],
  ]) {
    const context = await newContext(browser, BASE, { locale: 'en' });
    const page = await context.newPage();
    await signIn(page, user);
    await page.goto(path);
    await page.locator(ready).first().waitFor();
    await page.waitForTimeout(500);
    await shot(page, name);
    await context.close();
  }
});
