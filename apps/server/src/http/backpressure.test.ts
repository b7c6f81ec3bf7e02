import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import Fastify from 'fastify';
import { registerBackpressure } from './backpressure.ts';
import { registerErrorHandler } from './errors.ts';

async function server(maxInFlight: number, maxLagMs = 10_000) {
  const app = Fastify();
  registerErrorHandler(app);
  registerBackpressure(app, { maxInFlight, maxLagMs });
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

  it('turns requests away while the event loop lags', async () => {
    const { app } = await server(100, 50);
    await new Promise((r) => setTimeout(r, 100)); // the monitor has ticked
    const until = Date.now() + 1200;
    while (Date.now() < until) {
      // a blocked event loop: what a CPU-bound overload looks like from inside
    }
    await new Promise((r) => setTimeout(r, 20)); // the sampler, overdue, looks first
    const r = await app.inject({ url: '/fast' });
    assert.equal(r.statusCode, 503);
    assert.match(r.json().error.message, /系统繁忙/);
    await new Promise((r) => setTimeout(r, 1100)); // two quiet samples later
    assert.equal((await app.inject({ url: '/fast' })).statusCode, 200);
    await app.close();
  });
});
