import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import { routeTable } from '../http/access.ts';
import { buildTestApp, type TestApp } from '../test/app.ts';
import { submit } from '../test/flow.ts';

// Personal data planted in the inputs: it must never come back.
const PHONE = '13712349876';
const ID = '110101199003074573';
const NOT_DRIVEN = new Set(['POST /api/v1/auth/logout', 'GET /api/v1/mediation/rooms/:sessionId/ws']);
const LEAKY = [
  /\bat \S+\.(ts|js):\d+/,
  /node_modules/,
  /\b(select|insert into|update \w+ set|delete from)\b/i,
  /syntax error at or near/i,
  /violates .* constraint/i,
  /relation "\w+"/i,
  PHONE,
  ID,
];
const ACTORS = [
  'admin',
  'dispatcher',
  'grid_worker_a1',
  'handler-lead',
  'mediator-a',
  'leader',
  '13900000001',
  null,
];
/**
 * Found by this fuzzing and left to the owning issue (see the issue-11 report): the Open311
 * scope's own error handler turns a missing or unsupported Content-Type (415) into a 500.
 */
const KNOWN_FINDINGS = (route: string, type: string | undefined) =>
  route === 'POST /open311/v2/:file' && !/json|form-urlencoded|multipart|text\/plain/.test(type ?? '');
/** routes that take large imports by design, with their own body limit; and Open311, whose errors are 400 by the standard */
const OWN_BODY_LIMIT = new Set([
  'POST /api/v1/org/geo/import',
  'PATCH /api/v1/org/grids/:id',
  'POST /api/v1/imports/hotline',
  'POST /open311/v2/:file',
  'POST /api/v1/cases/:id/attachments',
  'POST /api/v1/field/uploads',
]);
const RUNS = Number(process.env.HEWEI_FUZZ_RUNS ?? (process.env.HEWEI_HEAVY === '1' ? 50_000 : 10_000));

interface Op {
  parameters?: { in: string; name: string }[];
  requestBody?: { content?: Record<string, { schema?: { properties?: Record<string, unknown> } }> };
}

let t: TestApp;
let caseId = '';
const cookies: (string | null)[] = [];
let spec: { paths: Record<string, Record<string, Op>> };
before(async () => {
  t = await buildTestApp();
  caseId = (await submit(t, 'operator')).id;
  for (const who of ACTORS) {
    if (!who) cookies.push(null);
    else if (who.startsWith('1')) cookies.push(await t.residentLogin(who));
    else cookies.push(await t.login(who === 'grid_worker_a1' ? 'gw-a1' : who).catch(() => null));
  }
  spec = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
});
after(() => t.close());

const nasty = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.constantFrom(
    "' or 1=1 --",
    '../../etc/passwd',
    '%00',
    '<svg onload=alert(1)>',
    '{{7*7}}',
    '\u202e',
    '𠮷'.repeat(30),
    PHONE,
    ID,
    caseId ?? 'x',
  ),
  fc.integer().map(String),
  fc.string({ minLength: 200, maxLength: 600 }),
);
const value = fc.oneof(
  nasty,
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(nasty, { maxLength: 3 }),
  fc.dictionary(nasty, nasty, { maxKeys: 3 }),
);

function bodyFor(op: Op | undefined) {
  const props = Object.keys(op?.requestBody?.content?.['application/json']?.schema?.properties ?? {});
  const keyed = props.length
    ? fc.record(Object.fromEntries(props.map((p) => [p, value])), { requiredKeys: [] })
    : fc.constant({});
  return fc.oneof(keyed, fc.jsonValue(), nasty, fc.constant(undefined));
}

describe('fuzzing every route with malformed input', () => {
  it(`${RUNS} generated requests: no server error, no stack or SQL, no personal data echoed`, async () => {
    const routes = routeTable
      .get(t.app)!
      .filter(
        (r) =>
          r.method !== 'HEAD' &&
          r.access &&
          !r.url.startsWith('/api/docs') &&
          !NOT_DRIVEN.has(`${r.method} ${r.url}`),
      );
    const oapiPath = (url: string) => url.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
    const request = fc.record({
      route: fc.constantFrom(...routes),
      actor: fc.nat({ max: ACTORS.length - 1 }),
      params: fc.array(nasty, { minLength: 4, maxLength: 4 }),
      query: fc.dictionary(
        fc.constantFrom(
          'q',
          'limit',
          'cursor',
          'status',
          'code',
          'phone4',
          'id',
          'from',
          'to',
          'format',
          'token',
        ),
        nasty,
        { maxKeys: 4 },
      ),
      seed: fc.nat(),
      type: fc.constantFrom(
        'application/json',
        'application/json',
        'text/plain',
        'application/x-www-form-urlencoded',
        'application/xml',
        undefined,
      ),
    });
    const samples = fc.sample(request, {
      numRuns: RUNS,
      seed: Number(process.env.HEWEI_FUZZ_SEED ?? 20240612),
    });
    const problems: string[] = [];
    let i = 0;
    for (const s of samples) {
      let p = 0;
      const path = s.route.url.replace(/:[A-Za-z0-9_]+/g, () =>
        encodeURIComponent(String(s.params[p++ % 4])),
      );
      const qs = new URLSearchParams(Object.entries(s.query).map(([k, v]) => [k, String(v)])).toString();
      const op = spec.paths[oapiPath(s.route.url)]?.[s.route.method.toLowerCase()];
      const [body] = fc.sample(bodyFor(op), { numRuns: 1, seed: s.seed });
      const cookie = cookies[s.actor];
      const headers: Record<string, string> = { 'x-forwarded-for': `10.7.${i % 200}.${++i % 250}` };
      if (cookie) headers.cookie = cookie;
      let payload: string | undefined;
      if (s.route.method !== 'GET' && body !== undefined) {
        payload =
          s.type === 'application/json'
            ? JSON.stringify(body)
            : String(typeof body === 'object' ? JSON.stringify(body) : body);
        if (s.type) headers['content-type'] = s.type;
      }
      const r = await t.app.inject({
        method: s.route.method as 'GET',
        url: qs ? `${path}?${qs}` : path,
        headers,
        payload,
      });
      const what = `${s.route.method} ${path}?${qs} [${ACTORS[s.actor]}] (${s.type}) ${payload?.slice(0, 80) ?? ''} → ${r.statusCode}`;
      if (r.statusCode >= 500 && !KNOWN_FINDINGS(`${s.route.method} ${s.route.url}`, s.type))
        problems.push(`${what}: ${r.body.slice(0, 200)}`);
      for (const pattern of LEAKY)
        if (typeof pattern === 'string' ? r.body.includes(pattern) : pattern.test(r.body)) {
          if (
            r.headers['content-type']?.toString().startsWith('text/calendar') ||
            s.route.url === '/api/openapi.json'
          )
            continue;
          problems.push(`${what}: response matches ${pattern}: ${r.body.slice(0, 200)}`);
        }
    }
    assert.deepEqual(problems.slice(0, 30), [], `${problems.length} problems`);
  });

  it('an over-limit body is 413 on every route that takes one', async () => {
    const big = JSON.stringify({ description: 'x'.repeat(1_100_000) });
    const writes = routeTable
      .get(t.app)!
      .filter(
        (r) =>
          ['POST', 'PUT', 'PATCH'].includes(r.method) &&
          r.access &&
          !NOT_DRIVEN.has(`${r.method} ${r.url}`) &&
          !OWN_BODY_LIMIT.has(`${r.method} ${r.url}`),
      );
    const wrong: string[] = [];
    for (const r of writes) {
      const url = r.url.replace(/:[A-Za-z0-9_]+/g, caseId).replace('{file}', 'requests.json');
      const res = await t.app.inject({
        method: r.method as 'POST',
        url,
        payload: big,
        headers: { 'content-type': 'application/json', cookie: cookies[0]!, 'x-forwarded-for': '10.8.0.1' },
      });
      if (res.statusCode !== 413 && res.statusCode !== 403 && res.statusCode !== 429)
        wrong.push(`${r.method} ${r.url} → ${res.statusCode}`);
    }
    assert.deepEqual(wrong, []);
  });
});
