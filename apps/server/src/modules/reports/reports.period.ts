import { HeweiError } from '@hewei/domain';

export interface Period {
  label: string;
  from: Date;
  to: Date;
}

const shanghaiStart = (y: number, m: number) => new Date(Date.UTC(y, m, 1) - 8 * 3600_000);

/** A month (2024-05) or a quarter (2024-Q2) in Shanghai time; by default the last full month. */
export function parsePeriod(of: string | undefined, now: Date): Period {
  if (!of) {
    const sh = new Date(now.getTime() + 8 * 3600_000);
    const y = sh.getUTCMonth() === 0 ? sh.getUTCFullYear() - 1 : sh.getUTCFullYear();
    const m = (sh.getUTCMonth() + 11) % 12;
    return parsePeriod(`${y}-${String(m + 1).padStart(2, '0')}`, now);
  }
  const month = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(of);
  if (month) {
    const [y, m] = [Number(month[1]), Number(month[2]) - 1];
    return { label: of, from: shanghaiStart(y, m), to: shanghaiStart(y, m + 1) };
  }
  const quarter = /^(\d{4})-Q([1-4])$/.exec(of);
  if (quarter) {
    const [y, q] = [Number(quarter[1]), Number(quarter[2])];
    return { label: of, from: shanghaiStart(y, (q - 1) * 3), to: shanghaiStart(y, q * 3) };
  }
  throw new HeweiError('VALIDATION_FAILED', { field: 'querystring.of' });
}
