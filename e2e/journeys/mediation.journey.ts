// Mediation as the people in it live it: a resident raises a neighbour dispute and picks a mediator in the
// portal's marketplace, the dispatcher accepts the case and starts the mediation, the mediator accepts and
// schedules a video session, both meet in the online room and exchange messages, the mediator drafts the
// agreement, the resident signs it on the portal's signing pad, the respondent and the mediator sign on the
// mediator's screen, the seal makes it effective and the resident downloads the PDF. Then the screens in en.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { LI_ID, ZHANG_ID } from '@hewei/domain/mediation/testdata.ts';
import type { Browser, Locator, Page } from 'playwright-core';
import { ApiSession, demoSmsCode, type StaffUser } from '../lib/api.ts';
import { launch, newContext, shot, signIn } from '../lib/browser.ts';
import { act, choose, L, openFromBoard, pick } from '../lib/ui.ts';

const BASE = process.env.E2E_BASE_URL ?? 'http://127.0.0.1:3000';
const RESIDENT_PHONE = '13800000077';

let browser: Browser;
let mediator: StaffUser;
let gridWorker: StaffUser;
let trackingCode = '';
let caseId = '';
let mediationId = '';
let sessionId = '';

before(async () => {
  browser = await launch();
  mediator = await new ApiSession(BASE).signIn('mediator');
  gridWorker = await new ApiSession(BASE).signIn('gridworker');
});

after(async () => {
  await browser?.close();
});

async function staffPage(username: string, locale: 'zh-CN' | 'en' = 'zh-CN') {
  const context = await newContext(browser, BASE, { locale });
  const page = await context.newPage();
  await signIn(page, username);
  return { context, page };
}

/** Draws a short stroke on a signature pad, as a finger would. */
async function draw(page: Page, pad: Locator) {
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

async function signInModal(
  page: Page,
  scope: Locator,
  signer: string,
  idChecked: boolean,
  shotName?: string,
) {
  await scope.locator(`button[data-action="sign"][data-signer="${signer}"]`).click();
  const dialog = page.getByRole('dialog').filter({ has: page.getByTestId('signature-pad') });
  await draw(page, dialog.getByTestId('signature-pad'));
  if (idChecked) await dialog.getByTestId('identity-checked').click();
  if (shotName) await shot(page, shotName);
  await dialog.locator('button[data-action="sign-submit"]').click();
  await dialog.waitFor({ state: 'hidden' });
  await scope.locator(`[data-signer-row="${signer}"][data-signed="yes"]`).waitFor();
}

const mediationPage = (page: Page) => page.getByTestId('mediation-page');

test('a neighbour dispute is mediated online and ends in a signed agreement', async (t) => {
  const resident = await newContext(browser, BASE, { mobile: true });
  const rPage = await resident.newPage();
  let broken = false;
  const step = (name: string, fn: () => Promise<void>) =>
    t.test(name, { skip: broken }, async () => {
      try {
        await fn();
      } catch (err) {
        broken = true;
        const pages = browser.contexts().flatMap((c) => c.pages());
        await Promise.all(
          pages.map((p, i) => shot(p, `failed-mediation-${name.slice(4, 30).replace(/\W+/g, '-')}-${i}`)),
        );
        throw err;
      }
    });

  await step('the resident raises a neighbour dispute and picks a mediator in the marketplace', async () => {
    await rPage.goto('/portal/login');
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
      .fill('邻居建房时挖掘机碰倒我家东侧围墙约六米，并堵塞两户之间的排水沟，多次协商未果，申请调解。');
    await pick(rPage, 'regionId', gridWorker.regionName!);
    await rPage.locator('#address').fill('金岙村三组12号');
    await rPage.locator('button[type="submit"]').click();
    trackingCode = (await rPage.getByTestId('tracking-code').innerText()).trim();

    await rPage.goto('/portal/mediation');
    await rPage.locator(`button[data-tracking-code="${trackingCode}"]`).waitFor();
    await shot(rPage, 'mediation-00-resident-list');
    await rPage.locator(`button[data-tracking-code="${trackingCode}"]`).click();
    caseId = rPage.url().split('/').at(-1)!;
    const card = rPage.locator(`[data-testid="mediator-card"][data-user-id="${mediator.id}"]`);
    await card.waitFor();
    await shot(rPage, 'mediation-01-resident-marketplace');
    await card.getByRole('radio').check();
    await rPage.locator('button[data-action="request-mediation"]').click();
    await rPage.getByTestId('my-mediation').waitFor();
    await shot(rPage, 'mediation-02-resident-requested');
  });

  await step(
    'the dispatcher accepts the case; the mediator accepts; the dispatcher starts the mediation',
    async () => {
      const d = await staffPage('dispatcher');
      const drawer = await openFromBoard(d.page, '/dispatch?tab=all', trackingCode);
      await act(d.page, drawer, 'accept');

      const m = await staffPage('mediator');
      await m.page.goto('/mediation');
      await m.page.locator(`button[data-tracking-code="${trackingCode}"]`).click();
      await mediationPage(m.page).waitFor();
      mediationId = (await mediationPage(m.page).getAttribute('data-mediation-id'))!;
      await shot(m.page, 'mediation-03-mediator-request');
      await m.page.locator('button[data-action="accept"]').click();
      await m.page.locator('button[data-action="accept"]').waitFor({ state: 'detached' });

      await d.page.goto('/mediation');
      await d.page.locator(`button[data-tracking-code="${trackingCode}"]`).click();
      await d.page.locator('button[data-action="start"]').click();
      await d.page.locator('[data-testid="mediation-page"][data-status="active"]').waitFor();
      await d.context.close();

      await m.page.reload();
      await m.page.locator('button[data-action="schedule"]').click();
      await m.page.locator('button[data-action="schedule-submit"]').click();
      await m.page.getByText(L('mediation.session.linksHint')).waitFor();
      await m.page.keyboard.press('Escape');
      const session = m.page.getByTestId('session').first();
      await session.waitFor();
      sessionId = (await session.getAttribute('data-session-id'))!;
      await shot(m.page, 'mediation-04-mediator-scheduled');
      await m.context.close();
    },
  );

  await step('both meet in the online room and exchange a message', async () => {
    const m = await staffPage('mediator');
    await m.page.goto(`/mediation/room/${sessionId}`);
    await m.page.locator('button[data-action="join-text"]').click();
    await m.page.locator('[data-testid="mediation-room"][data-state="joined"]').waitFor();

    await rPage.goto(`/portal/mediation/${caseId}`);
    await rPage.locator('a[data-action="enter-room"], button[data-action="enter-room"]').first().click();
    await rPage.locator('button[data-action="join-text"]').click();
    await rPage.locator('[data-testid="mediation-room"][data-state="joined"]').waitFor();
    await m.page.getByTestId('presence').locator('[data-peer]').first().waitFor();
    await rPage.getByTestId('presence').locator('[data-peer]').first().waitFor();

    await m.page.getByTestId('chat-input').fill('张女士您好，我是调解员赵德明，我们先听听您的诉求。');
    await m.page.locator('button[data-action="send-chat"]').click();
    await rPage.getByTestId('chat').getByText('我是调解员赵德明').waitFor();
    await rPage.getByTestId('chat-input').fill('谢谢调解员，主要是围墙赔偿和排水沟修复。');
    await rPage.locator('button[data-action="send-chat"]').click();
    await m.page.getByTestId('chat').getByText('围墙赔偿和排水沟修复').waitFor();
    // a document shared by the mediator is announced to everyone in the room
    await m.page.getByPlaceholder(L('mediation.room.docTitle')).fill('现场照片与围墙修复报价单');
    await m.page.locator('button[data-action="share-document"]').click();
    await rPage.getByTestId('shared-document').getByText('围墙修复报价单').waitFor();
    await shot(m.page, 'mediation-05-room-mediator');
    await shot(rPage, 'mediation-06-room-resident');
    await m.context.close();
  });

  await step('the mediator drafts the agreement with every required field', async () => {
    const m = await staffPage('mediator');
    await m.page.goto(`/mediation/${mediationId}`);
    const panel = m.page.getByTestId('agreement-panel');
    await panel.locator('button[data-action="draft-agreement"]').click();
    const editor = panel.getByTestId('agreement-editor');
    await editor.waitFor();
    await m.page.locator('#party-0-name').fill('张桂兰');
    await m.page.locator('#party-0-idNumber').fill(ZHANG_ID);
    await editor.locator('button[data-action="add-party"]').click();
    await m.page.locator('#party-1-name').fill('李建国');
    await m.page.locator('#party-1-idNumber').fill(LI_ID);
    await m.page.locator('#party-1-address').fill('金岙村三组15号');
    for (const [i, v] of [
      ['0', ['汉族', '农民', '无']],
      ['1', ['汉族', '个体经营', '建国建材经营部']],
    ] as const)
      for (const [k, x] of (['ethnicity', 'occupation', 'workplace'] as const).map((k, j) => [k, v[j]]))
        await m.page.locator(`#party-${i}-${k}`).fill(x);
    if (!(await m.page.locator('#party-0-address').inputValue()))
      await m.page.locator('#party-0-address').fill('金岙村三组12号');
    await m.page.locator('#disputedMatters').fill('一、围墙倒塌的赔偿数额；二、排水沟的修复责任及期限。');
    await m.page.locator('#responsibility-0').fill('围墙年久失修，负次要责任。');
    await m.page.locator('#responsibility-1').fill('施工时未采取防护措施，负主要责任。');
    await m.page.locator('#term-0-content').fill('李建国赔偿张桂兰围墙损失人民币捌仟元整。');
    await pick(m.page, 'term-0-obligor', '李建国');
    await m.page.locator('#term-0-method').fill('银行转账');
    await m.page.locator('#term-0-place').fill('金岙村村民委员会');
    const due = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    await m.page.locator('#term-0-due').fill(due);
    await m.page.locator('#term-0-amount').fill('8000');
    await shot(m.page, 'mediation-07-agreement-editor');
    await editor.locator('button[data-action="save-agreement"]').click();
    await panel.locator('[data-testid="agreement-issues"]').waitFor({ state: 'detached' });
    await panel.locator('button[data-action="sign"]').first().waitFor();
    await m.context.close();
  });

  await step(
    'the resident signs on the portal pad; the respondent and the mediator sign; the seal',
    async () => {
      await rPage.goto(`/portal/mediation/${caseId}`);
      const signatures = rPage.getByTestId('signatures');
      await signatures.waitFor();
      const partyId = (await signatures.locator('button[data-action="sign"]').getAttribute('data-signer'))!;
      await signInModal(rPage, signatures, partyId, false, 'mediation-08a-resident-sign-dialog');
      await shot(rPage, 'mediation-08-resident-signed');

      const m = await staffPage('mediator');
      await m.page.goto(`/mediation/${mediationId}`);
      const panel = m.page.getByTestId('agreement-panel');
      // the respondent signs on the mediator's screen after the ID card check, then the mediator
      for (let i = 0; i < 2; i++) {
        const signer = (await panel
          .locator('button[data-action="sign"]')
          .first()
          .getAttribute('data-signer'))!;
        await signInModal(m.page, panel, signer, signer !== mediator.id);
      }
      await panel.locator('button[data-action="seal"]').click();
      await panel.locator('[data-testid="agreement-status"][data-status="effective"]').waitFor();
      await panel.locator('[data-document-kind="agreement"]').waitFor();
      await shot(m.page, 'mediation-09-mediator-sealed');
      await m.context.close();
    },
  );

  await step('the mediator files the judicial-confirmation application, signed by both parties', async () => {
    const m = await staffPage('mediator');
    await m.page.goto(`/mediation/${mediationId}`);
    await m.page.locator('button[data-action="confirmation"]').click();
    const dialog = m.page.getByRole('dialog').filter({ has: m.page.locator('#courtName') });
    await dialog.locator('#courtName').fill('和平县人民法院');
    await dialog
      .locator('#factsAndReasons')
      .fill('双方经枫溪镇人民调解委员会主持调解达成协议，为保障协议履行，共同申请司法确认。');
    // the respondent has no phone on record: the court needs one to reach him
    await dialog.locator('input[id^="phones_"]').nth(1).fill('13987654321');
    for (const pad of await dialog.locator('canvas[data-testid^="confirm-pad-"]').all())
      await draw(m.page, pad);
    await dialog.locator('#declarationAccepted').check();
    await shot(m.page, 'mediation-10a-confirmation-form');
    await dialog.locator('button[data-action="confirmation-submit"]').click();
    await dialog.waitFor({ state: 'hidden' });
    await m.page.getByTestId('confirmation').waitFor();
    await m.page.locator('[data-document-kind="confirmation"]').waitFor();
    await shot(m.page, 'mediation-10b-confirmation-filed');
    await m.context.close();
  });

  await step('the resident sees the agreement in effect and downloads the PDF', async () => {
    await rPage.goto(`/portal/mediation/${caseId}`);
    await rPage.locator('[data-testid="agreement-status"][data-status="effective"]').waitFor();
    const link = rPage.locator('a[data-action="download"][data-document-kind="agreement"]');
    const href = (await link.getAttribute('href'))!;
    const res = await rPage.request.get(href);
    assert.equal(res.status(), 200);
    assert.equal(res.headers()['content-type'], 'application/pdf');
    assert.ok((await res.body()).subarray(0, 5).toString() === '%PDF-');
    await shot(rPage, 'mediation-10-resident-agreement');
  });

  await step('the screens in English', async () => {
    const m = await staffPage('mediator', 'en');
    await m.page.goto('/mediation');
    await m.page.getByTestId('mediation-desk').waitFor();
    await m.page
      .getByRole('cell', { name: trackingCode })
      .or(m.page.locator(`button[data-tracking-code="${trackingCode}"]`))
      .first()
      .waitFor();
    await shot(m.page, 'mediation-11-en-desk');
    await m.page.goto(`/mediation/${mediationId}`);
    await mediationPage(m.page).waitFor();
    await m.page.getByText('Mediation agreement').first().waitFor();
    await shot(m.page, 'mediation-12-en-mediation');
    await m.context.close();
    const en = await newContext(browser, BASE, { locale: 'en', mobile: true });
    await en.addCookies(await resident.cookies());
    const p = await en.newPage();
    await p.goto(`/portal/mediation/${caseId}`);
    await p.getByText('Your mediation').waitFor();
    await shot(p, 'mediation-13-en-portal');
    await en.close();
  });

  assert.deepEqual(resident.offsite, [], 'no request left the machine');
  await resident.close();
});

test('a mediation that fails is referred to the court with its package', async () => {
  // one of the demo county's mediations a dispatcher started; its town mediator records the failure
  const dispatcher = new ApiSession(BASE);
  await dispatcher.signIn('dispatcher');
  const { items } = await dispatcher.call<{
    items: { id: string; status: string; mediators: { userId: string; status: string }[] }[];
  }>('GET', '/mediations');
  const open = items.find(
    (m) =>
      m.status === 'active' && m.mediators.some((x) => x.status === 'accepted' && x.userId !== mediator.id),
  );
  assert.ok(open, 'the demo county has an active mediation');
  const username = open.mediators.find((x) => x.status === 'accepted')!.userId.replace(/^u-/, '');
  const { context, page } = await staffPage(username);
  await page.goto(`/mediation/${open.id}`);
  await page.locator('button[data-action="refer"]').click();
  const dialog = page.getByRole('dialog').filter({ has: page.locator('#receivingBody') });
  await dialog.locator('#receivingBody').fill('和平县人民法院');
  await dialog.locator('#failureReason').fill('双方对赔偿数额分歧过大，经两次调解未能达成协议。');
  await dialog.locator('#claims').fill('申请人请求赔偿损失并恢复原状。');
  await dialog.locator('button[data-action="refer-submit"]').click();
  await dialog.waitFor({ state: 'hidden' });
  await page.locator('[data-testid="mediation-page"][data-status="concluded"]').waitFor();
  await page.locator('[data-document-kind="referral"]').waitFor();
  await page.locator('[data-document-kind="referral_json"]').waitFor();
  await shot(page, 'mediation-14-referred');
  await context.close();
});
