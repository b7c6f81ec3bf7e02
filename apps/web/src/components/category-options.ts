import type { Category } from '../lib/api/types.ts';

/** The leaf categories a kind of case may have, labelled `parent / leaf`, as picker options. */
export function categoryOptions(categories: Category[], kind?: string) {
  const names = new Map(categories.map((c) => [c.code, c.name]));
  const parents = new Set(categories.map((c) => c.parentCode).filter(Boolean));
  return categories
    .filter((c) => !parents.has(c.code))
    .filter((c) => !kind || c.kinds.length === 0 || c.kinds.includes(kind))
    .map((c) => {
      const parent = c.parentCode ? names.get(c.parentCode) : undefined;
      return { value: c.code, label: parent ? `${parent} / ${c.name}` : c.name };
    });
}
