// Demo data for the marketplace: profiles for the demo county's mediators, expert and counsellor,
// organisation specialties, a brand room, and a few mediations opened through the service.
import { and, eq, inArray } from 'drizzle-orm';
import { cases, users } from '../../db/schema/index.ts';
import type { AppDeps } from '../../deps.ts';
import type { Viewer } from '../../http/access.ts';
import { marketplaceService } from './marketplace.service.ts';
import { mediationService } from './mediation.service.ts';

const FAMILY_NEIGHBOUR = ['01.0101', '01.0102', '01.0114'];
const TOWN_SPECIALTIES = [
  FAMILY_NEIGHBOUR,
  ['01.0104', '01.0111', '01.0110'],
  ['01.0105', '01.0106', '01.0112'],
  ['01.0107', '01.0115'],
];

export async function seedMediationDemo(deps: AppDeps) {
  // the organisation was just written: the in-memory directory may not have it yet
  await deps.org.refresh();
  const market = marketplaceService(deps);
  const staff = await deps.db
    .select()
    .from(users)
    .where(inArray(users.role, ['mediator', 'expert', 'counsellor', 'admin', 'dispatcher']));
  const admin = staff.find((u) => u.role === 'admin');
  if (!admin) return { profiles: 0, mediations: 0 };
  const asViewer = (u: (typeof staff)[number]): Viewer => ({
    userId: u.id,
    role: u.role as Viewer['role'],
    regionId: u.regionId,
    departmentId: u.departmentId,
    countyId: u.countyId,
    displayName: u.displayName,
    username: u.username,
  });
  const root = asViewer(admin);
  const orgs = deps.org.mediationOrgs();
  let profiles = 0;
  for (const [i, u] of staff.filter((x) => x.role === 'mediator').entries()) {
    const org = orgs.find((o) => o.regionId === u.regionId && o.kind === 'committee');
    await market.saveProfile(root, u.id, {
      organisationId: org?.id ?? null,
      specialties: TOWN_SPECIALTIES[i % TOWN_SPECIALTIES.length],
      languages: i % 3 === 0 ? ['zh', 'yue'] : ['zh'],
      title: i === 0 ? '金牌调解员' : null,
      capacity: 12,
    });
    profiles++;
  }
  for (const u of staff.filter((x) => x.role === 'expert' || x.role === 'counsellor')) {
    await market.saveProfile(root, u.id, {
      specialties: u.role === 'expert' ? ['01'] : ['01.0101', '01.0114'],
      languages: ['zh'],
      expertKind: u.role === 'expert' ? 'legal' : 'psychological',
    });
    profiles++;
  }
  for (const o of orgs.filter((x) => x.kind === 'committee'))
    await market.saveOrganisationProfile(root, o.id, {
      specialties: ['01'],
      description: '受理辖区内各类民间纠纷',
    });
  const town = deps.org.regions().find((r) => r.level === 'town');
  if (town)
    await market.createOrganisation(root, {
      name: '老牛说理调解室',
      nameEn: 'Lao Niu Talks Sense',
      kind: 'brand',
      regionId: town.id,
      specialties: FAMILY_NEIGHBOUR,
      description: '以老党员牛师傅命名的品牌调解室，专调邻里、婚姻家庭纠纷',
    });

  // a few open disputes go to a mediator of their town, chosen by the county dispatcher
  const dispatcher =
    staff.find((u) => u.role === 'dispatcher' && u.regionId === root.regionId) ??
    staff.find((u) => u.role === 'dispatcher');
  if (!dispatcher) return { profiles, mediations: 0 };
  const open = await deps.db
    .select({ id: cases.id, regionPath: cases.regionPath })
    .from(cases)
    .where(
      and(
        eq(cases.countyId, dispatcher.countyId),
        eq(cases.kind, 'dispute'),
        inArray(cases.status, ['accepted', 'triaged']),
      ),
    )
    .limit(50);
  const mediations = mediationService(deps, market);
  let made = 0;
  for (const c of open) {
    if (made >= 3) break;
    const mediator = staff.find(
      (u) =>
        u.role === 'mediator' &&
        u.regionId &&
        c.regionPath.includes(u.regionId) &&
        u.regionId !== c.regionPath[0],
    );
    if (!mediator) continue;
    try {
      const id = await mediations.request(asViewer(dispatcher), {
        caseId: c.id,
        mediatorIds: [mediator.id],
        acknowledgeWarnings: true,
        note: '演示：指派调解员',
      });
      await mediations.respond(asViewer(mediator), id, true);
      made++;
    } catch (e) {
      // a demo case the rules do not admit (a conflict, a full caseload) is skipped
      if (process.env.HEWEI_DEBUG_DEMO) console.warn('mediation demo skipped', c.id, e);
    }
  }
  return { profiles, mediations: made };
}
