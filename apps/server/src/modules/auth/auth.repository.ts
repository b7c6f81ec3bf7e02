import { and, eq, gt } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { auditLog, otpCodes, sessions, users } from '../../db/schema/index.ts';
import { uuidv7 } from '../../lib/ids.ts';

export type UserRow = typeof users.$inferSelect;

export const authRepository = (db: Db) => ({
  findUserByUsername: async (username: string) =>
    (await db.select().from(users).where(eq(users.username, username)).limit(1))[0],
  findUserByPhone: async (phone: string) =>
    (await db.select().from(users).where(eq(users.phone, phone)).limit(1))[0],
  insertUser: (row: typeof users.$inferInsert) => db.insert(users).values(row),
  findSessionUser: async (tokenHash: string, now: Date) =>
    (
      await db
        .select({ user: users, session: sessions })
        .from(sessions)
        .innerJoin(users, eq(users.id, sessions.userId))
        .where(and(eq(sessions.tokenHash, tokenHash), gt(sessions.expiresAt, now), eq(users.active, true)))
        .limit(1)
    )[0],
  insertSession: (row: typeof sessions.$inferInsert) => db.insert(sessions).values(row),
  deleteSession: (tokenHash: string) => db.delete(sessions).where(eq(sessions.tokenHash, tokenHash)),
  findOtp: async (phone: string) =>
    (await db.select().from(otpCodes).where(eq(otpCodes.phone, phone)).limit(1))[0],
  upsertOtp: (row: typeof otpCodes.$inferInsert) =>
    db.insert(otpCodes).values(row).onConflictDoUpdate({ target: otpCodes.phone, set: row }),
  deleteOtp: (phone: string) => db.delete(otpCodes).where(eq(otpCodes.phone, phone)),
  audit: (at: Date, action: string, actorId: string | null, target: string | null, data: object = {}) =>
    db.insert(auditLog).values({ id: uuidv7(at.getTime()), at, action, actorId, target, data }),
});
