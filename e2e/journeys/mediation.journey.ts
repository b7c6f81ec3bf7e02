// Mediation as the people in it live it: a resident raises a neighbour dispute in the portal, names the other
// party and picks a mediator in the marketplace, the dispatcher accepts the case and starts the mediation, the
// mediator accepts and schedules a video session (the respondent's link goes out by SMS), the mediator, the
// resident and the respondent meet in the video room from their own browsers with Chromium's fake cameras, a
// counsellor the mediator invites mid-session joins by link, every connection is checked through the page
// (state, decoded frames), the respondent rejoins without a camera, messages reach everyone; the mediator
// drafts the agreement, the resident signs it on the portal's signing pad, the respondent and the mediator
// sign on the mediator's screen, the seal makes it effective and the resident downloads the PDF. Then the
// screens in en.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { LI_ID, ZHANG_ID } from '@hewei/domain/mediation/testdata.ts';
import type { Browser, Locator, Page } from 'playwright-core';
import { extractText, getDocumentProxy } from 'unpdf';
import { ApiSession, demoSmsCode, type StaffUser } from '../lib/api.ts';
import { launch, newContext, shot, signIn } from '../lib/browser.ts';
import { act, choose, draw, L, openFromBoard, pick } from '../lib/ui.ts';

const BASE = process.env.E2E_BASE_URL ?? 'http://127.0.0.1:3000';
const RESIDENT_PHONE = '13800000077';
const RESPONDENT_PHONE = '13987654321';

let browser: Browser;
let mediator: StaffUser;
let gridWorker: StaffUser;
let trackingCode = '';
let caseId = '';
let mediationId = '';
let sessionId = '';
let respondentLink = '';

before(async () => {
  browser = await launch({ media: true });
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

/** what the room pages wrote to the console, for a connection that hangs */
const logs: string[] = [];

async function joinRoom(page: Page, how: 'video' | 'text') {
  // four browsers encoding and decoding video on a small machine: the room pages answer slowly
  page.setDefaultTimeout(90_000);
  page.on('console', (m) => {
    if (m.type() === 'warning' || m.type() === 'error') logs.push(`${m.type()}: ${m.text()}`);
  });
  await page.locator(`button[data-action="join-${how}"]`).click();
  await page.locator('[data-testid="mediation-room"][data-state="joined"]').waitFor();
}

/**
 * Waits until the page shows `n` other participants, each as a video tile whose connection is
 * `connected` and whose video decodes frames (both read by the room page from getStats).
 */
async function videoFlows(page: Page, n: number, timeoutMs = 90_000) {
  const tiles = page.getByTestId('peer-tile');
  const read = () =>
    tiles.evaluateAll((els) =>
      els.map((e) => ({
        state: e.getAttribute('data-connection'),
        frames: Number(e.getAttribute('data-frames-decoded')),
        video: e.getAttribute('data-video'),
        signaling: e.getAttribute('data-signaling'),
        ice: e.getAttribute('data-ice'),
      })),
    );
  const until = Date.now() + timeoutMs;
  let last = await read();
  while (Date.now() < until) {
    if (last.length === n && last.every((t) => t.state === 'connected' && t.video === 'yes' && t.frames > 0))
      return;
    await page.waitForTimeout(500);
    last = await read();
  }
  const me = await page.getByTestId('mediation-room').locator('p').first().innerText();
  throw new Error(`peers of ${me} on ${page.url()}: ${JSON.stringify(last)}\n${logs.join('\n')}`);
}

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
          // a page that cannot be captured must not hide the error itself
          pages.map((p, i) =>
            shot(p, `failed-mediation-${name.slice(4, 30).replace(/\W+/g, '-')}-${i}`).catch(() => ''),
          ),
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
    // the dispute was raised alone: the other party is named with the request, checked by the server
    await rPage.locator('#respondent-name').fill('李建国');
    await rPage.locator('#respondent-phone').fill('1398765');
    await rPage.locator('#respondent-address').fill('金岙村三组15号');
    await rPage.locator('button[data-action="request-mediation"]').click();
    await rPage.locator('#respondent-phone-error').getByText('respondent.phone').waitFor();
    await shot(rPage, 'mediation-01b-resident-respondent-refused');
    await rPage.locator('#respondent-phone').fill(RESPONDENT_PHONE);
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
      // the respondent the resident named is on the case, masked
      const parties = m.page.getByTestId('parties');
      await parties.getByText('李建国').waitFor();
      await parties.getByText('139****4321').waitFor();
      await m.page.locator('button[data-action="schedule"]').click();
      await m.page.locator('button[data-action="schedule-submit"]').click();
      await m.page.getByText(L('mediation.session.linksHint')).waitFor();
      await m.page.keyboard.press('Escape');
      const session = m.page.getByTestId('session').first();
      await session.waitFor();
      sessionId = (await session.getAttribute('data-session-id'))!;
      await shot(m.page, 'mediation-04-mediator-scheduled');
      await m.context.close();

      // the respondent has no account: the invitation with their own link went to their phone
      const { items } = await new ApiSession(BASE).call<{ items: { body: string }[] }>(
        'GET',
        `/dev/sms?phone=${RESPONDENT_PHONE}`,
      );
      const invite = items.map((x) => x.body).find((b) => b.includes(`/mediation/room/${sessionId}?token=`));
      assert.ok(invite, `an SMS invitation for the respondent: ${JSON.stringify(items)}`);
      respondentLink = invite.match(/\/mediation\/room\/[^\s。]+/)![0];
    },
  );

  await step(
    'all meet in the video room; a counsellor joins mid-session; messages reach everyone',
    async () => {
      // the mediator keeps the mediation page open beside the room, to invite from it later
      const d = await staffPage('mediator');
      const desk = d.page;
      await desk.goto(`/mediation/${mediationId}`);
      await desk.locator(`[data-session-id="${sessionId}"] button[data-action="invite"]`).waitFor();
      const m = await staffPage('mediator');
      await m.page.goto(`/mediation/room/${sessionId}`);
      await joinRoom(m.page, 'video');

      await rPage.goto(`/portal/mediation/${caseId}`);
      await rPage.locator('a[data-action="enter-room"], button[data-action="enter-room"]').first().click();
      await joinRoom(rPage, 'video');

      const respondent = await newContext(browser, BASE, { mobile: true });
      const lPage = await respondent.newPage();
      await lPage.goto(respondentLink);
      await lPage.getByText('李建国').first().waitFor();
      await joinRoom(lPage, 'video');
      for (const p of [m.page, rPage, lPage]) await videoFlows(p, 2);

      // the mediator invites the pool's counsellor from the mediation page while the session runs
      await desk.locator(`[data-session-id="${sessionId}"] button[data-action="invite"]`).click();
      const dialog = desk.getByRole('dialog').filter({ has: desk.getByTestId('invite-user') });
      await dialog.getByTestId('invite-user').click();
      // chosen with the keyboard: a pointer click on a row of the opening list did not always take
      await desk.locator('.ant-select-item-option').filter({ hasText: '何静' }).first().waitFor();
      const active = desk.locator('.ant-select-item-option-active').first();
      for (let i = 0; i < 12 && !((await active.textContent()) ?? '').includes('何静'); i++)
        await desk.keyboard.press('ArrowDown');
      await desk.keyboard.press('Enter');
      await dialog.getByText('何静').filter({ visible: true }).first().waitFor();
      await desk.locator('button[data-action="invite-submit"]').click();
      const counsellorLink = (await desk
        .locator('[data-testid="invitation-link"][data-kind="counsellor"] a')
        .getAttribute('href'))!;
      await d.context.close();
      const counsellor = await newContext(browser, BASE);
      const cPage = await counsellor.newPage();
      await cPage.goto(counsellorLink);
      await joinRoom(cPage, 'video');
      for (const p of [m.page, rPage, lPage, cPage]) await videoFlows(p, 3);
      await shot(m.page, 'mediation-05-room-mediator-video');
      await shot(cPage, 'mediation-05b-room-counsellor-video');

      await m.page.getByTestId('chat-input').fill('各位好，我是调解员赵德明，心理咨询师何老师也加入了。');
      await m.page.locator('button[data-action="send-chat"]').click();
      for (const p of [rPage, lPage, cPage])
        await p.getByTestId('chat').getByText('心理咨询师何老师').waitFor();
      await rPage.getByTestId('chat-input').fill('谢谢调解员，主要是围墙赔偿和排水沟修复。');
      await rPage.locator('button[data-action="send-chat"]').click();
      for (const p of [m.page, lPage, cPage])
        await p.getByTestId('chat').getByText('围墙赔偿和排水沟修复').waitFor();
      // a document shared by the mediator is announced to everyone in the room
      await m.page.getByPlaceholder(L('mediation.room.docTitle')).fill('现场照片与围墙修复报价单');
      await m.page.locator('button[data-action="share-document"]').click();
      await rPage.getByTestId('shared-document').getByText('围墙修复报价单').waitFor();
      await shot(rPage, 'mediation-06-room-resident-video');

      // the respondent's camera fails him: he rejoins with text only, still sees and hears the others
      await lPage.reload();
      await joinRoom(lPage, 'text');
      await videoFlows(lPage, 3);
      await m.page
        .locator(`[data-testid="peer-tile"][data-video="no"][data-connection="connected"]`)
        .filter({ hasText: '李建国' })
        .waitFor({ timeout: 90_000 });
      await lPage.getByTestId('chat-input').fill('我同意赔偿，但希望分两期支付。');
      await lPage.locator('button[data-action="send-chat"]').click();
      for (const p of [m.page, rPage, cPage])
        await p.getByTestId('chat').getByText('希望分两期支付').waitFor();
      await shot(lPage, 'mediation-06b-room-respondent-text-only');
      await shot(m.page, 'mediation-06c-room-mediator-after-rejoin');
      await Promise.all([respondent.close(), counsellor.close(), m.context.close()]);
    },
  );

  await step('the mediator drafts the agreement with every required field', async () => {
    const m = await staffPage('mediator');
    await m.page.goto(`/mediation/${mediationId}`);
    const panel = m.page.getByTestId('agreement-panel');
    await panel.locator('button[data-action="draft-agreement"]').click();
    const editor = panel.getByTestId('agreement-editor');
    await editor.waitFor();
    await m.page.locator('#party-0-name').fill('张桂兰');
    await m.page.locator('#party-0-idNumber').fill(ZHANG_ID);
    // the respondent the resident named is in the draft already
    assert.equal(await m.page.locator('#party-1-name').inputValue(), '李建国');
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
    const pdf = await res.body();
    assert.ok(pdf.subarray(0, 5).toString() === '%PDF-');
    // the Chinese is real text: both parties' names and the agreed sum come out of the PDF
    const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: true });
    for (const words of ['张桂兰', '李建国', '捌仟元'])
      assert.ok(text.includes(words), `${words} in the PDF text`);
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
