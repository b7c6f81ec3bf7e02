import { and, eq, gt, ne, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import {
  authLockouts,
  otpCodes,
  sessionActivity,
  sessions,
  userPhoneIndex,
  users,
  userTotp,
} from '../../db/schema/index.ts';
import { indexUserPhone, USER_PHONE_PURPOSE } from '../../lib/pii/columns.ts';
import type { Pii } from '../../lib/pii/keyring.ts';
import { recordAudit } from '../audit/audit.repository.ts';

export type UserRow = typeof users.$inferSelect;
export type LockoutRow = typeof authLockouts.$inferSelect;

export const authRepository = (db: Db, pii: Pii) => {
  const findSessionQuery = db
    .select({ user: users, session: sessions, lastSeenAt: sessionActivity.lastSeenAt })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .leftJoin(sessionActivity, eq(sessionActivity.tokenHash, sessions.tokenHash))
    .where(
      and(
        eq(sessions.tokenHash, sql.placeholder('tokenHash')),
        gt(sessions.expiresAt, sql`${sql.placeholder('now')}::timestamptz`),
        eq(users.active, true),
      ),
    )
    .limit(1)
    .prepare('hewei_find_session');
  return {
    findUserByUsername: async (username: string) =>
      (await db.select().from(users).where(eq(users.username, username)).limit(1))[0],
    findUserById: async (id: string) => (await db.select().from(users).where(eq(users.id, id)).limit(1))[0],
    /** by the blind index; a row written in plaintext by older code is found too, and sealed on the spot */
    async findUserByPhone(phone: string): Promise<UserRow | undefined> {
      const [hit] = await db
        .select({ user: users })
        .from(userPhoneIndex)
        .innerJoin(users, eq(users.id, userPhoneIndex.userId))
        .where(eq(userPhoneIndex.digest, pii.blind('phone', phone)))
        .limit(1);
      if (hit) return hit.user;
      const [legacy] = await db.select().from(users).where(eq(users.phone, phone)).limit(1);
      if (!legacy) return undefined;
      await db.transaction(async (tx) => {
        await tx
          .update(users)
          .set({ phone: pii.seal(phone, USER_PHONE_PURPOSE) })
          .where(and(eq(users.id, legacy.id), eq(users.phone, phone)));
        await indexUserPhone(tx, pii, legacy.id, phone);
      });
      return legacy;
    },
    async insertResident(row: UserRow, phone: string) {
      await db.transaction(async (tx) => {
        await tx.insert(users).values({ ...row, phone: pii.seal(phone, USER_PHONE_PURPOSE) });
        await indexUserPhone(tx, pii, row.id, phone);
      });
    },
    setPassword: (userId: string, passwordHash: string) =>
      db.update(users).set({ passwordHash }).where(eq(users.id, userId)),

    /** every signed-in request asks this: prepared once, so neither Drizzle nor PostgreSQL plans it again */
    findSession: async (tokenHash: string, now: Date) =>
      (await findSessionQuery.execute({ tokenHash, now: now.toISOString() }))[0],
    insertSession: (row: typeof sessions.$inferInsert) => db.insert(sessions).values(row),
    touchSession: (tokenHash: string, at: Date) =>
      db
        .insert(sessionActivity)
        .values({ tokenHash, lastSeenAt: at })
        .onConflictDoUpdate({ target: sessionActivity.tokenHash, set: { lastSeenAt: at } }),
    async deleteSession(tokenHash: string) {
      await db.delete(sessionActivity).where(eq(sessionActivity.tokenHash, tokenHash));
      await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
    },
    deleteOtherSessions: (userId: string, keepTokenHash: string) =>
      db.delete(sessions).where(and(eq(sessions.userId, userId), ne(sessions.tokenHash, keepTokenHash))),

    findOtp: async (key: string) =>
      (await db.select().from(otpCodes).where(eq(otpCodes.phone, key)).limit(1))[0],
    upsertOtp: (row: typeof otpCodes.$inferInsert) =>
      db.insert(otpCodes).values(row).onConflictDoUpdate({ target: otpCodes.phone, set: row }),
    deleteOtp: (key: string) => db.delete(otpCodes).where(eq(otpCodes.phone, key)),

    findLockout: async (subject: string) =>
      (await db.select().from(authLockouts).where(eq(authLockouts.subject, subject)).limit(1))[0],
    saveLockout: (row: LockoutRow) =>
      db.insert(authLockouts).values(row).onConflictDoUpdate({ target: authLockouts.subject, set: row }),
    clearLockout: (subject: string) => db.delete(authLockouts).where(eq(authLockouts.subject, subject)),

    findTotp: async (userId: string) =>
      (await db.select().from(userTotp).where(eq(userTotp.userId, userId)).limit(1))[0],
    saveTotp: (row: typeof userTotp.$inferInsert) =>
      db.insert(userTotp).values(row).onConflictDoUpdate({ target: userTotp.userId, set: row }),
    /** claims a TOTP time step once: a code seen before (replayed) claims nothing */
    claimTotpStep: async (userId: string, step: number) =>
      (
        await db
          .update(userTotp)
          .set({ lastStep: step })
          .where(and(eq(userTotp.userId, userId), sql`coalesce(${userTotp.lastStep}, -1) < ${step}`))
          .returning({ userId: userTotp.userId })
      ).length > 0,

    audit: (at: Date, action: string, actorId: string | null, target: string | null, data: object = {}) =>
      recordAudit(db, { at, action, actorId, target, data: data as Record<string, unknown> }),
  };
};
