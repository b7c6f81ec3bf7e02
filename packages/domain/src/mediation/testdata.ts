// Sample mediation data for tests and demos (fictional people; ID numbers are made up but valid).
import type { AgreementDraft, NaturalPersonParty, Signature } from './agreement.ts';
import { residentIdCheckChar } from './people.ts';

export function makeIdNumber(first17: string): string {
  return first17 + residentIdCheckChar(first17);
}

export const ZHANG_ID = makeIdNumber('53032119670512024');
export const LI_ID = makeIdNumber('53032119800203031');

export function sampleParties(): NaturalPersonParty[] {
  return [
    {
      kind: 'person',
      id: 'p-zhang',
      name: '张桂兰',
      gender: 'female',
      age: 58,
      ethnicity: '汉族',
      occupation: '农民',
      workplace: '无',
      address: '云南省曲靖市马龙区青石镇柳湾村三组12号',
      idNumber: ZHANG_ID,
      phone: '13812345678',
    },
    {
      kind: 'person',
      id: 'p-li',
      name: '李建国',
      gender: 'male',
      age: 45,
      ethnicity: '彝族',
      occupation: '个体经营',
      workplace: '马龙区建国建材经营部',
      address: '云南省曲靖市马龙区青石镇柳湾村三组15号',
      idNumber: LI_ID,
      phone: '13987654321',
    },
  ];
}

/** A complete, valid draft: a neighbours' dispute over a wall damaged while building a house. */
export function sampleDraft(overrides: Partial<AgreementDraft> = {}): AgreementDraft {
  return {
    id: 'agr-1',
    caseId: 'case-42',
    number: '（2025）青调字第 012 号',
    category: 'neighbour.property_damage',
    parties: sampleParties(),
    facts:
      '2025年5月，李建国在自家宅基地上建房，施工中挖掘机碰撞张桂兰家东侧围墙，致围墙倒塌约六米，并堵塞两户之间的排水沟，雨天积水流入张桂兰家院内。双方多次协商未果，张桂兰于2025年6月3日向青石镇柳湾村人民调解委员会申请调解。',
    disputedMatters: '一、围墙倒塌的赔偿数额；二、排水沟的修复责任及期限。',
    responsibilities: [
      { partyId: 'p-li', text: '李建国施工时未采取防护措施，对围墙倒塌和排水沟堵塞负主要责任。' },
      { partyId: 'p-zhang', text: '张桂兰的围墙年久失修、基础不稳，对损失扩大负次要责任。' },
    ],
    terms: [
      {
        id: 't1',
        content: '李建国赔偿张桂兰围墙损失人民币捌仟元整（¥8,000.00）。',
        obligorPartyIds: ['p-li'],
        obligeePartyIds: ['p-zhang'],
        performanceMethod: '银行转账至张桂兰指定账户',
        place: '青石镇柳湾村村民委员会',
        dueDate: '2025-08-31',
        amountCents: 800_000,
        instalments: [
          { dueDate: '2025-06-30', amountCents: 500_000 },
          { dueDate: '2025-08-31', amountCents: 300_000 },
        ],
      },
      {
        id: 't2',
        content: '李建国负责清理并修复两户之间的排水沟，恢复排水畅通，费用由李建国承担。',
        obligorPartyIds: ['p-li'],
        obligeePartyIds: ['p-zhang'],
        performanceMethod: '自行施工修复，完工后由村调委会现场验收',
        place: '张桂兰、李建国两户之间排水沟现场',
        dueDate: '2025-07-15',
      },
      {
        id: 't3',
        content: '张桂兰收到全部赔偿款后，自行重建围墙，不再就本纠纷向李建国主张其他权利。',
        obligorPartyIds: ['p-zhang'],
        performanceMethod: '自行重建',
        place: '张桂兰家宅基地东侧',
        dueDate: '2025-10-31',
      },
    ],
    mediators: [{ id: 'm-wang', name: '王明德' }],
    organisation: {
      id: 'org-liuwan',
      name: '马龙区青石镇柳湾村人民调解委员会',
      address: '青石镇柳湾村村委会',
    },
    date: '2025-06-18',
    place: '柳湾村村民委员会调解室',
    ...overrides,
  };
}

/** A signature with a placeholder image (the test ink meter decides what it holds). */
export function sampleSignature(overrides: Partial<Signature> = {}): Signature {
  return {
    signerRole: 'party',
    partyId: 'p-zhang',
    signerName: '张桂兰',
    identityVerified: true,
    imagePngBase64: 'INK',
    signedAt: '2025-06-18T10:05:00+08:00',
    ...overrides,
  };
}
