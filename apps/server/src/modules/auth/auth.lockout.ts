import { HeweiError } from '@hewei/domain';
import type { SecurityPolicy } from './auth.policy.ts';
import type { authRepository } from './auth.repository.ts';

type Repo = ReturnType<typeof authRepository>;

/** Repeated failures for one subject lock it for a while, whatever the password then given. */
export function lockouts(repo: Repo, policy: SecurityPolicy) {
  return {
    async assertOpen(subject: string, now: Date) {
      const row = await repo.findLockout(subject);
      if (row?.lockedUntil && row.lockedUntil > now) {
        const seconds = Math.ceil((row.lockedUntil.getTime() - now.getTime()) / 1000);
        throw new HeweiError('RATE_LIMITED', { rule: 'ACCOUNT_LOCKED', params: { seconds } });
      }
    },
    /** counts one failure; true when this failure locked the subject */
    async fail(subject: string, now: Date): Promise<boolean> {
      const row = await repo.findLockout(subject);
      const fresh = !row || now.getTime() - row.windowStart.getTime() > policy.lockout.windowMs;
      const failures = fresh ? 1 : row.failures + 1;
      const lock = failures >= policy.lockout.failures;
      await repo.saveLockout({
        subject,
        failures: lock ? 0 : failures,
        windowStart: fresh || lock ? now : row.windowStart,
        lockedUntil: lock ? new Date(now.getTime() + policy.lockout.lockMs) : (row?.lockedUntil ?? null),
      });
      return lock;
    },
    succeed: (subject: string) => repo.clearLockout(subject),
  };
}
