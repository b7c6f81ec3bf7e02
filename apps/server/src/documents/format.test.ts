import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  chineseNumeral,
  formatDate,
  formatInstant,
  formatYuan,
  maskIdNumber,
  partyLabel,
  yuanInWords,
} from './format.ts';

describe('document formatting', () => {
  it('writes amounts in capital numerals', () => {
    const cases: [number, string][] = [
      [0, '人民币零元整'],
      [5, '人民币伍分'],
      [100, '人民币壹元整'],
      [105, '人民币壹元零伍分'],
      [1000, '人民币壹拾元整'],
      [1050, '人民币壹拾元伍角'],
      [800_000, '人民币捌仟元整'],
      [1_000_100, '人民币壹万零壹元整'],
      [1_005_000, '人民币壹万零伍拾元整'],
      [10_050_000, '人民币壹拾万零伍佰元整'],
      [123_456_789, '人民币壹佰贰拾叁万肆仟伍佰陆拾柒元捌角玖分'],
      [100_000_001, '人民币壹佰万元零壹分'],
      [2_000_010_000, '人民币贰仟万零壹佰元整'],
      [10_000_000_000, '人民币壹亿元整'],
      [1_000_010_000_00, '人民币壹拾亿零壹万元整'],
    ];
    for (const [cents, words] of cases) assert.equal(yuanInWords(cents), words, String(cents));
    assert.throws(() => yuanInWords(-1));
    assert.throws(() => yuanInWords(1.5));
  });

  it('formats money, dates, instants, numerals, labels and masked IDs', () => {
    assert.equal(formatYuan(123_456_789), '¥1,234,567.89');
    assert.equal(formatYuan(5), '¥0.05');
    assert.equal(formatDate('2025-06-08'), '2025年6月8日');
    assert.equal(formatDate('2025-06-08', 'en'), '8 June 2025');
    assert.equal(formatInstant('2025-06-18T16:30:00Z'), '2025年6月19日 00:30');
    assert.equal(chineseNumeral(3), '三');
    assert.equal(chineseNumeral(10), '十');
    assert.equal(chineseNumeral(21), '二十一');
    assert.equal(partyLabel(0), '甲方');
    assert.equal(partyLabel(2), '丙方');
    assert.equal(partyLabel(1, 'en'), 'Party B');
    assert.equal(maskIdNumber('53032119670512024X'), '530321********024X');
  });
});
