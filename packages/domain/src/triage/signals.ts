// Warning signals read from what a resident said. Each names the words that triggered it.

const ESCALATION = [
  '跳楼',
  '自杀',
  '轻生',
  '喝农药',
  '同归于尽',
  '报复',
  '拼命',
  '拉横幅',
  '堵路',
  '堵门',
  '围堵',
  '静坐',
  '闹事',
  '上访',
  '进京',
  '去省里',
  '找媒体',
  '曝光',
  '砍',
  '打死',
  '放火',
  'kill myself',
  'suicide',
  'revenge',
  'block the road',
];

const GROUP_WORDS = [
  '群体',
  '集体',
  '联名',
  '一起来',
  '多名',
  '多户',
  '数十',
  '几十',
  '上百',
  '全村',
  '整栋',
  '全体',
];
const GROUP_COUNT =
  /(\d{1,4}|[十几数]十|[二三四五六七八九两]十)\s*(?:多|余)?\s*(?:名|位|户|个|人)(?:村民|工人|农民工|业主|居民|家长|群众|商户)?/g;
const CN_DIGITS: Record<string, number> = { 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

export interface TextSignals {
  escalation: string[];
  /** the number of people the text says are involved, when it says so, or 0 */
  people: number;
  groupWords: string[];
}

export function readSignals(text: string): TextSignals {
  const lower = text.toLowerCase();
  const escalation = ESCALATION.filter((w) => lower.includes(w));
  const groupWords = GROUP_WORDS.filter((w) => text.includes(w));
  let people = 0;
  for (const m of text.matchAll(GROUP_COUNT)) people = Math.max(people, countOf(m[1]));
  return { escalation, people, groupWords };
}

/** 群体性: five or more people by the text's own count, or group words with no count. */
export const isGroupDispute = (s: TextSignals) =>
  s.people >= 5 || (s.people === 0 && s.groupWords.length > 0);

function countOf(s: string): number {
  if (/^\d+$/.test(s)) return Number(s);
  if (s === '十') return 10;
  if (s === '几十' || s === '数十') return 20;
  const head = CN_DIGITS[s[0]];
  return head ? head * 10 : 0;
}
