import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';

// set before the app reads its policy: a real install's idle timeout and admin two-factor
process.env.HEWEI_IDLE_MINUTES = '30';
process.env.HEWEI_ADMIN_TOTP = '1';
const { buildTestApp, PASSWORD } = await import('../../test/app.ts');
const { totpCode } = await import('./auth.totp.ts');

type T = Awaited<ReturnType<typeof buildTestApp>>;
let t: T;
let ip = 0;
before(async () => {
  t = await buildTestApp();
});
after(() => t.close());

/** each test signs in from its own address, so the per-address limit does not blur the result */
const from = () => ({ 'x-forwarded-for': `10.0.0.${++ip}` });
async function login(username: string, extra: object = {}, headers = from()) {
  return t.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { username, password: PASSWORD, ...extra },
    headers,
  });
}
const cookieOf = (r: { cookies: { name: string; value: string }[] }) =>
  `hewei_session=${r.cookies.find((c) => c.name === 'hewei_session')!.value}`;
const me = (cookie: string) => t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie } });

describe('sign-in hardening', () => {
  it('five wrong passwords lock the account for 15 minutes, even against the right one; Retry-After says when', async () => {
    const headers = from();
    for (let i = 0; i < 5; i++)
      assert.equal((await login('handler-co', { password: 'wrong' }, headers)).statusCode, 401);
    const locked = await login('handler-co', {}, headers);
    assert.equal(locked.statusCode, 429);
    assert.equal(locked.json().error.rule, 'ACCOUNT_LOCKED');
    assert.ok(Number(locked.headers['retry-after']) > 800);
    t.clock.advance(16 * 60_000);
    assert.equal((await login('handler-co', {}, headers)).statusCode, 200);
    const { rows } = await t.deps.db.execute(sql`select action from audit_log where target = 'handler-co'`);
    assert.equal(rows.filter((r) => r.action === 'auth.sign_in_failed').length, 5);
    assert.equal(rows.filter((r) => r.action === 'auth.locked').length, 1);
  });

  it('bursts on sign-in and SMS codes get 429 with Retry-After', async () => {
    const headers = from();
    const codes = [];
    for (let i = 0; i < 25; i++)
      codes.push(
        (
          await t.app.inject({
            method: 'POST',
            url: '/api/v1/auth/login',
            payload: { username: `nobody${i}`, password: 'x' },
            headers,
          })
        ).statusCode,
      );
    assert.ok(codes.includes(429), String(codes));
    const sms = [];
    for (let i = 0; i < 15; i++) {
      const r = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/otp/request',
        payload: { phone: `1390000${String(1000 + i)}` },
        headers,
      });
      sms.push(r);
    }
    const limited = sms.find((r) => r.statusCode === 429);
    assert.ok(limited, 'SMS requests are limited');
    assert.ok(Number(limited.headers['retry-after']) > 0);
  });

  it('an idle staff session ends after 30 minutes; one in use lives on', async () => {
    const busy = cookieOf(await login('operator'));
    const idle = cookieOf(await login('dispatcher'));
    for (let i = 0; i < 3; i++) {
      t.clock.advance(20 * 60_000);
      assert.equal((await me(busy)).statusCode, 200);
    }
    assert.equal((await me(idle)).statusCode, 401);
  });

  it('an administrator must enrol TOTP before doing anything, then signs in with a code used once', async () => {
    const first = await login('admin');
    assert.equal(first.statusCode, 200);
    assert.equal(first.json().totpEnrolmentRequired, true);
    const enrol = cookieOf(first);
    const blocked = await t.app.inject({ method: 'GET', url: '/api/v1/cases', headers: { cookie: enrol } });
    assert.equal(blocked.statusCode, 403);
    assert.equal(blocked.json().error.rule, 'TOTP_ENROLMENT_REQUIRED');
    const setup = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/totp/setup',
      headers: { cookie: enrol },
    });
    assert.equal(setup.statusCode, 200, setup.body);
    const { secret, uri } = setup.json();
    assert.match(uri, /^otpauth:\/\/totp\//);
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/totp/enable',
      payload: { code: '000000' },
      headers: { cookie: enrol },
    });
    assert.equal(wrong.statusCode, 401);
    const ok = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/totp/enable',
      payload: { code: totpCode(secret, t.clock.now()) },
      headers: { cookie: enrol },
    });
    assert.equal(ok.statusCode, 200, ok.body);
    assert.equal(
      (await t.app.inject({ method: 'GET', url: '/api/v1/cases', headers: { cookie: cookieOf(ok) } }))
        .statusCode,
      200,
    );
    assert.equal((await me(enrol)).statusCode, 401, 'the enrol-only session ended');

    t.clock.advance(60_000);
    const noCode = await login('admin');
    assert.equal(noCode.statusCode, 401);
    assert.equal(noCode.json().error.rule, 'TOTP_REQUIRED');
    const code = totpCode(secret, t.clock.now());
    assert.equal((await login('admin', { otp: code })).statusCode, 200);
    const replay = await login('admin', { otp: code });
    assert.equal(replay.statusCode, 401);
    assert.equal(replay.json().error.rule, 'BAD_TOTP');
    const { rows } = await t.deps.db.execute(sql`select secret from user_totp`);
    assert.ok(rows.every((r) => String(r.secret).startsWith('enc1:') && !String(r.secret).includes(secret)));
  });

  it('a cookie-authenticated write from another origin is refused; a bearer token is not a CSRF vector', async () => {
    const cookie = cookieOf(await login('operator'));
    const evil = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/logout',
      headers: { cookie, origin: 'https://evil.example' },
    });
    assert.equal(evil.statusCode, 403);
    assert.equal(evil.json().error.rule, 'CSRF');
    const site = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/logout',
      headers: { cookie, 'sec-fetch-site': 'cross-site' },
    });
    assert.equal(site.statusCode, 403);
    const tok = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/tokens',
      payload: { name: 'ci' },
      headers: { cookie },
    });
    const bearer = `Bearer ${tok.json().token}`;
    const api = await t.app.inject({
      method: 'GET',
      url: '/api/v1/auth/me',
      headers: { authorization: bearer, origin: 'https://evil.example' },
    });
    assert.equal(api.statusCode, 200);
  });

  it('changing one’s password needs the current one and ends the other sessions', async () => {
    const a = cookieOf(await login('mediator-a'));
    const b = cookieOf(await login('mediator-a'));
    const bad = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/password',
      payload: { current: 'nope', next: 'a-new-password-1' },
      headers: { cookie: a },
    });
    assert.equal(bad.statusCode, 401);
    const ok = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/password',
      payload: { current: PASSWORD, next: 'a-new-password-1' },
      headers: { cookie: a },
    });
    assert.equal(ok.statusCode, 200, ok.body);
    assert.equal((await me(a)).statusCode, 200);
    assert.equal((await me(b)).statusCode, 401);
    assert.equal((await login('mediator-a', { password: 'a-new-password-1' })).statusCode, 200);
  });

  it('responses carry a strict Content-Security-Policy and no framing', async () => {
    const r = await t.app.inject({ method: 'GET', url: '/api/v1/org/regions' });
    const csp = String(r.headers['content-security-policy']);
    assert.match(csp, /default-src 'self'/);
    assert.match(csp, /script-src 'self'(;|$)/);
    assert.match(csp, /object-src 'none'/);
    assert.match(csp, /frame-ancestors 'none'/);
    assert.equal(r.headers['x-content-type-options'], 'nosniff');
  });

  it('a resident’s phone is stored sealed and found by its blind index; the SMS code table keeps no number', async () => {
    const phone = '13955556666';
    const one = await t.residentLogin(phone);
    const two = await t.residentLogin(phone);
    const id1 = (await me(one)).json().user.id;
    assert.equal((await me(two)).json().user.id, id1);
    const { rows } = await t.deps.db.execute(sql`select phone from users where id = ${id1}`);
    assert.ok(String(rows[0].phone).startsWith('enc1:'));
    const leaks = await t.deps.db.execute(
      sql`select count(*)::int as n from otp_codes where phone like ${`%${phone}%`}`,
    );
    assert.equal(leaks.rows[0].n, 0);
  });
});
