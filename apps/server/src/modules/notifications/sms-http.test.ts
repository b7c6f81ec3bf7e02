import assert from 'node:assert/strict';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { drainOutbox } from '../../jobs/outbox.ts';
import { buildTestApp, type TestApp } from '../../test/app.ts';
import { act, submit } from '../../test/flow.ts';
import { httpSmsGateway, smsGatewayFromEnv } from './sms-http.ts';

let t: TestApp;
let provider: Server;
let url: string;
const got: { headers: IncomingHttpHeaders; body: any }[] = [];
let answers: number[] = [];

before(async () => {
  t = await buildTestApp();
  provider = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => {
      body += c;
    });
    req.on('end', () => {
      got.push({ headers: req.headers, body: JSON.parse(body) });
      res.writeHead(answers.shift() ?? 200, { 'content-type': 'application/json' }).end('{"ok":true}');
    });
  });
  await new Promise<void>((ok) => provider.listen(0, '127.0.0.1', ok));
  url = `http://127.0.0.1:${(provider.address() as { port: number }).port}/sms/send`;
});
after(async () => {
  await new Promise((ok) => provider.close(ok));
  await t.close();
});

const pending = async () =>
  (
    await t.deps.db.execute<{ n: number }>(
      sql`select count(*)::int as n from outbox where sent_at is null and topic = 'case.accepted'`,
    )
  ).rows[0].n;

describe('the HTTP SMS provider adapter', () => {
  it('is off unless HEWEI_SMS_URL is set: the local sink stays the default', () => {
    assert.equal(smsGatewayFromEnv({}), undefined);
    assert.ok(smsGatewayFromEnv({ HEWEI_SMS_URL: url }));
    assert.throws(() => httpSmsGateway({ url: 'ftp://example.org/' }));
  });

  it('posts the resident’s text as JSON with the token; a refusal is retried from the outbox', async () => {
    t.deps.sms = httpSmsGateway({ url, token: 'provider-token', sender: '测试县' });
    const c = await submit(t, 'operator');
    await drainOutbox(t.deps);
    answers = [503];
    await act(t, 'dispatcher-a1', c.id, 'accept');
    await drainOutbox(t.deps);
    assert.equal(got.length, 1);
    assert.equal(await pending(), 1, 'the refused message stays in the outbox');
    const [row] = (
      await t.deps.db.execute<{ last_error: string }>(
        sql`select last_error from outbox where topic = 'case.accepted'`,
      )
    ).rows;
    assert.match(row.last_error, /503/);

    t.clock.advance(61_000);
    await drainOutbox(t.deps);
    assert.equal(got.length, 2);
    assert.equal(await pending(), 0);
    const { headers, body } = got[1];
    assert.equal(headers.authorization, 'Bearer provider-token');
    assert.equal(headers['content-type'], 'application/json; charset=utf-8');
    assert.equal(body.to, '13812345678');
    assert.equal(body.purpose, 'case.accepted');
    assert.equal(body.sender, '测试县');
    assert.match(body.text, new RegExp(`已受理.*|${c.trackingCode}`));
    assert.ok(body.text.includes(c.trackingCode));
  });
});
