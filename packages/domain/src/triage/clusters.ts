import { jaccard } from './text.ts';

export interface ClusterItem {
  id: string;
  /** cases only cluster with others of the same group (e.g. village + category) */
  group: string;
  words: ReadonlySet<string>;
}

/**
 * Greedy single-pass clustering: each item joins the first cluster of its group whose seed
 * words it resembles enough, else starts one. Deterministic for a given order.
 */
export function clusterBySimilarity<T extends ClusterItem>(items: readonly T[], minSimilarity = 0.2): T[][] {
  const clusters: { group: string; seed: Set<string>; members: T[] }[] = [];
  for (const item of items) {
    const home = clusters.find((c) => c.group === item.group && jaccard(c.seed, item.words) >= minSimilarity);
    if (home) {
      home.members.push(item);
      for (const w of item.words)
        if (home.members.filter((m) => m.words.has(w)).length >= 2) home.seed.add(w);
    } else {
      clusters.push({ group: item.group, seed: new Set(item.words), members: [item] });
    }
  }
  return clusters.map((c) => c.members);
}
