import type { CaseState } from '@hewei/domain';
import { bulkInsert } from '../../db/bulk.ts';
import type { Tx } from '../../db/client.ts';
import {
  assignments,
  caseEvents,
  caseParties,
  cases,
  importOrders,
  partyPiiIndex,
} from '../../db/schema/index.ts';
import { uuidv7 } from '../../lib/ids.ts';
import { PARTY_PURPOSE } from '../../lib/pii/columns.ts';
import type { Pii } from '../../lib/pii/keyring.ts';
import { assignmentRows, eventRow, stateToRow } from '../cases/cases.repository.ts';
import type { Built } from './imports.build.ts';
import type { WorkOrder } from './imports.mapping.ts';
import { importsRepository as repo } from './imports.repository.ts';

/**
 * The rows of an import batch, set-based: a few statements per table for every new case (case
 * rows, assignments, parties and their blind indexes, timeline events, the order ids that make a
 * re-import idempotent), and for the cases a re-import moved on.
 */
export async function writeNew(
  tx: Tx,
  pii: Pii,
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

export async function writeMoves(tx: Tx, moved: Built[]) {
  await repo.saveMoved(
    tx,
    moved.map((b) => ({ before: b.before as CaseState, after: b.state })),
  );
  await bulkInsert(
    tx,
    assignments,
    moved.flatMap((b) => assignmentRows(b.state)),
  );
  await bulkInsert(tx, caseEvents, moved.flatMap(eventsOf));
}

/** Each event with the version it produced, as a live transition would. */
function eventsOf(b: Built) {
  const first = b.state.version - b.events.length + 1;
  return b.events.map((e, k) => eventRow({ ...b.state, version: first + k }, e));
}
