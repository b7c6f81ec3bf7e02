import { createHash, randomBytes } from 'node:crypto';

export const sha256 = (s: string | Buffer) => createHash('sha256').update(s).digest('hex');
export const newToken = () => randomBytes(32).toString('base64url');

/** JSON with sorted keys: the same body always hashes the same. */
export function stableJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(stableJson).join(',')}]`;
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    return `{${Object.keys(o)
      .filter((k) => o[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stableJson(o[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v);
}

export function maskPhone(p: string | null): string | null {
  if (!p) return p;
  return p.length >= 7 ? `${p.slice(0, 3)}****${p.slice(-4)}` : '****';
}
export function maskIdNumber(p: string | null): string | null {
  if (!p) return p;
  return `${p.slice(0, 4)}**********${p.slice(-4)}`;
}
