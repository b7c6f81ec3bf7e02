// Two things a grid worker's day adds to the field app: a green matter settled on the spot (首问办结) from
// the phone with no signal, sent through the same queue as a verification — once, and shown as a conflict
// when the office changed the case meanwhile — and the supervisors' view of each worker's day and week:
// patrol tracks on a plain map, home visits, follow-ups due and done.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { ApiSession, type StaffUser } from '../lib/api.ts';
import { launch, newContext, shot, signIn, type UiLocale } from '../lib/browser.ts';

const BASE = process.env.E2E_BASE_URL ?? 'http://127.0.0.1:3000';
const API = process.env.E2E_API_URL ?? BASE;
const MARKER = `ONSPOT${Date.now().toString(36).toUpperCase()}`;

interface Case {
  id: string;
  version: number;
  status: string;
}

let browser: Browser;
let worker: StaffUser;
const dispatcher = new ApiSession(API);
const workerApi = new ApiSession(API);

before(async () => {
  browser = await launch();
  worker = await workerApi.signIn('gridworker');
  await dispatcher.signIn('dispatcher');
});
after(async () => {
  await browser?.close();
});

/** A green matter the worker reported, still waiting at intake. */
const greenCase = (what: string) =>
  workerApi.call<Case>('POST', '/cases', {
    kind: 'hazard',
    channel: 'grid_report',
    categoryCode: '0605',
    description: `${what} ${MARKER}`,
    place: { address: `${worker.regionName}2组`, regionId: worker.regionId },
    parties: [],
  });
const events = async (id: string, type: string) =>
  (await dispatcher.call<{ items: { type: string }[] }>('GET', `/cases/${id}/timeline`)).items.filter(
    (e) => e.type === type,
  ).length;
const tab = (page: Page, n: number) => page.locator('.field-tabs .ant-segmented-item').nth(n).click();

async function settle(page: Page, c: Case, note: string, name?: string) {
  await page.locator(`.field-case[data-case="${c.id}"] .field-settle`).click();
  await page.locator('#settle-note').fill(note);
  if (name) {
    await page.waitForTimeout(500); // the drawer slides in
    await shot(page, name);
  }
  await page.locator('#settle-submit').click();
  await page.locator(`.field-case[data-case="${c.id}"] .ant-tag-processing`).waitFor();
}

for (const locale of ['zh-CN', 'en'] as UiLocale[]) {
  test(`on-the-spot resolution offline at a phone viewport (${locale}): once, and a conflict shown`, async () => {
    const settled = await greenCase('村道边堆放杂物，影响通行');
    const raced = await greenCase('路灯杆倾斜');
    const context = await newContext(browser, BASE, { locale, mobile: true });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await signIn(page, 'gridworker');
    await page.goto('/field');
    await page.locator(`.field-case[data-case="${settled.id}"] .field-settle`).waitFor();
    await page.waitForFunction(() => !!navigator.serviceWorker?.controller, null, { timeout: 30_000 });
    await context.setOffline(true);
    await page.locator('#field-online.ant-tag-default').waitFor();
    await settle(page, settled, '已联系村民当场清理完毕', `field-onspot-01-drawer-${locale}`);
    await settle(page, raced, '已联系电力所扶正');
    // meanwhile, in the office, the dispatcher takes the second matter in
    await dispatcher.call('POST', `/cases/${raced.id}/actions/accept`, { version: raced.version });
    await tab(page, 3);
    assert.equal(await page.locator('.field-pending').count(), 2);
    await shot(page, `field-onspot-02-queue-offline-${locale}`);

    await context.setOffline(false);
    await page.locator('#field-online.ant-tag-success').waitFor();
    await page.locator('.field-conflict').waitFor({ timeout: 30_000 });
    await page.locator('.field-pending').first().waitFor({ state: 'detached' });
    assert.equal((await dispatcher.call<Case>('GET', `/cases/${settled.id}`)).status, 'verified');
    assert.equal(await events(settled.id, 'case.resolved_on_spot'), 1, 'settled exactly once');
    assert.equal(await events(raced.id, 'case.resolved_on_spot'), 0, 'the accepted case was not overwritten');
    await shot(page, `field-onspot-03-conflict-${locale}`);
    // the worker settles it again on the case as it is now
    await page.locator('.field-conflict .ant-btn-primary').click();
    await page.locator('.field-conflict').waitFor({ state: 'detached', timeout: 30_000 });
    for (let i = 0; i < 20 && (await events(raced.id, 'case.resolved_on_spot')) === 0; i++)
      await page.waitForTimeout(500);
    assert.equal(await events(raced.id, 'case.resolved_on_spot'), 1);
    assert.deepEqual(errors, []);
    assert.deepEqual(context.offsite, []);
    await context.close();
  });
}

test('a dispute screening form filled in offline arrives once (phone, zh-CN and en)', async () => {
  const day = (n: number) =>
    new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(
      new Date(Date.now() + n * 86_400_000),
    );
  const campaign = await dispatcher.call<{ id: string }>('POST', '/field/screenings', {
    regionId: worker.regionId,
    title: `春节前矛盾纠纷排查 ${MARKER}`,
    form: [
      {
        key: 'quarrel',
        label: '近期是否有家庭争吵',
        labelEn: 'Any family quarrel lately?',
        type: 'yes_no',
        required: true,
        flagsDispute: true,
      },
      { key: 'note', label: '情况说明', labelEn: 'Notes', type: 'text' },
    ],
    startsOn: day(0),
    endsOn: day(7),
  });
  const screened = async () =>
    (
      await workerApi.call<{ items: { id: string; screened: number }[] }>('GET', '/field/screenings')
    ).items.find((c) => c.id === campaign.id)?.screened;
  for (const locale of ['zh-CN', 'en'] as UiLocale[]) {
    const context = await newContext(browser, BASE, { locale, mobile: true });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await signIn(page, 'gridworker');
    await page.goto('/field');
    const card = page.locator('.field-screening', { hasText: MARKER });
    await card.waitFor();
    await page.waitForFunction(() => !!navigator.serviceWorker?.controller, null, { timeout: 30_000 });
    await context.setOffline(true);
    await page.locator('#field-online.ant-tag-default').waitFor();
    await card.locator('.field-screen').click();
    await page.locator('#screening-household').click();
    await page
      .locator('.ant-select-dropdown:visible .ant-select-item-option')
      .nth(locale === 'en' ? 1 : 0)
      .click();
    await page.locator('#field-screening .ant-radio-button-wrapper').first().click();
    await page.locator('#field-screening textarea').fill('因彩礼问题有过争吵，已劝导');
    await page.waitForTimeout(400);
    await shot(page, `field-screening-01-form-offline-${locale}`);
    await page.locator('#screening-submit').click();
    await page.locator('#field-screening').waitFor({ state: 'detached' });
    await context.setOffline(false);
    await page.locator('#field-online.ant-tag-success').waitFor();
    for (let i = 0; i < 20 && (await screened()) !== (locale === 'en' ? 2 : 1); i++)
      await page.waitForTimeout(500);
    assert.equal(await screened(), locale === 'en' ? 2 : 1, 'each form arrives once');
    assert.deepEqual(errors, []);
    assert.deepEqual(context.offsite, []);
    await context.close();
  }
});

test('supervisors see a grid worker’s day and week: patrol track, visits, follow-ups', async () => {
  const today = await workerApi.call<{ households: { id: string; lat: number; lon: number }[] }>(
    'GET',
    '/field/today',
  );
  const h = today.households.find((x) => x.lat !== null && x.lon !== null) ?? today.households[0];
  const p = await workerApi.call<{ id: string }>('POST', '/field/patrols', {
    point: { lat: h.lat, lon: h.lon, note: `巡查开始 ${MARKER}` },
  });
  for (const [dLat, dLon] of [
    [0.0008, 0.0006],
    [0.0014, -0.0004],
  ])
    await workerApi.call('POST', `/field/patrols/${p.id}/points`, { lat: h.lat + dLat, lon: h.lon + dLon });
  await workerApi.call('POST', `/field/patrols/${p.id}/stop`, {});
  await workerApi.call('POST', '/field/visits', {
    householdId: h.id,
    kind: 'routine',
    note: `入户走访，家庭和睦 ${MARKER}`,
    lat: h.lat + 0.0003,
    lon: h.lon + 0.0003,
  });

  for (const locale of ['zh-CN', 'en'] as UiLocale[]) {
    const context = await newContext(browser, BASE, { locale });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await signIn(page, 'supervisor');
    await page.goto('/field-supervision');
    await page.locator('.field-supervision-records tr', { hasText: worker.displayName }).first().click();
    await page.locator('.field-supervision-worker .ant-card-head', { hasText: worker.displayName }).waitFor();
    await page.locator('.field-supervision-map path.leaflet-interactive').first().waitFor();
    await page.locator('.field-supervision-map .field-visit-marker').first().waitFor();
    await page.locator('.field-supervision-visits', { hasText: MARKER }).waitFor();
    await page.waitForTimeout(400);
    await shot(page, `field-supervision-01-day-${locale}`);
    await page.locator('.field-supervision-span .ant-segmented-item').nth(1).click();
    const period = page.locator('.field-supervision-period');
    await period.filter({ hasNotText: /(\d{4}-\d{2}-\d{2}).*\1/ }).waitFor();
    await page.locator('.field-supervision-visits', { hasText: MARKER }).waitFor();
    await page.waitForTimeout(400);
    await shot(page, `field-supervision-02-week-${locale}`);
    assert.deepEqual(errors, []);
    assert.deepEqual(context.offsite, []);
    await context.close();
  }
});
