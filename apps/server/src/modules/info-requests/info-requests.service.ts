import { HeweiError } from '@hewei/domain';
import type { AppDeps } from '../../deps.ts';
import type { Viewer } from '../../http/access.ts';
import { newToken, sha256 } from '../../lib/crypto.ts';
import { uuidv7 } from '../../lib/ids.ts';
import { openParty } from '../../lib/pii/columns.ts';
import { casesRepository } from '../cases/cases.repository.ts';
import { casesService } from '../cases/cases.service.ts';
import { notificationsRepository } from '../notifications/notifications.repository.ts';
import { infoRequestText } from '../notifications/notifications.templates.ts';
import { stepCase } from './case-step.ts';
import { type InfoRequestRow, infoRequestsRepository as repo } from './info-requests.repository.ts';

const HOUR = 3600_000;
/** Where the resident answers: the portal page that takes the token (no sign-in). */
export const INFO_LINK_PATH = '/portal/info/';

/**
 * The handler (or dispatcher) asks the resident for more information. The resident receives a
 * single-use link that expires; only the token's sha-256 is stored. Asking and answering are
 * steps of the case (requestInfo, receiveInfo), so both stand on its timeline.
 */
export function infoRequestsService(deps: AppDeps) {
  const { db, clock, pii } = deps;
  const cases = casesService(deps);

  /** A link that is unknown, used or expired is refused, each with its own code. */
  async function usable(token: string) {
    const row = await repo.byTokenHash(db, sha256(token));
    if (!row) throw new HeweiError('NOT_FOUND', { field: 'token', rule: 'INFO_LINK_UNKNOWN' });
    if (row.answeredAt) throw new HeweiError('RULE_VIOLATION', { rule: 'INFO_LINK_USED' });
    if (row.expiresAt <= clock.now()) throw new HeweiError('RULE_VIOLATION', { rule: 'INFO_LINK_EXPIRED' });
    return row;
  }

  /** Texts the link to the applicant's phone unless they opted out; false when nobody was texted. */
  async function textLink(countyId: string, caseId: string, code: string, link: string, hours: number) {
    const parties = (await casesRepository.parties(db, countyId, caseId)).map((p) => openParty(pii, p));
    const phone = parties.find((p) => p.role === 'applicant' && p.phone)?.phone;
    if (!phone) return false;
    if (await notificationsRepository.optedOut(db, countyId, pii.blind('phone', phone))) return false;
    const body = infoRequestText('zh-CN', { code, link, hours });
    await deps.sms.send({ phone, body, purpose: 'case.info_requested' }, clock.now());
    return true;
  }

  return {
    async ask(viewer: Viewer, caseId: string, question: string, hours: number, baseUrl: string) {
      const state = await cases.get(viewer, caseId);
      // who cannot see the case learns nothing (404); who sees it without the role is refused (403)
      if (viewer.role !== 'dispatcher' && viewer.role !== 'handler')
        throw new HeweiError('FORBIDDEN', { rule: 'ROLE_NOT_ALLOWED' });
      const now = clock.now();
      if (await repo.openFor(db, state.countyId, caseId, now))
        throw new HeweiError('RULE_VIOLATION', { rule: 'INFO_REQUEST_OPEN' });
      const token = newToken();
      const row: InfoRequestRow = {
        countyId: state.countyId,
        id: uuidv7(now.getTime()),
        caseId,
        tokenHash: sha256(token),
        question,
        requestedBy: viewer.userId,
        requestedAt: now,
        expiresAt: new Date(now.getTime() + hours * HOUR),
        answeredAt: null,
      };
      await db.transaction(async (tx) => {
        await stepCase(deps, tx, viewer, state.countyId, caseId, 'requestInfo', {
          infoRequestId: row.id,
          note: question,
          expiresAt: row.expiresAt.toISOString(),
        });
        await repo.insert(tx, row);
      });
      const link = `${baseUrl}${INFO_LINK_PATH}${token}`;
      const smsSent = await textLink(state.countyId, caseId, state.trackingCode, link, hours);
      return { row, link, smsSent };
    },

    async list(viewer: Viewer, caseId: string) {
      const state = await cases.get(viewer, caseId);
      return repo.list(db, state.countyId, caseId);
    },

    /** What the resident sees behind the link: the question and what the case is about. */
    async show(token: string) {
      const row = await usable(token);
      const state = await casesRepository.loadCase(db, row.countyId, row.caseId);
      return { row, categoryCode: state?.categoryCode ?? '' };
    },

    async answer(token: string, answer: string) {
      const row = await usable(token);
      await db.transaction(async (tx) => {
        const used = await repo.markAnswered(tx, row.tokenHash, clock.now());
        if (!used) throw new HeweiError('RULE_VIOLATION', { rule: 'INFO_LINK_USED' });
        await stepCase(deps, tx, 'system', row.countyId, row.caseId, 'receiveInfo', {
          infoRequestId: row.id,
          note: answer,
        });
      });
      return { answeredAt: clock.now() };
    },
  };
}
