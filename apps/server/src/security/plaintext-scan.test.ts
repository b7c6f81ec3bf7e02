import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import { hash } from '@node-rs/argon2';
import { sql } from 'drizzle-orm';
import { buildApp } from '../app.ts';
import { type Database, openPglite } from '../db/client.ts';
import { insertOrg } from '../demo/org.ts';
import { createDeps } from '../deps.ts';
import { drainOutbox } from '../jobs/outbox.ts';
import { ManualClock } from '../lib/clock.ts';
import type { SmsGateway } from '../lib/sms.ts';
import { multipart, photoWithExif } from '../modules/attachments/attachments.test-support.ts';
import { PASSWORD, T0, TEST_ORG, VILLAGE_A1 } from '../test/app.ts';
import { openTestDatabase } from '../test/database.ts';

// Values that are only ever given to Hewei through its front door during this workflow.
const SECRETS = {
  partyPhone: '13712340001',
  respondentPhone: '13712340002',
  idNumber: '110101199003074573',
  address: '幸福路88号秘密小区',
  residentPhone: '13698760002',
};

const pg = !!process.env.DATABASE_URL;
let dir: string;
let database: Database;
const logs: string[] = [];
const outbox: { phone: string; body: string }[] = [];

/** Every file under `root`, as bytes, with its path. */
function* files(root: string): Generator<[string, Buffer]> {
  for (const name of readdirSync(root)) {
    const p = join(root, name);
    if (statSync(p).isDirectory()) yield* files(p);
    else yield [p, readFileSync(p)];
  }
}
const hits = (bytes: Buffer) =>
  Object.entries(SECRETS)
    .filter(([, v]) => bytes.includes(Buffer.from(v, 'utf8')))
    .map(([k]) => k);

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'hewei-scan-'));
  database = pg ? await openTestDatabase() : await openPglite(join(dir, 'db'));
  const clock = new ManualClock(T0);
  const deps = createDeps({
    db: database.db,
    dbKind: database.kind,
    clock,
    dataDir: dir,
    config: { demo: false, cookieSecure: false, defaultCountyId: null, webDist: null, logLevel: 'info' },
  });
  // the SMS provider is outside Hewei: what it is handed is not Hewei's storage
  const sms: SmsGateway = { send: async (m) => void outbox.push(m) };
  deps.sms = sms;
  await insertOrg(
    database.db,
    TEST_ORG,
    await hash(PASSWORD, { algorithm: 2 }),
    new Date('2024-01-01T00:00:00Z'),
  );
  await deps.org.refresh();
  const stream = new Writable({
    write(chunk, _e, cb) {
      logs.push(String(chunk));
      cb();
    },
  });
  const app = await buildApp(deps, { logger: { level: 'info', stream } });
  await app.ready();
  const login = async (username: string) => {
    const r = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username, password: PASSWORD },
    });
    return `hewei_session=${r.cookies.find((c) => c.name === 'hewei_session')!.value}`;
  };
  // the workflow: anonymous intake with contact details, a resident by SMS code, dispatch, a
  // reveal, a file, notifications and texts going out, tracking, the resident's data export
  const intake = await app.inject({
    method: 'POST',
    url: '/api/v1/cases',
    payload: {
      kind: 'dispute',
      channel: 'web',
      categoryCode: '0101',
      description: '楼上邻居家卫生间漏水，多次协商未果，双方发生争执',
      place: { regionId: VILLAGE_A1, address: '甲一村' },
      parties: [
        {
          role: 'applicant',
          name: '王五',
          phone: SECRETS.partyPhone,
          idNumber: SECRETS.idNumber,
          address: SECRETS.address,
        },
        { role: 'respondent', name: '赵六', phone: SECRETS.respondentPhone },
      ],
    },
  });
  assert.equal(intake.statusCode, 201, intake.body);
  const c = intake.json();
  await app.inject({
    method: 'POST',
    url: '/api/v1/auth/otp/request',
    payload: { phone: SECRETS.residentPhone },
  });
  const code = /(\d{6})/.exec(outbox.find((m) => m.phone === SECRETS.residentPhone)!.body)![1];
  const resident = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/otp/verify',
    payload: { phone: SECRETS.residentPhone, code },
  });
  const rc = `hewei_session=${resident.cookies.find((x) => x.name === 'hewei_session')!.value}`;
  const own = await app.inject({
    method: 'POST',
    url: '/api/v1/cases',
    headers: { cookie: rc },
    payload: {
      kind: 'complaint',
      channel: 'app',
      categoryCode: '0605',
      description: '小区3号楼电梯本周已经停运两次，老人上下楼困难',
      place: { regionId: VILLAGE_A1 },
      parties: [],
    },
  });
  assert.equal(own.statusCode, 201, own.body);
  const dispatcher = await login('dispatcher-a');
  const v = (
    await app.inject({ method: 'GET', url: `/api/v1/cases/${c.id}`, headers: { cookie: dispatcher } })
  ).json();
  await app.inject({
    method: 'POST',
    url: `/api/v1/cases/${c.id}/actions/accept`,
    headers: { cookie: dispatcher },
    payload: { version: v.version },
  });
  const reveal = await app.inject({
    method: 'POST',
    url: `/api/v1/cases/${c.id}/parties/${v.parties[0].id}/reveal`,
    headers: { cookie: dispatcher },
    payload: { field: 'idNumber' },
  });
  assert.equal(reveal.json().value, SECRETS.idNumber);
  const file = multipart('p.jpg', await photoWithExif());
  const up = await app.inject({
    method: 'POST',
    url: `/api/v1/cases/${c.id}/attachments`,
    headers: { cookie: dispatcher, ...file.headers },
    payload: file.payload,
  });
  assert.equal(up.statusCode, 201, up.body);
  clock.advance(60_000);
  await drainOutbox(deps);
  assert.ok(
    outbox.some((m) => m.phone === SECRETS.partyPhone),
    'the applicant was texted',
  );
  const track = await app.inject({
    method: 'GET',
    url: `/api/v1/track?code=${c.trackingCode}&phone4=${SECRETS.partyPhone.slice(-4)}`,
  });
  assert.equal(track.statusCode, 200);
  const exp = await app.inject({ method: 'GET', url: '/api/v1/me/export', headers: { cookie: rc } });
  assert.equal(exp.json().profile.phone, SECRETS.residentPhone);
  await app.close();
});
after(async () => {
  rmSync(dir, { recursive: true, force: true });
});

describe('no plaintext ID or phone number at rest', () => {
  it(
    pg
      ? 'a pg_dump of the database after the workflow holds none'
      : 'the embedded database files after the workflow hold none',
    async () => {
      let found: string[];
      if (pg) {
        const name = (await database.db.execute<{ n: string }>(sql`select current_database() as n`)).rows[0]
          .n;
        const u = new URL(process.env.DATABASE_URL!);
        u.pathname = `/${name}`;
        const dump = execFileSync('pg_dump', ['--no-owner', u.toString()], { maxBuffer: 512 << 20 });
        assert.ok(dump.includes(Buffer.from('卫生间漏水')), 'the dump holds the workflow');
        found = hits(dump);
        await database.close();
      } else {
        await database.close();
        const all = [...files(join(dir, 'db'))];
        // the scan sees what is stored in the clear: the (non-personal) description is there
        assert.ok(
          all.some(([, b]) => b.includes(Buffer.from('卫生间漏水'))),
          'the scan reads the real files',
        );
        found = all.flatMap(([p, b]) => hits(b).map((k) => `${k} in ${p}`));
      }
      assert.deepEqual(found, []);
    },
  );

  it('nor do the logs, nor the files in the data directory', () => {
    assert.ok(logs.length > 5, 'the app logged');
    assert.deepEqual(hits(Buffer.from(logs.join('\n'))), []);
    const data = [...files(dir)].filter(([p]) => !p.startsWith(join(dir, 'db')));
    assert.ok(data.length > 0);
    assert.deepEqual(
      data.flatMap(([p, b]) => hits(b).map((k) => `${k} in ${p}`)),
      [],
    );
  });
});
