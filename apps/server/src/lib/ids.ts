import { randomBytes } from 'node:crypto';

/** UUID v7: time-ordered, so new rows land at the end of their indexes. */
export function uuidv7(nowMs = Date.now(), random: (n: number) => Buffer = randomBytes): string {
  const b = random(16);
  b.writeUIntBE(nowMs, 0, 6);
  b[6] = (b[6] & 0x0f) | 0x70;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A tracking code a resident can read out on the phone: date plus six unambiguous characters. */
export function trackingCode(at: Date, random: (n: number) => Buffer = randomBytes): string {
  const d = new Date(at.getTime() + 8 * 3600_000).toISOString();
  const date = `${d.slice(2, 4)}${d.slice(5, 7)}${d.slice(8, 10)}`;
  const r = random(6);
  let tail = '';
  for (const x of r) tail += CROCKFORD[x & 31];
  return `HW${date}-${tail}`;
}
