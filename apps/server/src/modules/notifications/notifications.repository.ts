import { and, eq } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.ts';
import { smsOptOuts } from '../../db/schema/index.ts';

type Q = Db | Tx;

/** Opt-outs are kept by the phone's blind index (lib/pii), never the number itself. */
export const notificationsRepository = {
  async optedOut(q: Q, countyId: string, digest: string) {
    const [row] = await q
      .select({ at: smsOptOuts.optedOutAt })
      .from(smsOptOuts)
      .where(and(eq(smsOptOuts.countyId, countyId), eq(smsOptOuts.phone, digest)));
    return Boolean(row);
  },
  optOut: (q: Q, countyId: string, digest: string, at: Date, source: string) =>
    q.insert(smsOptOuts).values({ countyId, phone: digest, optedOutAt: at, source }).onConflictDoNothing(),
  optIn: (q: Q, countyId: string, digest: string) =>
    q.delete(smsOptOuts).where(and(eq(smsOptOuts.countyId, countyId), eq(smsOptOuts.phone, digest))),
};
