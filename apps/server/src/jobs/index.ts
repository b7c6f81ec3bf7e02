import type { FastifyBaseLogger } from 'fastify';
import type { AppDeps } from '../deps.ts';
import { piiRekeyJob } from '../lib/pii/job.ts';
import { scanWarnings } from '../modules/analysis/warnings.detect.ts';
import { deadlinesTick } from '../modules/deadlines/deadlines.job.ts';
import { extendFollowUps } from '../modules/households/followups.ts';
import { mediationSweep } from '../modules/mediation/mediation.jobs.ts';
import { retentionSweep } from '../modules/retention/retention.service.ts';
import { drainWebhooks } from '../modules/webhooks/webhooks.service.ts';
import { drainOutbox } from './outbox.ts';

interface Job {
  name: string;
  everyMs: number;
  run(): Promise<unknown>;
}

/** Runs each job on its interval, one run at a time per job; stop() waits for runs in flight. */
export function startJobs(deps: AppDeps, log: FastifyBaseLogger) {
  const jobs: Job[] = [
    { name: 'outbox', everyMs: 1000, run: () => drainOutbox(deps) },
    { name: 'webhooks', everyMs: 1000, run: () => drainWebhooks(deps) },
    { name: 'warnings', everyMs: 5 * 60_000, run: () => scanWarnings(deps) },
    { name: 'org-refresh', everyMs: 5000, run: () => deps.org.refreshIfChanged() },
    { name: 'deadlines', everyMs: 250, run: () => deadlinesTick(deps) },
    { name: 'mediation', everyMs: 30_000, run: () => mediationSweep(deps) },
    { name: 'follow-ups', everyMs: 3_600_000, run: () => extendFollowUps(deps.db, deps.clock.now()) },
    { name: 'pii-rekey', everyMs: 60_000, run: piiRekeyJob(deps) },
    { name: 'retention', everyMs: 3_600_000, run: () => retentionSweep(deps) },
  ];
  const running = new Set<Promise<unknown>>();
  const timers = jobs.map((job) => {
    let busy = false;
    return setInterval(() => {
      if (busy) return;
      busy = true;
      const p = job
        .run()
        .catch((err) => log.error({ err, job: job.name }, 'job failed'))
        .finally(() => {
          busy = false;
          running.delete(p);
        });
      running.add(p);
    }, job.everyMs);
  });
  return {
    async stop() {
      for (const t of timers) clearInterval(t);
      await Promise.all(running);
    },
  };
}
