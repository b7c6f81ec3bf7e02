import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { defaultEscalationPolicies, type EscalationPolicy, validateEscalationPolicies } from './policy.ts';

const red = defaultEscalationPolicies[0];

describe('validateEscalationPolicies', () => {
  it('accepts the defaults', () => {
    assert.deepEqual(validateEscalationPolicies(defaultEscalationPolicies), []);
  });

  it('names what is wrong: a colour twice, a bad span, too many steps, a bad order limit', () => {
    const bad: EscalationPolicy[] = [
      red,
      { ...red, superviseWorkingDays: 0 },
      {
        ...red,
        colour: 'green',
        urgeAfter: { amount: -1, unit: 'hours' },
        escalateAfter: [
          red.escalateAfter[0],
          red.escalateAfter[0],
          red.escalateAfter[0],
          red.escalateAfter[0],
        ],
        dueSoonFraction: 1,
      },
    ];
    assert.deepEqual(
      validateEscalationPolicies(bad).map((i) => `${i.index}.${i.field}`),
      ['1.colour', '1.superviseWorkingDays', '2.dueSoonFraction', '2.urgeAfter', '2.escalateAfter'],
    );
  });
});
