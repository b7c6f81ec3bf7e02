import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type Agreement, addSignature, affixSeal, createAgreement, type InkMeter } from './agreement.ts';
import {
  canApplyForConfirmation,
  confirmationCourtCandidates,
  confirmationDeadlines,
  defaultConfirmationRequest,
  draftConfirmationApplication,
  type JudicialConfirmationApplication,
  judicialConfirmationWindow,
  validateConfirmationApplication,
} from './confirmation.ts';
import { LI_ID, sampleDraft, sampleSignature, ZHANG_ID } from './testdata.ts';

const meter: InkMeter = () => ({
  width: 300,
  height: 100,
  inkPixels: 900,
  inkBox: { x0: 20, y0: 30, x1: 260, y1: 70 },
});

function effective(sealAt = '2025-06-18T23:30:00+08:00', category?: string): Agreement {
  const r0 = createAgreement(sampleDraft(category === undefined ? {} : { category }));
  assert.ok(r0.ok);
  let a = r0.value;
  for (const sig of [
    sampleSignature(),
    sampleSignature({ partyId: 'p-li', signerName: '李建国' }),
    sampleSignature({
      signerRole: 'mediator',
      partyId: undefined,
      mediatorId: 'm-wang',
      signerName: '王明德',
    }),
  ]) {
    const r = addSignature(a, sig, meter);
    assert.ok(r.ok);
    a = r.value;
  }
  const sealed = affixSeal(a, sealAt);
  assert.ok(sealed.ok);
  return sealed.value;
}

function application(
  overrides: Partial<JudicialConfirmationApplication> = {},
): JudicialConfirmationApplication {
  return {
    id: 'jc-1',
    applicants: [
      {
        partyId: 'p-zhang',
        kind: 'person',
        name: '张桂兰',
        idNumber: ZHANG_ID,
        address: '柳湾村三组12号',
        serviceAddress: '柳湾村三组12号',
        phone: '13812345678',
      },
      {
        partyId: 'p-li',
        kind: 'person',
        name: '李建国',
        idNumber: LI_ID,
        address: '柳湾村三组15号',
        serviceAddress: '马龙区建国建材经营部',
        phone: '0874-8123456',
        agent: { name: '李强', relation: '兄弟', powerOfAttorney: true },
      },
    ],
    agreement: { id: 'agr-1', version: 1, date: '2025-06-18', effectiveDate: '2025-06-18' },
    organisation: { id: 'org-liuwan', name: '马龙区青石镇柳湾村人民调解委员会' },
    mediators: [{ id: 'm-wang', name: '王明德' }],
    court: { id: 'c-malong', name: '曲靖市马龙区人民法院' },
    request: '请求确认调解协议有效。',
    factsAndReasons: '……',
    declarationAccepted: true,
    materials: [
      { kind: 'application', title: '司法确认申请书', copies: 1 },
      { kind: 'agreement', title: '人民调解协议书', copies: 1 },
      { kind: 'identity', title: '身份证复印件', copies: 2 },
      { kind: 'power_of_attorney', title: '授权委托书', copies: 1 },
    ],
    signatures: [
      { partyId: 'p-zhang', signerName: '张桂兰', signedAt: '2025-06-25T09:00:00+08:00' },
      { partyId: 'p-li', signerName: '李建国', signedAt: '2025-06-25T09:01:00+08:00' },
    ],
    date: '2025-06-25',
    ...overrides,
  };
}

describe('judicial confirmation window', () => {
  it('runs 30 days from the Shanghai date of effect, the first day not counted', () => {
    // 23:30 in Shanghai is 15:30 UTC on the same date.
    const w = judicialConfirmationWindow('2025-06-18T23:30:00+08:00');
    assert.equal(w.effectiveDate, '2025-06-18');
    assert.equal(w.dueDate, '2025-07-18');
    assert.equal(w.closesAt.toISOString(), '2025-07-18T16:00:00.000Z');
    // 00:30 Shanghai on the 19th is still the 18th in UTC: Shanghai wins.
    assert.equal(judicialConfirmationWindow(new Date('2025-06-18T16:30:00Z')).effectiveDate, '2025-06-19');
  });

  it('moves a deadline that falls on a holiday to the next working day', () => {
    // 2025-09-01 + 30 = 2025-10-01 (National Day holiday, to 10-08).
    const holidays = new Set([
      '2025-10-01',
      '2025-10-02',
      '2025-10-03',
      '2025-10-04',
      '2025-10-05',
      '2025-10-06',
      '2025-10-07',
      '2025-10-08',
    ]);
    const w = judicialConfirmationWindow('2025-09-01', { isWorkingDay: (d) => !holidays.has(d) });
    assert.equal(w.dueDate, '2025-10-09');
  });

  it('allows applying only for an effective, current, confirmable agreement within the window', () => {
    const a = effective();
    const inside = canApplyForConfirmation(a, new Date('2025-07-18T23:59:59+08:00'));
    assert.ok(inside.ok);
    assert.equal(inside.daysLeft, 0);
    const late = canApplyForConfirmation(a, new Date('2025-07-19T00:00:00+08:00'));
    assert.ok(!late.ok && late.reason === 'window_closed');
    const unsealed = { ...a, sealAffixedAt: undefined };
    const r = canApplyForConfirmation(unsealed, new Date('2025-06-20T00:00:00+08:00'));
    assert.ok(!r.ok && r.reason === 'not_effective');
    const superseded = { ...a, supersededById: 'agr-2' };
    const s = canApplyForConfirmation(superseded, new Date('2025-06-20T00:00:00+08:00'));
    assert.ok(!s.ok && s.reason === 'superseded');
    const marriage = canApplyForConfirmation(
      effective(undefined, 'marriage'),
      new Date('2025-06-20T00:00:00+08:00'),
    );
    assert.ok(!marriage.ok && marriage.reason === 'not_confirmable');
  });
});

describe('confirmation application', () => {
  it('accepts a complete joint application in time', () => {
    assert.deepEqual(
      validateConfirmationApplication(application(), {
        agreement: effective(),
        now: new Date('2025-06-25T09:00:00+08:00'),
      }),
      [],
    );
  });

  it('requires joint applicants with service addresses, phones, powers of attorney and materials', () => {
    const app = application();
    app.applicants = [{ ...app.applicants[0], serviceAddress: '', phone: '12345' }];
    app.declarationAccepted = false;
    app.materials = [{ kind: 'application', title: '申请书', copies: 1 }];
    const issues = validateConfirmationApplication(app, {
      agreement: effective(),
      now: new Date('2025-08-01T00:00:00+08:00'),
    });
    const codes = issues.map((i) => `${i.field}:${i.code}`);
    for (const c of [
      'applicants:not_joint',
      'applicants[0].serviceAddress:required',
      'applicants[0].phone:invalid',
      'declarationAccepted:declaration_required',
      'materials.agreement:material_missing',
      'materials.identity:material_missing',
      'applicants[p-li]:not_joint',
      'agreement:window_closed',
    ])
      assert.ok(codes.includes(c), `${c} in ${codes.join(', ')}`);
    const noPoa = application();
    noPoa.applicants[1] = { ...noPoa.applicants[1], agent: { name: '李强', powerOfAttorney: false } };
    assert.ok(
      validateConfirmationApplication(noPoa).some(
        (i) => i.field === 'applicants[1].agent.powerOfAttorney' && i.code === 'power_of_attorney_required',
      ),
    );
  });

  it('drafts an application from the agreement that only lacks the declaration and signatures', () => {
    const agreement = effective();
    const app = draftConfirmationApplication(agreement, {
      id: 'jc-9',
      court: { id: 'c1', name: '曲靖市马龙区人民法院' },
      date: '2025-06-25',
    });
    assert.equal(app.agreement.effectiveDate, '2025-06-18');
    assert.equal(app.applicants[1].phone, '13987654321');
    const codes = validateConfirmationApplication(app, {
      agreement,
      now: new Date('2025-06-25T10:00:00+08:00'),
    })
      .map((i) => `${i.field}:${i.code}`)
      .sort();
    assert.deepEqual(codes, [
      'declarationAccepted:declaration_required',
      'signatures[p-li]:required',
      'signatures[p-zhang]:required',
    ]);
  });

  it('words the request from the agreement', () => {
    assert.equal(
      defaultConfirmationRequest(
        { date: '2025-06-18', number: '（2025）青调字第 012 号' },
        '柳湾村人民调解委员会',
      ),
      '请求确认申请人于2025年6月18日经柳湾村人民调解委员会主持调解达成的调解协议（编号：（2025）青调字第 012 号）有效。',
    );
  });

  it('picks the delegating court alone, else the committee seat first', () => {
    const seat = { id: 'c1', name: '马龙区人民法院' };
    const other = { id: 'c2', name: '麒麟区人民法院' };
    assert.deepEqual(
      confirmationCourtCandidates({ delegatingCourt: other, organisationSeatCourt: seat }).map(
        (c) => c.basis,
      ),
      ['delegated_pre_litigation'],
    );
    assert.deepEqual(
      confirmationCourtCandidates({ organisationSeatCourt: seat, partyDomicileCourts: [seat, other] }).map(
        (c) => `${c.court.id}:${c.basis}`,
      ),
      ['c1:mediation_organisation_seat', 'c2:party_domicile'],
    );
  });

  it('computes the court deadlines', () => {
    assert.deepEqual(confirmationDeadlines('2025-06-25T09:00:00+08:00', '2025-06-27T10:00:00+08:00'), {
      acceptanceDueDate: '2025-06-28',
      decisionDueDate: '2025-07-12',
      extendedDecisionDueDate: '2025-07-22',
    });
  });
});
