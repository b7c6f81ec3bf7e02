import { HeweiError } from '@hewei/domain';
import * as OTPAuth from 'otpauth';
import { TOTP_PURPOSE } from '../../lib/pii/columns.ts';
import type { Pii } from '../../lib/pii/keyring.ts';
import type { authRepository, UserRow } from './auth.repository.ts';

type Repo = ReturnType<typeof authRepository>;
const PERIOD = 30;

const totpFor = (user: UserRow, secret: string) =>
  new OTPAuth.TOTP({
    issuer: 'Hewei',
    label: user.username ?? user.id,
    algorithm: 'SHA1',
    digits: 6,
    period: PERIOD,
    secret: OTPAuth.Secret.fromBase32(secret),
  });

/** RFC 6238 codes for staff: the secret is sealed like personal data, and each code works once. */
export function totpService(repo: Repo, pii: Pii) {
  return {
    async enabled(userId: string) {
      return (await repo.findTotp(userId))?.enabled === true;
    },
    /** a new secret, not yet in force until a first code proves the authenticator has it */
    async begin(user: UserRow, now: Date) {
      const current = await repo.findTotp(user.id);
      if (current?.enabled) throw new HeweiError('CONFLICT', { rule: 'TOTP_ALREADY_ENABLED' });
      const secret = new OTPAuth.Secret({ size: 20 }).base32;
      await repo.saveTotp({
        userId: user.id,
        secret: pii.seal(secret, TOTP_PURPOSE)!,
        enabled: false,
        lastStep: null,
        createdAt: now,
      });
      return { secret, uri: totpFor(user, secret).toString() };
    },
    /** true when `code` is right for now (±1 step) and was not used before */
    async check(user: UserRow, code: string, now: Date): Promise<boolean> {
      const row = await repo.findTotp(user.id);
      if (!row) return false;
      const secret = pii.open(row.secret, TOTP_PURPOSE)!;
      const delta = totpFor(user, secret).validate({ token: code, timestamp: now.getTime(), window: 1 });
      if (delta === null) return false;
      const step = Math.floor(now.getTime() / 1000 / PERIOD) + delta;
      return repo.claimTotpStep(user.id, step);
    },
    async enable(user: UserRow, code: string, now: Date) {
      const row = await repo.findTotp(user.id);
      if (!row) throw new HeweiError('NOT_FOUND');
      if (!(await this.check(user, code, now))) throw new HeweiError('UNAUTHENTICATED', { rule: 'BAD_TOTP' });
      await repo.saveTotp({ ...row, enabled: true, lastStep: (await repo.findTotp(user.id))!.lastStep });
    },
  };
}

/** For tests and the enrolment screen's self-check: the code an authenticator would show. */
export const totpCode = (secret: string, at: Date) =>
  new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret), period: PERIOD }).generate({
    timestamp: at.getTime(),
  });
