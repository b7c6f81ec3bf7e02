import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildTestApp, PASSWORD, type TestApp } from '../test/app.ts';

let t: TestApp;
before(async () => {
  t = await buildTestApp();
});
after(() => t.close());

describe('staff sign in with username and password', () => {
  it('a right password opens a session; /me tells who and where', async () => {
    const r = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'dispatcher-a', password: PASSWORD },
    });
    assert.equal(r.statusCode, 200);
    const cookie = r.cookies.find((c) => c.name === 'hewei_session')!;
    assert.equal(cookie.httpOnly, true);
    const me = await t.app.inject({
      method: 'GET',
      url: '/api/v1/auth/me',
      headers: { cookie: `hewei_session=${cookie.value}` },
    });
    assert.equal(me.json().user.role, 'dispatcher');
    assert.equal(me.json().user.regionName, '甲镇');
  });

  it('a wrong password is 401 with a clear message, and the failure is audited', async () => {
    const r = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'dispatcher-a', password: 'wrong' },
      headers: { 'accept-language': 'en' },
    });
    assert.equal(r.statusCode, 401);
    assert.equal(r.json().error.message, 'Wrong username or password');
  });

  it('sign-out ends the session', async () => {
    const cookie = await t.login('operator');
    const out = await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie } });
    assert.equal(out.statusCode, 200);
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie } });
    assert.equal(me.statusCode, 401);
  });

  it('a machine client gets a bearer token and uses it', async () => {
    const cookie = await t.login('operator');
    const tok = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/tokens',
      payload: { name: '12345 bridge' },
      headers: { cookie },
    });
    assert.equal(tok.statusCode, 201);
    const me = await t.app.inject({
      method: 'GET',
      url: '/api/v1/auth/me',
      headers: { authorization: `Bearer ${tok.json().token}` },
    });
    assert.equal(me.json().user.username, 'operator');
  });
});

describe('residents sign in with a phone number and a one-time code', () => {
  it('the code goes through the SMS gateway; a wrong code is refused; the right one signs in', async () => {
    const phone = '13700000009';
    const req = await t.app.inject({ method: 'POST', url: '/api/v1/auth/otp/request', payload: { phone } });
    assert.equal(req.statusCode, 200);
    const sms = (await t.app.inject({ method: 'GET', url: `/api/v1/dev/sms?phone=${phone}` })).json().items;
    assert.equal(sms.length, 1);
    const code = /(\d{6})/.exec(sms[0].body)![1];
    const bad = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/otp/verify',
      payload: { phone, code: code === '000000' ? '111111' : '000000' },
    });
    assert.equal(bad.statusCode, 401);
    const ok = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/otp/verify',
      payload: { phone, code },
    });
    assert.equal(ok.statusCode, 200);
    assert.equal(ok.json().user.role, 'resident');
    const again = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/otp/verify',
      payload: { phone, code },
    });
    assert.equal(again.statusCode, 401, 'a code works once');
  });

  it('codes cannot be requested back to back', async () => {
    const phone = '13700000010';
    await t.app.inject({ method: 'POST', url: '/api/v1/auth/otp/request', payload: { phone } });
    const second = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/otp/request',
      payload: { phone },
    });
    assert.equal(second.statusCode, 429);
    assert.ok(second.headers['retry-after']);
  });
});
