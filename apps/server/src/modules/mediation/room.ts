// The video room: the server relays WebRTC signalling between the participants' browsers over a
// WebSocket (media flows browser to browser), keeps the text chat on the mediation timeline, tells
// everyone who shares a screen or document, and allows recording only with every participant's consent.
import websocket from '@fastify/websocket';
import { HeweiError } from '@hewei/domain';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../deps.ts';
import type { Viewer } from '../../http/access.ts';
import { sha256 } from '../../lib/crypto.ts';
import { type ParticipantRow, mediationRepository as repo, type SessionRow } from './mediation.repository.ts';

/** The part of a ws socket the room uses. */
interface WebSocket {
  readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  on(event: 'message', listener: (raw: Buffer) => void): void;
  on(event: 'close', listener: () => void): void;
}

interface Conn {
  p: ParticipantRow;
  socket: WebSocket;
}

/** STUN/TURN servers from HEWEI_ICE_SERVERS (JSON, RTCIceServer[]); none on a local network. */
export function iceServers(): { urls: string | string[]; username?: string; credential?: string }[] {
  try {
    const v = JSON.parse(process.env.HEWEI_ICE_SERVERS ?? '[]');
    return Array.isArray(v) ? v : [];
  } catch {
    return [];
  }
}

const MAX_CHAT = 2000;

/** Who is joining: an invitation token, or a signed-in participant of the session. */
export async function resolveParticipant(
  deps: AppDeps,
  sessionId: string,
  token: string | undefined,
  viewer: Viewer | null,
): Promise<{ p: ParticipantRow; s: SessionRow }> {
  let p: ParticipantRow | undefined;
  if (token) p = await repo.participantByToken(deps.db, sha256(token));
  else if (viewer) {
    const s = await repo.session(deps.db, viewer.countyId, sessionId);
    if (s) p = (await repo.participants(deps.db, s.countyId, s.id)).find((x) => x.userId === viewer.userId);
  }
  if (!p || p.sessionId !== sessionId) throw new HeweiError('NOT_FOUND');
  const s = (await repo.session(deps.db, p.countyId, p.sessionId))!;
  if (s.status === 'held' || s.status === 'cancelled')
    throw new HeweiError('RULE_VIOLATION', { rule: 'SESSION_OVER' });
  return { p, s };
}

export function roomRoutes(app: FastifyInstance, deps: AppDeps) {
  // one entry per live session: its connections and the session row as the room last wrote it
  const rooms = new Map<string, { conns: Map<string, Conn>; s: SessionRow }>();
  const key = (s: { countyId: string; id: string }) => `${s.countyId}:${s.id}`;
  const peerOf = (p: ParticipantRow) => ({ id: p.id, name: p.name, kind: p.kind });

  const log = (s: SessionRow, p: ParticipantRow, type: string, data: object) =>
    repo.appendEvent(deps.db, {
      countyId: s.countyId,
      mediationId: s.mediationId,
      at: deps.clock.now(),
      type,
      actorId: p.userId ?? `participant:${p.id}`,
      actorRole: p.kind,
      actorName: p.name,
      sessionId: s.id,
      data,
    });

  function broadcast(room: { conns: Map<string, Conn> }, msg: object, except?: string) {
    const text = JSON.stringify(msg);
    for (const [id, c] of room.conns) if (id !== except && c.socket.readyState === 1) c.socket.send(text);
  }

  async function recordingState(room: { conns: Map<string, Conn>; s: SessionRow }) {
    const all = await repo.participants(deps.db, room.s.countyId, room.s.id);
    const present = all.filter((p) => room.conns.has(p.id));
    const consents = present.map((p) => ({ id: p.id, name: p.name, consent: p.recordingConsent === true }));
    return { allowed: present.length > 0 && consents.every((c) => c.consent), consents };
  }

  app.register(async (scope) => {
    await scope.register(websocket, { options: { maxPayload: 256 * 1024 } });
    scope.get<{ Params: { sessionId: string }; Querystring: { token?: string } }>(
      '/api/v1/mediation/rooms/:sessionId/ws',
      { websocket: true, config: { access: 'public' }, schema: { hide: true } },
      async (
        socket: WebSocket,
        req: FastifyRequest<{ Params: { sessionId: string }; Querystring: { token?: string } }>,
      ) => {
        let joined: { p: ParticipantRow; s: SessionRow };
        try {
          joined = await resolveParticipant(deps, req.params.sessionId, req.query.token, req.viewer);
        } catch (e) {
          socket.close(e instanceof HeweiError && e.code === 'RULE_VIOLATION' ? 4409 : 4404, 'not admitted');
          return;
        }
        const { p } = joined;
        const k = key(joined.s);
        const room = rooms.get(k) ?? { conns: new Map<string, Conn>(), s: joined.s };
        rooms.set(k, room);
        const setSession = async (set: Partial<SessionRow>) => {
          await repo.updateSession(deps.db, room.s, set);
          room.s = { ...room.s, ...set };
        };
        room.conns.get(p.id)?.socket.close(4000, 'joined elsewhere');
        room.conns.set(p.id, { p, socket });
        const now = deps.clock.now();
        await repo.updateParticipant(deps.db, p, { joinedAt: p.joinedAt ?? now });
        if (room.s.status === 'scheduled' && p.kind === 'mediator')
          await setSession({ status: 'in_progress', startedAt: now });
        await log(room.s, p, 'session.joined', { participantId: p.id, kind: p.kind });
        if (room.s.recording === 'on' && p.recordingConsent !== true) {
          // someone who has not consented is here: recording stops at once
          await setSession({ recording: 'off' });
          await log(room.s, p, 'recording.stopped', { reason: 'participant_without_consent' });
          broadcast(room, { type: 'recording', state: 'off', ...(await recordingState(room)) }, p.id);
        }
        const peers = [...room.conns.values()].filter((c) => c.p.id !== p.id).map((c) => peerOf(c.p));
        socket.send(
          JSON.stringify({
            type: 'welcome',
            you: peerOf(p),
            peers,
            iceServers: iceServers(),
            recording: { state: room.s.recording, ...(await recordingState(room)) },
          }),
        );
        broadcast(room, { type: 'peer-joined', peer: peerOf(p) }, p.id);

        socket.on('message', async (raw: Buffer) => {
          let msg: {
            type?: string;
            to?: string;
            data?: unknown;
            text?: string;
            state?: string;
            title?: string;
            consent?: boolean;
          };
          try {
            msg = JSON.parse(raw.toString('utf8'));
          } catch {
            return;
          }
          try {
            if (msg.type === 'signal' && typeof msg.to === 'string') {
              const target = room.conns.get(msg.to);
              if (target?.socket.readyState === 1)
                target.socket.send(JSON.stringify({ type: 'signal', from: p.id, data: msg.data }));
            } else if (msg.type === 'chat' && typeof msg.text === 'string' && msg.text.trim()) {
              const text = msg.text.trim().slice(0, MAX_CHAT);
              const e = await log(room.s, p, 'chat.message', { text, participantId: p.id });
              broadcast(room, {
                type: 'chat',
                id: e.id,
                from: p.id,
                name: p.name,
                text,
                at: e.at.toISOString(),
              });
            } else if (msg.type === 'share' && ['screen', 'document', 'off'].includes(msg.state ?? '')) {
              await log(room.s, p, 'session.shared', { state: msg.state, title: msg.title ?? null });
              broadcast(
                room,
                { type: 'share', from: p.id, state: msg.state, title: msg.title ?? null },
                p.id,
              );
            } else if (msg.type === 'recording-consent' && typeof msg.consent === 'boolean') {
              await repo.updateParticipant(deps.db, p, { recordingConsent: msg.consent });
              p.recordingConsent = msg.consent;
              await log(room.s, p, 'recording.consent', { consent: msg.consent });
              if (!msg.consent && room.s.recording === 'on') {
                await setSession({ recording: 'off' });
                await log(room.s, p, 'recording.stopped', { reason: 'consent_withdrawn' });
              }
              broadcast(room, {
                type: 'recording',
                state: room.s.recording,
                ...(await recordingState(room)),
              });
            } else if (msg.type === 'recording-start' || msg.type === 'recording-stop') {
              const state = await recordingState(room);
              if (p.kind !== 'mediator') throw new HeweiError('FORBIDDEN');
              if (msg.type === 'recording-start' && !state.allowed)
                return socket.send(
                  JSON.stringify({
                    type: 'error',
                    rule: 'RECORDING_NEEDS_CONSENT',
                    consents: state.consents,
                  }),
                );
              const next = msg.type === 'recording-start' ? 'on' : 'off';
              await setSession({ recording: next });
              await log(room.s, p, next === 'on' ? 'recording.started' : 'recording.stopped', {});
              broadcast(room, { type: 'recording', state: next, ...state });
            }
          } catch (e) {
            socket.send(
              JSON.stringify({
                type: 'error',
                rule: e instanceof HeweiError ? (e.rule ?? e.code) : 'INTERNAL',
              }),
            );
          }
        });
        socket.on('close', async () => {
          if (room.conns.get(p.id)?.socket !== socket) return;
          room.conns.delete(p.id);
          broadcast(room, { type: 'peer-left', id: p.id });
          if (room.conns.size === 0) rooms.delete(k);
          await log(room.s, p, 'session.left', { participantId: p.id }).catch(() => {});
        });
      },
    );
  });
}
