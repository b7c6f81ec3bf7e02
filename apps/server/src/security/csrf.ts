import { HeweiError } from '@hewei/domain';
import type { FastifyRequest } from 'fastify';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);
// what an HTML form on another site can send without a CORS preflight
const FORM_TYPES = /^(application\/x-www-form-urlencoded|multipart\/form-data|text\/plain)/i;
export const CSRF_HEADER = 'x-hewei-csrf';

/**
 * Cross-site request forgery guard for writes authenticated by the session cookie (bearer
 * tokens cannot be forged cross-site). SameSite=Lax already withholds the cookie from
 * cross-site POSTs; this refuses, on top of it, a write whose Origin (or Sec-Fetch-Site) names
 * another site, and a form-encodable body that carries neither a same-origin Origin nor the
 * x-hewei-csrf header. JSON bodies need a preflight cross-site, so they pass. See
 * docs/operations/security.md.
 */
export function assertSameOrigin(req: FastifyRequest) {
  if (SAFE.has(req.method)) return;
  const origin = req.headers.origin;
  const host = req.headers['x-forwarded-host'] ?? req.headers.host;
  let sameOrigin = false;
  if (origin && origin !== 'null') {
    try {
      sameOrigin = new URL(origin).host === new URL(`http://${host}`).host;
    } catch {
      sameOrigin = false;
    }
    if (!sameOrigin) throw new HeweiError('FORBIDDEN', { rule: 'CSRF' });
  } else if (origin === 'null') throw new HeweiError('FORBIDDEN', { rule: 'CSRF' });
  const site = req.headers['sec-fetch-site'];
  if (site && site !== 'same-origin' && site !== 'none') throw new HeweiError('FORBIDDEN', { rule: 'CSRF' });
  const type = req.headers['content-type'] ?? '';
  if (FORM_TYPES.test(type) && !sameOrigin && !req.headers[CSRF_HEADER])
    throw new HeweiError('FORBIDDEN', { rule: 'CSRF' });
}
