// The first step of the loop as the dispatcher sees it: a resident's new matter appears on the open dispatch
// board by itself, pushed by the server (the board's poll is 60 s while its stream is connected, 15 s without).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { ApiSession } from '../lib/api.ts';
import { launch, newContext, shot, signIn } from '../lib/browser.ts';
import { L } from '../lib/ui.ts';

const BASE = process.env.E2E_BASE_URL ?? 'http://127.0.0.1:3000';
const PUSHED_WITHIN_MS = 10_000;

let browser: Browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

test('a new matter shows on the open dispatch board without a reload', async () => {
  const context = await newContext(browser, BASE);
  const page = await context.newPage();
  await signIn(page, 'dispatcher');
  await page.goto('/dispatch?tab=accept');
  await page.getByText(L('common.live')).waitFor();
  const marker = `LIVE${Date.now().toString(36).toUpperCase()}`;
  const search = page.getByPlaceholder(L('filter.q'));
  await search.fill(marker);
  await search.press('Enter');
  await page.locator('.ant-table-placeholder, .ant-empty').first().waitFor();

  const started = Date.now();
  const created = await new ApiSession(BASE).call<{ trackingCode: string }>('POST', '/cases', {
    kind: 'complaint',
    channel: 'web',
    categoryCode: '0204',
    description: `村口路灯坏了三天，晚上出行不安全 ${marker}`,
    place: { address: '村口' },
    parties: [{ role: 'applicant', name: '居民', phone: '13800000009' }],
  });
  await page.getByRole('button', { name: created.trackingCode }).waitFor({ timeout: PUSHED_WITHIN_MS });
  const ms = Date.now() - started;
  console.log(`pushed to the board in ${ms} ms`);
  assert.ok(ms < PUSHED_WITHIN_MS);
  await shot(page, 'journey-live-board');
  assert.deepEqual(context.offsite, [], 'no request left the machine');
  await context.close();
});
