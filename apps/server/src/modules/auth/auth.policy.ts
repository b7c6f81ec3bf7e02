import type { AppDeps } from '../../deps.ts';

const MIN = 60_000;
const HOUR = 60 * MIN;

/** Sign-in hardening, in one place so docs/operations/security.md can point at it. */
export interface SecurityPolicy {
  lockout: { failures: number; windowMs: number; lockMs: number };
  /** a session unused this long ends, though it has not expired; bearer tokens are exempt */
  idleMs: { staff: number; resident: number };
  /** staff whose sign-in must carry a TOTP code (after enrolling) */
  totpRequiredRoles: readonly string[];
  sessionTouchMs: number;
}

export function securityPolicy(deps: AppDeps, env: NodeJS.ProcessEnv = process.env): SecurityPolicy {
  // The demo county's admin signs in without a second factor unless asked; a real install enforces it.
  const adminTotp = env.HEWEI_ADMIN_TOTP ? env.HEWEI_ADMIN_TOTP === '1' : !deps.config.demo;
  return {
    lockout: { failures: 5, windowMs: 15 * MIN, lockMs: 15 * MIN },
    idleMs: {
      // the demo (and the test county, whose clock jumps hours) keeps sessions for their whole life
      staff: env.HEWEI_IDLE_MINUTES
        ? Number(env.HEWEI_IDLE_MINUTES) * MIN
        : deps.config.demo
          ? 12 * HOUR
          : 30 * MIN,
      resident: deps.config.demo ? 30 * 24 * HOUR : 7 * 24 * HOUR,
    },
    totpRequiredRoles: adminTotp ? ['admin'] : [],
    sessionTouchMs: MIN,
  };
}
