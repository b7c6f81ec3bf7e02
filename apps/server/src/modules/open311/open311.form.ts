/**
 * The arguments of an Open311 call: form fields (repeatable) over the query string, since
 * node-open311 sends jurisdiction_id in the query even on POST and FixMyStreet sends it in the
 * body. An empty argument is treated exactly like an absent one (spec text).
 */
export class Form {
  private readonly fields: Map<string, string[]>;

  constructor(fields: Map<string, string[]>) {
    this.fields = fields;
  }

  static of(body: unknown, query: unknown): Form {
    const fields = new Map<string, string[]>();
    const add = (k: string, v: unknown) => {
      for (const x of [v].flat())
        if (typeof x === 'string' && x !== '') fields.set(k, [...(fields.get(k) ?? []), x]);
    };
    for (const src of [query, body])
      if (src instanceof Map) for (const [k, v] of src) add(k, v);
      else if (src && typeof src === 'object') for (const [k, v] of Object.entries(src)) add(k, v);
    return new Form(fields);
  }

  /** The last value sent for a field (a body value wins over the query's). */
  one(name: string): string | undefined {
    const v = this.fields.get(name);
    return v?.[v.length - 1];
  }

  all(name: string): string[] {
    return this.fields.get(name) ?? [];
  }

  attribute(code: string): string | undefined {
    return this.one(`attribute[${code}]`);
  }

  /** Every `attribute[CODE]` and `attribute[CODE][]` (multivaluelist), unknown codes included. */
  attributes(): Record<string, string | string[]> {
    const out: Record<string, string | string[]> = {};
    for (const [k, v] of this.fields) {
      const m = /^attribute\[([^\]]+)\](\[\])?$/.exec(k);
      if (m) out[m[1]] = m[2] ? [...((out[m[1]] as string[] | undefined) ?? []), ...v] : v[v.length - 1];
    }
    return out;
  }

  /** Everything but the key, in a stable order: the same submission always hashes the same. */
  canonical(): Record<string, string[]> {
    return Object.fromEntries(
      [...this.fields].filter(([k]) => k !== 'api_key').sort(([a], [b]) => a.localeCompare(b)),
    );
  }
}

/** application/x-www-form-urlencoded, keeping repeated fields (`media_url`, `attribute[x][]`). */
export function parseUrlEncoded(body: string): Map<string, string[]> {
  const fields = new Map<string, string[]>();
  for (const [k, v] of new URLSearchParams(body)) fields.set(k, [...(fields.get(k) ?? []), v]);
  return fields;
}
