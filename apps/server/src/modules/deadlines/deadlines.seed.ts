import { type Actor, openCase } from '@hewei/domain';
import type { AppDeps } from '../../deps.ts';
import { trackingCode, uuidv7 } from '../../lib/ids.ts';
import { runCaseWriteHooks } from '../cases/case-hooks.ts';
import { casesRepository } from '../cases/cases.repository.ts';

/**
 * Opens `n` cases through the lifecycle with the app's hooks (so their timers exist), in batches:
 * tests and the bench use it to put thousands of deadlines in place quickly. `at(i)` is when case i
 * comes in; `urgent` cases are red, with the red deadlines.
 */
export async function openCasesForTimers(
  deps: AppDeps,
  p: { n: number; regionIds: string[]; at: (i: number) => Date; urgent?: boolean; batch?: number },
): Promise<string[]> {
  const ids: string[] = [];
  const operator: Actor = { userId: 'seed', role: 'operator', regionId: null, departmentId: null };
  for (let from = 0; from < p.n; from += p.batch ?? 200) {
    await deps.db.transaction(async (tx) => {
      for (let i = from; i < Math.min(p.n, from + (p.batch ?? 200)); i++) {
        const now = p.at(i);
        const region = deps.org.region(p.regionIds[i % p.regionIds.length])!;
        const ctx = {
          now,
          calendar: deps.calendar,
          deadlinePolicies: deps.deadlinePolicies,
          newId: () => uuidv7(),
        };
        const { state, event } = openCase(
          {
            id: uuidv7(now.getTime()),
            countyId: region.countyId,
            trackingCode: trackingCode(now),
            kind: 'hazard',
            channel: 'grid_report',
            categoryCode: '0605',
            description: `电梯困人，第${i}号`,
            urgent: p.urgent ?? true,
            address: null,
            lat: null,
            lon: null,
            regionPath: region.path,
            gridId: null,
            ownerRegionId: region.id,
            applicantUserId: null,
            hasContactPhone: false,
          },
          operator,
          ctx,
        );
        await casesRepository.insertCase(tx, state, [], event);
        await runCaseWriteHooks(deps, tx, { before: null, after: state, event });
        ids.push(state.id);
      }
    });
  }
  return ids;
}
