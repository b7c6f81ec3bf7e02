// Sessions (调解会) in person or by video: the parties, the mediators and invited experts,
// counsellors or a judge; reminders written with the session; minutes and the step's outcome.
// The invitations and room links: session-invites.ts.
import { HeweiError } from '@hewei/domain';
import type { AppDeps } from '../../deps.ts';
import type { Viewer } from '../../http/access.ts';
import { uuidv7 } from '../../lib/ids.ts';
import { REMINDER_PHONE_PURPOSE } from '../../lib/pii/columns.ts';
import { partiesOf } from './case-link.ts';
import { assertMediator, assertOpen, assertSee } from './mediation.policy.ts';
import { mediationRepository as repo, type SessionRow } from './mediation.repository.ts';
import type { MediationService } from './mediation.service.ts';
import { sessionInvites } from './session-invites.ts';
import { textSessionInvites } from './session-sms.ts';

export type { ParticipantKind } from './session-invites.ts';

const HOUR = 3600_000;

export interface ScheduleInput {
  mode: 'in_person' | 'video';
  scheduledAt: string;
  durationMinutes: number;
  place?: string;
  /** experts and counsellors with accounts, invited from the pools */
  inviteUserIds: string[];
  /** people without an account (a judge, an outside expert): they join by link */
  guests: { kind: 'expert' | 'counsellor' | 'judge' | 'observer'; name: string }[];
}

export function sessionsService(deps: AppDeps, mediations: MediationService) {
  const { db, clock } = deps;

  async function loadSession(viewer: Viewer, sessionId: string) {
    const s = await repo.session(db, viewer.countyId, sessionId);
    if (!s) throw new HeweiError('NOT_FOUND');
    const view = await mediations.load(db, viewer, s.mediationId);
    return { s, view };
  }

  const { participant, link, ...invites } = sessionInvites(deps, mediations, loadSession);

  return {
    loadSession,

    /** `origin` makes the links texted to parties without an account whole (https://host). */
    async schedule(viewer: Viewer, mediationId: string, input: ScheduleInput, origin = '') {
      const at = new Date(input.scheduledAt);
      const now = clock.now();
      if (Number.isNaN(at.getTime()) || at.getTime() < now.getTime() - 5 * 60_000)
        throw new HeweiError('VALIDATION_FAILED', { field: 'scheduledAt', rule: 'SESSION_IN_PAST' });
      if (input.mode === 'in_person' && !input.place?.trim())
        throw new HeweiError('VALIDATION_FAILED', { field: 'place' });
      const done = await db.transaction(async (tx) => {
        const view = await mediations.load(tx, viewer, mediationId, true);
        assertOpen(view, 'active');
        assertMediator(viewer, view);
        const invitees = await repo.users(tx, input.inviteUserIds);
        for (const id of input.inviteUserIds) {
          const u = invitees.get(id);
          if (!u || u.countyId !== viewer.countyId || !['expert', 'counsellor', 'mediator'].includes(u.role))
            throw new HeweiError('VALIDATION_FAILED', {
              field: 'inviteUserIds',
              rule: 'UNKNOWN_POOL_MEMBER',
              params: { id },
            });
        }
        const s: SessionRow = {
          countyId: view.m.countyId,
          id: uuidv7(now.getTime()),
          mediationId,
          mode: input.mode,
          step: view.m.step,
          scheduledAt: at,
          durationMinutes: input.durationMinutes,
          place: input.place?.trim() || null,
          status: 'scheduled',
          minutes: null,
          outcome: null,
          recording: 'off',
          createdBy: viewer.userId,
          createdAt: now,
          startedAt: null,
          endedAt: null,
        };
        await repo.insertSession(tx, s);
        const parties = await partiesOf(deps, tx, s.countyId, view.c.id);
        const mediatorIds = view.links.filter((l) => l.status === 'accepted').map((l) => l.userId);
        const mediatorUsers = await repo.users(tx, mediatorIds);
        const made = [
          ...parties.map((p) =>
            participant(s, 'party', p.name, viewer.userId, {
              partyId: p.id,
              userId: p.role === 'applicant' ? view.c.applicantUserId : null,
            }),
          ),
          ...mediatorIds.map((id) =>
            participant(s, 'mediator', mediatorUsers.get(id)?.displayName ?? id, viewer.userId, {
              userId: id,
            }),
          ),
          ...input.inviteUserIds.map((id) => {
            const u = invitees.get(id)!;
            return participant(
              s,
              u.role === 'counsellor' ? 'counsellor' : 'expert',
              u.displayName,
              viewer.userId,
              { userId: id },
            );
          }),
          ...input.guests.map((g) => participant(s, g.kind, g.name, viewer.userId)),
        ];
        await repo.insertParticipants(
          tx,
          made.map((x) => x.row),
        );
        const when = new Date(at.getTime() + 8 * HOUR).toISOString().slice(0, 16).replace('T', ' ');
        const text = `【和为贵】调解会提醒：您的纠纷调解定于${when}${input.mode === 'video' ? '在线视频' : `在${s.place}`}进行，请准时参加。`;
        const reminders = [];
        for (const before of [24 * HOUR, HOUR]) {
          const dueAt = new Date(at.getTime() - before);
          if (dueAt.getTime() <= now.getTime()) continue;
          for (const x of made) {
            const phone = x.row.partyId ? (parties.find((p) => p.id === x.row.partyId)?.phone ?? null) : null;
            if (!x.row.userId && !phone) continue;
            reminders.push({
              countyId: s.countyId,
              id: uuidv7(now.getTime()),
              mediationId,
              sessionId: s.id,
              userId: x.row.userId,
              phone: deps.pii.seal(phone, REMINDER_PHONE_PURPOSE),
              // the room link's token is never stored (only its hash): the reminder points to the invitation
              body: x.token && input.mode === 'video' ? `${text}入会链接见邀请短信或消息。` : text,
              dueAt,
              sentAt: null,
            });
          }
        }
        await repo.insertReminders(tx, reminders);
        await mediations.log(
          tx,
          viewer,
          view.m,
          'session.scheduled',
          {
            mode: s.mode,
            scheduledAt: at.toISOString(),
            place: s.place,
            step: s.step,
            invited: made.map((x) => ({ kind: x.row.kind, name: x.row.name })),
          },
          s.id,
        );
        await mediations.notify(
          tx,
          s.countyId,
          view.c.id,
          made.map((x) => x.row.userId).filter((x): x is string => !!x),
          'mediation.session_scheduled',
          {
            mediationId,
            sessionId: s.id,
            scheduledAt: at.toISOString(),
          },
        );
        // a party without an account has no in-app notice: their link goes by SMS
        const texts = made.flatMap((x) => {
          const phone = parties.find((p) => p.id === x.row.partyId && !x.row.userId)?.phone;
          return phone ? [{ phone, link: s.mode === 'video' ? `${origin}${link(s, x.token)}` : null }] : [];
        });
        return {
          session: s,
          texts,
          links: made.map((x) => ({
            participantId: x.row.id,
            kind: x.row.kind,
            name: x.row.name,
            link: link(s, x.token),
          })),
        };
      });
      const { texts, ...out } = done;
      await textSessionInvites(deps, out.session.countyId, out.session.scheduledAt, out.session.place, texts);
      return out;
    },

    ...invites,

    async list(viewer: Viewer, mediationId: string) {
      const view = await mediations.load(db, viewer, mediationId);
      assertSee(viewer, view);
      const sessions = await repo.sessions(db, view.m.countyId, mediationId);
      return Promise.all(
        sessions.map(async (s) => ({ s, participants: await repo.participants(db, s.countyId, s.id) })),
      );
    },

    /** Minutes and the outcome of the step; a failed step climbs the ladder. */
    async recordMinutes(
      viewer: Viewer,
      sessionId: string,
      input: { minutes: string; outcome: 'agreement' | 'continued' | 'failed' },
    ) {
      return db.transaction(async (tx) => {
        const s = await repo.session(tx, viewer.countyId, sessionId);
        if (!s) throw new HeweiError('NOT_FOUND');
        const view = await mediations.load(tx, viewer, s.mediationId, true);
        assertOpen(view, 'active');
        assertMediator(viewer, view);
        if (s.status === 'held' || s.status === 'cancelled')
          throw new HeweiError('RULE_VIOLATION', { rule: 'SESSION_OVER' });
        const now = clock.now();
        await repo.updateSession(tx, s, {
          status: 'held',
          minutes: input.minutes,
          outcome: input.outcome,
          startedAt: s.startedAt ?? now,
          endedAt: now,
        });
        await mediations.log(
          tx,
          viewer,
          view.m,
          'session.minutes_recorded',
          { outcome: input.outcome, minutes: input.minutes },
          s.id,
        );
        await repo.cancelReminders(tx, s.countyId, s.id, now);
        if (input.outcome !== 'failed') return { step: view.m.step, outcome: input.outcome };
        // a failed step moves the dispute up the ladder; past county joint it is referred
        const top = view.m.step === 'county_joint';
        const step = top ? 'adjudication' : await mediations.climb(tx, viewer, view, '本次调解未能达成协议');
        return { step, outcome: input.outcome };
      });
    },

    async cancel(viewer: Viewer, sessionId: string, reason: string) {
      return db.transaction(async (tx) => {
        const s = await repo.session(tx, viewer.countyId, sessionId);
        if (!s) throw new HeweiError('NOT_FOUND');
        const view = await mediations.load(tx, viewer, s.mediationId);
        assertMediator(viewer, view);
        if (s.status !== 'scheduled') throw new HeweiError('RULE_VIOLATION', { rule: 'SESSION_OVER' });
        await repo.updateSession(tx, s, { status: 'cancelled' });
        await repo.cancelReminders(tx, s.countyId, s.id, clock.now());
        await mediations.log(tx, viewer, view.m, 'session.cancelled', { reason }, s.id);
      });
    },
  };
}

export type SessionsService = ReturnType<typeof sessionsService>;
