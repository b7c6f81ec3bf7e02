// A party without an account (the respondent the applicant named) hears of a session by SMS at
// once, with their own room link. Sent straight to the gateway after the commit, not through the
// outbox: the link's token is never stored, only its hash. An opted-out number is not texted.
import type { AppDeps } from '../../deps.ts';
import { notificationsRepository } from '../notifications/notifications.repository.ts';

export interface SessionInvite {
  phone: string;
  link: string | null;
}

const HOUR = 3600_000;

export function sessionInviteText(at: Date, place: string | null, link: string | null): string {
  const when = new Date(at.getTime() + 8 * HOUR).toISOString().slice(0, 16).replace('T', ' ');
  const where = link ? `在线视频调解，入会链接：${link}` : `在${place ?? ''}调解`;
  return `【和为贵】您被邀请参加一起纠纷的调解会，时间${when}，${where}。回复TD退订`;
}

/** Texts each invitation; returns how many went out. */
export async function textSessionInvites(
  deps: AppDeps,
  countyId: string,
  at: Date,
  place: string | null,
  invites: SessionInvite[],
): Promise<number> {
  let sent = 0;
  for (const x of invites) {
    if (await notificationsRepository.optedOut(deps.db, countyId, deps.pii.blind('phone', x.phone))) continue;
    const body = sessionInviteText(at, place, x.link);
    await deps.sms.send({ phone: x.phone, body, purpose: 'mediation.session_invited' }, deps.clock.now());
    sent++;
  }
  return sent;
}
