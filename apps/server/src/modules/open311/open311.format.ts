import type { FastifyReply, FastifyRequest } from 'fastify';

export type Format = 'xml' | 'json';

/** XML collection → child element names (standards.md §1.5: Spark, with two exceptions). */
const CHILD: Record<string, string> = {
  services: 'service',
  attributes: 'attribute',
  values: 'value',
  service_requests: 'request',
  service_request_updates: 'request_update',
  errors: 'error',
  endpoints: 'endpoint',
  formats: 'format',
  groups: 'group',
  notes: 'note',
};

const escapeXml = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!,
  );
// Characters XML 1.0 forbids: dropped rather than producing a document no parser accepts.
function dropIllegal(s: string): string {
  let out = '';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) || c === 0xfffe || c === 0xffff) continue;
    out += ch;
  }
  return out;
}

function element(name: string, v: unknown): string {
  if (v === null || v === undefined || v === '') return `<${name}/>`;
  if (Array.isArray(v)) {
    const child = CHILD[name] ?? name.replace(/s$/, '');
    return `<${name}>${v.map((x) => element(child, x)).join('')}</${name}>`;
  }
  if (typeof v === 'object')
    return `<${name}>${Object.entries(v as Record<string, unknown>)
      .map(([k, x]) => element(k, x))
      .join('')}</${name}>`;
  return `<${name}>${escapeXml(dropIllegal(String(v)))}</${name}>`;
}

/** The XML form of a document whose JSON form is `body` (root dropped in JSON, kept in XML). */
export function toXml(root: string, body: unknown): string {
  return `<?xml version="1.0" encoding="utf-8"?>\n${element(root, body)}`;
}

export function send(reply: FastifyReply, format: Format, root: string, body: unknown, status = 200) {
  reply.status(status);
  if (format === 'xml') return reply.type('text/xml; charset=utf-8').send(toXml(root, body));
  return reply.type('application/json; charset=utf-8').send(JSON.stringify(body));
}

/** An Open311 error: HTTP 400/403/404 (415 for a body of the wrong type) with `<errors><error>`. */
export class Open311Error extends Error {
  readonly status: 400 | 403 | 404 | 415;
  readonly errors: { code: string; description: string }[];
  constructor(status: 400 | 403 | 404 | 415, description: string, code: string = String(status)) {
    super(description);
    this.status = status;
    this.errors = [{ code, description }];
  }
}

const MEDIA_TYPES = 'application/x-www-form-urlencoded, multipart/form-data or application/json';

/**
 * A request body that could not be read: a missing or unsupported Content-Type is a coded 415,
 * a malformed body (broken JSON, multipart without its boundary, truncated parts) a coded 400 —
 * never a 500. Errors raised before the handler ran come from reading the body.
 */
export function bodyErrorOf(err: unknown, req: FastifyRequest, handled: boolean): Open311Error | undefined {
  const e = err as { code?: string; statusCode?: number; validation?: unknown };
  if (e.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' || e.statusCode === 415)
    return req.headers['content-type']
      ? new Open311Error(415, `Unsupported Content-Type; send ${MEDIA_TYPES}`, 'UNSUPPORTED_MEDIA_TYPE')
      : new Open311Error(415, `Content-Type is required: ${MEDIA_TYPES}`, 'CONTENT_TYPE_REQUIRED');
  if (handled || e.validation || req.method !== 'POST') return undefined;
  if (e.statusCode !== undefined && e.statusCode !== 400 && e.statusCode !== 413) return undefined;
  if (e.statusCode === 413) return new Open311Error(400, 'Bad request: body too large', 'BODY_TOO_LARGE');
  return new Open311Error(400, 'Bad request: body is malformed', 'BAD_BODY');
}

export function sendError(reply: FastifyReply, format: Format, e: Open311Error) {
  return send(reply, format, 'errors', e.errors, e.status);
}

/** `name.xml` / `name.json` → [name, format]; anything else is a 404 (§1.6 unknown extension). */
export function splitFormat(file: string): [string, Format] {
  const m = /^(.+)\.(xml|json)$/.exec(file);
  if (!m) throw new Open311Error(404, 'Bad extension. We support .xml and .json', 'BAD_EXTENSION');
  return [m[1], m[2] as Format];
}

export const formatOf = (file: string | undefined): Format => (file?.endsWith('.json') ? 'json' : 'xml');

/** W3C-DTF with a timezone and no fractional seconds, in China's +08:00. */
export function w3c(d: Date | string | null | undefined): string | null {
  if (!d) return null;
  const t = typeof d === 'string' ? new Date(d) : d;
  const local = new Date(t.getTime() + 8 * 3600_000).toISOString().slice(0, 19);
  return `${local}+08:00`;
}

const W3C_IN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?(Z|[+-]\d{2}:\d{2})$/;

/** Parses a W3C date-time argument; a timezone is required. Empty means absent (spec text). */
export function parseW3c(name: string, v: string | undefined): Date | undefined {
  if (v === undefined || v === '') return undefined;
  const d = new Date(v);
  if (!W3C_IN.test(v) || Number.isNaN(d.getTime()))
    throw new Open311Error(400, `${name} must be a W3C date-time with a timezone`, 'BAD_DATETIME');
  return d;
}

/** Six decimals, as FixMyStreet truncates them. */
export const coord = (x: number | null) => (x === null ? null : Math.round(x * 1e6) / 1e6);

/** Phone numbers and ID numbers inside free text are masked in public output. */
export function maskText(s: string): string {
  return s
    .replace(/(?<!\d)(1[3-9]\d)\d{4}(\d{4})(?!\d)/g, '$1****$2')
    .replace(/(?<!\d)(\d{4})\d{10}(\d{3}[\dXx])(?![\dXx])/g, '$1**********$2');
}
