import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import Fastify from 'fastify';
import { registerBackpressure } from './backpressure.ts';
import { registerErrorHandler } from './errors.ts';

async function server(maxInFlight: number, maxLagMs = 10_000, lagMs?: () => number) {
  const app = Fastify();
  registerErrorHandler(app);
  registerBackpressure(app, { maxInFlight, maxLagMs }, lagMs);
  let release = () => {};
  const gate = new Promise<void>((r) => {
    release = r;
  });
  app.get('/slow', async () => {
    await gate;
    return { ok: true };
  });
  app.get('/fast', async () => ({ ok: true }));
  app.get('/healthz', async () => ({ ok: true }));
  await app.ready();
  return { app, release };
}

describe('backpressure: beyond capacity a quick 503 with Retry-After, never a hang', () => {
  it('turns requests away while too many are in progress, and takes them again after', async () => {
    const { app, release } = await server(2);
    const held = [app.inject({ url: '/slow' }), app.inject({ url: '/slow' })];
    await new Promise((r) => setImmediate(r));
    const refused = await app.inject({ url: '/fast', headers: { 'accept-language': 'en' } });
    assert.equal(refused.statusCode, 503);
    assert.equal(refused.headers['retry-after'], '1');
    assert.equal(refused.json().error.code, 'OVERLOADED');
    assert.match(refused.json().error.message, /busy/);
    assert.equal((await app.inject({ url: '/healthz' })).statusCode, 200, 'health checks pass through');
    const stream = await app.inject({ url: '/fast', headers: { accept: 'text/event-stream' } });
    assert.equal(stream.statusCode, 200, 'a live stream takes no slot');
    release();
    for (const r of await Promise.all(held)) assert.equal(r.statusCode, 200);
    assert.equal((await app.inject({ url: '/fast' })).statusCode, 200, 'capacity is back');
    const zh = await app.inject({ url: '/fast' });
    assert.equal(zh.statusCode, 200);
    await app.close();
  });

  it('turns requests away while the event loop lags, and takes them again when it keeps up', async () => {
    let lag = 0;
    const { app } = await server(100, 500, () => lag);
    assert.equal((await app.inject({ url: '/fast' })).statusCode, 200);
    lag = 1200; // what a CPU-bound overload looks like from inside
    const r = await app.inject({ url: '/fast' });
    assert.equal(r.statusCode, 503);
    assert.equal(r.headers['retry-after'], '1');
    assert.match(r.json().error.message, /系统繁忙/);
    assert.equal((await app.inject({ url: '/healthz' })).statusCode, 200);
    lag = 30;
    assert.equal((await app.inject({ url: '/fast' })).statusCode, 200);
    await app.close();
  });

  it('measures the lag itself by default: a blocked loop is seen', async () => {
    const app = Fastify();
    registerErrorHandler(app);
    registerBackpressure(app, { maxInFlight: 100, maxLagMs: 300 });
    app.get('/fast', async () => ({ ok: true }));
    await app.ready();
    await new Promise((r) => setTimeout(r, 100)); // the monitor has ticked
    const until = Date.now() + 1500;
    while (Date.now() < until) {
      // blocked
    }
    await new Promise((r) => setTimeout(r, 20));
    assert.equal((await app.inject({ url: '/fast' })).statusCode, 503);
    await app.close();
  });
});
