import { HeweiError, TRANSITIONS } from '@hewei/domain';
import type { Tx } from '../../db/client.ts';
import type { outbox } from '../../db/schema/index.ts';
import type { AppDeps } from '../../deps.ts';
import type { Viewer } from '../../http/access.ts';
import { newToken } from '../../lib/crypto.ts';
import { uuidv7 } from '../../lib/ids.ts';
import { type DeliveryRow, webhooksRepository as repo, type SubscriptionRow } from './webhooks.repository.ts';
import {
  backoffAfter,
  DELIVERY_HEADER,
  EVENT_HEADER,
  SIGNATURE_HEADER,
  signBody,
  TIMESTAMP_HEADER,
} from './webhooks.sign.ts';

export const SECRET_PURPOSE = 'webhook_subscriptions.secret';
/** Every case event a subscription may name (or `*` for all). */
export const WEBHOOK_EVENTS: string[] = [
  ...new Set(Object.values(TRANSITIONS).map((t) => t.event as string)),
].sort();
const LEASE_MS = 60_000;
const TIMEOUT_MS = 10_000;

type Message = typeof outbox.$inferSelect;

/**
 * Called by the outbox drain inside the transaction that claims its messages: each message that a
 * county's active subscription asks for becomes one pending delivery (once, whatever re-drains).
 */
export async function enqueueWebhooks(tx: Tx, messages: Message[], now: Date) {
  const withCase = messages.filter((m) => m.caseId);
  if (!withCase.length) return;
  const subs = await repo.activeFor(tx, [...new Set(withCase.map((m) => m.countyId))]);
  if (!subs.length) return;
  const rows: DeliveryRow[] = [];
  for (const countyId of new Set(subs.map((s) => s.countyId))) {
    const mine = withCase.filter((m) => m.countyId === countyId);
    const wanted = (s: SubscriptionRow, m: Message) =>
      s.countyId === countyId && (s.events.includes('*') || s.events.includes(m.topic));
    if (!mine.some((m) => subs.some((s) => wanted(s, m)))) continue;
    const facts = new Map(
      (await repo.caseFacts(tx, countyId, [...new Set(mine.map((m) => m.caseId!))])).map((c) => [c.id, c]),
    );
    for (const m of mine)
      for (const s of subs.filter((x) => wanted(x, m)))
        rows.push({
          countyId,
          id: uuidv7(now.getTime()),
          subscriptionId: s.id,
          outboxId: m.id,
          eventType: m.topic,
          payload: eventBody(m, facts.get(m.caseId!)),
          status: 'pending',
          attempts: 0,
          nextAttemptAt: now,
          lastStatusCode: null,
          lastError: null,
          createdAt: now,
          deliveredAt: null,
        });
  }
  await repo.insertDeliveries(tx, rows);
}

/** The JSON a subscriber receives: the event, when it happened, and the case it is about. */
function eventBody(m: Message, facts: Record<string, unknown> | undefined) {
  const p = m.payload as Record<string, unknown>;
  return {
    id: m.id,
    type: m.topic,
    occurredAt: p.at ?? m.createdAt.toISOString(),
    countyId: m.countyId,
    case: { ...facts, id: m.caseId, trackingCode: p.trackingCode, status: p.status },
    actorRole: p.actorRole ?? null,
  };
}

/** Sends what is due, signed; a failure waits out the backoff, the last one fails the delivery. */
export async function drainWebhooks(deps: AppDeps, batch = 20): Promise<number> {
  const now = deps.clock.now();
  const due = await repo.claimDue(deps.db, now, LEASE_MS, batch);
  await Promise.all(
    due.map(async ({ d, s }) => {
      const secret = deps.pii.open(s.secret, SECRET_PURPOSE) ?? '';
      const outcome = await post(s.url, secret, d, now);
      if (outcome.ok)
        return repo.settle(deps.db, d, {
          status: 'delivered',
          nextAttemptAt: null,
          lastStatusCode: outcome.status,
          lastError: null,
          deliveredAt: deps.clock.now(),
        });
      const wait = backoffAfter(d.attempts);
      return repo.settle(deps.db, d, {
        status: wait === null ? 'failed' : 'pending',
        nextAttemptAt: wait === null ? null : new Date(now.getTime() + wait),
        lastStatusCode: outcome.status,
        lastError: outcome.error,
        deliveredAt: null,
      });
    }),
  );
  return due.length;
}

async function post(url: string, secret: string, d: DeliveryRow, now: Date) {
  const body = JSON.stringify(d.payload);
  const timestamp = Math.floor(now.getTime() / 1000);
  try {
    const res = await fetch(url, {
      method: 'POST',
      redirect: 'manual',
      signal: AbortSignal.timeout(TIMEOUT_MS),
      headers: {
        'content-type': 'application/json; charset=utf-8',
        'user-agent': 'Hewei-Webhooks/1',
        [EVENT_HEADER]: d.eventType,
        [DELIVERY_HEADER]: d.id,
        [TIMESTAMP_HEADER]: String(timestamp),
        [SIGNATURE_HEADER]: signBody(secret, timestamp, body),
      },
      body,
    });
    const text = res.ok ? '' : (await res.text().catch(() => '')).slice(0, 300);
    await res.body?.cancel().catch(() => undefined);
    return { ok: res.ok, status: res.status, error: res.ok ? null : `HTTP ${res.status} ${text}`.trim() };
  } catch (e) {
    return { ok: false, status: null, error: String((e as Error).cause ?? e).slice(0, 500) };
  }
}

/** What an administrator does with subscriptions: county-scoped, the secret shown only once. */
export function webhooksService(deps: AppDeps) {
  const { db, clock, pii } = deps;
  const find = async (v: Viewer, id: string) => {
    const s = await repo.subscription(db, v.countyId, id);
    if (!s) throw new HeweiError('NOT_FOUND');
    return s;
  };
  return {
    async subscribe(v: Viewer, input: { name: string; url: string; events: string[]; secret?: string }) {
      const unknown = input.events.find((e) => e !== '*' && !WEBHOOK_EVENTS.includes(e));
      if (unknown) throw new HeweiError('VALIDATION_FAILED', { field: 'events', detail: unknown });
      const secret = input.secret ?? `whsec_${newToken()}`;
      const now = clock.now();
      const row: SubscriptionRow = {
        countyId: v.countyId,
        id: uuidv7(now.getTime()),
        name: input.name,
        url: input.url,
        events: [...new Set(input.events)],
        secret: pii.seal(secret, SECRET_PURPOSE)!,
        active: true,
        createdBy: v.userId,
        createdAt: now,
      };
      await repo.insertSubscription(db, row);
      return { row, secret };
    },
    list: (v: Viewer) => repo.listSubscriptions(db, v.countyId),
    async deactivate(v: Viewer, id: string) {
      await find(v, id);
      return (await repo.deactivate(db, v.countyId, id))!;
    },
    async deliveries(v: Viewer, id: string, status: string | undefined, limit: number) {
      await find(v, id);
      return repo.deliveries(db, v.countyId, id, status, limit);
    },
    async replay(v: Viewer, id: string, deliveryId: string) {
      const s = await find(v, id);
      if (!s.active) throw new HeweiError('RULE_VIOLATION', { rule: 'WEBHOOK_INACTIVE' });
      const d = await repo.replay(db, v.countyId, id, deliveryId, clock.now());
      if (!d) throw new HeweiError('NOT_FOUND');
      return d;
    },
  };
}
