// The whole closed loop as the people in it live it, in one locale: a resident raises a matter on the portal, the
// county dispatcher accepts, triages and dispatches it, the department handles it, the grid worker checks it on
// site, the resident rates it, the dispatcher closes it, and the resident sees it closed. The journeys
// closed-loop.journey.ts (zh-CN) and closed-loop-en.journey.ts (en) run it.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { ApiSession, demoSmsCode, type StaffUser } from './api.ts';
import { launch, newContext, shot, signIn, type UiLocale } from './browser.ts';
import { act, choose, L, openFromBoard, pick, setUiLocale, statusIs } from './ui.ts';

const BASE = process.env.E2E_BASE_URL ?? 'http://127.0.0.1:3000';

/** What the people in the story type, in their language. */
export interface LoopTexts {
  residentPhone: string;
  category: string;
  description: string;
  address: string;
  result: string;
  verifyNote: string;
}

export const ZH_TEXTS: LoopTexts = {
  residentPhone: '13800000001',
  category: '邻里',
  description: '邻居在楼道堆放杂物，多次沟通无果，影响消防通道通行，希望社区协调处理。',
  address: '3号楼2单元楼道',
  result: '已联系物业和住户清理楼道杂物，消防通道恢复畅通。',
  verifyNote: '现场查看，楼道已清理干净。',
};

export const EN_TEXTS: LoopTexts = {
  residentPhone: '13800000002',
  category: 'Neighbours',
  description:
    'A neighbour keeps piling junk in the stairwell and blocks the fire escape; please help us sort it out.',
  address: 'Building 3, unit 2, stairwell',
  result: 'Talked to the property manager and the household; the stairwell is clear again.',
  verifyNote: 'Checked on site: the stairwell is clear.',
};

export function closedLoop(locale: UiLocale, texts: LoopTexts): void {
  setUiLocale(locale);
  const prefix = locale === 'zh-CN' ? 'journey' : `journey-${locale}`;
  const RESIDENT_PHONE = texts.residentPhone;
  let browser: Browser;
  let handler: StaffUser;
  let gridWorker: StaffUser;
  let villageName = '';
  let departmentName = '';
  let trackingCode = '';

  before(async () => {
    browser = await launch();
    const handlerApi = new ApiSession(BASE, locale);
    handler = await handlerApi.signIn('handler');
    gridWorker = await new ApiSession(BASE, locale).signIn('gridworker');
    // the grid worker's village as the resident's region list shows it, in the journey's language
    const { items } = await new ApiSession(BASE, locale).call<{ items: { id: string; name: string }[] }>(
      'GET',
      '/org/regions',
    );
    villageName = items.find((r) => r.id === gridWorker.regionId)?.name ?? gridWorker.regionName ?? '';
    const departments = await handlerApi.call<{ items: { id: string; name: string }[] }>(
      'GET',
      '/org/departments',
    );
    departmentName =
      departments.items.find((d) => d.id === handler.departmentId)?.name ?? handler.departmentName ?? '';
    assert.ok(handler.departmentName, 'the demo handler belongs to a department');
    assert.ok(gridWorker.regionName, 'the demo grid worker has an area');
  });

  after(async () => {
    await browser?.close();
  });

  async function staffPage(username: string, mobile = false) {
    const context = await newContext(browser, BASE, { locale, mobile });
    const page = await context.newPage();
    await signIn(page, username);
    return { context, page };
  }

  test(`a matter goes round the whole loop and the resident sees it closed (${locale})`, async (t) => {
    const resident = await newContext(browser, BASE, { locale, mobile: true });
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
            pages.map((p, i) => shot(p, `${prefix}-failed-${name.slice(4, 30).replace(/\W+/g, '-')}-${i}`)),
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
      await pick(rPage, 'categoryCode', texts.category);
      await rPage.locator('#description').fill(texts.description);
      await pick(rPage, 'regionId', villageName);
      await rPage.locator('#address').fill(texts.address);
      await shot(rPage, `${prefix}-01-resident-submit`);
      await rPage.locator('button[type="submit"]').click();
      trackingCode = (await rPage.getByTestId('tracking-code').innerText()).trim();
      assert.match(trackingCode, /\w{4,}/);
      await shot(rPage, `${prefix}-02-resident-tracking-code`);
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
        await pick(page, 'leadDepartmentId', departmentName);
      });
      await statusIs(drawer, 'dispatched');
      await shot(page, `${prefix}-03-dispatcher-dispatched`);
      await context.close();
    });

    await step('the department acknowledges it and reports the result', async () => {
      const { context, page } = await staffPage('handler');
      const drawer = await openFromBoard(page, '/inbox?tab=ack', trackingCode);
      await drawer.getByText(L('inbox.objectionWindow')).waitFor();
      await shot(page, `${prefix}-04-handler-countdown`);
      await act(page, drawer, 'acknowledge');
      await act(page, drawer, 'reportResult', async (d) => {
        await d.locator('#result').fill(texts.result);
      });
      await statusIs(drawer, 'resolved');
      await context.close();
    });

    await step('the grid worker verifies it on site', async () => {
      const { context, page } = await staffPage('gridworker', true);
      await page.goto('/field');
      // the field app: the task card, its verify button, a note; it sends at once when online
      const card = page.locator('.field-case').filter({ hasText: trackingCode });
      await card.locator('.field-verify').click();
      await page.locator('#verify-note').fill(texts.verifyNote);
      await shot(page, `${prefix}-05-gridworker-verify`);
      // by keyboard: at the phone viewport the drawer's button can sit outside what a click can reach
      await page.locator('#verify-submit').focus();
      await page.keyboard.press('Enter');
      const office = new ApiSession(BASE, locale);
      await office.signIn('dispatcher');
      for (let i = 0; ; i++) {
        const { items } = await office.call<{ items: { status: string }[] }>(
          'GET',
          `/cases?q=${encodeURIComponent(trackingCode)}`,
        );
        if (items[0]?.status === 'verified') break;
        assert.ok(i < 60, `still ${items[0]?.status} after the grid worker verified it`);
        await page.waitForTimeout(500);
      }
      await shot(page, `${prefix}-05-gridworker-verified`);
      await context.close();
    });

    await step('the resident rates the outcome (the callback)', async () => {
      await rPage.goto('/portal/mine');
      await rPage.getByText(trackingCode).click();
      const form = rPage.getByTestId('rate-form');
      await choose(form, L('satisfaction.satisfied'));
      await form.locator('button[type="submit"]').click();
      await rPage.getByTestId('rated').waitFor();
      await shot(rPage, `${prefix}-06-resident-rated`);
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
      await shot(rPage, `${prefix}-07-resident-closed`);
      await rPage.goto(`/portal/track?code=${trackingCode}`);
      await rPage.locator('#phone4').fill(RESIDENT_PHONE.slice(-4));
      await rPage.locator('button[type="submit"]').click();
      await rPage.getByTestId('track-result').getByText(L('status.closed')).first().waitFor();
      await shot(rPage, `${prefix}-08-resident-track-closed`);
    });

    assert.deepEqual(resident.offsite, [], 'no request left the machine');
    await resident.close();
  });
}
