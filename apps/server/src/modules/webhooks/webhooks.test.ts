import assert from 'node:assert/strict';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { after, before, describe, it } from 'node:test';
import { drainOutbox } from '../../jobs/outbox.ts';
import { buildTestApp, type TestApp } from '../../test/app.ts';
import { act, submit } from '../../test/flow.ts';
import { drainWebhooks } from './webhooks.service.ts';
import { MAX_ATTEMPTS, verifySignature } from './webhooks.sign.ts';

const SECRET = 'a-shared-secret-for-tests';
let t: TestApp;
let server: Server;
let url: string;
const received: { headers: IncomingHttpHeaders; body: string }[] = [];
let answers: number[] = [];

before(async () => {
  t = await buildTestApp();
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => {
      body += c;
    });
    req.on('end', () => {
      received.push({ headers: req.headers, body });
      res.writeHead(answers.shift() ?? 204).end();
    });
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  url = `http://127.0.0.1:${(server.address() as { port: number }).port}/hook`;
});
after(async () => {
  await new Promise((ok) => server.close(ok));
  await t.close();
});

const subscribe = (payload: object, as = 'admin') =>
  t.call({ method: 'POST', url: '/api/v1/webhooks', payload, as });
const log = async (id: string) =>
  (await t.call({ method: 'GET', url: `/api/v1/webhooks/${id}/deliveries`, as: 'admin' })).json().items;
const drain = async () => {
  await drainOutbox(t.deps);
  return drainWebhooks(t.deps);
};

describe('webhooks', () => {
  it('only an administrator subscribes, with an http(s) URL and known events', async () => {
    assert.equal((await subscribe({ name: 'x', url, events: ['*'] }, 'dispatcher')).statusCode, 403);
    const bad = await subscribe({ name: 'x', url: 'ftp://example.org/x', events: ['*'] });
    assert.equal(bad.statusCode, 400);
    assert.equal(bad.json().error.field, 'url');
    const unknown = await subscribe({ name: 'x', url, events: ['case.exploded'] });
    assert.equal(unknown.statusCode, 400);
    assert.equal(unknown.json().error.field, 'events');
    const events = await t.call({ method: 'GET', url: '/api/v1/webhooks/events', as: 'admin' });
    assert.ok(events.json().items.includes('case.closed'));
  });

  it('delivers case events signed with HMAC-SHA256, retries with backoff, logs and replays', async () => {
    const s = await subscribe({
      name: '市12345平台',
      url,
      events: ['case.submitted', 'case.accepted'],
      secret: SECRET,
    });
    assert.equal(s.statusCode, 201, s.body);
    const sub = s.json();
    assert.equal(sub.secret, SECRET);
    const listed = (await t.call({ method: 'GET', url: '/api/v1/webhooks', as: 'admin' })).json().items;
    assert.ok(listed.some((x: any) => x.id === sub.id && !('secret' in x)));

    answers = [500];
    const c = await submit(t, 'operator');
    assert.equal(await drain(), 1);
    assert.equal(received.length, 1);
    let [d] = await log(sub.id);
    assert.equal(d.status, 'pending');
    assert.equal(d.attempts, 1);
    assert.equal(d.lastStatusCode, 500);
    assert.equal(Date.parse(d.nextAttemptAt), t.clock.now().getTime() + 60_000);

    assert.equal(await drainWebhooks(t.deps), 0, 'not due before its backoff');
    t.clock.advance(61_000);
    assert.equal(await drainWebhooks(t.deps), 1);
    [d] = await log(sub.id);
    assert.equal(d.status, 'delivered');
    assert.equal(d.attempts, 2);

    const last = received[received.length - 1];
    assert.equal(last.headers['content-type'], 'application/json; charset=utf-8');
    assert.equal(last.headers['x-hewei-event'], 'case.submitted');
    assert.equal(last.headers['x-hewei-delivery'], d.id);
    const sig = String(last.headers['x-hewei-signature']);
    assert.match(sig, /^sha256=[0-9a-f]{64}$/);
    assert.ok(verifySignature(SECRET, String(last.headers['x-hewei-timestamp']), last.body, sig));
    assert.ok(
      !verifySignature(
        'wrong-secret-wrong-secret',
        String(last.headers['x-hewei-timestamp']),
        last.body,
        sig,
      ),
    );
    const body = JSON.parse(last.body);
    assert.equal(body.type, 'case.submitted');
    assert.equal(body.case.id, c.id);
    assert.equal(body.case.trackingCode, c.trackingCode);
    assert.equal(body.case.kind, 'complaint');

    // an event nobody subscribed to is not delivered; a subscribed one is
    await act(t, 'dispatcher', c.id, 'accept');
    await drain();
    const items = await log(sub.id);
    assert.deepEqual(items.map((x: any) => x.eventType).sort(), ['case.accepted', 'case.submitted']);

    // replay sends the same delivery again, from a fresh schedule
    const before = received.length;
    const replay = await t.call({
      method: 'POST',
      url: `/api/v1/webhooks/${sub.id}/deliveries/${d.id}/replay`,
      as: 'admin',
    });
    assert.equal(replay.statusCode, 200, replay.body);
    assert.equal(replay.json().status, 'pending');
    assert.equal(await drainWebhooks(t.deps), 1);
    assert.equal(received.length, before + 1);
    assert.equal(received[before].headers['x-hewei-delivery'], d.id);
    const none = await t.call({
      method: 'POST',
      url: `/api/v1/webhooks/${sub.id}/deliveries/nope/replay`,
      as: 'admin',
    });
    assert.equal(none.statusCode, 404);
    const off = await t.call({ method: 'POST', url: `/api/v1/webhooks/${sub.id}/deactivate`, as: 'admin' });
    assert.equal(off.json().active, false);
  });

  it('an unreachable receiver fails after the last attempt; deactivating cancels what is pending', async () => {
    const dead = `http://127.0.0.1:1/unreachable`;
    const a = (await subscribe({ name: 'dead', url: dead, events: ['*'], secret: SECRET })).json();
    await submit(t, 'operator');
    await drain();
    for (let i = 1; i < MAX_ATTEMPTS; i++) {
      t.clock.advance(25 * 3600_000);
      assert.equal(await drainWebhooks(t.deps), 1);
    }
    const [d] = await log(a.id);
    assert.equal(d.status, 'failed');
    assert.equal(d.attempts, MAX_ATTEMPTS);
    assert.equal(d.nextAttemptAt, null);
    assert.ok(d.lastError);

    const b = (await subscribe({ name: 'later', url: dead, events: ['*'], secret: SECRET })).json();
    await submit(t, 'operator', undefined);
    await drainOutbox(t.deps);
    await t.call({ method: 'POST', url: `/api/v1/webhooks/${b.id}/deactivate`, as: 'admin' });
    const [p] = await log(b.id);
    assert.equal(p.status, 'cancelled');
    const refused = await t.call({
      method: 'POST',
      url: `/api/v1/webhooks/${b.id}/deliveries/${p.id}/replay`,
      as: 'admin',
    });
    assert.equal(refused.statusCode, 422);
  });
});
