import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildTestApp, type TestApp } from '../../test/app.ts';
import { newCase, submit } from '../../test/flow.ts';
import { errorsSchema } from './open311.schemas.ts';
import { parseXml, spark } from './xml.test-support.ts';

let t: TestApp;
const KEY = 'demo-open311-key';
before(async () => {
  t = await buildTestApp();
});
after(() => t.close());

const get = (url: string) => t.call({ method: 'GET', url });
const light = { service_code: '0204', lat: '30.123456', long: '120.654321', api_key: KEY };

async function errorIn(res: { statusCode: number; body: string; json(): any }, status: number, fmt = 'json') {
  assert.equal(res.statusCode, status, res.body);
  if (fmt === 'json') return errorsSchema.parse(res.json());
  const { root } = parseXml(res.body);
  assert.equal(root.name, 'errors');
  return errorsSchema.parse(spark(root));
}

describe('Open311 public listing never leaks private matters', () => {
  it('a hotline case is listed without its description, place or tracking code', async () => {
    const hotline = await submit(
      t,
      'operator',
      newCase({ categoryCode: '0204', description: '来电人张三反映自家门口路灯坏了，住锦绣花园3幢502' }),
    );
    const mine = await t.call({
      method: 'POST',
      url: '/open311/v2/requests.json',
      payload: new URLSearchParams({ ...light, description: '村口路灯一到晚上就闪烁' }).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    assert.equal(mine.statusCode, 200, mine.body);
    const [created] = mine.json();
    for (const q of ['', '?extensions=true']) {
      for (const fmt of ['json', 'xml']) {
        const r = await get(`/open311/v2/requests.${fmt}${q}`);
        assert.equal(r.statusCode, 200, r.body);
        assert.ok(!r.body.includes('锦绣花园'), 'hotline description or address leaked');
        assert.ok(!r.body.includes(hotline.trackingCode), 'tracking code leaked');
        assert.doesNotMatch(r.body, /HW\d{6}-/);
      }
      const list = (await get(`/open311/v2/requests.json${q}`)).json();
      const h = list.find((x: any) => x.service_request_id === hotline.id);
      assert.ok(h, 'the hotline case is listed by its case id');
      assert.equal(h.description, '');
      assert.equal(h.address, '');
      assert.equal(h.lat, null);
      if (q) assert.equal(h.extended_attributes.tracking_code, undefined);
      const o = list.find((x: any) => x.service_request_id === created.service_request_id);
      assert.equal(o.description, '村口路灯一到晚上就闪烁');
    }
    const [one] = (await get(`/open311/v2/requests/${hotline.id}.json?extensions=true`)).json();
    assert.equal(one.description, '');
    assert.ok(!JSON.stringify(one).includes(hotline.trackingCode));
    const ups = await get('/open311/v2/servicerequestupdates.json');
    assert.ok(!ups.body.includes(hotline.trackingCode));
    // a tracking code is not an Open311 id: following a case needs the phone's last four digits
    await errorIn(await get(`/open311/v2/requests/${hotline.trackingCode}.json`), 404);
    const byCode = (await get(`/open311/v2/requests.json?service_request_id=${hotline.trackingCode}`)).json();
    assert.deepEqual(byCode, []);
  });

  it('disputes and petitions are never listed at all', async () => {
    const d = await submit(t, 'operator', newCase({ kind: 'dispute', categoryCode: '0101' }));
    const list = (await get('/open311/v2/requests.json')).json();
    assert.ok(!list.some((x: any) => x.service_request_id === d.id));
    await errorIn(await get(`/open311/v2/requests/${d.id}.json`), 404);
  });
});

describe('Open311 POST with a missing or unsupported Content-Type', () => {
  const cases: [string | undefined, string, number, string][] = [
    [undefined, 'service_code=0204', 415, 'CONTENT_TYPE_REQUIRED'],
    ['text/plain', 'service_code=0204', 415, 'UNSUPPORTED_MEDIA_TYPE'],
    ['application/xml', '<service_code>0204</service_code>', 415, 'UNSUPPORTED_MEDIA_TYPE'],
    ['application/json', '{"service_code":', 400, 'BAD_BODY'],
    ['multipart/form-data', 'no boundary', 400, 'BAD_BODY'],
    ['multipart/form-data; boundary=abc', '--abc\r\ntruncated', 400, 'BAD_BODY'],
  ];
  for (const [type, payload, status, code] of cases)
    for (const fmt of ['json', 'xml'])
      it(`${type ?? 'no Content-Type'} → ${status} ${code} (${fmt})`, async () => {
        for (const path of ['requests', 'servicerequestupdates']) {
          const r = await t.call({
            method: 'POST',
            url: `/open311/v2/${path}.${fmt}`,
            payload,
            headers: type ? { 'content-type': type } : {},
          });
          const [e] = await errorIn(r, status, fmt);
          assert.equal(e.code, code);
        }
      });

  it('a JSON body is accepted like a form', async () => {
    const r = await t.call({
      method: 'POST',
      url: '/open311/v2/requests.json',
      payload: { ...light, description: 'JSON 提交的路灯诉求' },
    });
    assert.equal(r.statusCode, 200, r.body);
  });
});
