import type { WorkingCalendar } from '@hewei/domain';
import type { Db } from './db/client.ts';
import type { Clock } from './lib/clock.ts';
import type { SmsGateway } from './lib/sms.ts';
import type { FileStorage } from './lib/storage.ts';
import type { OrgDirectory } from './modules/org/org.directory.ts';

export interface AppConfig {
  demo: boolean;
  cookieSecure: boolean;
  /** the county a resident's sign-in and anonymous tracking belong to */
  defaultCountyId: string | null;
  webDist: string | null;
  logLevel: string;
}

/** Everything a module may use, handed in explicitly (no globals, no service locator). */
export interface AppDeps {
  db: Db;
  dbKind: 'pglite' | 'postgres';
  clock: Clock;
  calendar: WorkingCalendar;
  sms: SmsGateway;
  storage: FileStorage;
  org: OrgDirectory;
  config: AppConfig;
}
