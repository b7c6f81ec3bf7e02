import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { buildTestApp, dept, type TestApp, VILLAGE_B1 } from '../../test/app.ts';
import { act, newCase, submit } from '../../test/flow.ts';

let t: TestApp;
let base: string;
before(async () => {
  t = await buildTestApp();
  await t.app.listen({ host: '127.0.0.1', port: 0 });
  base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
});
after(() => t.close());

interface Frame {
  event: string;
  data: string;
}

/** An open event stream as a browser's EventSource would read it, frame by frame. */
async function openStream(username: string) {
  const cookie = await t.login(username);
  const ac = new AbortController();
  const res = await fetch(`${base}/api/v1/events/stream`, {
    headers: { cookie, accept: 'text/event-stream' },
    signal: ac.signal,
  });
  assert.equal(res.status, 200);
  assert.match(res.headers.get('content-type') ?? '', /^text\/event-stream/);
  const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  const frames: Frame[] = [];
  const next = async (ms = 3000): Promise<Frame> => {
    const deadline = Date.now() + ms;
    while (!frames.length) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`${username}: no event within ${ms} ms`);
      let timer: NodeJS.Timeout | undefined;
      const chunk = await Promise.race([
        reader.read(),
        new Promise<null>((r) => {
          timer = setTimeout(() => r(null), left);
        }),
      ]);
      clearTimeout(timer);
      if (chunk === null) continue;
      if (chunk.done) throw new Error(`${username}: stream ended`);
      buffer += chunk.value;
      let cut = buffer.indexOf('\n\n');
      while (cut >= 0) {
        const lines = buffer.slice(0, cut).split('\n');
        buffer = buffer.slice(cut + 2);
        const event = lines.find((l) => l.startsWith('event: '))?.slice(7);
        const data = lines.find((l) => l.startsWith('data: '))?.slice(6);
        if (event && data !== undefined) frames.push({ event, data });
        cut = buffer.indexOf('\n\n');
      }
    }
    return frames.shift()!;
  };
  const nextCase = async () => {
    const f = await next();
    assert.equal(f.event, 'case');
    return JSON.parse(f.data) as { caseId: string; status: string; version: number };
  };
  assert.equal((await next()).event, 'ready');
  return { nextCase, close: () => ac.abort() };
}

describe('live case events (server-sent, from committed writes)', () => {
  it('tells each viewer of the changes to cases they may view, and nothing personal', async () => {
    const a = await openStream('dispatcher-a');
    const b = await openStream('dispatcher-b');
    const county = await openStream('dispatcher');
    const lead = await openStream('handler-lead');
    try {
      const inA = await submit(t, 'operator');
      const seen = await a.nextCase();
      assert.deepEqual(seen, { caseId: inA.id, status: 'submitted', version: 1 });
      assert.deepEqual(await county.nextCase(), seen);

      // a case in the sibling town: its dispatcher hears of it first, the other town never does
      const inB = await submit(
        t,
        'operator',
        newCase({ place: { address: '乙一村', regionId: VILLAGE_B1 } }),
      );
      assert.deepEqual(await b.nextCase(), { caseId: inB.id, status: 'submitted', version: 1 });
      assert.equal((await county.nextCase()).caseId, inB.id);

      // a stale write rolls back: nobody hears of it; the next committed one is announced
      const stale = await t.call({
        method: 'POST',
        url: `/api/v1/cases/${inA.id}/actions/accept`,
        payload: { version: 0 },
        as: 'dispatcher-a',
      });
      assert.ok(stale.statusCode >= 400);
      await act(t, 'dispatcher-a', inA.id, 'accept');
      assert.deepEqual(await a.nextCase(), { caseId: inA.id, status: 'accepted', version: 2 });
      assert.equal((await county.nextCase()).version, 2);

      await act(t, 'dispatcher-a', inA.id, 'triage', { complexity: 'simple', colour: 'green' });
      assert.equal((await a.nextCase()).version, 3);
      await act(t, 'dispatcher-a', inA.id, 'dispatch', { leadDepartmentId: dept('zhujian') });
      // the department hears of the case once it is assigned to it, not before
      const assigned = await lead.nextCase();
      assert.deepEqual(assigned, { caseId: inA.id, status: 'dispatched', version: 4 });
      assert.deepEqual(await a.nextCase(), assigned);
      await act(t, 'dispatcher-b', inB.id, 'accept');
      assert.deepEqual(await b.nextCase(), { caseId: inB.id, status: 'accepted', version: 2 });
    } finally {
      for (const s of [a, b, county, lead]) s.close();
    }
  });

  it('is for staff only, and only for a reader of event streams', async () => {
    const url = '/api/v1/events/stream';
    const anonymous = await t.app.inject({ method: 'GET', url, headers: { accept: 'text/event-stream' } });
    assert.equal(anonymous.statusCode, 401);
    const resident = await t.call({
      method: 'GET',
      url,
      as: '13900000001',
      headers: { accept: 'text/event-stream' },
    });
    assert.equal(resident.statusCode, 403);
    const plain = await t.call({ method: 'GET', url, as: 'dispatcher' });
    assert.equal(plain.statusCode, 400);
    assert.equal(plain.json().error.field, 'accept');
  });
});
