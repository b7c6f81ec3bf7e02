// Text features over words already segmented (by jieba on the server): the domain does no I/O.

const STOPWORDS = new Set(
  '的 了 和 与 及 在 是 有 我 我们 他 他们 她 你 您 这 那 这个 那个 一个 一次 已 已经 还 也 都 就 被 把 对 向 从 到 给 让 请 希望 要求 反映 问题 情况 现在 目前 今天 昨天 本月 上月 多次 一直 没有 不 无 很 非常 相关 部门 处理 解决 进行 表示 称 说 等 次 个 人 里 中 后 前 上 下 时 日 月 年 附近 情况 导致 造成 影响 the a an of to and in on for is are was were be by with at this that it from as or'.split(
    ' ',
  ),
);

/** The words that carry meaning: no punctuation, numbers, single Latin letters or stopwords. */
export function contentWords(tokens: readonly string[]): string[] {
  const out: string[] = [];
  for (const raw of tokens) {
    const t = raw.trim().toLowerCase();
    if (!t || STOPWORDS.has(t)) continue;
    if (!/[\p{L}]/u.test(t)) continue;
    if (/^[a-z]$/.test(t)) continue;
    out.push(t);
  }
  return out;
}

export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let common = 0;
  for (const x of a) if (b.has(x)) common++;
  return common / (a.size + b.size - common);
}

export function sharedWords(a: ReadonlySet<string>, b: ReadonlySet<string>): string[] {
  return [...a].filter((x) => b.has(x));
}

/** The most frequent words across a set of documents, for naming a cluster. */
export function topWords(
  docs: readonly (readonly string[])[],
  n: number,
  exclude: ReadonlySet<string> = new Set(),
) {
  const df = new Map<string, number>();
  for (const d of docs)
    for (const w of new Set(d)) if (!exclude.has(w) && w.length > 1) df.set(w, (df.get(w) ?? 0) + 1);
  return [...df.entries()]
    .sort((x, y) => y[1] - x[1] || y[0].length - x[0].length || (x[0] < y[0] ? -1 : 1))
    .slice(0, n)
    .map(([w]) => w);
}

/** Normalises a phone number to its digits, for comparing parties across channels. */
export function normalisePhone(p: string | null | undefined): string | null {
  if (!p) return null;
  const d = p.replace(/\D/g, '').replace(/^86(?=1\d{10}$)/, '');
  return d.length >= 7 ? d : null;
}
