import { and, asc, desc, eq, inArray, lte, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.ts';
import { cases, webhookDeliveries, webhookSubscriptions } from '../../db/schema/index.ts';

type Q = Db | Tx;
export type SubscriptionRow = typeof webhookSubscriptions.$inferSelect;
export type DeliveryRow = typeof webhookDeliveries.$inferSelect;

export const webhooksRepository = {
  insertSubscription: (q: Q, row: SubscriptionRow) => q.insert(webhookSubscriptions).values(row),

  listSubscriptions: (q: Q, countyId: string) =>
    q
      .select()
      .from(webhookSubscriptions)
      .where(eq(webhookSubscriptions.countyId, countyId))
      .orderBy(desc(webhookSubscriptions.createdAt)),

  async subscription(q: Q, countyId: string, id: string) {
    const [row] = await q
      .select()
      .from(webhookSubscriptions)
      .where(and(eq(webhookSubscriptions.countyId, countyId), eq(webhookSubscriptions.id, id)));
    return row;
  },

  activeFor: (q: Q, countyIds: string[]) =>
    q
      .select()
      .from(webhookSubscriptions)
      .where(and(inArray(webhookSubscriptions.countyId, countyIds), eq(webhookSubscriptions.active, true))),

  /** Stops a subscription; what it still had pending is cancelled with it. */
  async deactivate(q: Q, countyId: string, id: string) {
    return q.transaction(async (tx) => {
      const [row] = await tx
        .update(webhookSubscriptions)
        .set({ active: false })
        .where(and(eq(webhookSubscriptions.countyId, countyId), eq(webhookSubscriptions.id, id)))
        .returning();
      if (row)
        await tx
          .update(webhookDeliveries)
          .set({ status: 'cancelled', nextAttemptAt: null })
          .where(
            and(
              eq(webhookDeliveries.countyId, countyId),
              eq(webhookDeliveries.subscriptionId, id),
              eq(webhookDeliveries.status, 'pending'),
            ),
          );
      return row;
    });
  },

  caseFacts: (q: Q, countyId: string, ids: string[]) =>
    q
      .select({
        id: cases.id,
        kind: cases.kind,
        channel: cases.channel,
        categoryCode: cases.categoryCode,
        regionId: cases.regionId,
        version: cases.version,
      })
      .from(cases)
      .where(and(eq(cases.countyId, countyId), inArray(cases.id, ids))),

  /** Once per (subscription, outbox message): a re-drained message never delivers twice. */
  insertDeliveries: (q: Q, rows: DeliveryRow[]) =>
    rows.length ? q.insert(webhookDeliveries).values(rows).onConflictDoNothing() : Promise.resolve(),

  /** Claims due deliveries (SKIP LOCKED) and leases them, so two instances never send the same. */
  async claimDue(db: Db, now: Date, leaseMs: number, limit: number) {
    return db.transaction(async (tx) => {
      const due = await tx
        .select({ d: webhookDeliveries, s: webhookSubscriptions })
        .from(webhookDeliveries)
        .innerJoin(
          webhookSubscriptions,
          and(
            eq(webhookSubscriptions.countyId, webhookDeliveries.countyId),
            eq(webhookSubscriptions.id, webhookDeliveries.subscriptionId),
          ),
        )
        .where(and(eq(webhookDeliveries.status, 'pending'), lte(webhookDeliveries.nextAttemptAt, now)))
        .orderBy(asc(webhookDeliveries.nextAttemptAt))
        .limit(limit)
        .for('update', { of: webhookDeliveries, skipLocked: true });
      for (const { d } of due)
        await tx
          .update(webhookDeliveries)
          .set({
            nextAttemptAt: new Date(now.getTime() + leaseMs),
            attempts: sql`${webhookDeliveries.attempts} + 1`,
          })
          .where(and(eq(webhookDeliveries.countyId, d.countyId), eq(webhookDeliveries.id, d.id)));
      return due.map(({ d, s }) => ({ d: { ...d, attempts: d.attempts + 1 }, s }));
    });
  },

  settle: (
    q: Q,
    d: Pick<DeliveryRow, 'countyId' | 'id'>,
    set: Pick<DeliveryRow, 'status' | 'nextAttemptAt' | 'lastStatusCode' | 'lastError' | 'deliveredAt'>,
  ) =>
    q
      .update(webhookDeliveries)
      .set(set)
      .where(and(eq(webhookDeliveries.countyId, d.countyId), eq(webhookDeliveries.id, d.id))),

  deliveries: (q: Q, countyId: string, subscriptionId: string, status: string | undefined, limit: number) =>
    q
      .select()
      .from(webhookDeliveries)
      .where(
        and(
          eq(webhookDeliveries.countyId, countyId),
          eq(webhookDeliveries.subscriptionId, subscriptionId),
          status ? eq(webhookDeliveries.status, status) : undefined,
        ),
      )
      .orderBy(desc(webhookDeliveries.createdAt), desc(webhookDeliveries.id))
      .limit(limit),

  /** Sends a delivery again from the start of the schedule, whatever became of it. */
  async replay(q: Q, countyId: string, subscriptionId: string, id: string, now: Date) {
    const [row] = await q
      .update(webhookDeliveries)
      .set({ status: 'pending', attempts: 0, nextAttemptAt: now, deliveredAt: null })
      .where(
        and(
          eq(webhookDeliveries.countyId, countyId),
          eq(webhookDeliveries.subscriptionId, subscriptionId),
          eq(webhookDeliveries.id, id),
        ),
      )
      .returning();
    return row;
  },
};
