// The whole closed loop as the people in it live it: a resident raises a matter on the portal, the county
// dispatcher accepts, triages and dispatches it, the department handles it, the grid worker checks it on site,
// the resident rates it, the dispatcher closes it, and the resident sees it closed.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { ApiSession, demoSmsCode, type StaffUser } from '../lib/api.ts';
import { launch, newContext, shot, signIn } from '../lib/browser.ts';
import { act, choose, L, openFromBoard, pick, statusIs } from '../lib/ui.ts';

const BASE = process.env.E2E_BASE_URL ?? 'http://127.0.0.1:3000';
const RESIDENT_PHONE = '13800000001';

let browser: Browser;
let handler: StaffUser;
let gridWorker: StaffUser;
let trackingCode = '';

before(async () => {
  browser = await launch();
  handler = await new ApiSession(BASE).signIn('handler');
  gridWorker = await new ApiSession(BASE).signIn('gridworker');
  assert.ok(handler.departmentName, 'the demo handler belongs to a department');
  assert.ok(gridWorker.regionName, 'the demo grid worker has an area');
});

after(async () => {
  await browser?.close();
});

async function staffPage(username: string, mobile = false) {
  const context = await newContext(browser, BASE, { mobile });
  const page = await context.newPage();
  await signIn(page, username);
  return { context, page };
}

test('a matter goes round the whole loop and the resident sees it closed', async (t) => {
  const resident = await newContext(browser, BASE, { mobile: true });
  const rPage = await resident.newPage();
  let broken = false;
  /** One step of the story; after a failed step the rest are skipped, with a screenshot of every open page. */
  const step = (name: string, fn: () => Promise<void>) =>
    t.test(name, { skip: broken }, async () => {
      try {
        await fn();
      } catch (err) {
        broken = true;
        const pages = browser.contexts().flatMap((c) => c.pages());
        await Promise.all(
          pages.map((p, i) => shot(p, `failed-${name.slice(4, 30).replace(/\W+/g, '-')}-${i}`)),
        );
        throw err;
      }
    });

  await step('the resident signs in by SMS code and raises a matter', async () => {
    await rPage.goto('/portal');
    await rPage.locator('button[data-entry="login"]').click();
    await rPage.locator('#phone').fill(RESIDENT_PHONE);
    await rPage.getByRole('button', { name: L('portal.login.sendCode') }).click();
    await rPage.getByText(L('portal.login.sent')).waitFor();
    await rPage.locator('#code').fill(await demoSmsCode(BASE, RESIDENT_PHONE));
    await rPage.locator('button[type="submit"]').click();
    await rPage.waitForURL('**/portal/mine');

    await rPage.goto('/portal/submit');
    await choose(rPage.locator('form'), L('kind.dispute'));
    await pick(rPage, 'categoryCode', '邻里');
    await rPage
      .locator('#description')
      .fill('邻居在楼道堆放杂物，多次沟通无果，影响消防通道通行，希望社区协调处理。');
    await pick(rPage, 'regionId', gridWorker.regionName!);
    await rPage.locator('#address').fill('3号楼2单元楼道');
    await shot(rPage, 'journey-01-resident-submit');
    await rPage.locator('button[type="submit"]').click();
    trackingCode = (await rPage.getByTestId('tracking-code').innerText()).trim();
    assert.match(trackingCode, /\w{4,}/);
    await shot(rPage, 'journey-02-resident-tracking-code');
  });

  await step('the dispatcher accepts, triages and dispatches it', async () => {
    const { context, page } = await staffPage('dispatcher');
    const drawer = await openFromBoard(page, '/dispatch?tab=all', trackingCode);
    await act(page, drawer, 'accept');
    await act(page, drawer, 'triage', async (d) => {
      await choose(d, L('complexity.complex'));
      await choose(d, L('colour.yellow'));
    });
    await act(page, drawer, 'dispatch', async () => {
      await pick(page, 'leadDepartmentId', handler.departmentName!);
    });
    await statusIs(drawer, 'dispatched');
    await shot(page, 'journey-03-dispatcher-dispatched');
    await context.close();
  });

  await step('the department acknowledges it and reports the result', async () => {
    const { context, page } = await staffPage('handler');
    const drawer = await openFromBoard(page, '/inbox?tab=ack', trackingCode);
    await drawer.getByText(L('inbox.objectionWindow')).waitFor();
    await shot(page, 'journey-04-handler-countdown');
    await act(page, drawer, 'acknowledge');
    await act(page, drawer, 'reportResult', async (d) => {
      await d.locator('#result').fill('已联系物业和住户清理楼道杂物，消防通道恢复畅通。');
    });
    await statusIs(drawer, 'resolved');
    await context.close();
  });

  await step('the grid worker verifies it on site', async () => {
    const { context, page } = await staffPage('gridworker', true);
    await page.goto('/field');
    await page.locator('.ant-card').filter({ hasText: trackingCode }).getByRole('button').click();
    const drawer = page.locator(`[data-testid="case-panel"][data-tracking-code="${trackingCode}"]`);
    await act(page, drawer, 'verify', async (d) => {
      await choose(d, L('form.passed.yes'));
      await d.locator('#note').fill('现场查看，楼道已清理干净。');
    });
    await statusIs(drawer, 'verified');
    await shot(page, 'journey-05-gridworker-verified');
    await context.close();
  });

  await step('the resident rates the outcome (the callback)', async () => {
    await rPage.goto('/portal/mine');
    await rPage.getByText(trackingCode).click();
    const form = rPage.getByTestId('rate-form');
    await choose(form, L('satisfaction.satisfied'));
    await form.locator('button[type="submit"]').click();
    await rPage.getByTestId('rated').waitFor();
    await shot(rPage, 'journey-06-resident-rated');
  });

  await step('the dispatcher closes the case', async () => {
    const { context, page } = await staffPage('dispatcher');
    const drawer = await openFromBoard(page, '/dispatch?tab=all', trackingCode);
    await act(page, drawer, 'close', async () => {});
    await statusIs(drawer, 'closed');
    await context.close();
  });

  await step('the resident sees it closed, in the list and by tracking code', async () => {
    await rPage.goto('/portal/mine');
    const row = rPage.locator('button[data-case-id]').filter({ hasText: trackingCode });
    await row.getByText(L('status.closed')).waitFor();
    await shot(rPage, 'journey-07-resident-closed');
    await rPage.goto(`/portal/track?code=${trackingCode}`);
    await rPage.locator('#phone4').fill(RESIDENT_PHONE.slice(-4));
    await rPage.locator('button[type="submit"]').click();
    await rPage.getByTestId('track-result').getByText(L('status.closed')).first().waitFor();
    await shot(rPage, 'journey-08-resident-track-closed');
  });

  assert.deepEqual(resident.offsite, [], 'no request left the machine');
  await resident.close();
});
