import { type CaseState, HeweiError } from '@hewei/domain';
import type { Tx } from '../../db/client.ts';
import type { AppDeps } from '../../deps.ts';
import type { Viewer } from '../../http/access.ts';
import { sha256, stableJson } from '../../lib/crypto.ts';
import { uuidv7 } from '../../lib/ids.ts';
import { runCaseWriteHooksBatch } from '../cases/case-hooks.ts';
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
import { importsRepository as repo } from './imports.repository.ts';
import { writeMoves, writeNew } from './imports.write.ts';

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

  const runHooks = (tx: Tx, built: Built[]) =>
    runCaseWriteHooksBatch(
      deps,
      tx,
      built.map((b) => ({ before: b.before, after: b.state, event: b.events[b.events.length - 1] })),
    );

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
          await writeNew(tx, pii, fresh, { countyId, source, batchId: id, now });
          const current = await repo.loadForUpdate(
            tx,
            countyId,
            changed.map((c) => c.caseId),
          );
          const moved: Built[] = [];
          const reimported: { orderId: string; hash: string; status: string }[] = [];
          for (const c of changed) {
            const before = current.get(c.caseId) as CaseState;
            if (STATUS_RANK[c.o.status] < rankOf(before)) {
              errors.push({ row: c.row, orderId: c.o.orderId, field: 'status', code: 'STATUS_REGRESSION' });
              continue;
            }
            try {
              const b = buildCase(c.o, before, p);
              if (b.events.length) moved.push(b);
              reimported.push({ orderId: c.o.orderId, hash: c.hash, status: c.o.status });
            } catch (e) {
              errors.push(rowError(c.row, c.o.orderId, e));
            }
          }
          if (strict && errors.length) throw new Rollback();
          updated = reimported.length;
          await repo.updateOrders(tx, { countyId, source, batchId: id, now }, reimported);
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
