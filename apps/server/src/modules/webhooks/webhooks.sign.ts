import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * How a webhook body is signed, for the receiving system to check:
 *   X-Hewei-Timestamp: <unix seconds>
 *   X-Hewei-Signature: sha256=<hex HMAC-SHA256(secret, "<timestamp>.<raw body>")>
 * The timestamp inside the signed text lets a receiver refuse replays older than a few minutes.
 */
export const SIGNATURE_HEADER = 'x-hewei-signature';
export const TIMESTAMP_HEADER = 'x-hewei-timestamp';
export const EVENT_HEADER = 'x-hewei-event';
export const DELIVERY_HEADER = 'x-hewei-delivery';

export function signBody(secret: string, timestamp: number, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/** What a receiver does: constant-time comparison of the signature it was sent. */
export function verifySignature(secret: string, timestamp: string, body: string, signature: string): boolean {
  const t = Number(timestamp);
  if (!Number.isInteger(t)) return false;
  const expected = Buffer.from(signBody(secret, t, body));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/** Retry schedule after a failed attempt n (1-based); after the last, the delivery has failed. */
const BACKOFF_MS = [
  60_000,
  5 * 60_000,
  30 * 60_000,
  2 * 3600_000,
  6 * 3600_000,
  12 * 3600_000,
  24 * 3600_000,
];
export const MAX_ATTEMPTS = BACKOFF_MS.length + 1;
export const backoffAfter = (attempt: number): number | null =>
  attempt >= MAX_ATTEMPTS ? null : BACKOFF_MS[Math.max(0, attempt - 1)];
