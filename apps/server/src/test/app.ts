import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hash } from '@node-rs/argon2';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../app.ts';
import type { Database } from '../db/client.ts';
import { insertOrg, type OrgSpec } from '../demo/org.ts';
import { type AppDeps, createDeps } from '../deps.ts';
import { ManualClock } from '../lib/clock.ts';
import { openTestDatabase } from './database.ts';

export const PASSWORD = 'test-pass-1';
/** Wednesday 2024-06-12 10:00 in Shanghai. */
export const T0 = new Date('2024-06-12T02:00:00Z');

/** A small county: two towns, three villages, three departments, someone in every role. */
export const TEST_ORG: OrgSpec = {
  county: { code: '330001', name: '测试县', nameEn: 'Test County' },
  towns: [
    {
      code: '330001101',
      name: '甲镇',
      nameEn: 'Jia Town',
      villages: [
        { code: '330001101201', name: '甲一村', nameEn: 'Jia One' },
        { code: '330001101202', name: '甲二村', nameEn: 'Jia Two' },
      ],
    },
    {
      code: '330001102',
      name: '乙镇',
      nameEn: 'Yi Town',
      villages: [{ code: '330001102201', name: '乙一村', nameEn: 'Yi One' }],
    },
  ],
  departments: [
    { key: 'zhujian', name: '住建局', nameEn: 'Housing', groups: ['06'] },
    { key: 'zhifa', name: '执法局', nameEn: 'Enforcement', groups: ['02'] },
    { key: 'sifa', name: '司法局', nameEn: 'Justice', groups: ['01'] },
  ],
  users: [
    { username: 'admin', displayName: '管理员', role: 'admin', region: '330001' },
    { username: 'operator', displayName: '话务员', role: 'operator', region: '330001' },
    { username: 'dispatcher', displayName: '县调度', role: 'dispatcher', region: '330001' },
    { username: 'dispatcher-a', displayName: '甲镇调度', role: 'dispatcher', region: '330001101' },
    { username: 'dispatcher-b', displayName: '乙镇调度', role: 'dispatcher', region: '330001102' },
    { username: 'dispatcher-a1', displayName: '甲一村调度', role: 'dispatcher', region: '330001101201' },
    { username: 'handler-lead', displayName: '住建承办', role: 'handler', department: 'zhujian' },
    { username: 'handler-co', displayName: '执法承办', role: 'handler', department: 'zhifa' },
    { username: 'handler-x', displayName: '司法承办', role: 'handler', department: 'sifa' },
    { username: 'gw-a1', displayName: '甲一网格员', role: 'grid_worker', region: '330001101201' },
    { username: 'gw-b1', displayName: '乙一网格员', role: 'grid_worker', region: '330001102201' },
    { username: 'mediator-a', displayName: '甲镇调解员', role: 'mediator', region: '330001101' },
    { username: 'leader', displayName: '领导', role: 'leader', region: '330001' },
    { username: 'supervisor-b', displayName: '乙镇督查', role: 'supervisor', region: '330001102' },
    { username: 'resident', displayName: '居民甲', role: 'resident', phone: '13900000001' },
    { username: 'resident2', displayName: '居民乙', role: 'resident', phone: '13900000002' },
  ],
};

export const VILLAGE_A1 = 'r-330001101201';
export const VILLAGE_B1 = 'r-330001102201';
export const dept = (key: string) => `d-330001-${key}`;

export interface TestApp {
  app: FastifyInstance;
  deps: AppDeps;
  clock: ManualClock;
  /** the data directory: attachment bytes under files/, the keyring under keys/ */
  dataDir: string;
  /** signs in and returns the cookie header to send */
  login(username: string): Promise<string>;
  /** signs a resident in by SMS code */
  residentLogin(phone: string): Promise<string>;
  call(opts: InjectOptions & { as?: string }): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

/** A test app on a fresh database, or on the one given (already migrated; closed with the app). */
export async function buildTestApp(given?: Database): Promise<TestApp> {
  const database = given ?? (await openTestDatabase());
  const clock = new ManualClock(T0);
  const files = mkdtempSync(join(tmpdir(), 'hewei-files-'));
  const deps = createDeps({
    db: database.db,
    dbKind: database.kind,
    clock,
    dataDir: files,
    config: { demo: true, cookieSecure: false, defaultCountyId: null, webDist: null, logLevel: 'silent' },
  });
  const { org } = deps;
  await insertOrg(
    database.db,
    TEST_ORG,
    await hash(PASSWORD, { algorithm: 2 }),
    new Date('2024-01-01T00:00:00Z'),
  );
  await org.refresh();
  const app = await buildApp(deps);
  await app.ready();
  const cookies = new Map<string, string>();

  const login = async (username: string) => {
    const r = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username, password: PASSWORD },
    });
    if (r.statusCode !== 200) throw new Error(`login ${username}: ${r.statusCode} ${r.body}`);
    const c = r.cookies.find((x) => x.name === 'hewei_session')!;
    return `hewei_session=${c.value}`;
  };
  const residentLogin = async (phone: string) => {
    clock.advance(60_000);
    await app.inject({ method: 'POST', url: '/api/v1/auth/otp/request', payload: { phone } });
    const sms = await app.inject({ method: 'GET', url: `/api/v1/dev/sms?phone=${phone}` });
    const code = /(\d{6})/.exec(sms.json().items[0].body)![1];
    const r = await app.inject({ method: 'POST', url: '/api/v1/auth/otp/verify', payload: { phone, code } });
    if (r.statusCode !== 200) throw new Error(`otp ${phone}: ${r.statusCode} ${r.body}`);
    return `hewei_session=${r.cookies.find((x) => x.name === 'hewei_session')!.value}`;
  };
  return {
    app,
    deps,
    clock,
    dataDir: files,
    login,
    residentLogin,
    async call({ as, headers, ...opts }) {
      const send = async (fresh: boolean) => {
        let cookie: string | undefined;
        if (as) {
          if (fresh || !cookies.has(as))
            cookies.set(as, as.startsWith('1') ? await residentLogin(as) : await login(as));
          cookie = cookies.get(as);
        }
        return app.inject({ ...opts, headers: { ...(cookie ? { cookie } : {}), ...headers } });
      };
      const r = await send(false);
      // the test clock moves faster than sessions live: sign in again, as a person would
      return r.statusCode === 401 && as ? send(true) : r;
    },
    async close() {
      await app.close();
      await database.close();
      rmSync(files, { recursive: true, force: true });
    },
  };
}
