import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { after, before, describe, it } from 'node:test';
import { buildTestApp, type TestApp } from '../../test/app.ts';

// The unmodified npm `open311` package (codeforamerica/node-open311 0.0.12, a devDependency of
// apps/server installed from the registry with its lockfile integrity). Its XML dependencies
// (`sparkxml` from GitHub, `xml2json` native) are the stubs in ./client-stubs, put in their place
// by the root package.json's npm overrides (see the open311 decision record); the client is driven
// in JSON, the format it picks from discovery. A missing package fails the test rather than
// skipping it.
const require = createRequire(import.meta.url);
const Open311 = require('open311');

type Cb<T> = (cb: (err: unknown, data: T) => void) => void;
const call = <T = any>(f: Cb<T>) =>
  new Promise<T>((ok, ko) =>
    f((err, data) => (err ? ko(new Error(`${String(err)} ${String(data)}`)) : ok(data))),
  );

describe('the unmodified npm open311 client against Hewei', () => {
  let t: TestApp;
  let base: string;
  before(async () => {
    t = await buildTestApp();
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const addr = t.app.server.address() as { port: number };
    base = `http://127.0.0.1:${addr.port}`;
  });
  after(() => t.close());

  it('discovers, lists services, submits in Chinese, follows the request and posts an update', async () => {
    const client = new Open311({ discovery: `${base}/open311/discovery.json`, apiKey: 'demo-open311-key' });
    const discovery = await call<any>((cb) => client.serviceDiscovery({ cache: true }, cb));
    assert.equal(discovery.endpoints[0].specification, 'http://wiki.open311.org/GeoReport_v2');
    assert.equal(client.endpoint, `${base}/open311/v2/`);
    assert.equal(client.format, 'json');

    const services = await call<any[]>((cb) => client.serviceList(cb));
    const lights = services.find((s) => s.service_code === '0204');
    assert.equal(lights.service_name, '路灯故障');
    const definition = await call<any>((cb) => client.serviceDefinition('0204', cb));
    assert.ok(definition.attributes.some((a: any) => a.code === 'region'));

    const submitted = await call<any[]>((cb) =>
      client.submitRequest(
        {
          service_code: '0204',
          lat: 30.271234,
          long: 120.153456,
          address_string: '甲一村村委会门口',
          description: '村委会门口的路灯一到晚上就闪烁，已经三天了',
          first_name: '小红',
          last_name: '李',
          phone: '13800000001',
          attributes: { region: '330001101201', client_token: 'node-open311-1' },
        },
        cb,
      ),
    );
    const id = submitted[0].service_request_id;
    assert.doesNotMatch(id, /^HW/);
    assert.match(submitted[0].service_notice, /HW\d{6}-/);

    const [followed] = await call<any[]>((cb) => client.serviceRequest(id, cb));
    assert.equal(followed.service_request_id, id);
    assert.equal(followed.status, 'open');
    assert.equal(followed.description, '村委会门口的路灯一到晚上就闪烁，已经三天了');
    assert.ok(
      followed.requested_datetime instanceof Date && !Number.isNaN(followed.requested_datetime.getTime()),
    );
    const listed = await call<any[]>((cb) => client.serviceRequests([id], cb));
    assert.deepEqual(
      listed.map((r) => r.service_request_id),
      [id],
    );

    // node-open311 has no update method: its own _post helper sends mySociety's form
    const posted = await call<string>((cb) =>
      client._post(
        'servicerequestupdates',
        {
          api_key: 'demo-open311-key',
          service_request_id: id,
          update_id: 'node-open311-update-1',
          status: 'OPEN',
          updated_datetime: '2024-06-12T11:00:00+08:00',
          description: '补充：闪烁的是靠近小卖部的那一盏',
        },
        cb,
      ),
    );
    assert.deepEqual(JSON.parse(posted), [{ update_id: 'node-open311-update-1', account_id: '' }]);
    const [withNotes] = await call<any[]>((cb) => client.serviceRequest(id, { extensions: 'true' }, cb));
    assert.ok(withNotes.notes.some((n: any) => n.description.includes('小卖部')));
  });
});
