import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export interface Env {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | null;
  demo: boolean;
  cookieSecure: boolean;
  logLevel: string;
  webDist: string | null;
  dbPoolSize: number;
  /** false when the server runs as the restricted application role: the owner migrates (`npm run db:migrate`). */
  dbMigrate: boolean;
}

export function readEnv(env: NodeJS.ProcessEnv = process.env): Env {
  const databaseUrl = env.DATABASE_URL || null;
  const dist = fileURLToPath(new URL('../../web/dist', import.meta.url));
  return {
    port: Number(env.PORT ?? 3000),
    host: env.HOST ?? '0.0.0.0',
    dataDir: env.HEWEI_DATA_DIR ?? 'data',
    databaseUrl,
    // The demo county is made on an empty embedded database unless switched off; on PostgreSQL only when asked.
    demo: env.HEWEI_DEMO ? env.HEWEI_DEMO === '1' || env.HEWEI_DEMO === 'true' : !databaseUrl,
    cookieSecure: env.HEWEI_COOKIE_SECURE === '1',
    logLevel: env.LOG_LEVEL ?? 'info',
    webDist: existsSync(`${dist}/index.html`) ? dist : null,
    dbPoolSize: Number(env.HEWEI_DB_POOL ?? 10),
    dbMigrate: env.HEWEI_DB_MIGRATE !== '0',
  };
}
