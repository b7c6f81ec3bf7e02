import type { AppDeps } from '../../deps.ts';
import { routingOverrideHook } from '../routing/routing.service.ts';
import { gridStampHook, placeEnricher } from './org.intake.ts';

/**
 * Places new cases on the map (point or known address → grid and village), stamps the grid they
 * were registered in, and records dispatches that differ from the routing suggestion.
 */
export function registerOrgHooks(deps: AppDeps) {
  deps.hooks.intake.push(placeEnricher(deps.org));
  deps.hooks.caseWrite.push(gridStampHook(deps.org), routingOverrideHook(deps));
}
