import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DUPLICATE_THRESHOLD, scoreDuplicate } from './duplicates.ts';
import { isGroupDispute, readSignals } from './signals.ts';
import { normalisePhone } from './text.ts';

const base = {
  regionId: 'v1',
  gridId: null,
  categoryCode: '0605',
  address: '锦绣花园3幢',
  phones: ['13812345678'],
  names: ['张三'],
  words: new Set(['锦绣', '花园', '电梯', '停运']),
};

describe('duplicate scoring', () => {
  it('names every shared fact and stays within 0..1', () => {
    const r = scoreDuplicate(base, { ...base, phones: ['+86 138-1234-5678'] });
    assert.deepEqual(
      r.reasons.map((x) => x.code),
      ['same_phone', 'same_party_name', 'same_village', 'same_address', 'same_category', 'similar_text'],
    );
    assert.equal(r.score, 1);
  });
  it('a different matter in the same village stays below the threshold', () => {
    const r = scoreDuplicate(base, {
      ...base,
      phones: [],
      names: [],
      address: null,
      categoryCode: '0101',
      words: new Set(['宅基地']),
    });
    assert.ok(r.score < DUPLICATE_THRESHOLD, String(r.score));
  });
  it('phones compare by their digits', () =>
    assert.equal(normalisePhone('+86 138 1234 5678'), '13812345678'));
});

describe('text signals', () => {
  for (const [text, people, group] of [
    ['30多名农民工聚集讨薪', 30, true],
    ['几十户村民联名反映', 20, true],
    ['两户邻居争执', 0, false],
    ['3人打架', 3, false],
  ] as const)
    it(`${text}: ${people} people, group ${group}`, () => {
      const s = readSignals(text);
      assert.equal(s.people, people);
      assert.equal(isGroupDispute(s), group);
    });
  it('finds escalation language', () =>
    assert.deepEqual(readSignals('再不解决就去跳楼，还要找媒体曝光').escalation, ['跳楼', '找媒体', '曝光']));
});
