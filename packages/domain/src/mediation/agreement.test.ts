import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import {
  type Agreement,
  type AgreementDraft,
  addSignature,
  affixSeal,
  agreementEffective,
  agreementEffectiveAt,
  agreementHistory,
  agreementStatus,
  createAgreement,
  type FieldIssue,
  followUpDates,
  hasEnoughInk,
  type InkMeter,
  missingSignatures,
  performanceSchedule,
  reviseDraft,
  type Signature,
  supersedeAgreement,
  validateAgreement,
  validateSignature,
} from './agreement.ts';
import { chineseSurname, isValidResidentIdNumber } from './people.ts';
import { LI_ID, sampleDraft, sampleSignature, ZHANG_ID } from './testdata.ts';

// A fake ink meter: 'INK' is a good drawing, 'BLANK' an empty pad, 'DOT' a stray dot, else not a PNG.
const meter: InkMeter = (b64) => {
  if (b64 === 'INK')
    return { width: 300, height: 100, inkPixels: 900, inkBox: { x0: 20, y0: 30, x1: 260, y1: 70 } };
  if (b64 === 'BLANK') return { width: 300, height: 100, inkPixels: 0, inkBox: null };
  if (b64 === 'DOT')
    return { width: 300, height: 100, inkPixels: 80, inkBox: { x0: 10, y0: 10, x1: 18, y1: 18 } };
  return null;
};

const has = (issues: FieldIssue[], field: string, code: string) =>
  issues.some((i) => i.field === field && i.code === code);

function created(draft: AgreementDraft = sampleDraft()): Agreement {
  const r = createAgreement(draft);
  assert.ok(r.ok, JSON.stringify(!r.ok && r.errors));
  return r.value;
}

function sign(a: Agreement, sig: Signature): Agreement {
  const r = addSignature(a, sig, meter);
  assert.ok(r.ok, JSON.stringify(!r.ok && r.errors));
  return r.value;
}

function fullySigned(a: Agreement = created()): Agreement {
  let x = sign(a, sampleSignature());
  x = sign(
    x,
    sampleSignature({ partyId: 'p-li', signerName: '李建国', signedAt: '2025-06-18T10:07:00+08:00' }),
  );
  x = sign(
    x,
    sampleSignature({
      signerRole: 'mediator',
      partyId: undefined,
      mediatorId: 'm-wang',
      signerName: '王明德',
      signedAt: '2025-06-18T10:10:00+08:00',
    }),
  );
  return x;
}

describe('people', () => {
  it('checks resident ID numbers', () => {
    assert.ok(isValidResidentIdNumber(ZHANG_ID));
    assert.ok(isValidResidentIdNumber(LI_ID));
    assert.ok(isValidResidentIdNumber('11010519491231002X'));
    assert.ok(!isValidResidentIdNumber('110105194912310021'));
    assert.ok(!isValidResidentIdNumber('11010519491331002X'), 'month 13');
  });
  it('finds surnames, compound ones included', () => {
    assert.equal(chineseSurname('张桂兰'), '张');
    assert.equal(chineseSurname('欧阳修'), '欧阳');
    assert.equal(chineseSurname('欧阳'), '欧', 'a two-character name is surname + given name');
    assert.equal(chineseSurname('Jane Smith'), 'smith');
  });
});

describe('validateAgreement', () => {
  it('accepts the complete sample', () => {
    assert.deepEqual(validateAgreement(sampleDraft()), []);
  });

  it('lists every missing required field of an empty draft', () => {
    const issues = validateAgreement({
      id: '',
      parties: [],
      facts: '',
      disputedMatters: '',
      responsibilities: [],
      terms: [],
      mediators: [],
      organisation: { id: '', name: '' },
      date: '',
    });
    for (const [field, code] of [
      ['id', 'required'],
      ['date', 'required'],
      ['parties', 'too_few'],
      ['facts', 'required'],
      ['disputedMatters', 'required'],
      ['terms', 'required'],
      ['mediators', 'required'],
      ['organisation.name', 'required'],
    ])
      assert.ok(has(issues, field, code), `${field} ${code} in ${JSON.stringify(issues)}`);
  });

  it('asks for each Art. 29 fact of a natural person and of an organisation', () => {
    const draft = sampleDraft();
    draft.parties = [
      { kind: 'person', id: 'a', name: '', address: '' } as never,
      { kind: 'organisation', id: 'b', name: '柳湾砖厂', address: '', legalRepresentative: '' },
    ];
    draft.responsibilities = [];
    const issues = validateAgreement(draft);
    for (const f of ['name', 'gender', 'age', 'ethnicity', 'occupation', 'workplace', 'address', 'idNumber'])
      assert.ok(has(issues, `parties[0].${f}`, 'required'), f);
    assert.ok(has(issues, 'parties[1].address', 'required'));
    assert.ok(has(issues, 'parties[1].legalRepresentative', 'required'));
    assert.ok(has(issues, 'responsibilities[a]', 'required'));
    assert.ok(has(issues, 'responsibilities[b]', 'required'));
  });

  it('checks the ID number and that gender and age agree with it', () => {
    const draft = sampleDraft();
    Object.assign(draft.parties[0], { gender: 'male', age: 40 });
    const issues = validateAgreement(draft);
    assert.ok(has(issues, 'parties[0].gender', 'inconsistent_with_id'));
    assert.ok(has(issues, 'parties[0].age', 'inconsistent_with_id'));
    Object.assign(draft.parties[1], { idNumber: '530321198002030310' });
    assert.ok(has(validateAgreement(draft), 'parties[1].idNumber', 'invalid'));
    // A passport is not checked against GB 11643.
    Object.assign(draft.parties[1], { idType: 'passport', idNumber: 'E12345678' });
    assert.ok(!has(validateAgreement(draft), 'parties[1].idNumber', 'invalid'));
  });

  it('requires method, place and due date of every term, and consistent instalments', () => {
    const draft = sampleDraft();
    draft.terms[1] = { ...draft.terms[1], performanceMethod: '', place: ' ', dueDate: '' };
    draft.terms[0] = {
      ...draft.terms[0],
      instalments: [
        { dueDate: '2025-07-31', amountCents: 500_000 },
        { dueDate: '2025-07-01', amountCents: 200_000 },
        { dueDate: '2025-09-30', amountCents: 100_000 },
      ],
    };
    draft.terms[2] = { ...draft.terms[2], obligorPartyIds: ['nobody'], dueDate: '2025-06-01' };
    const issues = validateAgreement(draft);
    assert.ok(has(issues, 'terms[1].performanceMethod', 'required'));
    assert.ok(has(issues, 'terms[1].place', 'required'));
    assert.ok(has(issues, 'terms[1].dueDate', 'required'));
    assert.ok(has(issues, 'terms[0].instalments[1].dueDate', 'not_ascending'));
    assert.ok(has(issues, 'terms[0].instalments[2].dueDate', 'after_term_due_date'));
    assert.ok(!has(issues, 'terms[0].instalments', 'instalments_sum_mismatch'));
    assert.ok(has(issues, 'terms[2].obligorPartyIds', 'unknown_party'));
    assert.ok(has(issues, 'terms[2].dueDate', 'before_agreement_date'));
    draft.terms[0].instalments = [{ dueDate: '2025-07-31', amountCents: 1 }];
    assert.ok(has(validateAgreement(draft), 'terms[0].instalments', 'instalments_sum_mismatch'));
  });

  it('reports any one removed required text field (property)', () => {
    const fields = [
      'facts',
      'disputedMatters',
      'name',
      'ethnicity',
      'occupation',
      'address',
      'content',
      'place',
    ];
    fc.assert(
      fc.property(
        fc.constantFrom(...fields),
        fc.constantFrom('', '   '),
        fc.integer({ min: 0, max: 1 }),
        (f, blank, i) => {
          const draft = sampleDraft();
          let field: string;
          if (f === 'facts' || f === 'disputedMatters') {
            draft[f] = blank;
            field = f;
          } else if (f === 'content' || f === 'place') {
            draft.terms[i] = { ...draft.terms[i], [f]: blank };
            field = `terms[${i}].${f}`;
          } else {
            draft.parties[i] = { ...draft.parties[i], [f]: blank } as never;
            field = `parties[${i}].${f}`;
          }
          const issues = validateAgreement(draft);
          return issues.length === 1 && has(issues, field, 'required');
        },
      ),
    );
  });
});

describe('signatures', () => {
  it('refuses an empty drawing, a dot, a non-PNG and an unverified signer', () => {
    assert.deepEqual(validateSignature(sampleSignature(), meter), []);
    assert.ok(
      has(
        validateSignature(sampleSignature({ imagePngBase64: 'BLANK' }), meter),
        'imagePngBase64',
        'empty_drawing',
      ),
    );
    assert.ok(
      has(
        validateSignature(sampleSignature({ imagePngBase64: 'DOT' }), meter),
        'imagePngBase64',
        'empty_drawing',
      ),
    );
    assert.ok(
      has(
        validateSignature(sampleSignature({ imagePngBase64: 'junk' }), meter),
        'imagePngBase64',
        'not_a_png',
      ),
    );
    assert.ok(
      has(validateSignature(sampleSignature({ imagePngBase64: '' }), meter), 'imagePngBase64', 'required'),
    );
    assert.ok(
      has(
        validateSignature(sampleSignature({ identityVerified: false }), meter),
        'identityVerified',
        'identity_unverified',
      ),
    );
    assert.ok(
      has(validateSignature(sampleSignature({ signedAt: '2025-06-18 10:00' }), meter), 'signedAt', 'invalid'),
    );
    assert.ok(!hasEnoughInk({ width: 10, height: 10, inkPixels: 0, inkBox: null }));
  });

  it('only takes signers named on the agreement, once each', () => {
    const a = created();
    const unknown = addSignature(a, sampleSignature({ partyId: 'p-x' }), meter);
    assert.ok(!unknown.ok && has(unknown.errors, 'partyId', 'unknown_party'));
    const wrongName = addSignature(a, sampleSignature({ signerName: '李建国' }), meter);
    assert.ok(!wrongName.ok && has(wrongName.errors, 'signerName', 'name_mismatch'));
    const once = sign(a, sampleSignature());
    const twice = addSignature(once, sampleSignature(), meter);
    assert.ok(!twice.ok && has(twice.errors, 'partyId', 'already_signed'));
    const notMediator = addSignature(
      a,
      sampleSignature({ signerRole: 'mediator', partyId: undefined, signerName: '赵六' }),
      meter,
    );
    assert.ok(!notMediator.ok && has(notMediator.errors, 'mediatorId', 'unknown_mediator'));
    // A mediator found by name gets the id recorded.
    const byName = sign(
      a,
      sampleSignature({ signerRole: 'mediator', partyId: undefined, signerName: '王明德' }),
    );
    assert.equal(byName.signatures[0].mediatorId, 'm-wang');
    assert.equal(a.signatures.length, 0, 'the input is never mutated');
  });
});

describe('effect and immutability', () => {
  it('takes effect when every party and the mediator have signed and the seal is affixed', () => {
    const a = created();
    assert.equal(agreementStatus(a), 'draft');
    const early = affixSeal(a, '2025-06-18T10:00:00+08:00');
    assert.ok(!early.ok && has(early.errors, 'signatures', 'signatures_missing'));
    const partly = sign(a, sampleSignature());
    assert.equal(agreementStatus(partly), 'signing');
    assert.deepEqual(missingSignatures(partly), { partyIds: ['p-li'], mediatorIds: ['m-wang'] });
    const signed = fullySigned(a);
    assert.equal(agreementEffective(signed), false, 'no seal yet');
    const sealed = affixSeal(signed, '2025-06-18T10:20:00+08:00');
    assert.ok(sealed.ok);
    assert.equal(agreementEffective(sealed.value), true);
    assert.equal(agreementStatus(sealed.value), 'effective');
    assert.equal(agreementEffectiveAt(sealed.value), '2025-06-18T10:20:00+08:00');
    const late = addSignature(sealed.value, sampleSignature(), meter);
    assert.ok(!late.ok && has(late.errors, 'sealAffixedAt', 'already_sealed'));
  });

  it('freezes the text once signed; a change supersedes and keeps the history', () => {
    const a = created();
    const revised = reviseDraft(a, sampleDraft({ facts: '修改后的事实' }));
    assert.ok(revised.ok && revised.value.facts === '修改后的事实');
    const signed = sign(a, sampleSignature());
    const refused = reviseDraft(signed, sampleDraft({ facts: '再改' }));
    assert.ok(!refused.ok && has(refused.errors, 'signatures', 'immutable'));

    const sealed = affixSeal(fullySigned(a), '2025-06-18T10:20:00+08:00');
    assert.ok(sealed.ok);
    const sameId = supersedeAgreement(sealed.value, sampleDraft(), { at: '2025-06-20T09:00:00+08:00' });
    assert.ok(!sameId.ok && has(sameId.errors, 'id', 'same_id'));
    const sup = supersedeAgreement(sealed.value, sampleDraft({ id: 'agr-1-v2', facts: '补充事实' }), {
      at: '2025-06-20T09:00:00+08:00',
      reason: '双方重新协商赔偿数额',
    });
    assert.ok(sup.ok);
    const { superseded, current } = sup.value;
    assert.equal(superseded.supersededById, 'agr-1-v2');
    assert.equal(superseded.signatures.length, 3, 'old signatures stay on the old version');
    assert.equal(agreementStatus(superseded), 'superseded');
    assert.equal(agreementEffective(superseded), false);
    assert.equal(current.version, 2);
    assert.equal(current.previousVersionId, 'agr-1');
    assert.equal(current.rootId, 'agr-1');
    assert.equal(current.signatures.length, 0);
    const again = supersedeAgreement(superseded, sampleDraft({ id: 'agr-1-v3' }), {
      at: '2025-06-21T09:00:00+08:00',
    });
    assert.ok(!again.ok && has(again.errors, 'id', 'superseded'));
    const signOld = addSignature(superseded, sampleSignature(), meter);
    assert.ok(!signOld.ok && has(signOld.errors, 'id', 'superseded'));
    assert.deepEqual(
      agreementHistory([current, superseded], 'agr-1-v2').map((v) => v.id),
      ['agr-1', 'agr-1-v2'],
    );
  });

  it('lists performance dates and the follow-up visits after them', () => {
    const draft = sampleDraft();
    assert.deepEqual(
      performanceSchedule(draft).map((s) => s.dueDate),
      ['2025-06-30', '2025-07-15', '2025-08-31', '2025-10-31'],
    );
    assert.deepEqual(followUpDates(draft), ['2025-07-01', '2025-07-16', '2025-09-01', '2025-11-01']);
  });
});
