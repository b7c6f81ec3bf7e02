import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { stripTypeScriptTypes } from 'node:module';
import { after, before, describe, it } from 'node:test';
import { chromium } from 'playwright-core';
import type { TestApp } from '../../test/app.ts';
import { activeMediation, mediationApp } from './mediation.test-support.ts';

let t: TestApp;
let base: string;
before(async () => {
  t = await mediationApp();
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  const addr = t.app.server.address() as { port: number };
  base = `http://127.0.0.1:${addr.port}`;
});
after(() => t.close());

type Msg = Record<string, any>;

/** A WebSocket client that queues what it receives, so a test can wait for a given message. */
function client(url: string, headers: Record<string, string> = {}) {
  const ws = new WebSocket(url, { headers } as never);
  const got: Msg[] = [];
  const waiters: { test: (m: Msg) => boolean; resolve: (m: Msg) => void }[] = [];
  let closed: number | null = null;
  ws.onmessage = (e) => {
    const m = JSON.parse(String(e.data));
    got.push(m);
    for (const w of [...waiters])
      if (w.test(m)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(m);
      }
  };
  const closedP = new Promise<number>((r) => {
    ws.onclose = (e) => {
      closed = e.code;
      r(e.code);
    };
  });
  return {
    ws,
    got,
    closed: () => closed,
    whenClosed: closedP,
    send: (m: Msg) => ws.send(JSON.stringify(m)),
    next(test: (m: Msg) => boolean, ms = 5000): Promise<Msg> {
      const seen = got.find(test);
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        waiters.push({ test, resolve });
        setTimeout(() => reject(new Error(`timeout; got ${JSON.stringify(got)}`)), ms);
      });
    },
  };
}

async function videoSession() {
  const { id } = await activeMediation(t);
  const at = new Date(t.clock.now().getTime() + 60_000).toISOString();
  const r = await t.call({
    method: 'POST',
    url: `/api/v1/mediations/${id}/sessions`,
    as: 'mediator-a',
    payload: { mode: 'video', scheduledAt: at, inviteUserIds: ['u-counsellor-c'] },
  });
  assert.equal(r.statusCode, 201, r.body);
  const links = r.json().links as { kind: string; name: string; link: string; participantId: string }[];
  const ws = (link: string) =>
    `${base.replace('http', 'ws')}/api/v1/mediation/rooms/${r.json().session.id}/ws?${link.split('?')[1] ?? ''}`;
  return { id, sessionId: r.json().session.id as string, links, ws };
}

describe('the room: signalling, chat on the timeline, recording only with consent', () => {
  it('relays signals, keeps the chat, and lets a judge join mid-session by link', async () => {
    const v = await videoSession();
    const mediatorUrl = `${base.replace('http', 'ws')}/api/v1/mediation/rooms/${v.sessionId}/ws`;
    const mediator = client(mediatorUrl, { cookie: await t.login('mediator-a') });
    const welcome = await mediator.next((m) => m.type === 'welcome');
    assert.equal(welcome.you.kind, 'mediator');
    const zhang = client(v.ws(v.links.find((l) => l.name === '张桂兰')!.link));
    const zw = await zhang.next((m) => m.type === 'welcome');
    assert.deepEqual(
      zw.peers.map((p: Msg) => p.kind),
      ['mediator'],
    );
    await mediator.next((m) => m.type === 'peer-joined' && m.peer.id === zw.you.id);

    zhang.send({ type: 'signal', to: welcome.you.id, data: { description: { type: 'offer', sdp: 'v=0' } } });
    const sig = await mediator.next((m) => m.type === 'signal');
    assert.deepEqual(sig, {
      type: 'signal',
      from: zw.you.id,
      data: { description: { type: 'offer', sdp: 'v=0' } },
    });

    zhang.send({ type: 'chat', text: '我同意分两期付款' });
    const chat = await mediator.next((m) => m.type === 'chat');
    assert.equal(chat.name, '张桂兰');
    const timeline = await t.call({
      method: 'GET',
      url: `/api/v1/mediations/${v.id}/timeline`,
      as: 'mediator-a',
    });
    const kept = timeline.json().items.find((e: Msg) => e.type === 'chat.message');
    assert.equal(kept.data.text, '我同意分两期付款');
    assert.equal(kept.sessionId, v.sessionId);

    mediator.send({ type: 'recording-start' });
    assert.equal((await mediator.next((m) => m.type === 'error')).rule, 'RECORDING_NEEDS_CONSENT');
    mediator.send({ type: 'recording-consent', consent: true });
    zhang.send({ type: 'recording-consent', consent: true });
    await zhang.next((m) => m.type === 'recording' && m.allowed === true);
    mediator.send({ type: 'recording-start' });
    await zhang.next((m) => m.type === 'recording' && m.state === 'on');

    const inv = await t.call({
      method: 'POST',
      url: `/api/v1/mediation/sessions/${v.sessionId}/invite`,
      as: 'mediator-a',
      payload: { kind: 'judge', name: '刘法官' },
    });
    assert.equal(inv.statusCode, 201, inv.body);
    const judge = client(v.ws(inv.json().link));
    assert.equal((await judge.next((m) => m.type === 'welcome')).you.kind, 'judge');
    await zhang.next((m) => m.type === 'recording' && m.state === 'off', 5000);
    const events = (
      await t.call({ method: 'GET', url: `/api/v1/mediations/${v.id}/timeline`, as: 'mediator-a' })
    )
      .json()
      .items.map((e: Msg) => e.type);
    assert.ok(events.includes('recording.started') && events.includes('recording.stopped'));

    const stranger = client(v.ws('x?token=forged'));
    assert.equal(await stranger.whenClosed, 4404);
    for (const c of [mediator, zhang, judge]) c.ws.close();
    const held = await t.call({
      method: 'POST',
      url: `/api/v1/mediation/sessions/${v.sessionId}/minutes`,
      as: 'mediator-a',
      payload: { minutes: '调解会结束', outcome: 'continued' },
    });
    assert.equal(held.statusCode, 200);
    const late = client(v.ws(v.links.find((l) => l.kind === 'counsellor')!.link));
    assert.equal(await late.whenClosed, 4409);
  });

  const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  it('two browsers with fake cameras connect, decode each other’s video and chat', {
    skip: !existsSync(chromiumPath) && 'no chromium',
  }, async () => {
    const v = await videoSession();
    const party = v.links.find((l) => l.name === '张桂兰')!;
    const counsellor = v.links.find((l) => l.kind === 'counsellor')!;
    const source = readFileSync(
      new URL('../../../../web/src/features/mediation/room-client.ts', import.meta.url),
      'utf8',
    );
    const script = `${stripTypeScriptTypes(source).replace(/^export /gm, '')}\nwindow.RoomClient = RoomClient;`;
    const browser = await chromium.launch({
      executablePath: chromiumPath,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--use-fake-ui-for-media-stream',
        '--use-fake-device-for-media-stream',
        // host candidates as plain addresses: mDNS names (.local) do not always resolve on a
        // loaded machine without multicast, which left both peers 'connecting'
        '--disable-features=WebRtcHideLocalIpsWithMdns',
        // a CI sandbox may have no interface but loopback, and WebRTC skips loopback by default
        '--allow-loopback-in-peer-connection',
      ],
    });
    try {
      const pages = await Promise.all(
        [party, counsellor].map(async (p) => {
          // the script is injected by the test; the app's own CSP would rightly refuse inline code
          const page = await (await browser.newContext({ bypassCSP: true })).newPage();
          await page.goto(`${base}/healthz`);
          await page.addScriptTag({ content: script });
          await page.evaluate(async (url) => {
            const w = window as any;
            w.chats = [];
            const stream = await navigator.mediaDevices.getUserMedia({ video: true, audio: true });
            w.room = new w.RoomClient(url, stream, { onChat: (m: unknown) => w.chats.push(m) });
            await w.room.join();
          }, v.ws(p.link));
          return page;
        }),
      );
      const state = (page: (typeof pages)[0]) =>
        page.evaluate(async () => {
          const links = [...(window as any).room.links.values()];
          let framesDecoded = 0;
          for (const l of links)
            (await l.pc.getStats()).forEach((s: any) => {
              if (s.type === 'inbound-rtp' && s.kind === 'video') framesDecoded += s.framesDecoded ?? 0;
            });
          return { states: links.map((l: any) => l.pc.connectionState), framesDecoded };
        });
      let last: { states: string[]; framesDecoded: number }[] = [];
      for (let i = 0; i < 120; i++) {
        last = await Promise.all(pages.map(state));
        if (last.every((s) => s.states.length === 1 && s.states[0] === 'connected' && s.framesDecoded > 0))
          break;
        await new Promise((r) => setTimeout(r, 500));
      }
      for (const s of last) {
        assert.deepEqual(s.states, ['connected'], JSON.stringify(last));
        assert.ok(s.framesDecoded > 0, JSON.stringify(last));
      }
      await pages[0].evaluate(() => (window as any).room.chat('您好，我是张桂兰'));
      await pages[1].waitForFunction(
        () => (window as any).chats.some((c: any) => c.text === '您好，我是张桂兰'),
        null,
        { timeout: 5000 },
      );
      const chats = await pages[0].evaluate(() => (window as any).chats.map((c: any) => c.name));
      assert.deepEqual(chats, ['张桂兰'], 'the sender sees its own message come back from the server');
    } finally {
      await browser.close();
    }
  });
});
