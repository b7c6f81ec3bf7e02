// Formatting for Chinese legal documents: dates, times, money (with the 大写 amount), numerals.

export type DocLocale = 'zh-CN' | 'en';

const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

/** '2025-06-18' → '2025年6月18日' (zh) or '18 June 2025' (en). */
export function formatDate(date: string, locale: DocLocale = 'zh-CN'): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(date);
  if (m === null) return date;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (locale === 'en') {
    const month = new Date(Date.UTC(y, mo - 1, 1)).toLocaleString('en-GB', {
      month: 'long',
      timeZone: 'UTC',
    });
    return `${d} ${month} ${y}`;
  }
  return `${y}年${mo}月${d}日`;
}

/** An RFC 3339 instant shown in Asia/Shanghai: '2025年6月18日 10:05'. */
export function formatInstant(instant: string | Date, locale: DocLocale = 'zh-CN'): string {
  const t = typeof instant === 'string' ? Date.parse(instant) : instant.getTime();
  if (Number.isNaN(t)) return String(instant);
  const iso = new Date(t + SHANGHAI_OFFSET_MS).toISOString();
  return `${formatDate(iso.slice(0, 10), locale)} ${iso.slice(11, 16)}`;
}

/** Fen → '¥8,000.00'. */
export function formatYuan(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(Math.round(cents));
  const yuan = Math.floor(abs / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}¥${yuan}.${String(abs % 100).padStart(2, '0')}`;
}

const DIGITS = '零壹贰叁肆伍陆柒捌玖';
const SMALL_UNITS = ['', '拾', '佰', '仟'];
const BIG_UNITS = ['', '万', '亿', '万亿'];

/** Fen → the capital-numeral amount used on financial documents: 800000 → '人民币捌仟元整'. */
export function yuanInWords(cents: number): string {
  if (!Number.isInteger(cents) || cents < 0) throw new RangeError(`not an amount in fen: ${cents}`);
  const yuan = Math.floor(cents / 100);
  const jiao = Math.floor(cents / 10) % 10;
  const fen = cents % 10;
  let out = '';
  if (yuan > 0) {
    const groups: number[] = [];
    for (let n = yuan; n > 0; n = Math.floor(n / 10_000)) groups.push(n % 10_000);
    let needZero = false;
    for (let g = groups.length - 1; g >= 0; g--) {
      const group = groups[g];
      if (group === 0) {
        needZero = out !== '';
        continue;
      }
      if (needZero || (out !== '' && group < 1000)) out += '零';
      needZero = false;
      let zero = false;
      for (let i = 3; i >= 0; i--) {
        const digit = Math.floor(group / 10 ** i) % 10;
        if (digit === 0) {
          zero = out !== '' && !out.endsWith('零');
          continue;
        }
        if (zero && group >= 10 ** (i + 1)) out += '零';
        zero = false;
        out += DIGITS[digit] + SMALL_UNITS[i];
      }
      out += BIG_UNITS[g];
    }
    out += '元';
  }
  if (jiao === 0 && fen === 0) return `人民币${out === '' ? '零元' : out}整`;
  if (jiao > 0) out += `${DIGITS[jiao]}角`;
  else if (yuan > 0) out += '零';
  if (fen > 0) out += `${DIGITS[fen]}分`;
  return `人民币${out}`;
}

const SMALL_NUMERALS = '〇一二三四五六七八九';

/** 1 → '一', 12 → '十二', 23 → '二十三' (for section numbers and copy counts up to 99). */
export function chineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 99) return String(n);
  if (n < 10) return SMALL_NUMERALS[n];
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : SMALL_NUMERALS[tens]}十${ones === 0 ? '' : SMALL_NUMERALS[ones]}`;
}

/** Party labels in order: 甲方, 乙方, 丙方 … (zh) or Party A, Party B … (en). */
export function partyLabel(index: number, locale: DocLocale = 'zh-CN'): string {
  if (locale === 'en') return `Party ${String.fromCharCode(65 + (index % 26))}`;
  const stems = '甲乙丙丁戊己庚辛壬癸';
  return index < stems.length ? `${stems[index]}方` : `第${chineseNumeral(index + 1)}方`;
}

/** Masks the middle of an ID number: 530321********0249. */
export function maskIdNumber(id: string): string {
  return id.length <= 8 ? id : `${id.slice(0, 6)}${'*'.repeat(id.length - 10)}${id.slice(-4)}`;
}
