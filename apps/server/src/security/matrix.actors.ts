import { eq } from 'drizzle-orm';
import { users } from '../db/schema/index.ts';
import { uuidv7 } from '../lib/ids.ts';
import { PASSWORD, type TestApp, VILLAGE_A1, VILLAGE_B1 } from '../test/app.ts';

export const TOWN_A = 'r-330001101';
export const TOWN_B = 'r-330001102';
export const COUNTY = 'r-330001';
const REGION_ROLES = [
  'operator',
  'grid_worker',
  'dispatcher',
  'mediator',
  'expert',
  'counsellor',
  'supervisor',
  'leader',
  'admin',
];

export interface MatrixActor {
  name: string;
  /** where the actor stands, seen from the case under test (a village-A1 case) */
  position: string;
  login: { kind: 'staff'; username: string } | { kind: 'resident'; phone: string } | { kind: 'anonymous' };
}

/**
 * Every actor type around one case in village A1: each staff role in the case's own region, in
 * its parent town, at the county, and in the sibling town; the department that holds an
 * assignment and one that does not; the resident who brought it, another one; nobody.
 */
export async function matrixActors(t: TestApp): Promise<MatrixActor[]> {
  const [tpl] = await t.deps.db.select().from(users).where(eq(users.username, 'operator'));
  const places: [string, string][] = [
    ['own', VILLAGE_A1],
    ['parent', TOWN_A],
    ['county', COUNTY],
    ['sibling', TOWN_B],
  ];
  // a village in the sibling town adds nothing the town does not, except time: heavy runs only
  if (process.env.HEWEI_HEAVY === '1') places.push(['sibling-village', VILLAGE_B1]);
  const actors: MatrixActor[] = [];
  for (const [position, regionId] of places)
    for (const role of REGION_ROLES) {
      const username = `m-${role}-${position}`;
      await t.deps.db.insert(users).values({
        ...tpl,
        id: uuidv7(),
        username,
        phone: null,
        displayName: username,
        role,
        regionId,
        departmentId: null,
      });
      actors.push({ name: username, position, login: { kind: 'staff', username } });
    }
  actors.push(
    {
      name: 'handler-lead',
      position: 'assigned-department',
      login: { kind: 'staff', username: 'handler-lead' },
    },
    { name: 'handler-x', position: 'unassigned-department', login: { kind: 'staff', username: 'handler-x' } },
    { name: 'resident-owner', position: 'owner', login: { kind: 'resident', phone: '13900000001' } },
    { name: 'resident-other', position: 'other-resident', login: { kind: 'resident', phone: '13900000002' } },
    { name: 'anonymous', position: 'anonymous', login: { kind: 'anonymous' } },
  );
  return actors;
}

/** Signs each actor in from its own address (the per-address sign-in limit is not under test here). */
export async function signIn(t: TestApp, a: MatrixActor, n: number): Promise<string | null> {
  if (a.login.kind === 'anonymous') return null;
  if (a.login.kind === 'resident') return t.residentLogin(a.login.phone);
  const r = await t.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { username: a.login.username, password: PASSWORD },
    headers: { 'x-forwarded-for': `10.9.${Math.floor(n / 250)}.${n % 250}` },
  });
  if (r.statusCode !== 200) throw new Error(`${a.name}: ${r.statusCode} ${r.body}`);
  return `hewei_session=${r.cookies.find((c) => c.name === 'hewei_session')!.value}`;
}
