// Invitations to a session: each participant but the mediators gets a room link with its own
// token (only its hash is stored); a new link for someone invited, someone more invited mid-session.
import { HeweiError } from '@hewei/domain';
import type { AppDeps } from '../../deps.ts';
import type { Viewer } from '../../http/access.ts';
import { newToken, sha256 } from '../../lib/crypto.ts';
import { uuidv7 } from '../../lib/ids.ts';
import { assertMediator } from './mediation.policy.ts';
import { type ParticipantRow, mediationRepository as repo, type SessionRow } from './mediation.repository.ts';
import type { MediationService } from './mediation.service.ts';

export type ParticipantKind = 'party' | 'mediator' | 'expert' | 'counsellor' | 'judge' | 'observer';

export function sessionInvites(
  deps: AppDeps,
  mediations: MediationService,
  loadSession: (
    viewer: Viewer,
    sessionId: string,
  ) => Promise<{ s: SessionRow; view: Awaited<ReturnType<MediationService['load']>> }>,
) {
  const { db, clock } = deps;

  function participant(
    s: SessionRow,
    kind: ParticipantKind,
    name: string,
    by: string,
    extra: Partial<ParticipantRow> = {},
  ) {
    const token = kind === 'mediator' ? null : newToken();
    const row: ParticipantRow = {
      countyId: s.countyId,
      id: uuidv7(clock.now().getTime()),
      sessionId: s.id,
      kind,
      userId: null,
      partyId: null,
      name,
      tokenHash: token ? sha256(token) : null,
      invitedBy: by,
      invitedAt: clock.now(),
      joinedAt: null,
      recordingConsent: null,
      ...extra,
    };
    return { row, token };
  }

  const link = (s: SessionRow, token: string | null) =>
    token ? `/mediation/room/${s.id}?token=${token}` : `/mediation/room/${s.id}`;

  return {
    participant,
    link,
    /** A new invitation link for someone already invited (the old one stops working). */
    async reissueLink(viewer: Viewer, sessionId: string, participantId: string) {
      const { s, view } = await loadSession(viewer, sessionId);
      assertMediator(viewer, view);
      const p = (await repo.participants(db, s.countyId, s.id)).find((x) => x.id === participantId);
      if (!p || p.kind === 'mediator') throw new HeweiError('NOT_FOUND');
      const token = newToken();
      await repo.updateParticipant(db, p, { tokenHash: sha256(token) });
      await mediations.log(db, viewer, view.m, 'session.link_issued', { participantId, name: p.name }, s.id);
      return link(s, token);
    },

    /** Invite someone more, even while the session runs (an expert joining mid-session). */
    async invite(
      viewer: Viewer,
      sessionId: string,
      input: { userId?: string; kind?: 'expert' | 'counsellor' | 'judge' | 'observer'; name?: string },
    ) {
      const { s, view } = await loadSession(viewer, sessionId);
      assertMediator(viewer, view);
      if (s.status === 'held' || s.status === 'cancelled')
        throw new HeweiError('RULE_VIOLATION', { rule: 'SESSION_OVER' });
      let made: { row: ParticipantRow; token: string | null };
      if (input.userId) {
        const u = (await repo.users(db, [input.userId])).get(input.userId);
        if (!u || u.countyId !== viewer.countyId || !['expert', 'counsellor', 'mediator'].includes(u.role))
          throw new HeweiError('VALIDATION_FAILED', {
            field: 'userId',
            rule: 'UNKNOWN_POOL_MEMBER',
            params: { id: input.userId },
          });
        made = participant(
          s,
          u.role === 'counsellor' ? 'counsellor' : 'expert',
          u.displayName,
          viewer.userId,
          { userId: u.id },
        );
      } else {
        if (!input.kind || !input.name?.trim()) throw new HeweiError('VALIDATION_FAILED', { field: 'name' });
        made = participant(s, input.kind, input.name.trim(), viewer.userId);
      }
      await db.transaction(async (tx) => {
        await repo.insertParticipants(tx, [made.row]);
        await mediations.log(
          tx,
          viewer,
          view.m,
          'session.invited',
          { kind: made.row.kind, name: made.row.name },
          s.id,
        );
        if (made.row.userId)
          await mediations.notify(tx, s.countyId, view.c.id, [made.row.userId], 'mediation.session_invited', {
            sessionId: s.id,
          });
      });
      return {
        participantId: made.row.id,
        kind: made.row.kind,
        name: made.row.name,
        link: link(s, made.token),
      };
    },
  };
}
