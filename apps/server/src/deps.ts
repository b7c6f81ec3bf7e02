import { join } from 'node:path';
import { type CaseEvent, type CaseState, createWorkingCalendar, type WorkingCalendar } from '@hewei/domain';
import type { Db, Tx } from './db/client.ts';
import type { Clock } from './lib/clock.ts';
import { createPiiFromDataDir, type Pii } from './lib/pii/keyring.ts';
import { type SmsGateway, sinkSmsGateway } from './lib/sms.ts';
import { directoryStorage, type FileStorage } from './lib/storage.ts';
import type { PolicyStore } from './modules/deadlines/deadlines.policies.ts';
import { registerDeadlines } from './modules/deadlines/deadlines.register.ts';
import { registerEvents } from './modules/events/events.notify.ts';
import { householdIncidentHook } from './modules/households/households.hook.ts';
import { createOrgDirectory, type OrgDirectory } from './modules/org/org.directory.ts';
import { registerOrgHooks } from './modules/org/org.hooks.ts';
import { analysisHooks } from './modules/overview/overview.hooks.ts';

export interface AppConfig {
  demo: boolean;
  cookieSecure: boolean;
  /** the county a resident's sign-in and anonymous tracking belong to */
  defaultCountyId: string | null;
  webDist: string | null;
  logLevel: string;
}

/**
 * Runs inside the transaction that writes a case change, after the case row, its event and its
 * outbox message: a module that keeps its own rows in step with cases (timers, search, routing)
 * registers one here, so its rows commit or roll back with the change.
 */
export type CaseWriteHook = ((tx: Tx, change: CaseChange) => Promise<void>) & {
  /** the same rows for many changes in a few statements (an import, a batch of timers) */
  batch?: (tx: Tx, changes: CaseChange[]) => Promise<void>;
};
export interface CaseChange {
  before: CaseState | null;
  after: CaseState;
  event: CaseEvent;
}

/** Runs at intake before the case is opened: may fill in what the submitter left out (grid, point). */
export type IntakeEnricher = (draft: IntakeDraft) => Promise<void> | void;
export interface IntakeDraft {
  countyId: string;
  regionId: string;
  gridId: string | null;
  lat: number | null;
  lon: number | null;
  address: string | null;
  categoryCode: string;
}

/** Everything a module may use, handed in explicitly (no globals, no service locator). */
export interface AppDeps {
  db: Db;
  dbKind: 'pglite' | 'postgres';
  clock: Clock;
  calendar: WorkingCalendar;
  sms: SmsGateway;
  storage: FileStorage;
  /** field-level encryption of personal data, blind indexes, link signatures */
  pii: Pii;
  org: OrgDirectory;
  config: AppConfig;
  hooks: { caseWrite: CaseWriteHook[]; intake: IntakeEnricher[] };
  /** county deadline policies (set by registerDeadlines); the lifecycle context reads deadlinePolicies */
  deadlines?: PolicyStore;
  deadlinePolicies?: PolicyStore['policies'];
}

/** The one place main.ts and the tests build the dependencies, so both run the same wiring. */
export function createDeps(p: {
  db: Db;
  dbKind: AppDeps['dbKind'];
  clock: Clock;
  dataDir: string;
  config: AppConfig;
  /** a real SMS provider (main.ts reads HEWEI_SMS_URL); the local sink when absent */
  sms?: SmsGateway;
}): AppDeps {
  const deps: AppDeps = {
    db: p.db,
    dbKind: p.dbKind,
    clock: p.clock,
    calendar: createWorkingCalendar(),
    sms: p.sms ?? sinkSmsGateway(p.db),
    storage: directoryStorage(join(p.dataDir, 'files')),
    pii: createPiiFromDataDir(p.dataDir),
    org: createOrgDirectory(p.db),
    config: p.config,
    hooks: { caseWrite: [], intake: [] },
  };
  // Modules that keep rows in step with cases, or enrich intake, register here.
  deps.hooks.caseWrite.push(...analysisHooks(deps));
  deps.hooks.caseWrite.push(householdIncidentHook(deps));
  registerOrgHooks(deps);
  registerDeadlines(deps);
  registerEvents(deps);
  return deps;
}
