import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import sharp from 'sharp';
import { buildTestApp, type TestApp } from '../../test/app.ts';
import { newCase, submit } from '../../test/flow.ts';
import { multipart, photoWithExif } from './attachments.test-support.ts';

let t: TestApp;
let caseId: string;
let residentCase: string;
before(async () => {
  t = await buildTestApp();
  caseId = (await submit(t, 'operator')).id;
  residentCase = (await submit(t, '13900000001', newCase({ channel: 'app', parties: [] }))).id;
});
after(() => t.close());

const upload = (as: string, id: string, body: { payload: Buffer; headers: Record<string, string> }) =>
  t.call({ method: 'POST', url: `/api/v1/cases/${id}/attachments`, as, ...body });

describe('case attachments', () => {
  it('a photo is re-encoded: its EXIF (owner, device, GPS) is gone, its name made safe', async () => {
    const original = await photoWithExif();
    assert.ok((await sharp(original).metadata()).exif, 'the fixture carries EXIF');
    const r = await upload(
      'operator',
      caseId,
      multipart('<script>alert(1)</script>现场.jpg', original, 'image/jpeg'),
    );
    assert.equal(r.statusCode, 201, r.body);
    const a = r.json();
    assert.equal(a.mime, 'image/jpeg');
    assert.equal(a.fileName.includes('<'), false);
    assert.match(a.fileName, /现场\.jpg$/);
    const file = await t.call({ method: 'GET', url: a.url, as: 'operator' });
    assert.equal(file.statusCode, 200);
    assert.equal(file.headers['content-type'], 'image/jpeg');
    assert.equal(file.headers['x-content-type-options'], 'nosniff');
    assert.match(String(file.headers['content-security-policy']), /sandbox/);
    const bytes = file.rawPayload;
    assert.equal(createHash('sha256').update(bytes).digest('hex'), a.sha256);
    const meta = await sharp(bytes).metadata();
    assert.equal(meta.exif, undefined);
    assert.equal(meta.width, 64);
    assert.equal(bytes.includes(Buffer.from('owner-secret')), false);
    assert.equal(bytes.includes(Buffer.from('PhoneMaker')), false);
  });

  it('the type is judged by content: SVG, HTML and disguised files are refused', async () => {
    const svg = Buffer.from(
      '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(2)</script></svg>',
    );
    for (const [name, bytes, type] of [
      ['map.svg', svg, 'image/svg+xml'],
      ['photo.png', svg, 'image/png'],
      ['page.jpg', Buffer.from('<!doctype html><html><script>alert(1)</script></html>'), 'image/jpeg'],
      ['tool.pdf', Buffer.from('MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff'), 'application/pdf'],
    ] as const) {
      const r = await upload('operator', caseId, multipart(name, Buffer.from(bytes), type));
      assert.equal(r.statusCode, 400, `${name}: ${r.body}`);
      assert.equal(r.json().error.rule, 'FILE_TYPE_NOT_ALLOWED');
    }
    const fake = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(200, 7)]);
    const r = await upload('operator', caseId, multipart('fake.jpg', fake, 'image/jpeg'));
    assert.equal(r.statusCode, 400);
    assert.equal(r.json().error.rule, 'FILE_UNREADABLE');
  });

  it('a PDF is kept as it is and downloads as an attachment, never inline', async () => {
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
    const r = await t.call({
      method: 'POST',
      url: `/api/v1/cases/${caseId}/attachments?name=协议.pdf`,
      as: 'operator',
      payload: pdf,
      headers: { 'content-type': 'application/pdf' },
    });
    assert.equal(r.statusCode, 201, r.body);
    const file = await t.call({ method: 'GET', url: r.json().url, as: 'operator' });
    assert.match(String(file.headers['content-disposition']), /^attachment;/);
    assert.deepEqual(file.rawPayload, pdf);
  });

  it('an over-limit upload is 413', async () => {
    const big = Buffer.alloc(26 * 1024 * 1024, 1);
    const r = await upload('operator', caseId, multipart('big.pdf', big));
    assert.equal(r.statusCode, 413, r.body);
  });

  it('a download link works only for its viewer, only for five minutes, and not when altered', async () => {
    const list = await t.call({ method: 'GET', url: `/api/v1/cases/${caseId}/attachments`, as: 'operator' });
    assert.equal(list.statusCode, 200);
    const [first] = list.json().items;
    assert.ok(first.url.startsWith('/api/v1/files/'));
    // the dispatcher may see the case, but the link was made for the operator
    assert.equal((await t.call({ method: 'GET', url: first.url, as: 'dispatcher' })).statusCode, 404);
    assert.equal((await t.call({ method: 'GET', url: first.url })).statusCode, 401);
    const [path, token] = first.url.split('?token=');
    const [body, sig] = token.split('.');
    const flip = `${sig.slice(0, -2)}${sig.endsWith('AA') ? 'BB' : 'AA'}`;
    const call = (url: string) => t.call({ method: 'GET', url, as: 'operator' });
    assert.equal((await call(`${path}?token=${body}.${flip}`)).statusCode, 404);
    const claims = JSON.parse(Buffer.from(body, 'base64url').toString());
    const forged = Buffer.from(JSON.stringify({ ...claims, e: claims.e + 3600_000 })).toString('base64url');
    assert.equal((await call(`${path}?token=${forged}.${sig}`)).statusCode, 404);
    t.clock.advance(6 * 60_000);
    assert.equal((await t.call({ method: 'GET', url: first.url, as: 'operator' })).statusCode, 404);
    const fresh = (
      await t.call({ method: 'GET', url: `/api/v1/cases/${caseId}/attachments`, as: 'dispatcher' })
    ).json();
    assert.equal(
      (await t.call({ method: 'GET', url: fresh.items[0].url, as: 'dispatcher' })).statusCode,
      200,
    );
  });

  it('a resident adds files to their own case only; people outside the case do not learn it exists', async () => {
    const png = await sharp({ create: { width: 8, height: 8, channels: 4, background: '#000' } })
      .png()
      .toBuffer();
    assert.equal((await upload('13900000001', residentCase, multipart('a.png', png))).statusCode, 201);
    assert.equal((await upload('13900000002', residentCase, multipart('a.png', png))).statusCode, 404);
    assert.equal((await upload('dispatcher-b', caseId, multipart('a.png', png))).statusCode, 404);
    assert.equal((await upload('leader', caseId, multipart('a.png', png))).statusCode, 403);
    const other = await t.call({
      method: 'GET',
      url: `/api/v1/cases/${residentCase}/attachments`,
      as: '13900000002',
    });
    assert.equal(other.statusCode, 404);
  });

  it('a form upload from another site is refused (CSRF), with or without the cookie’s help', async () => {
    const png = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#fff' } })
      .png()
      .toBuffer();
    const body = multipart('a.png', png);
    const { 'x-hewei-csrf': _, ...noHeader } = body.headers;
    const bare = await upload('operator', caseId, { payload: body.payload, headers: noHeader });
    assert.equal(bare.statusCode, 403);
    assert.equal(bare.json().error.rule, 'CSRF');
    const evil = await upload('operator', caseId, {
      payload: body.payload,
      headers: { ...body.headers, origin: 'https://evil.example' },
    });
    assert.equal(evil.statusCode, 403);
    const same = await upload('operator', caseId, {
      payload: body.payload,
      headers: { ...noHeader, origin: 'http://localhost:80', host: 'localhost:80' },
    });
    assert.equal(same.statusCode, 201, same.body);
  });
});
