import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { MEDIATION_STEPS, nextStep } from './ladder.ts';
import {
  conflictsOfInterest,
  type DisputeContext,
  type MediatorProfile,
  recommendMediators,
  regionProximity,
  specialtyMatch,
} from './mediators.ts';

const dispute: DisputeContext = {
  category: 'neighbour.property_damage',
  region: { countyId: 'malong', townId: 'qingshi', villageId: 'liuwan' },
  parties: [
    {
      id: 'p-zhang',
      name: '张桂兰',
      idNumber: '530321196705120249',
      region: { countyId: 'malong', townId: 'qingshi', villageId: 'liuwan' },
      villageCommitteeId: 'vc-liuwan',
    },
    {
      id: 'p-li',
      name: '李建国',
      region: { countyId: 'malong', townId: 'qingshi', villageId: 'liuwan' },
      villageCommitteeId: 'vc-liuwan',
    },
  ],
};

function mediator(overrides: Partial<MediatorProfile>): MediatorProfile {
  return {
    id: 'm',
    name: '王明德',
    organisationId: 'org',
    specialties: ['neighbour'],
    region: { countyId: 'malong', townId: 'qingshi' },
    activeCases: 2,
    record: { closed: 20, succeeded: 16 },
    ...overrides,
  };
}

describe('ladder', () => {
  it('climbs one step at a time and stops at adjudication', () => {
    assert.equal(nextStep('on_site'), 'diverted');
    assert.equal(nextStep('county_joint'), 'adjudication');
    assert.equal(nextStep('adjudication'), null);
    let s: (typeof MEDIATION_STEPS)[number] | null = 'on_site';
    let n = 0;
    while (s !== null) {
      s = nextStep(s);
      n++;
    }
    assert.equal(n, MEDIATION_STEPS.length);
  });
});

describe('conflicts of interest', () => {
  it('blocks a declared relative and warns on same surname + village and the same village committee', () => {
    const m = mediator({
      name: '张德福',
      region: { countyId: 'malong', townId: 'qingshi', villageId: 'liuwan' },
      villageCommitteeId: 'vc-liuwan',
      relatives: [{ name: '李建国', relation: '表兄弟' }],
    });
    const got = conflictsOfInterest(m, dispute.parties).map((c) => `${c.partyId}:${c.code}:${c.severity}`);
    assert.deepEqual(got, [
      'p-zhang:same_surname_same_village:warn',
      'p-zhang:same_village_committee:warn',
      'p-li:listed_relative:block',
      'p-li:same_village_committee:warn',
    ]);
  });

  it('matches a relative by ID number when both have one, and knows compound surnames', () => {
    const m = mediator({
      relatives: [{ name: '张桂兰（曾用名）', idNumber: '530321196705120249', relation: '姐姐' }],
    });
    assert.deepEqual(
      conflictsOfInterest(m, dispute.parties).map((c) => c.code),
      ['listed_relative'],
    );
    const ouyang = mediator({
      name: '欧阳张',
      region: { countyId: 'malong', townId: 'qingshi', villageId: 'liuwan' },
    });
    assert.deepEqual(conflictsOfInterest(ouyang, dispute.parties), [], '欧阳 is not 张');
  });

  it('finds nothing for an unrelated mediator from another village', () => {
    assert.deepEqual(conflictsOfInterest(mediator({}), dispute.parties), []);
  });
});

describe('recommendMediators', () => {
  it('ranks by specialty, proximity, caseload and success, with reasons, ineligible last', () => {
    const ranked = recommendMediators(
      [
        mediator({ id: 'far', specialties: ['labour'], region: { countyId: 'qilin' } }),
        mediator({
          id: 'best',
          specialties: ['neighbour.property_damage'],
          region: { countyId: 'malong', townId: 'qingshi', villageId: 'liuwan' },
        }),
        mediator({ id: 'busy', activeCases: 10 }),
        mediator({ id: 'kin', name: '李华', relatives: [{ name: '李建国', relation: '父亲' }] }),
        mediator({ id: 'town' }),
      ],
      dispute,
    );
    assert.deepEqual(
      ranked.map((r) => r.mediator.id),
      ['best', 'town', 'far', 'busy', 'kin'],
    );
    const best = ranked[0];
    assert.equal(
      best.factors.find((f) => f.factor === 'specialty')?.text,
      '擅长该类纠纷（neighbour.property_damage）',
    );
    assert.equal(best.factors.find((f) => f.factor === 'region')?.text, '同村');
    assert.ok(!ranked[3].eligible && ranked[3].excludedBecause[0].startsWith('在办案件已满'));
    assert.ok(!ranked[4].eligible && ranked[4].excludedBecause[0].includes('近亲属'));
  });

  it('keeps scores in [0, 1] and never ranks an ineligible mediator above an eligible one (property)', () => {
    const arb = fc.record({
      id: fc.uuid(),
      activeCases: fc.integer({ min: 0, max: 15 }),
      closed: fc.integer({ min: 0, max: 50 }),
      won: fc.integer({ min: 0, max: 50 }),
      spec: fc.constantFrom('neighbour', 'labour', 'general', 'neighbour.property_damage', 'family'),
      town: fc.constantFrom('qingshi', 'other'),
      available: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(arb, { maxLength: 8 }), (rows) => {
        const ms = rows.map((r) =>
          mediator({
            id: r.id,
            activeCases: r.activeCases,
            record: { closed: r.closed, succeeded: Math.min(r.won, r.closed) },
            specialties: [r.spec],
            region: { countyId: 'malong', townId: r.town },
            available: r.available,
          }),
        );
        const ranked = recommendMediators(ms, dispute);
        const firstIneligible = ranked.findIndex((r) => !r.eligible);
        return (
          ranked.length === ms.length &&
          ranked.every((r) => r.score >= 0 && r.score <= 1) &&
          (firstIneligible < 0 || ranked.slice(firstIneligible).every((r) => !r.eligible))
        );
      }),
    );
  });

  it('scores specialty and region matches', () => {
    assert.equal(specialtyMatch(['family'], 'family.inheritance').score, 0.8);
    assert.equal(specialtyMatch(['family.divorce'], 'family.inheritance').score, 0.5);
    assert.equal(specialtyMatch(['general'], 'labour.wages').score, 0.3);
    assert.equal(
      regionProximity({ countyId: 'a', townId: 't' }, { countyId: 'a', townId: 't', villageId: 'v' }),
      0.7,
    );
  });
});
