import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import { buildTestApp, type TestApp } from '../../test/app.ts';
import { act, HOUR } from '../../test/flow.ts';
import {
  definitionSchema,
  discoverySchema,
  errorsSchema,
  requestSchema,
  serviceSchema,
  updateSchema,
} from './open311.schemas.ts';
import { asXmlText, parseXml, spark } from './xml.test-support.ts';

let t: TestApp;
const KEY = 'demo-open311-key';
const W3C = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(Z|[+-]\d{2}:\d{2})$/;
before(async () => {
  t = await buildTestApp();
});
after(() => t.close());

const get = (url: string) => t.call({ method: 'GET', url });
const form = (fields: Record<string, string | string[]>) => {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(fields)) for (const x of [v].flat()) p.append(k, x);
  return p.toString();
};
const post = (url: string, fields: Record<string, string | string[]>) =>
  t.call({
    method: 'POST',
    url,
    payload: form(fields),
    headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
  });
const light = { service_code: '0204', lat: '30.123456', long: '120.654321', api_key: KEY };
const count = async () =>
  (await t.deps.db.execute<{ n: number }>(sql`select count(*)::int as n from cases`)).rows[0].n;

/** Both formats of one resource: the JSON validated by `schema`, the XML equal to it under Spark. */
async function both(path: string, root: string, schema: z.ZodType) {
  const j = await get(`/open311/v2/${path.replace('{f}', 'json')}`);
  const x = await get(`/open311/v2/${path.replace('{f}', 'xml')}`);
  assert.equal(j.statusCode, 200, j.body);
  assert.equal(x.statusCode, 200, x.body);
  assert.equal(j.headers['content-type'], 'application/json; charset=utf-8');
  assert.equal(x.headers['content-type'], 'text/xml; charset=utf-8');
  assert.ok(x.body.startsWith('<?xml version="1.0" encoding="utf-8"?>'));
  const json = schema.parse(j.json());
  const { root: r, declaration } = parseXml(x.body);
  assert.ok(declaration);
  assert.equal(r.name, root);
  assert.deepEqual(spark(r), asXmlText(json));
  return json as any;
}

async function errorIn(res: { statusCode: number; body: string; json(): any }, status: number, fmt = 'json') {
  assert.equal(res.statusCode, status, res.body);
  if (fmt === 'json') return errorsSchema.parse(res.json());
  const { root } = parseXml(res.body);
  assert.equal(root.name, 'errors');
  return errorsSchema.parse(spark(root));
}

describe('Open311 discovery (§1.2)', () => {
  for (const fmt of ['json', 'xml']) {
    it(`discovery.${fmt} names a production GeoReport v2 endpoint that speaks XML and JSON`, async () => {
      const r = await get(`/open311/discovery.${fmt}`);
      assert.equal(r.statusCode, 200);
      const body = fmt === 'json' ? r.json() : spark(parseXml(r.body).root);
      const d = fmt === 'json' ? discoverySchema.parse(body) : (body as any);
      assert.ok(Date.parse(d.changeset) < Date.now());
      const e = d.endpoints[0];
      assert.equal(e.specification, 'http://wiki.open311.org/GeoReport_v2');
      assert.equal(e.type, 'production');
      assert.match(e.url, /\/open311\/v2\/$/);
      assert.ok(e.formats.includes('text/xml') && e.formats.includes('application/json'));
    });
  }
  it('an unknown extension is a 404 with an errors body', async () => {
    await errorIn(await get('/open311/discovery.yaml'), 404, 'xml');
    await errorIn(await get('/open311/v2/services.yaml'), 404, 'xml');
  });
});

describe('Open311 services and definitions (§1.3 #1–2)', () => {
  it('lists the public categories in both formats, never disputes or petitions', async () => {
    const list = await both('services.{f}', 'services', serviceSchema.array().min(1));
    const codes = list.map((s: any) => s.service_code);
    assert.ok(codes.includes('0204'));
    assert.ok(!codes.some((c: string) => c.startsWith('01') || c.startsWith('10')));
    assert.equal(new Set(codes).size, codes.length);
    assert.ok(list.every((s: any) => typeof s.metadata === 'boolean' && s.type === 'realtime'));
  });
  it('every definition echoes its code, with unique positive orders and keyed values', async () => {
    const list = (await get('/open311/v2/services.json')).json();
    for (const s of list.slice(0, 8)) {
      const d = await both(`services/${s.service_code}.{f}`, 'service_definition', definitionSchema);
      assert.equal(d.service_code, s.service_code);
      const orders = d.attributes.map((a: any) => a.order);
      assert.equal(new Set(orders).size, orders.length);
      for (const a of d.attributes)
        if (a.datatype.endsWith('list'))
          assert.ok(a.values.length && a.values.every((v: any) => v.key && v.name));
    }
  });
  it('English names with locale=en; an unknown service definition is 404', async () => {
    const en = (await get('/open311/v2/services.json?locale=en')).json();
    assert.equal(en.find((s: any) => s.service_code === '0204').service_name, 'Street lights');
    await errorIn(await get('/open311/v2/services/9999.json'), 404);
    await errorIn(await get('/open311/v2/services/9999.xml'), 404, 'xml');
  });
  it('an unknown jurisdiction is 404; the county code is accepted', async () => {
    await errorIn(await get('/open311/v2/services.json?jurisdiction_id=nowhere.example'), 404);
    assert.equal((await get('/open311/v2/services.json?jurisdiction_id=330001')).statusCode, 200);
  });
});

describe('Open311 POST requests (§1.3 #3, checklist 4)', () => {
  it('refuses a missing or wrong api_key with 403, and makes nothing', async () => {
    const before = await count();
    const { api_key: _k, ...nokey } = light;
    await errorIn(await post('/open311/v2/requests.json', nokey), 403);
    await errorIn(await post('/open311/v2/requests.xml', { ...light, api_key: 'wrong' }), 403, 'xml');
    assert.equal(await count(), before);
  });
  it('names each bad argument with a 400 (or 404 for an unknown service)', async () => {
    const before = await count();
    const { service_code: _s, ...nocode } = light;
    const cases: [Record<string, string | string[]>, number, RegExp][] = [
      [nocode, 400, /service_code/],
      [{ ...light, service_code: '9999' }, 404, /service_code/],
      [{ service_code: '0204', api_key: KEY }, 400, /location/i],
      [{ ...light, long: '' }, 400, /lat and long/],
      [{ ...light, description: '长'.repeat(4001) }, 400, /4000/],
      [{ ...light, description: '<b>粗体</b>路灯' }, 400, /HTML/],
      [{ ...light, phone: '12345' }, 400, /phone/],
      [{ ...light, 'attribute[kind]': 'dispute' }, 400, /attribute\[kind\]/],
      [{ ...light, lat: 'north' }, 400, /lat/],
    ];
    for (const [fields, status, text] of cases) {
      const [e] = await errorIn(await post('/open311/v2/requests.json', fields), status);
      assert.match(e.description, text, JSON.stringify(fields).slice(0, 80));
    }
    assert.equal(await count(), before);
  });
  it('a Chinese request round-trips, with jurisdiction in the query and multi-value attributes', async () => {
    const r = await t.call({
      method: 'POST',
      url: '/open311/v2/requests.xml?jurisdiction_id=330001',
      payload: form({
        ...light,
        description: '甲一村村口路灯不亮已经一周，晚上行人看不清路',
        last_name: '王',
        first_name: '小明',
        phone: '13800000001',
        'attribute[region]': '330001101201',
        'attribute[tags][]': ['夜间', '安全'],
        'attribute[unknown_code]': 'kept',
      }),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    assert.equal(r.statusCode, 200, r.body);
    const [created] = spark(parseXml(r.body).root) as any[];
    assert.doesNotMatch(created.service_request_id, /^HW/);
    assert.match(created.service_notice, /HW\d{6}-/);
    assert.equal(created.token, undefined);
    const [req] = (await get(`/open311/v2/requests/${created.service_request_id}.json`)).json();
    assert.equal(req.description, '甲一村村口路灯不亮已经一周，晚上行人看不清路');
    assert.equal(req.lat, 30.123456);
    assert.equal(req.long, 120.654321);
    const [row] = (
      await t.deps.db.execute<{ attributes: any; channel: string }>(
        sql`select r.attributes, c.channel from open311_requests r join cases c on c.id = r.case_id where c.id = ${created.service_request_id}`,
      )
    ).rows;
    assert.equal(row.channel, 'open311');
    assert.deepEqual(row.attributes.tags, ['夜间', '安全']);
    assert.equal(row.attributes.unknown_code, 'kept');
  });
  it('a replayed POST returns the first request and never makes a second case', async () => {
    const fields = { ...light, description: '同一份提交重复发送三次', 'attribute[client_token]': 'c-7f3a' };
    const first = (await post('/open311/v2/requests.json', fields)).json()[0];
    const before = await count();
    const again = await post('/open311/v2/requests.json', fields);
    assert.equal(again.headers['idempotent-replayed'], 'true');
    assert.equal(again.json()[0].service_request_id, first.service_request_id);
    const plain = { ...light, description: '没有客户端编号的提交也不重复' };
    const a = (await post('/open311/v2/requests.json', plain)).json()[0];
    const b = (await post('/open311/v2/requests.json', plain)).json()[0];
    assert.equal(a.service_request_id, b.service_request_id);
    assert.equal(await count(), before + 1);
    const tok = await both(
      'tokens/c-7f3a.{f}',
      'service_requests',
      (await import('./open311.schemas.ts')).tokenSchema,
    );
    assert.equal(tok[0].service_request_id, first.service_request_id);
    await errorIn(await get('/open311/v2/tokens/nope.json'), 404);
    const reuse = await post('/open311/v2/requests.json', { ...fields, description: '换了内容却用同一编号' });
    await errorIn(reuse, 400);
  });
});

describe('Open311 GET requests and extensions (checklist 6–8)', () => {
  it('filters, pages without overlap, and keeps every date W3C with updated ≥ requested', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      t.clock.advance(HOUR);
      const r = await post('/open311/v2/requests.json', {
        ...light,
        service_code: i % 2 ? '0208' : '0204',
        description: `分页测试第${i}条诉求`,
      });
      ids.push(r.json()[0].service_request_id);
    }
    const all = await both('requests.{f}', 'service_requests', requestSchema.array());
    for (const r of all) {
      for (const k of ['requested_datetime', 'updated_datetime']) assert.match(r[k], W3C);
      assert.ok(Date.parse(r.updated_datetime) >= Date.parse(r.requested_datetime));
    }
    const p1 = (await get('/open311/v2/requests.json?page_size=2&page=1')).json();
    const p2 = (await get('/open311/v2/requests.json?page_size=2&page=2')).json();
    assert.equal(p1.length, 2);
    assert.equal(new Set([...p1, ...p2].map((r: any) => r.service_request_id)).size, 4);
    const lights = (await get('/open311/v2/requests.json?service_code=0208')).json();
    assert.ok(lights.length >= 2 && lights.every((r: any) => r.service_code === '0208'));
    const picked = (
      await get(`/open311/v2/requests.json?service_request_id=${ids[0]},${ids[1]}&service_code=0208`)
    ).json();
    assert.deepEqual(picked.map((r: any) => r.service_request_id).sort(), [ids[0], ids[1]].sort());
    const empty = await get(
      '/open311/v2/requests.json?start_date=2020-01-01T00:00:00Z&end_date=2020-01-02T00:00:00%2B08:00',
    );
    assert.deepEqual(empty.json(), []);
    await errorIn(
      await get('/open311/v2/requests.json?start_date=2024-01-01T00:00:00Z&end_date=2024-06-01T00:00:00Z'),
      400,
    );
    await errorIn(await get('/open311/v2/requests.json?start_date=2024-01-01'), 400);
    await errorIn(await get('/open311/v2/requests.json?status=pending'), 400);
    const opt = (await get('/open311/v2/requests.json?status=&service_code=')).json();
    assert.equal(opt.length, all.length);
  });
  it('a closed request carries its close time; status and updated_after filter on it', async () => {
    const [created] = (
      await post('/open311/v2/requests.json', { ...light, description: '要被撤回的诉求内容' })
    ).json();
    const id = created.service_request_id;
    t.clock.advance(HOUR);
    const cut = new Date(t.clock.now().getTime() - 60_000).toISOString().replace(/\.\d+Z$/, 'Z');
    await act(t, 'dispatcher', id, 'withdraw', { reason: '居民来电撤回' });
    const [one] = (await get(`/open311/v2/requests/${created.service_request_id}.json`)).json();
    assert.equal(one.status, 'closed');
    assert.equal(
      Date.parse(one.updated_datetime),
      t.clock.now().getTime() - (t.clock.now().getTime() % 1000),
    );
    const closed = (await get('/open311/v2/requests.json?status=closed')).json();
    assert.ok(closed.some((r: any) => r.service_request_id === created.service_request_id));
    assert.ok(
      (await get('/open311/v2/requests.json?status=open')).json().every((r: any) => r.status === 'open'),
    );
    const since = (await get(`/open311/v2/requests.json?updated_after=${cut}`)).json();
    assert.deepEqual(
      since.map((r: any) => r.service_request_id),
      [created.service_request_id],
    );
    const plain = (await get(`/open311/v2/requests/${created.service_request_id}.json`)).json()[0];
    assert.equal(plain.notes, undefined);
    const [ext] = await both(
      `requests/${created.service_request_id}.{f}?extensions=true`,
      'service_requests',
      requestSchema.array(),
    );
    assert.equal(ext.extended_attributes.channel, 'open311');
    assert.deepEqual(
      ext.notes.map((n: any) => n.summary),
      ['submitted', 'withdrawn'],
    );
    await errorIn(await get('/open311/v2/requests/HW000000-NOPE.xml'), 404, 'xml');
  });
  it('servicerequestupdates: GET lists status changes; POST logs a reply once per update_id', async () => {
    const [created] = (
      await post('/open311/v2/requests.json', { ...light, description: '等待群众补充说明的诉求' })
    ).json();
    const ups = await both('servicerequestupdates.{f}', 'service_request_updates', updateSchema.array());
    assert.ok(
      ups.some((u: any) => u.service_request_id === created.service_request_id && u.status === 'open'),
    );
    const update = {
      api_key: KEY,
      service_request_id: created.service_request_id,
      update_id: 'fms-1001',
      status: 'OPEN',
      updated_datetime: '2024-06-12T12:00:00+08:00',
      description: '补充：路灯在村口第二根电线杆',
    };
    const r = await post('/open311/v2/servicerequestupdates.xml', update);
    assert.equal(r.statusCode, 200, r.body);
    assert.deepEqual(spark(parseXml(r.body).root), [{ update_id: 'fms-1001', account_id: '' }]);
    const [dup] = await errorIn(await post('/open311/v2/servicerequestupdates.json', update), 400);
    assert.match(dup.description, /already exists/);
    await errorIn(
      await post('/open311/v2/servicerequestupdates.json', { ...update, update_id: 'x2', status: 'open' }),
      400,
    );
    await errorIn(await post('/open311/v2/servicerequestupdates.json', { ...update, api_key: 'bad' }), 403);
    const [ext] = (
      await get(`/open311/v2/requests/${created.service_request_id}.json?extensions=true`)
    ).json();
    assert.ok(ext.notes.some((n: any) => n.type === 'update' && n.description.includes('第二根电线杆')));
  });
});

describe('Open311 API keys', () => {
  it('an administrator issues a key that works, and revoking it stops it', async () => {
    const denied = await t.call({
      method: 'POST',
      url: '/api/v1/open311/keys',
      payload: { name: 'x' },
      as: 'dispatcher',
    });
    assert.equal(denied.statusCode, 403);
    const k = await t.call({
      method: 'POST',
      url: '/api/v1/open311/keys',
      payload: { name: '市12345平台' },
      as: 'admin',
    });
    assert.equal(k.statusCode, 201, k.body);
    const { key, id } = k.json();
    const ok = await post('/open311/v2/requests.json', {
      ...light,
      api_key: key,
      description: '新钥匙提交的诉求',
    });
    assert.equal(ok.statusCode, 200, ok.body);
    const list = (await t.call({ method: 'GET', url: '/api/v1/open311/keys', as: 'admin' })).json().items;
    assert.ok(list.some((x: any) => x.id === id && !('key' in x)));
    const rev = await t.call({ method: 'POST', url: `/api/v1/open311/keys/${id}/revoke`, as: 'admin' });
    assert.equal(rev.statusCode, 200);
    await errorIn(
      await post('/open311/v2/requests.json', { ...light, api_key: key, description: '吊销后再提交' }),
      403,
    );
  });
});
