import { randomInt } from 'node:crypto';
import { HeweiError } from '@hewei/domain';
import { hash, verify } from '@node-rs/argon2';
import type { AppDeps } from '../../deps.ts';
import type { Viewer } from '../../http/access.ts';
import { newToken, sha256 } from '../../lib/crypto.ts';
import { uuidv7 } from '../../lib/ids.ts';
import { lockouts } from './auth.lockout.ts';
import { type SecurityPolicy, securityPolicy } from './auth.policy.ts';
import { authRepository, type UserRow } from './auth.repository.ts';
import { totpService } from './auth.totp.ts';

const HOUR = 3600_000;
const TTL = {
  cookie: 12 * HOUR,
  enrol: 1 * HOUR,
  resident: 30 * 24 * HOUR,
  bearer: 365 * 24 * HOUR,
} as const;
const OTP_TTL = 5 * 60_000;
const OTP_MIN_GAP = 30_000;
const OTP_PER_10_MIN = 5;
// a fixed hash to verify against when the user does not exist, so timing does not tell
const DUMMY_HASH = hash('not a password', { algorithm: 2 });

/** spends the time a real check would, then fails */
const nobody = async (password: string) => {
  await verify(await DUMMY_HASH, password);
  return false;
};

export const hashPassword = (password: string) => hash(password, { algorithm: 2 /* argon2id */ });

export function toViewer(u: UserRow): Viewer {
  return {
    userId: u.id,
    role: u.role as Viewer['role'],
    regionId: u.regionId,
    departmentId: u.departmentId,
    countyId: u.countyId,
    displayName: u.displayName,
    username: u.username,
  };
}

export interface SessionInfo {
  viewer: Viewer;
  kind: string;
  tokenHash: string;
}

export function authService(deps: AppDeps, policy: SecurityPolicy = securityPolicy(deps)) {
  const repo = authRepository(deps.db, deps.pii);
  const locks = lockouts(repo, policy);
  const totp = totpService(repo, deps.pii);

  async function openSession(user: UserRow, kind: keyof typeof TTL, name?: string) {
    const token = newToken();
    const now = deps.clock.now();
    const expiresAt = new Date(now.getTime() + TTL[kind]);
    await repo.insertSession({
      tokenHash: sha256(token),
      userId: user.id,
      kind,
      name: name ?? null,
      createdAt: now,
      expiresAt,
    });
    return { token, expiresAt, kind };
  }

  async function failSignIn(
    subject: string,
    user: UserRow | undefined,
    username: string,
    now: Date,
    rule: string,
  ): Promise<never> {
    await repo.audit(now, 'auth.sign_in_failed', user?.id ?? null, username, { rule });
    if (await locks.fail(subject, now)) await repo.audit(now, 'auth.locked', user?.id ?? null, username);
    throw new HeweiError('UNAUTHENTICATED', { rule });
  }

  return {
    policy,
    totp,
    async signIn(username: string, password: string, otp?: string) {
      const now = deps.clock.now();
      const subject = `user:${username}`;
      await locks.assertOpen(subject, now);
      const user = await repo.findUserByUsername(username);
      const ok =
        user?.passwordHash && user.active
          ? await verify(user.passwordHash, password)
          : await nobody(password);
      if (!user || !ok) return failSignIn(subject, user, username, now, 'BAD_CREDENTIALS');
      let kind: keyof typeof TTL = 'cookie';
      if (await totp.enabled(user.id)) {
        if (!otp) throw new HeweiError('UNAUTHENTICATED', { rule: 'TOTP_REQUIRED', field: 'otp' });
        if (!(await totp.check(user, otp, now))) return failSignIn(subject, user, username, now, 'BAD_TOTP');
      } else if (policy.totpRequiredRoles.includes(user.role)) {
        kind = 'enrol';
      }
      await locks.succeed(subject);
      await repo.audit(now, 'auth.signed_in', user.id, null, { mfa: kind === 'cookie' && !!otp });
      return { user, ...(await openSession(user, kind)) };
    },

    /** the viewer behind a token, or null when it is unknown, expired or idle too long */
    async sessionForToken(token: string): Promise<SessionInfo | null> {
      const now = deps.clock.now();
      const tokenHash = sha256(token);
      const row = await repo.findSession(tokenHash, now);
      if (!row) return null;
      const { session } = row;
      if (session.kind !== 'bearer') {
        const idle = row.user.role === 'resident' ? policy.idleMs.resident : policy.idleMs.staff;
        const lastSeen = row.lastSeenAt ?? session.createdAt;
        if (now.getTime() - lastSeen.getTime() > idle) {
          await repo.deleteSession(tokenHash);
          return null;
        }
        if (now.getTime() - lastSeen.getTime() > policy.sessionTouchMs)
          await repo.touchSession(tokenHash, now);
      }
      return { viewer: toViewer(row.user), kind: session.kind, tokenHash };
    },

    signOut: (token: string) => repo.deleteSession(sha256(token)),

    async issueBearerToken(viewer: Viewer, name: string) {
      const user = await repo.findUserById(viewer.userId);
      if (!user) throw new HeweiError('FORBIDDEN');
      await repo.audit(deps.clock.now(), 'auth.token_issued', user.id, name);
      return openSession(user, 'bearer', name);
    },

    async changePassword(viewer: Viewer, tokenHash: string, current: string, next: string) {
      const now = deps.clock.now();
      const subject = `password:${viewer.userId}`;
      await locks.assertOpen(subject, now);
      const user = await repo.findUserById(viewer.userId);
      if (!user?.passwordHash || !(await verify(user.passwordHash, current))) {
        await locks.fail(subject, now);
        await repo.audit(now, 'auth.password_change_failed', viewer.userId, null);
        throw new HeweiError('UNAUTHENTICATED', { rule: 'BAD_CREDENTIALS', field: 'current' });
      }
      await repo.setPassword(user.id, await hashPassword(next));
      await repo.deleteOtherSessions(user.id, tokenHash);
      await repo.audit(now, 'auth.password_changed', user.id, null);
    },

    async beginTotp(viewer: Viewer) {
      const user = await repo.findUserById(viewer.userId);
      if (!user) throw new HeweiError('FORBIDDEN');
      const r = await totp.begin(user, deps.clock.now());
      await repo.audit(deps.clock.now(), 'auth.totp_started', user.id, null);
      return r;
    },

    /** enables TOTP; an enrol-only session becomes a full one */
    async enableTotp(viewer: Viewer, code: string) {
      const now = deps.clock.now();
      const user = await repo.findUserById(viewer.userId);
      if (!user) throw new HeweiError('FORBIDDEN');
      await locks.assertOpen(`totp:${user.id}`, now);
      try {
        await totp.enable(user, code, now);
      } catch (e) {
        await locks.fail(`totp:${user.id}`, now);
        throw e;
      }
      await repo.audit(now, 'auth.totp_enabled', user.id, null);
      return { user, ...(await openSession(user, 'cookie')) };
    },

    async requestOtp(phone: string) {
      const now = deps.clock.now();
      const key = deps.pii.blind('otp', phone);
      const prev = await repo.findOtp(key);
      const recent = (prev?.sentAt ?? []).filter((t) => now.getTime() - t.getTime() < 10 * 60_000);
      if (recent.some((t) => now.getTime() - t.getTime() < OTP_MIN_GAP) || recent.length >= OTP_PER_10_MIN)
        throw new HeweiError('RATE_LIMITED');
      const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
      await repo.upsertOtp({
        phone: key,
        codeHash: sha256(`${key}:${code}`),
        expiresAt: new Date(now.getTime() + OTP_TTL),
        attempts: 0,
        sentAt: [...recent, now],
      });
      await deps.sms.send(
        { phone, purpose: 'otp', body: `【和为贵】您的验证码是 ${code}，5分钟内有效，请勿告诉他人。` },
        now,
      );
    },

    async verifyOtp(phone: string, code: string) {
      const now = deps.clock.now();
      const key = deps.pii.blind('otp', phone);
      await locks.assertOpen(`phone:${key}`, now);
      const otp = await repo.findOtp(key);
      if (!otp || otp.expiresAt <= now || otp.attempts >= 5)
        throw new HeweiError('UNAUTHENTICATED', { rule: 'BAD_OTP' });
      if (otp.codeHash !== sha256(`${key}:${code}`)) {
        await repo.upsertOtp({ ...otp, attempts: otp.attempts + 1 });
        await locks.fail(`phone:${key}`, now);
        throw new HeweiError('UNAUTHENTICATED', { rule: 'BAD_OTP' });
      }
      await repo.deleteOtp(key);
      let user = await repo.findUserByPhone(phone);
      if (!user) {
        const countyId = deps.config.defaultCountyId ?? deps.org.countyIds()[0];
        const row: UserRow = {
          id: uuidv7(now.getTime()),
          countyId,
          username: null,
          phone: null,
          passwordHash: null,
          displayName: `${phone.slice(0, 3)}****${phone.slice(-4)}`,
          role: 'resident',
          regionId: null,
          departmentId: null,
          active: true,
          createdAt: now,
        };
        await repo.insertResident(row, phone);
        user = row;
      }
      await repo.audit(now, 'auth.resident_signed_in', user.id, null);
      return { user, ...(await openSession(user, 'resident')) };
    },
  };
}
export type AuthService = ReturnType<typeof authService>;
