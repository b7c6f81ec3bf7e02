// After a load (and on every reuse): a few overview figures must equal a direct count over the base
// rows, and every case must have its search entry and rollup keys; otherwise the bench stops, so a
// wrong or missing rollup can never be measured as a fast one.
import pg from 'pg';
import type { OrgDirectory } from '../../apps/server/src/modules/org/org.directory.ts';
import { TERMINAL } from '../../apps/server/src/modules/overview/overview.keys.ts';
import { caseTerms } from '../../apps/server/src/modules/search/search.index.ts';

const SHANGHAI_DAY = `to_char(created_at at time zone 'Asia/Shanghai', 'YYYY-MM-DD')`;

/** Each figure: the rollup's sums by value against the same count over cases. */
function figures(county: string, town: string) {
  const open = `status <> all('{${[...TERMINAL].join(',')}}'::text[])`;
  const rollup = (node: string, dim: string) =>
    `select value, sum(n)::bigint n from overview_counts where county_id = '${county}' and node_id = '${node}' and dim = '${dim}' group by 1`;
  return [
    {
      name: 'county cases by status',
      rollup: rollup(county, 'status'),
      base: `select status, count(*) from cases where county_id = '${county}' group by 1`,
    },
    {
      name: 'county open cases by colour',
      rollup: rollup(county, 'open_colour'),
      base: `select coalesce(colour, 'none'), count(*) from cases where county_id = '${county}' and ${open} group by 1`,
    },
    {
      name: `town ${town} cases by category`,
      rollup: rollup(town, 'category'),
      base: `select category_code, count(*) from cases where county_id = '${county}' and region_path[2] = '${town}' group by 1`,
    },
    {
      name: 'county intake by day, last 30 days',
      rollup: `select to_char(day, 'YYYY-MM-DD'), sum(n)::bigint from overview_daily where county_id = '${county}' and node_id = '${county}'
                 and metric = 'created' and day >= (now() at time zone 'Asia/Shanghai')::date - 30 group by 1`,
      base: `select ${SHANGHAI_DAY}, count(*) from cases where county_id = '${county}'
               and created_at >= ((now() at time zone 'Asia/Shanghai')::date - 30)::timestamp at time zone 'Asia/Shanghai' group by 1`,
    },
  ];
}

export async function checkTier(url: string, log: (s: string) => void) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const started = performance.now();
    const { rows: top } = await c.query(
      `select county_id, region_path[2] town, count(*) from cases group by 1, 2 order by 3 desc limit 1`,
    );
    const { county_id: county, town } = top[0];
    const out: { name: string; values: number; total: number }[] = [];
    for (const f of figures(county, town)) {
      const { rows } = await c.query({
        text: `with r(value, n) as (${f.rollup}), b(value, n) as (${f.base})
               select coalesce(r.value, b.value) as value, coalesce(r.n, 0)::bigint as rollup, coalesce(b.n, 0)::bigint as base
                 from r full join b on r.value = b.value`,
      });
      const wrong = rows.filter((r) => r.rollup !== r.base);
      if (wrong.length)
        throw new Error(
          `overview rollup disagrees with the cases: ${f.name}: ${JSON.stringify(wrong.slice(0, 5))}`,
        );
      out.push({ name: f.name, values: rows.length, total: rows.reduce((s, r) => s + Number(r.base), 0) });
    }
    const { rows: missing } = await c.query(
      `select (select count(*) from cases c where not exists (select 1 from case_search s where s.county_id = c.county_id and s.case_id = c.id))::int as search,
              (select count(*) from cases c where not exists (select 1 from overview_case_keys k where k.county_id = c.county_id and k.case_id = c.id))::int as keys`,
    );
    if (missing[0].search || missing[0].keys)
      throw new Error(`cases without derived rows: ${JSON.stringify(missing[0])}`);
    const seconds = Math.round((performance.now() - started) / 100) / 10;
    log(
      `  check: ${out.map((f) => `${f.name} (${f.total})`).join('; ')} — rollups equal the cases (${seconds} s)`,
    );
    return { figures: out, seconds };
  } finally {
    await c.end();
  }
}

/** The COPY'd search entries equal what search.index.ts writes (array_to_tsvector of caseTerms). */
export async function checkSearchEntries(c: pg.Client, org: OrgDirectory, sample = 50) {
  const { rows } = await c.query(
    `select c.county_id "countyId", c.id, c.tracking_code "trackingCode", c.description, c.address, c.category_code "categoryCode",
            s.doc::text doc from cases c join case_search s on s.county_id = c.county_id and s.case_id = c.id
      order by c.id limit $1`,
    [sample],
  );
  for (const r of rows) {
    const terms = caseTerms(r, org);
    const { rows: built } = await c.query(
      `select array_to_tsvector(string_to_array($1, chr(31)))::text doc`,
      [terms.join('\u001f')],
    );
    if (built[0].doc !== r.doc) throw new Error(`search entry of ${r.id} differs from the module's`);
  }
  return rows.length;
}
