// A mediation brought through the API to a signed, sealed agreement with two instalments and a
// judicial-confirmation application filed: the starting point of mediation-aftercare.journey.ts.
import assert from 'node:assert/strict';
import { LI_ID, ZHANG_ID } from '@hewei/domain/mediation/testdata.ts';
import { signatureBase64 } from '../../apps/server/src/documents/testing.ts';
import { ApiSession, type StaffUser } from './api.ts';

const DAY = 86_400_000;
/** A date in China `days` from today, as the agreement writes it. */
export const inDays = (days: number) =>
  new Date(Date.now() + 8 * 3600_000 + days * DAY).toISOString().slice(0, 10);

interface AgreementJson {
  id: string;
  text: { parties: { id: string; name: string }[] } & Record<string, unknown>;
  issues: { field: string; code: string }[];
}

/** Dispute → mediation → agreement with instalments, signed by all and sealed → confirmation applied. */
export async function signedAgreement(
  BASE: string,
): Promise<{ mediator: StaffUser; mediationId: string; agreementId: string }> {
  const dispatcher = new ApiSession(BASE);
  await dispatcher.signIn('dispatcher');
  const gridWorker = await new ApiSession(BASE).signIn('gridworker');
  const m = new ApiSession(BASE);
  const mediator = await m.signIn('mediator');
  const c = await dispatcher.call<{ id: string; version: number }>('POST', '/cases', {
    kind: 'dispute',
    channel: 'hotline',
    categoryCode: '0102',
    description: '邻居翻建房屋时损坏来电人院墙并占用通道，双方多次协商未果，来电申请调解。',
    place: { address: '金岙村五组8号', regionId: gridWorker.regionId },
    parties: [
      {
        role: 'applicant',
        name: '陈美玲',
        phone: '13800000091',
        idNumber: ZHANG_ID,
        address: '金岙村五组8号',
      },
      { role: 'respondent', name: '周海军', phone: '13800000092', idNumber: LI_ID, address: '金岙村五组9号' },
    ],
  });
  await dispatcher.call('POST', `/cases/${c.id}/actions/accept`, { version: c.version });
  const med = await dispatcher.call<{ id: string }>('POST', '/mediations', {
    caseId: c.id,
    mediatorIds: [mediator.id],
    acknowledgeWarnings: true,
  });
  const mediationId = med.id;
  await m.call('POST', `/mediations/${mediationId}/accept`, {});
  const draft = await m.call<AgreementJson>('POST', `/mediations/${mediationId}/agreements`, {});
  const agreementId = draft.id;
  const [a, b] = draft.text.parties;
  const text = {
    ...draft.text,
    number: '（2026）金调字第 018 号',
    parties: draft.text.parties.map((p, i) => ({
      ...p,
      ethnicity: '汉族',
      occupation: i === 0 ? '农民' : '个体经营',
      workplace: i === 0 ? '无' : '海军建材店',
    })),
    disputedMatters: '一、院墙损坏的赔偿数额；二、通道的恢复及期限。',
    responsibilities: [
      { partyId: b.id, text: '周海军施工未采取防护措施，负主要责任。' },
      { partyId: a.id, text: '陈美玲院墙年久失修，负次要责任。' },
    ],
    terms: [
      {
        id: 't1',
        content: '周海军赔偿陈美玲院墙损失人民币陆仟元整，分两期支付。',
        obligorPartyIds: [b.id],
        obligeePartyIds: [a.id],
        performanceMethod: '银行转账',
        place: '金岙村村民委员会',
        dueDate: inDays(40),
        amountCents: 600_000,
        instalments: [
          { dueDate: inDays(10), amountCents: 300_000 },
          { dueDate: inDays(40), amountCents: 300_000 },
        ],
      },
      {
        id: 't2',
        content: '周海军清除堆放在两户之间通道上的建筑材料，恢复通行。',
        obligorPartyIds: [b.id],
        performanceMethod: '自行清理',
        place: '两户之间通道',
        dueDate: inDays(20),
      },
    ],
  };
  const edited = await m.call<AgreementJson>('PUT', `/mediation/agreements/${agreementId}`, text);
  assert.deepEqual(edited.issues, [], 'the agreement text is complete');
  for (const [i, p] of draft.text.parties.entries())
    await m.call('POST', `/mediation/agreements/${agreementId}/signatures`, {
      signerRole: 'party',
      partyId: p.id,
      signerName: p.name,
      imagePngBase64: signatureBase64(11 + i),
      identityMethod: 'id_card',
      identityChecked: true,
    });
  await m.call('POST', `/mediation/agreements/${agreementId}/signatures`, {
    signerRole: 'mediator',
    signerName: mediator.displayName,
    imagePngBase64: signatureBase64(13),
  });
  await m.call('POST', `/mediation/agreements/${agreementId}/seal`, {});
  await m.call('POST', `/mediation/agreements/${agreementId}/confirmation`, {
    court: { id: 'court:heping', name: '和平县人民法院' },
    courtBasis: 'mediation_organisation_seat',
    factsAndReasons: '双方经人民调解委员会主持调解达成协议，为保障协议履行，共同申请司法确认。',
    declarationAccepted: true,
    signatures: draft.text.parties.map((p, i) => ({
      partyId: p.id,
      imagePngBase64: signatureBase64(21 + i),
    })),
  });
  return { mediator, mediationId, agreementId };
}
