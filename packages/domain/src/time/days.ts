// Day arithmetic on "day numbers": whole days since 1970-01-01 in the calendar's own (fixed-offset) zone.
// Pure integer maths, no Date objects on the hot path.

export const MINUTE_MS = 60_000;
export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Day number of a 'YYYY-MM-DD' date, or NaN when the text is not a real calendar date. */
export function parseDay(date: string): number {
  const m = DATE_RE.exec(date);
  if (m === null) return Number.NaN;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1 || d > 31) return Number.NaN;
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  // Date.UTC rolls 2023-02-30 over to March; a real date survives the round trip.
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d)
    return Number.NaN;
  return ms / DAY_MS;
}

/** 'YYYY-MM-DD' of a day number. */
export function formatDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** Year of a day number (proleptic Gregorian; integer arithmetic after H. Hinnant's civil_from_days). */
export function yearOfDay(day: number): number {
  const z = day + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const year = yoe + era * 400;
  return mp >= 10 ? year + 1 : year; // mp 10, 11 are January and February of the next civil year
}

/** 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export function dayOfWeek(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

export function isWeekday(day: number): boolean {
  const dow = dayOfWeek(day);
  return dow !== 0 && dow !== 6;
}

/** Number of Monday–Friday days in [a, b), for a <= b. O(1): whole weeks, then at most 6 single days. */
export function weekdaysBetween(a: number, b: number): number {
  const span = b - a;
  const weeks = Math.floor(span / 7);
  let count = weeks * 5;
  for (let d = a + weeks * 7; d < b; d++) if (isWeekday(d)) count++;
  return count;
}

/** The j-th (0-based) Monday–Friday day on or after `start`. */
export function nthWeekdayFrom(start: number, j: number): number {
  let d = start;
  while (!isWeekday(d)) d++;
  const weeks = Math.floor(j / 5);
  d += weeks * 7;
  let left = j - weeks * 5;
  while (left > 0) {
    d++;
    if (isWeekday(d)) left--;
  }
  return d;
}

/** The Monday–Friday day d < end with exactly j (>= 1) weekdays in [d, end). */
export function nthWeekdayBefore(end: number, j: number): number {
  let d = end - 1;
  while (!isWeekday(d)) d--;
  const rest = j - 1;
  const weeks = Math.floor(rest / 5);
  d -= weeks * 7;
  let left = rest - weeks * 5;
  while (left > 0) {
    d--;
    if (isWeekday(d)) left--;
  }
  return d;
}
