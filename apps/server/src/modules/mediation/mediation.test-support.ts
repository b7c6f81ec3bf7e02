// Test factories for mediation: the pools (extra mediators, an expert, a counsellor) added to the
// small test county, a neighbour dispute brought by a signed-in resident, a complete agreement text.
import assert from 'node:assert/strict';
import { LI_ID, ZHANG_ID } from '@hewei/domain/mediation/testdata.ts';
import { hash } from '@node-rs/argon2';
import { users } from '../../db/schema/index.ts';
import { signatureBase64 } from '../../documents/testing.ts';
import { buildTestApp, PASSWORD, type TestApp, VILLAGE_A1 } from '../../test/app.ts';
import { act, submit } from '../../test/flow.ts';

export const RESIDENT = '13900000001';
export const FAMILY_NEIGHBOUR = ['01.0101', '01.0102', '01.0114'];
export const TOWN_A_COMMITTEE = 'm-330001101';
export const VILLAGE_A1_ROOM = 'm-330001101201';

const EXTRA = [
  {
    id: 'u-mediator-v',
    username: 'mediator-v',
    displayName: '王明德',
    role: 'mediator',
    regionId: VILLAGE_A1,
  },
  {
    id: 'u-mediator-b',
    username: 'mediator-b',
    displayName: '乙镇调解员',
    role: 'mediator',
    regionId: 'r-330001102',
  },
  {
    id: 'u-mediator-z',
    username: 'mediator-z',
    displayName: '张德顺',
    role: 'mediator',
    regionId: VILLAGE_A1,
  },
  { id: 'u-expert-e', username: 'expert-e', displayName: '孙律师', role: 'expert', regionId: 'r-330001' },
  {
    id: 'u-counsellor-c',
    username: 'counsellor-c',
    displayName: '何静',
    role: 'counsellor',
    regionId: 'r-330001',
  },
];

export async function mediationApp(): Promise<TestApp> {
  const t = await buildTestApp();
  const passwordHash = await hash(PASSWORD, { algorithm: 2 });
  await t.deps.db.insert(users).values(
    EXTRA.map((u) => ({
      ...u,
      countyId: 'r-330001',
      phone: null,
      passwordHash,
      departmentId: null,
      active: true,
      createdAt: new Date('2024-01-01T00:00:00Z'),
    })),
  );
  const profile = async (userId: string, body: object) => {
    const r = await t.call({
      method: 'PUT',
      url: `/api/v1/mediation/people/${userId}`,
      payload: body,
      as: 'admin',
    });
    assert.equal(r.statusCode, 200, r.body);
  };
  await profile('u-mediator-a', {
    organisationId: TOWN_A_COMMITTEE,
    specialties: FAMILY_NEIGHBOUR,
    languages: ['zh'],
    title: '金牌调解员',
  });
  await profile('u-mediator-v', {
    organisationId: VILLAGE_A1_ROOM,
    specialties: ['01.0105', '01.0106'],
    languages: ['zh'],
    villageCommitteeId: VILLAGE_A1,
  });
  await profile('u-mediator-b', {
    organisationId: 'm-330001102',
    specialties: FAMILY_NEIGHBOUR,
    languages: ['zh'],
  });
  await profile('u-mediator-z', {
    organisationId: VILLAGE_A1_ROOM,
    specialties: ['01.0102'],
    languages: ['zh'],
    relatives: [{ name: '李建国', relation: '姻亲' }],
  });
  await profile('u-expert-e', { specialties: ['01'], languages: ['zh'], expertKind: 'legal' });
  await profile('u-counsellor-c', {
    specialties: ['01.0101', '01.0102'],
    languages: ['zh', 'en'],
    expertKind: 'psychological',
  });
  return t;
}

/** A neighbour dispute brought by the resident, accepted by the county. */
export async function neighbourDispute(t: TestApp, over: Record<string, unknown> = {}) {
  const c = await submit(t, RESIDENT, {
    kind: 'dispute',
    channel: 'app',
    categoryCode: '0102',
    description:
      '邻居李建国建房时挖掘机碰倒我家东侧围墙约六米，并堵塞两户之间的排水沟，雨天积水流入院内，多次协商未果。',
    place: { address: '甲一村三组12号', regionId: VILLAGE_A1 },
    parties: [
      {
        role: 'applicant',
        name: '张桂兰',
        phone: RESIDENT,
        idNumber: ZHANG_ID,
        address: '测试县甲镇甲一村三组12号',
      },
      {
        role: 'respondent',
        name: '李建国',
        phone: '13987654321',
        idNumber: LI_ID,
        address: '测试县甲镇甲一村三组15号',
      },
    ],
    ...over,
  } as unknown as Parameters<typeof submit>[2]);
  await act(t, 'dispatcher', c.id, 'accept');
  return c;
}

/** The resident picks the town's family-and-neighbour mediator; the dispatcher starts; the mediator accepts. */
export async function activeMediation(t: TestApp) {
  const c = await neighbourDispute(t);
  const r = await t.call({
    method: 'POST',
    url: '/api/v1/mediations',
    as: RESIDENT,
    payload: { caseId: c.id, mediatorIds: ['u-mediator-a'] },
  });
  assert.equal(r.statusCode, 201, r.body);
  const id = r.json().id as string;
  for (const [as, path] of [
    ['mediator-a', 'accept'],
    ['dispatcher', 'start'],
  ] as const) {
    const x = await t.call({ method: 'POST', url: `/api/v1/mediations/${id}/${path}`, as, payload: {} });
    assert.equal(x.statusCode, 200, x.body);
  }
  return { caseId: c.id, trackingCode: c.trackingCode, id };
}

export const sig = (seed: number) => signatureBase64(seed);

/** Fills in what the template cannot know: the parties' particulars, disputed matters, responsibilities, terms. */
export function completeText(text: Record<string, any>) {
  const [a, b] = text.parties as { id: string }[];
  return {
    ...text,
    number: '（2024）甲调字第 001 号',
    parties: text.parties.map((p: Record<string, unknown>, i: number) => ({
      ...p,
      ethnicity: '汉族',
      occupation: i === 0 ? '农民' : '个体经营',
      workplace: i === 0 ? '无' : '建国建材经营部',
    })),
    disputedMatters: '一、围墙倒塌的赔偿数额；二、排水沟的修复责任及期限。',
    responsibilities: [
      { partyId: b.id, text: '李建国施工时未采取防护措施，负主要责任。' },
      { partyId: a.id, text: '张桂兰的围墙年久失修，负次要责任。' },
    ],
    terms: [
      {
        id: 't1',
        content: '李建国赔偿张桂兰围墙损失人民币捌仟元整。',
        obligorPartyIds: [b.id],
        obligeePartyIds: [a.id],
        performanceMethod: '银行转账',
        place: '甲一村村民委员会',
        dueDate: '2024-08-31',
        amountCents: 800_000,
        instalments: [
          { dueDate: '2024-06-30', amountCents: 500_000 },
          { dueDate: '2024-08-31', amountCents: 300_000 },
        ],
      },
      {
        id: 't2',
        content: '李建国负责清理并修复两户之间的排水沟。',
        obligorPartyIds: [b.id],
        performanceMethod: '自行施工修复',
        place: '两户之间排水沟现场',
        dueDate: '2024-07-15',
      },
    ],
  };
}
