// The grid worker's day with no signal: the field app is opened once online (the service worker keeps the
// shell, IndexedDB keeps the tasks), then the network goes off; the worker reports a hazard with a photo and
// verifies two cases on site, reloads the page (the shell still loads), and when the network returns the
// queue is sent: the report becomes exactly one case, the verification lands exactly once, and the case
// that someone else escalated meanwhile comes back as a conflict shown to the worker, not overwritten.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { ApiSession, type StaffUser } from '../lib/api.ts';
import { launch, newContext, shot, signIn, type UiLocale } from '../lib/browser.ts';

const BASE = process.env.E2E_BASE_URL ?? 'http://127.0.0.1:3000';
const API = process.env.E2E_API_URL ?? BASE;
// a 2 × 2 PNG: the camera's photo
const PHOTO = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4nGP4z8DAwMDAxMDAwMDAAAANHQEDasKb6QAAAABJRU5ErkJggg==',
  'base64',
);
const MARKER = `FIELD${Date.now().toString(36).toUpperCase()}`;

interface Case {
  id: string;
  version: number;
  trackingCode: string;
  status: string;
}

let browser: Browser;
let worker: StaffUser;
const dispatcher = new ApiSession(API);
const handler = new ApiSession(API);
const operator = new ApiSession(API);
const workerApi = new ApiSession(API);

/** A case in the worker's village taken to `resolved`, waiting for the on-site check. */
async function resolvedCase(what: string): Promise<Case> {
  const h = await handler.signIn('handler');
  const step = async (s: ApiSession, id: string, action: string, body: object = {}) => {
    const c = await dispatcher.call<Case>('GET', `/cases/${id}`);
    return s.call<Case>('POST', `/cases/${id}/actions/${action}`, { version: c.version, ...body });
  };
  const c = await operator.call<Case>('POST', '/cases', {
    kind: 'complaint',
    channel: 'hotline',
    categoryCode: '0605',
    description: `${what} ${MARKER}`,
    place: { address: `${worker.regionName}3组`, regionId: worker.regionId },
    parties: [{ role: 'applicant', name: '张三', phone: '13812345678' }],
  });
  await step(dispatcher, c.id, 'accept');
  await step(dispatcher, c.id, 'triage', { complexity: 'complex', colour: 'yellow' });
  await step(dispatcher, c.id, 'dispatch', { leadDepartmentId: h.departmentId });
  await step(handler, c.id, 'acknowledge');
  return step(handler, c.id, 'reportResult', { result: '已处理完毕' });
}

const events = async (id: string, type: string) =>
  (await dispatcher.call<{ items: { type: string }[] }>('GET', `/cases/${id}/timeline`)).items.filter(
    (e) => e.type === type,
  ).length;

before(async () => {
  browser = await launch();
  worker = await workerApi.signIn('gridworker');
  await dispatcher.signIn('dispatcher');
  await operator.signIn('operator');
});

after(async () => {
  await browser?.close();
});

const tab = (page: Page, n: number) => page.locator('.field-tabs .ant-segmented-item').nth(n).click();

async function openField(locale: UiLocale) {
  const context = await newContext(browser, BASE, { locale, mobile: true });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await signIn(page, 'gridworker');
  await page.goto('/field');
  await page.locator('.field-patrol').waitFor();
  return { context, page, errors };
}

test('offline in the field: report, verify, reload, and everything arrives exactly once', async (t) => {
  const toVerify = await resolvedCase('金岙村3组路灯不亮已一周');
  const toRace = await resolvedCase('金岙村5组下水道堵塞');
  const startedAt = new Date(Date.now() - 1000).toISOString();
  const { context, page, errors } = await openField('zh-CN');
  let broken = false;
  const step = (name: string, fn: () => Promise<void>) =>
    t.test(name, { skip: broken }, async () => {
      try {
        await fn();
      } catch (err) {
        broken = true;
        await shot(page, `failed-field-${name.slice(0, 24).replace(/\W+/g, '-')}`);
        throw err;
      }
    });

  await step('online: tasks load and the service worker takes the page', async () => {
    await page.locator(`.field-case[data-case="${toVerify.id}"]`).waitFor();
    await page.waitForFunction(() => !!navigator.serviceWorker?.controller, null, { timeout: 30_000 });
    await shot(page, 'field-01-tasks-zh-CN');
  });

  await step('offline: a hazard reported with photo and position', async () => {
    const h = (await workerApi.call<{ households: { lat: number; lon: number }[] }>('GET', '/field/today'))
      .households[0];
    await context.grantPermissions(['geolocation']);
    await context.setGeolocation({ latitude: h.lat, longitude: h.lon });
    await context.setOffline(true);
    await page.locator('#field-online.ant-tag-default').waitFor();
    await page.locator('#patrol-start').click();
    await page.locator('#patrol-stop').waitFor();
    await tab(page, 1);
    await page.locator('#report-category').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').first().click();
    await page.locator('#report-description').fill(`村口石桥栏杆断裂，有人落水风险 ${MARKER}`);
    await page.locator('#report-locate').click();
    await page.locator('#report-position').waitFor();
    await page
      .locator('#report-photo')
      .setInputFiles({ name: 'bridge.png', mimeType: 'image/png', buffer: PHOTO });
    await page.locator('#field-report .ant-image').waitFor();
    await shot(page, 'field-02-report-offline-zh-CN');
    await page.locator('#report-submit').click();
    await page.locator('.ant-message-success').last().waitFor();
  });

  await step(
    'offline: two cases verified on site, one of them escalated meanwhile in the office',
    async () => {
      await tab(page, 0);
      for (const c of [toVerify, toRace]) {
        await page.locator(`.field-case[data-case="${c.id}"] .field-verify`).click();
        await page.locator('#verify-note').fill('现场查看，已修复，群众认可');
        await page
          .locator('#verify-photo')
          .setInputFiles({ name: 'site.png', mimeType: 'image/png', buffer: PHOTO });
        if (c === toVerify) {
          await page.locator('.ant-drawer .ant-image').waitFor();
          await shot(page, 'field-03-verify-offline-zh-CN');
        }
        await page.locator('#verify-submit').click();
        await page.locator(`.field-case[data-case="${c.id}"] .ant-tag-processing`).waitFor();
      }
      const now = await dispatcher.call<Case>('GET', `/cases/${toRace.id}`);
      await dispatcher.call('POST', `/cases/${toRace.id}/actions/escalate`, {
        version: now.version,
        reason: '涉及多户，上报镇里统筹',
      });
      await tab(page, 3);
      assert.equal(await page.locator('.field-pending').count(), 4);
      await shot(page, 'field-04-queue-offline-zh-CN');
    },
  );

  await step('offline: two home visits recorded, then the patrol ends', async () => {
    await tab(page, 2);
    for (const n of [0, 1]) {
      await page.locator('.field-household').nth(n).click();
      await page.locator('#household-visit').click();
      await page.locator('#visit-note').fill(`入户了解家庭情况，暂无矛盾 ${MARKER}`);
      await page.locator('#visit-submit').click();
      await page.locator('.ant-drawer #visit-note').waitFor({ state: 'detached' });
    }
    await tab(page, 0);
    await page.locator('#patrol-stop').click();
    await page.locator('#patrol-start').waitFor();
    await tab(page, 3);
    assert.equal(await page.locator('.field-pending').count(), 7);
  });

  await step('offline: a reload still opens the app, from the service worker, with the queue', async () => {
    const res = await page.reload();
    assert.ok(res?.fromServiceWorker(), 'the page came from the service worker');
    await page.locator(`.field-case[data-case="${toVerify.id}"] .ant-tag-processing`).waitFor();
    await page.locator('#field-online.ant-tag-default').waitFor();
    await shot(page, 'field-05-reloaded-offline-zh-CN');
  });

  await step('online again: the queue is sent; each action arrives once; the conflict is shown', async () => {
    await context.setOffline(false);
    await page.locator('#field-online.ant-tag-success').waitFor();
    await tab(page, 3);
    await page.locator('.field-conflict').waitFor({ timeout: 30_000 });
    await page.locator('.field-pending').first().waitFor({ state: 'detached' });
    const reported = await dispatcher.call<{ items: { id: string; channel: string }[] }>(
      'GET',
      `/cases?q=${MARKER}&channel=grid_report`,
    );
    assert.equal(reported.items.length, 1, 'the report became exactly one case');
    assert.equal(await events(toVerify.id, 'case.verified'), 1, 'verified exactly once');
    assert.equal((await dispatcher.call<Case>('GET', `/cases/${toVerify.id}`)).status, 'verified');
    assert.equal(await events(toRace.id, 'case.verified'), 0, 'the escalated case was not overwritten');
    const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
    const days = await dispatcher.call<{
      patrols: { startedAt: string; endedAt: string | null }[];
      visits: { note: string }[];
    }>('GET', `/field/workers/${worker.id}/days?from=${day}&to=${day}`);
    assert.equal(days.visits.filter((x) => x.note.includes(MARKER)).length, 2, 'two visits, once each');
    assert.equal(
      days.patrols.filter((p) => p.startedAt >= startedAt && p.endedAt).length,
      1,
      'one patrol, ended',
    );
    await shot(page, 'field-06-conflict-zh-CN');
    // a second sync (a reload online) records nothing twice
    await page.reload();
    await page.locator('.field-patrol').waitFor();
    await page.locator('#field-sync').click();
    await page.waitForTimeout(1500);
    assert.equal(
      (await dispatcher.call<{ items: unknown[] }>('GET', `/cases?q=${MARKER}&channel=grid_report`)).items
        .length,
      1,
    );
    assert.equal(await events(toVerify.id, 'case.verified'), 1);
    assert.deepEqual(errors, []);
    assert.deepEqual(context.offsite, []);
  });
  await context.close();
});

test('the field app in English at a phone viewport: tasks, households and a household', async () => {
  const { context, page, errors } = await openField('en');
  await page.locator('.field-case, .ant-empty').first().waitFor();
  await shot(page, 'field-07-tasks-en');
  await tab(page, 2);
  await page.locator('.field-household').first().click();
  await page.locator('#household-visit').waitFor();
  await page.waitForTimeout(600); // the drawer slides in
  await shot(page, 'field-08-household-en');
  // signing out leaves nothing of the worker's day on the phone
  await page.keyboard.press('Escape');
  await page.locator('.field-header button[aria-label="Sign out"]').click();
  await page.waitForURL('**/login');
  const kept = await page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const req = indexedDB.open('hewei-field');
        req.onsuccess = () => {
          const count = req.result.transaction('kv').objectStore('kv').count();
          count.onsuccess = () => resolve(count.result);
          count.onerror = () => reject(count.error);
        };
        req.onerror = () => reject(req.error);
      }),
  );
  assert.equal(kept, 0);
  assert.deepEqual(errors, []);
  await context.close();
});
