import { randomInt } from 'node:crypto';
import { HeweiError } from '@hewei/domain';
import { hash, verify } from '@node-rs/argon2';
import type { AppDeps } from '../../deps.ts';
import type { Viewer } from '../../http/access.ts';
import { newToken, sha256 } from '../../lib/crypto.ts';
import { uuidv7 } from '../../lib/ids.ts';
import { authRepository, type UserRow } from './auth.repository.ts';

const HOUR = 3600_000;
const TTL = { cookie: 12 * HOUR, resident: 30 * 24 * HOUR, bearer: 365 * 24 * HOUR } as const;
const OTP_TTL = 5 * 60_000;
const OTP_MIN_GAP = 30_000;
const OTP_PER_10_MIN = 5;

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

export function authService(deps: AppDeps) {
  const repo = authRepository(deps.db);

  async function openSession(user: UserRow, kind: keyof typeof TTL, name?: string) {
    const token = newToken();
    const now = deps.clock.now();
    await repo.insertSession({
      tokenHash: sha256(token),
      userId: user.id,
      kind,
      name: name ?? null,
      createdAt: now,
      expiresAt: new Date(now.getTime() + TTL[kind]),
    });
    return { token, expiresAt: new Date(now.getTime() + TTL[kind]) };
  }

  return {
    async signIn(username: string, password: string) {
      const now = deps.clock.now();
      const user = await repo.findUserByUsername(username);
      const ok = user?.passwordHash && user.active ? await verify(user.passwordHash, password) : false;
      if (!user || !ok) {
        await repo.audit(now, 'auth.sign_in_failed', user?.id ?? null, username);
        throw new HeweiError('UNAUTHENTICATED', { rule: 'BAD_CREDENTIALS' });
      }
      await repo.audit(now, 'auth.signed_in', user.id, null);
      return { user, ...(await openSession(user, 'cookie')) };
    },

    async viewerForToken(token: string): Promise<Viewer | null> {
      const row = await repo.findSessionUser(sha256(token), deps.clock.now());
      return row ? toViewer(row.user) : null;
    },

    signOut: (token: string) => repo.deleteSession(sha256(token)),

    async issueBearerToken(viewer: Viewer, name: string) {
      const user = await repo.findUserByUsername(viewer.username ?? '');
      if (!user) throw new HeweiError('FORBIDDEN');
      await repo.audit(deps.clock.now(), 'auth.token_issued', user.id, name);
      return openSession(user, 'bearer', name);
    },

    async requestOtp(phone: string) {
      const now = deps.clock.now();
      const prev = await repo.findOtp(phone);
      const recent = (prev?.sentAt ?? []).filter((t) => now.getTime() - t.getTime() < 10 * 60_000);
      if (recent.some((t) => now.getTime() - t.getTime() < OTP_MIN_GAP) || recent.length >= OTP_PER_10_MIN)
        throw new HeweiError('RATE_LIMITED');
      const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
      await repo.upsertOtp({
        phone,
        codeHash: sha256(`${phone}:${code}`),
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
      const otp = await repo.findOtp(phone);
      if (!otp || otp.expiresAt <= now || otp.attempts >= 5)
        throw new HeweiError('UNAUTHENTICATED', { rule: 'BAD_OTP' });
      if (otp.codeHash !== sha256(`${phone}:${code}`)) {
        await repo.upsertOtp({ ...otp, attempts: otp.attempts + 1 });
        throw new HeweiError('UNAUTHENTICATED', { rule: 'BAD_OTP' });
      }
      await repo.deleteOtp(phone);
      let user = await repo.findUserByPhone(phone);
      if (!user) {
        const countyId = deps.config.defaultCountyId ?? deps.org.countyIds()[0];
        const row = {
          id: uuidv7(now.getTime()),
          countyId,
          username: null,
          phone,
          passwordHash: null,
          displayName: `${phone.slice(0, 3)}****${phone.slice(-4)}`,
          role: 'resident',
          regionId: null,
          departmentId: null,
          active: true,
          createdAt: now,
        };
        await repo.insertUser(row);
        user = row;
      }
      await repo.audit(now, 'auth.resident_signed_in', user.id, null);
      return { user, ...(await openSession(user, 'resident')) };
    },
  };
}
export type AuthService = ReturnType<typeof authService>;
