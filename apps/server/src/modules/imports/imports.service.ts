import { type CaseState, HeweiError } from '@hewei/domain';
import { and, eq } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import {
  assignments,
  caseEvents,
  caseParties,
  cases,
  importOrders,
  partyPiiIndex,
} from '../../db/schema/index.ts';
import type { AppDeps, CaseWriteHook } from '../../deps.ts';
import type { Viewer } from '../../http/access.ts';
import { sha256, stableJson } from '../../lib/crypto.ts';
import { uuidv7 } from '../../lib/ids.ts';
import { PARTY_PURPOSE } from '../../lib/pii/columns.ts';
import { assignmentRows, eventRow, stateToRow } from '../cases/cases.repository.ts';
import { type Built, buildCase, StatusConflict } from './imports.build.ts';
import { parseCsv } from './imports.csv.ts';
import {
  type Field,
  fieldOf,
  lookups,
  type RowError,
  STATUS_RANK,
  validateRow,
  type WorkOrder,
} from './imports.mapping.ts';
import { bulkInsert, importsRepository as repo } from './imports.repository.ts';

const REQUIRED: Field[] = ['order_id', 'received_at', 'content', 'category_code'];
const MAX_STORED_ERRORS = 10_000;

export interface ImportReport {
  /** null when a strict batch was refused and nothing was written */
  id: string | null;
  source: string;
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  failed: number;
  errors: RowError[];
  ms: number;
}

/** Source rows as field → text, from CSV (a header row) or JSON (an array of objects). */
export function readRows(format: 'csv' | 'json', body: string | unknown): Partial<Record<Field, string>>[] {
  if (format === 'csv') {
    const parsed = parseCsv(String(body));
    if ('error' in parsed)
      throw new HeweiError('VALIDATION_FAILED', {
        field: `line ${parsed.error.line}`,
        rule: parsed.error.code,
      });
    const [header, ...rows] = parsed.rows;
    if (!header) throw new HeweiError('VALIDATION_FAILED', { field: 'header', rule: 'EMPTY_FILE' });
    const fields = header.map(fieldOf);
    checkColumns(fields.filter((f): f is Field => Boolean(f)));
    return rows.map((r) => {
      const o: Partial<Record<Field, string>> = {};
      fields.forEach((f, i) => {
        if (f && r[i] !== undefined) o[f] = r[i];
      });
      return o;
    });
  }
  const list = Array.isArray(body) ? body : (body as { orders?: unknown })?.orders;
  if (!Array.isArray(list))
    throw new HeweiError('VALIDATION_FAILED', { field: 'orders', rule: 'NOT_A_LIST' });
  return list.map((x) => {
    const o: Partial<Record<Field, string>> = {};
    if (x && typeof x === 'object')
      for (const [k, v] of Object.entries(x)) {
        const f = fieldOf(k);
        if (f && v !== null && v !== undefined) o[f] = String(v);
      }
    return o;
  });
}

function checkColumns(present: Field[]) {
  const missing = REQUIRED.find((f) => !present.includes(f));
  if (missing) throw new HeweiError('VALIDATION_FAILED', { field: missing, rule: 'MISSING_COLUMN' });
}

export function importsService(deps: AppDeps) {
  const { db, org, clock, pii } = deps;
  const ctx = () => ({ calendar: deps.calendar, deadlinePolicies: deps.deadlinePolicies });

  async function runHooks(tx: Tx, built: Built[]) {
    for (const hook of deps.hooks.caseWrite as (CaseWriteHook & { batch?: BatchHook })[]) {
      const changes = built.map((b) => ({
        before: b.before,
        after: b.state,
        event: b.events[b.events.length - 1],
      }));
      if (hook.batch) await hook.batch(tx, changes);
      else for (const c of changes) await hook(tx, c);
    }
  }

  return {
    /**
     * One upload: every row validated; the good ones written in one transaction (all or none),
     * the broken ones reported by row, field and code. With `strict`, one broken row refuses all.
     */
    async run(viewer: Viewer, source: string, rows: Partial<Record<Field, string>>[], strict: boolean) {
      const started = performance.now();
      const now = clock.now();
      const countyId = viewer.countyId;
      const errors: RowError[] = [];
      const orders: { o: WorkOrder; hash: string; row: number }[] = [];
      const seen = new Set<string>();
      const look = lookups(org, countyId);
      for (const [i, raw] of rows.entries()) {
        const row = i + 1;
        const r = validateRow(raw, row, look, now);
        if ('errors' in r) errors.push(...r.errors);
        else if (seen.has(r.order.orderId))
          errors.push({ row, orderId: r.order.orderId, field: 'order_id', code: 'DUPLICATE_IN_BATCH' });
        else {
          seen.add(r.order.orderId);
          orders.push({ o: r.order, hash: sha256(stableJson(raw)), row });
        }
      }
      const known = await repo.ordersFor(
        db,
        countyId,
        source,
        orders.map((x) => x.o.orderId),
      );
      const fresh: { b: Built; o: WorkOrder; hash: string }[] = [];
      const changed: { o: WorkOrder; hash: string; row: number; caseId: string }[] = [];
      let unchanged = 0;
      const p = { countyId, source, org, ctx: ctx(), now };
      for (const x of orders) {
        const k = known.get(x.o.orderId);
        if (k && k.rowHash === x.hash) unchanged++;
        else if (k) changed.push({ ...x, caseId: k.caseId });
        else
          try {
            fresh.push({ b: buildCase(x.o, null, p), o: x.o, hash: x.hash });
          } catch (e) {
            errors.push(rowError(x.row, x.o.orderId, e));
          }
      }
      if (strict && errors.length) return reject(errors, rows.length, started, source);
      const id = uuidv7(now.getTime());
      let updated = 0;
      await db
        .transaction(async (tx) => {
          await writeNew(tx, fresh, { countyId, source, batchId: id, now });
          const current = await repo.loadForUpdate(
            tx,
            countyId,
            changed.map((c) => c.caseId),
          );
          const moved: Built[] = [];
          for (const c of changed) {
            const before = current.get(c.caseId) as CaseState;
            if (STATUS_RANK[c.o.status] < rankOf(before)) {
              errors.push({ row: c.row, orderId: c.o.orderId, field: 'status', code: 'STATUS_REGRESSION' });
              continue;
            }
            try {
              const b = buildCase(c.o, before, p);
              if (b.events.length) moved.push(b);
              await tx
                .update(importOrders)
                .set({ rowHash: c.hash, sourceStatus: c.o.status, batchId: id, updatedAt: now })
                .where(
                  and(
                    eq(importOrders.countyId, countyId),
                    eq(importOrders.source, source),
                    eq(importOrders.orderId, c.o.orderId),
                  ),
                );
              updated++;
            } catch (e) {
              errors.push(rowError(c.row, c.o.orderId, e));
            }
          }
          if (strict && errors.length) throw new Rollback();
          await writeMoves(tx, moved);
          await runHooks(tx, [...fresh.map((f) => f.b), ...moved]);
          await repo.insertBatch(tx, {
            countyId,
            id,
            source,
            format: 'rows',
            uploadedBy: viewer.userId,
            status: 'done',
            rows: rows.length,
            created: fresh.length,
            updated,
            unchanged,
            failed: errors.length,
            errors: errors.slice(0, MAX_STORED_ERRORS),
            createdAt: now,
            ms: Math.round(performance.now() - started),
          });
        })
        .catch((e) => {
          if (!(e instanceof Rollback)) throw e;
        });
      if (strict && errors.length) return reject(errors, rows.length, started, source);
      return {
        id,
        source,
        rows: rows.length,
        created: fresh.length,
        updated,
        unchanged,
        failed: errors.length,
        errors,
        ms: Math.round(performance.now() - started),
      } satisfies ImportReport;
    },

    batch: (viewer: Viewer, id: string) => repo.batch(db, viewer.countyId, id),
  };

  async function writeNew(
    tx: Tx,
    fresh: { b: Built; o: WorkOrder; hash: string }[],
    m: { countyId: string; source: string; batchId: string; now: Date },
  ) {
    if (!fresh.length) return;
    await bulkInsert(
      tx,
      cases,
      fresh.map((f) => stateToRow(f.b.state)),
    );
    await bulkInsert(
      tx,
      assignments,
      fresh.flatMap((f) => assignmentRows(f.b.state)),
    );
    const parties = fresh.flatMap(({ b, o }) =>
      o.callerName || o.callerPhone
        ? [
            {
              countyId: m.countyId,
              id: uuidv7(Date.parse(b.state.createdAt)),
              caseId: b.state.id,
              role: 'applicant',
              name: o.callerName ?? '来电人',
              phone: pii.seal(o.callerPhone, PARTY_PURPOSE.phone),
              idNumber: null,
              address: null,
              position: 0,
              plainPhone: o.callerPhone,
            },
          ]
        : [],
    );
    await bulkInsert(tx, caseParties, parties);
    await bulkInsert(
      tx,
      partyPiiIndex,
      parties
        .filter((x) => x.plainPhone)
        .flatMap((x) => [
          { countyId: m.countyId, partyId: x.id, field: 'phone', digest: pii.blind('phone', x.plainPhone!) },
          {
            countyId: m.countyId,
            partyId: x.id,
            field: 'phone4',
            digest: pii.blind('phone4', x.plainPhone!.slice(-4)),
          },
        ]),
    );
    await bulkInsert(
      tx,
      caseEvents,
      fresh.flatMap(({ b }) => eventsOf(b)),
    );
    await bulkInsert(
      tx,
      importOrders,
      fresh.map(({ b, o, hash }) => ({
        countyId: m.countyId,
        source: m.source,
        orderId: o.orderId,
        caseId: b.state.id,
        sourceStatus: o.status,
        rowHash: hash,
        batchId: m.batchId,
        updatedAt: m.now,
      })),
    );
  }

  async function writeMoves(tx: Tx, moved: Built[]) {
    for (const b of moved) {
      const done = await tx
        .update(cases)
        .set(stateToRow(b.state))
        .where(
          and(
            eq(cases.countyId, b.state.countyId),
            eq(cases.id, b.state.id),
            eq(cases.version, b.before!.version),
          ),
        )
        .returning({ id: cases.id });
      if (!done.length) throw new HeweiError('VERSION_CONFLICT');
      await tx
        .delete(assignments)
        .where(and(eq(assignments.countyId, b.state.countyId), eq(assignments.caseId, b.state.id)));
    }
    await bulkInsert(
      tx,
      assignments,
      moved.flatMap((b) => assignmentRows(b.state)),
    );
    await bulkInsert(tx, caseEvents, moved.flatMap(eventsOf));
  }
}

type BatchHook = (tx: Tx, changes: Parameters<CaseWriteHook>[1][]) => Promise<void>;

/** Each event with the version it produced, as a live transition would. */
function eventsOf(b: Built) {
  const first = b.state.version - b.events.length + 1;
  return b.events.map((e, k) => eventRow({ ...b.state, version: first + k }, e));
}

const rankOf = (s: CaseState) =>
  s.closedAt ? 3 : ['submitted'].includes(s.status) ? 0 : s.status === 'accepted' ? 1 : 2;

class Rollback extends Error {}

function rowError(row: number, orderId: string, e: unknown): RowError {
  if (e instanceof StatusConflict)
    return { row, orderId, field: 'status', code: `STATUS_CONFLICT_${e.current.toUpperCase()}` };
  if (e instanceof HeweiError) return { row, orderId, field: e.field ?? 'status', code: e.rule ?? e.code };
  throw e;
}

/** A strict batch with a broken row: nothing written, the whole report returned. */
function reject(errors: RowError[], rows: number, started: number, source: string): ImportReport {
  return {
    id: null,
    source,
    rows,
    created: 0,
    updated: 0,
    unchanged: 0,
    failed: errors.length,
    errors,
    ms: Math.round(performance.now() - started),
  };
}
