// Small helpers that act on the UI the way a person does: type into a search, pick from a list, press a button.
import type { Locator, Page } from 'playwright-core';
import { en, zhCN } from '../../apps/web/src/lib/i18n/catalogues.ts';
import type { UiLocale } from './browser.ts';

export type MessageKey = keyof typeof zhCN;
let uiLocale: UiLocale = 'zh-CN';
/** The locale the journey's person reads (one journey file per locale: each runs in its own process). */
export function setUiLocale(locale: UiLocale): void {
  uiLocale = locale;
}
/** The label a person sees, read from the app's own catalogue so wording changes don't break journeys. */
export const L = (key: MessageKey, vars: Record<string, string> = {}) =>
  (uiLocale === 'en' ? en : zhCN)[key].replace(/\{(\w+)\}/g, (_, k: string) => vars[k] ?? '');

/**
 * Picks the option whose label contains `text`: in a native select (the resident portal) directly, in an antd
 * Select (staff screens) by opening it by its input id and typing to filter.
 */
export async function pick(page: Page, id: string, text: string): Promise<void> {
  const input = page.locator(`#${id}`);
  if ((await input.evaluate((e) => e.tagName)) === 'SELECT') {
    await input.locator('option', { hasText: text }).first().waitFor({ state: 'attached' });
    const value = await input.locator('option', { hasText: text }).first().getAttribute('value');
    await input.selectOption(value ?? '');
    return;
  }
  await input.click();
  await input.fill(text);
  const option = page
    .locator('.ant-select-dropdown:visible .ant-select-item-option')
    .filter({ hasText: text })
    .first();
  await option.click();
}

/** Finds a case on a queue board by its tracking code and opens it in the drawer. */
export async function openFromBoard(page: Page, path: string, trackingCode: string): Promise<Locator> {
  await page.goto(path);
  const search = page.getByPlaceholder(L('filter.q'));
  await search.fill(trackingCode);
  await search.press('Enter');
  await page.getByRole('button', { name: trackingCode }).first().click();
  const drawer = page.locator(`[data-testid="case-panel"][data-tracking-code="${trackingCode}"]`);
  await drawer.waitFor();
  return drawer;
}

/** Waits until the open case shows the given status. */
export async function statusIs(scope: Locator, status: string): Promise<void> {
  await scope.page().locator(`[data-testid="case-panel"][data-status="${status}"]`).waitFor();
}

/** Presses an allowed-action button; fills its form with `fill` and confirms when the action has one. */
export async function act(
  page: Page,
  scope: Locator,
  action: string,
  fill?: (dialog: Locator) => Promise<void>,
): Promise<void> {
  await scope.locator(`button[data-action="${action}"]`).click();
  if (fill) {
    const dialog = page
      .getByRole('dialog')
      .filter({ has: page.locator('.ant-modal-title') })
      .last();
    await fill(dialog);
    await dialog.locator('.ant-modal-footer .ant-btn-primary').click();
    await dialog.waitFor({ state: 'hidden' });
  }
  await page.locator('.ant-message-success').last().waitFor();
  await scope
    .locator(`button[data-action="${action}"]`)
    .waitFor({ state: 'detached' })
    .catch(() => {});
}

export async function choose(dialog: Locator, label: string): Promise<void> {
  await dialog
    .locator('.ant-radio-button-wrapper, .portal-choice label')
    .filter({ hasText: label })
    .first()
    .click();
}

/** Draws a short stroke on a signature pad, as a finger would. */
export async function draw(page: Page, pad: Locator) {
  await pad.waitFor();
  await pad.scrollIntoViewIfNeeded();
  await page.waitForTimeout(600); // the dialog zooms in: draw once it stands still
  const box = (await pad.boundingBox())!;
  await page.mouse.move(box.x + 20, box.y + box.height * 0.6);
  await page.mouse.down();
  for (let i = 1; i <= 12; i++)
    await page.mouse.move(box.x + 20 + i * 18, box.y + box.height * (0.6 + 0.25 * Math.sin(i)), { steps: 2 });
  await page.mouse.up();
}
