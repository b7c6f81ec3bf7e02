// Mediation after the agreement, on the mediator's screen: a neighbour dispute is brought to a signed,
// sealed agreement with two instalments through the API (the signing itself is mediation.journey.ts's
// story), then in the browser the mediator records the first instalment paid and flags the second as
// breached, downloads the follow-up visits as iCalendar, records the court's decision on the
// judicial-confirmation application, and drafts, signs and seals a superseding agreement while the
// signed one stays as history with its own sealed hash.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import type { Browser, Locator, Page } from 'playwright-core';
import type { StaffUser } from '../lib/api.ts';
import { launch, newContext, shot, signIn } from '../lib/browser.ts';
import { inDays, signedAgreement } from '../lib/mediation-aftercare.ts';
import { draw, L } from '../lib/ui.ts';

const BASE = process.env.E2E_BASE_URL ?? 'http://127.0.0.1:3000';

let browser: Browser;
let mediator: StaffUser;
let mediationId = '';
let agreementId = '';

before(async () => {
  browser = await launch();
  ({ mediator, mediationId, agreementId } = await signedAgreement(BASE));
});

after(async () => {
  await browser?.close();
});

/** Opens a dialog from a button, fills it, submits it and waits for it to close. */
async function dialogAction(page: Page, button: Locator, fill: (dialog: Locator) => Promise<void>) {
  await button.click();
  const dialog = page.getByRole('dialog').last();
  await dialog.waitFor();
  await fill(dialog);
  await dialog.locator('button[data-action$="-submit"]').click();
  await dialog.waitFor({ state: 'hidden' });
}

test('after the agreement: performance, the court’s decision, a superseding version', async (t) => {
  const context = await newContext(browser, BASE);
  const page = await context.newPage();
  await signIn(page, 'mediator');
  await page.goto(`/mediation/${mediationId}`);
  const perf = page.getByTestId('performance-panel');
  let broken = false;
  const step = (name: string, fn: () => Promise<void>) =>
    t.test(name, { skip: broken }, async () => {
      try {
        await fn();
      } catch (err) {
        broken = true;
        await shot(page, `failed-aftercare-${name.slice(4, 30).replace(/\W+/g, '-')}`);
        throw err;
      }
    });

  await step('the mediator records the first instalment paid and flags the second as breached', async () => {
    await perf.waitFor();
    assert.equal(await perf.locator('[data-perf-row]').count(), 3, 'two instalments and one act');
    assert.equal(await perf.locator('[data-perf-row][data-status="due"]').count(), 3);
    await dialogAction(page, perf.locator('[data-perf-row="t1-1"] button[data-action="perf-done"]'), (d) =>
      d.locator('textarea').fill('已收到银行转账回单，第一期叁仟元到账。'),
    );
    await perf.locator('[data-perf-row="t1-1"][data-status="performed"]').waitFor();
    await dialogAction(page, perf.locator('[data-perf-row="t1-2"] button[data-action="perf-breach"]'), (d) =>
      d.locator('textarea').fill('周海军明确表示不再支付第二期款项。'),
    );
    await perf.locator('[data-perf-row="t1-2"][data-status="breached"]').waitFor();
    await perf.getByTestId('breach-alert').waitFor();
    assert.ok((await perf.getByTestId('breach-alert').innerText()).includes('1'));
    await page
      .getByTestId('mediation-timeline')
      .getByText(L('mediation.e.mediationEvent.performance.breached'))
      .waitFor();
    await perf.scrollIntoViewIfNeeded();
    await shot(page, 'aftercare-01-performance');
  });

  await step('the follow-up visits download as iCalendar', async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      perf.locator('a[data-action="download-ics"], button[data-action="download-ics"]').click(),
    ]);
    assert.match(download.suggestedFilename(), /^followups-.+\.ics$/);
    const ics = readFileSync((await download.path())!, 'utf8');
    assert.ok(ics.startsWith('BEGIN:VCALENDAR'), 'an iCalendar file');
    assert.equal(ics.match(/BEGIN:VTODO/g)?.length, 3, 'a visit after each due date');
    assert.ok(ics.includes('回访'), 'the visits are named in Chinese');
    const listed = await perf.getByTestId('followups').locator('[data-followup]').count();
    assert.equal(listed, 3, 'the screen lists the same visits');
  });

  await step('the mediator records the court’s decision on the confirmation', async () => {
    const court = page.getByTestId('court-panel');
    const confirmation = court.locator('[data-testid="confirmation"]');
    await confirmation.waitFor();
    assert.equal(
      await court.locator('button[data-action="confirmation"]').count(),
      0,
      'one live application',
    );
    assert.equal(await confirmation.getAttribute('data-status'), 'submitted');
    await dialogAction(page, confirmation.locator('button[data-action="court-decision"]'), async (d) => {
      await d.getByLabel(L('mediation.e.confirmationStatus.accepted')).check();
      await d.locator('#caseNumber').fill('（2026）浙0101民特调确字第 18 号');
    });
    await court.locator('[data-testid="confirmation"][data-status="accepted"]').waitFor();
    await dialogAction(page, confirmation.locator('button[data-action="court-decision"]'), async (d) => {
      await d.getByLabel(L('mediation.e.confirmationStatus.confirmed')).check();
      await d.locator('#decidedOn').fill('2099-01-01');
      await d.locator('#note').fill('经审查，调解协议符合司法确认条件，裁定确认有效。');
      await d.locator('button[data-action="court-decision-submit"]').click();
      await d.getByText(L('mediation.decision.notFuture')).waitFor();
      await d.locator('#decidedOn').fill(inDays(0));
    });
    await court.locator('[data-testid="confirmation"][data-status="confirmed"]').waitFor();
    const shown = await court.getByTestId('confirmation').innerText();
    for (const s of [
      '（2026）浙0101民特调确字第 18 号',
      '裁定确认有效',
      L('mediation.e.confirmationStatus.confirmed'),
    ])
      assert.ok(shown.includes(s), `the decision shows ${s}`);
    await court.scrollIntoViewIfNeeded();
    await shot(page, 'aftercare-02-court-decision');
  });

  await step(
    'a superseding agreement is drafted, signed and sealed; the first stays as history',
    async () => {
      const panel = page.getByTestId('agreement-panel');
      await panel.locator('button[data-action="supersede"]').click();
      const editor = panel.getByTestId('supersede-editor');
      await editor.waitFor();
      await page.locator('#term-1-due').fill(inDays(25));
      await page
        .locator('#term-1-content')
        .fill('周海军清除堆放在两户之间通道上的建筑材料，并铺平路面，恢复通行。');
      await page.locator('#supersede-reason').fill('双方同意延长通道清理期限并增加铺平路面的义务。');
      await shot(page, 'aftercare-03-supersede-editor');
      await editor.locator('button[data-action="supersede-submit"]').click();
      await panel.locator('[data-testid="agreement-status"][data-status="draft"]').waitFor();
      const versions = panel.getByTestId('agreement-versions');
      await versions.locator('[data-version="1"][data-status="superseded"]').waitFor();
      await versions.locator('[data-version="2"][data-status="draft"]').waitFor();

      // both parties sign in front of the mediator after the ID check, then the mediator, then the seal
      for (let i = 0; i < 3; i++) {
        const button = panel.locator('button[data-action="sign"]').first();
        const signer = (await button.getAttribute('data-signer'))!;
        await button.click();
        const dialog = page.getByRole('dialog').filter({ has: page.getByTestId('signature-pad') });
        await draw(page, dialog.getByTestId('signature-pad'));
        if (signer !== mediator.id) await dialog.getByTestId('identity-checked').click();
        await dialog.locator('button[data-action="sign-submit"]').click();
        await dialog.waitFor({ state: 'hidden' });
        await panel.locator(`[data-signer-row="${signer}"][data-signed="yes"]`).waitFor();
      }
      await panel.locator('button[data-action="seal"]').click();
      await panel.locator('[data-testid="agreement-status"][data-status="effective"]').waitFor();
      const v2 = versions.locator('[data-version="2"][data-status="effective"]');
      await v2.waitFor();
      const v1Seal = await versions.locator('[data-version="1"]').getAttribute('data-seal');
      const v2Seal = await v2.getAttribute('data-seal');
      assert.match(v1Seal ?? '', /^[0-9a-f]{64}$/, 'the first version keeps its sealed hash');
      assert.match(v2Seal ?? '', /^[0-9a-f]{64}$/, 'the new version has its own');
      assert.notEqual(v1Seal, v2Seal);
      assert.ok((await v2.innerText()).includes(L('mediation.versions.replaces', { v: '1' })));
      assert.equal(await panel.locator('[data-document-kind="agreement"]').count(), 2, 'both PDFs kept');
      // the performance now follows the new version: three obligations, none recorded yet
      await page
        .locator(
          `[data-testid="performance-panel"][data-agreement-id]:not([data-agreement-id="${agreementId}"])`,
        )
        .waitFor();
      // the new version has its own 30 days in which to apply
      const court = page.getByTestId('court-panel');
      await court
        .locator('[data-testid="confirmation-window"][data-open="yes"][data-days-left="30"]')
        .waitFor();
      await court.locator('button[data-action="confirmation"]').waitFor();
      await panel.scrollIntoViewIfNeeded();
      await shot(page, 'aftercare-04-superseded');
    },
  );

  await step('the same screens in English', async () => {
    const en = await newContext(browser, BASE, { locale: 'en' });
    const p = await en.newPage();
    await signIn(p, 'mediator');
    await p.goto(`/mediation/${mediationId}`);
    await p.getByTestId('performance-panel').getByText('Performance of the agreement (version 2)').waitFor();
    await p.getByTestId('agreement-versions').getByText('Replaced by version 2').waitFor();
    await p.getByTestId('court-panel').getByText('Confirmed', { exact: true }).waitFor();
    await shot(p, 'aftercare-05-en');
    assert.deepEqual(en.offsite, [], 'no request left the machine');
    await en.close();
  });

  assert.deepEqual(context.offsite, [], 'no request left the machine');
  await context.close();
});
