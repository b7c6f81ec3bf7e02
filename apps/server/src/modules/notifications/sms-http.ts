import type { SmsGateway } from '../../lib/sms.ts';

/**
 * A real SMS provider over HTTP: one JSON POST per message,
 *   POST <url>  Authorization: Bearer <token>  Content-Type: application/json
 *   {"to":"13800000001","text":"【和为贵】…","purpose":"case.accepted","sender":"和为贵"}
 * Any 2xx is accepted; anything else (or no answer within the timeout) throws, so the outbox
 * keeps the message and sends it again after its lease (at least once, never lost). A provider
 * with its own request format sits behind a small relay, or a sibling of this adapter.
 * Configured by HEWEI_SMS_URL (required to switch it on), HEWEI_SMS_TOKEN, HEWEI_SMS_SENDER;
 * without HEWEI_SMS_URL the local sink records messages (the default).
 */
export interface HttpSmsConfig {
  url: string;
  token?: string;
  sender?: string;
  timeoutMs?: number;
}

export function httpSmsGateway(cfg: HttpSmsConfig): SmsGateway {
  const url = new URL(cfg.url);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error('HEWEI_SMS_URL must be http(s)');
  return {
    async send(msg) {
      const res = await fetch(url, {
        method: 'POST',
        redirect: 'error',
        signal: AbortSignal.timeout(cfg.timeoutMs ?? 10_000),
        headers: {
          'content-type': 'application/json; charset=utf-8',
          ...(cfg.token ? { authorization: `Bearer ${cfg.token}` } : {}),
        },
        body: JSON.stringify({
          to: msg.phone,
          text: msg.body,
          purpose: msg.purpose,
          sender: cfg.sender ?? '和为贵',
        }),
      });
      if (!res.ok) {
        const detail = (await res.text().catch(() => '')).slice(0, 200);
        throw new Error(`SMS provider answered ${res.status} ${detail}`.trim());
      }
      await res.body?.cancel().catch(() => undefined);
    },
  };
}

/** The HTTP adapter when HEWEI_SMS_URL is set; undefined keeps the local sink. */
export function smsGatewayFromEnv(env: NodeJS.ProcessEnv): SmsGateway | undefined {
  if (!env.HEWEI_SMS_URL) return undefined;
  return httpSmsGateway({
    url: env.HEWEI_SMS_URL,
    token: env.HEWEI_SMS_TOKEN || undefined,
    sender: env.HEWEI_SMS_SENDER || undefined,
    timeoutMs: env.HEWEI_SMS_TIMEOUT_MS ? Number(env.HEWEI_SMS_TIMEOUT_MS) : undefined,
  });
}
