import { HeweiError, phoneSchema, type SubmitCaseInput } from '@hewei/domain';
import type { AppDeps } from '../../deps.ts';
import type { Viewer } from '../../http/access.ts';
import type { Locale } from '../../http/messages.ts';
import { newToken, sha256, stableJson } from '../../lib/crypto.ts';
import { uuidv7 } from '../../lib/ids.ts';
import { casesService } from '../cases/cases.service.ts';
import type { OrgDirectory } from '../org/org.directory.ts';
import { findService, publicKindsOf } from './open311.catalogue.ts';
import type { Form } from './open311.form.ts';
import { Open311Error, parseW3c } from './open311.format.ts';
import { presentRequest, presentUpdate } from './open311.presenter.ts';
import { open311Repository as repo } from './open311.repository.ts';

export const DEMO_KEY = 'demo-open311-key';
const DAY = 86_400_000;
const MAX_WINDOW = 90 * DAY;
const UPDATE_STATUSES = [
  'OPEN',
  'CLOSED',
  'FIXED',
  'IN_PROGRESS',
  'ACTION_SCHEDULED',
  'INVESTIGATING',
  'DUPLICATE',
  'NOT_COUNCILS_RESPONSIBILITY',
  'NO_FURTHER_ACTION',
  'INTERNAL_REFERRAL',
  'FOR_TRIAGE',
  'CANCELLED',
  'REOPEN',
  'PLANNED',
  'UNCHANGED',
];

const bad = (description: string, code = '400') => new Open311Error(400, description, code);

export function open311Service(deps: AppDeps) {
  const { db, org, clock } = deps;
  const cases = casesService(deps);
  const keys = open311KeyStore(deps);

  /** The county a request is about: required only when this endpoint serves several (§1.1). */
  function jurisdiction(j: string | undefined): string {
    const counties = org.countyIds();
    if (!j) {
      if (counties.length === 1) return counties[0];
      if (deps.config.defaultCountyId) return deps.config.defaultCountyId;
      throw bad('jurisdiction_id is required', 'JURISDICTION_REQUIRED');
    }
    const hit = counties.find((id) => id === j || org.region(id)?.code === j);
    if (!hit) throw new Open311Error(404, `jurisdiction_id ${j} not found`, 'JURISDICTION_NOT_FOUND');
    return hit;
  }

  async function authenticate(apiKey: string | undefined, countyId: string) {
    if (!apiKey) throw new Open311Error(403, 'api_key is required', 'API_KEY_MISSING');
    const found = await keys.find(apiKey, countyId);
    if (!found) throw new Open311Error(403, 'Invalid api_key', 'API_KEY_INVALID');
    return found;
  }

  function window(from: Date | undefined, to: Date | undefined, now: Date) {
    if (!from && !to) return { from: new Date(now.getTime() - MAX_WINDOW), to: now };
    const end = to ?? (from ? new Date(Math.min(now.getTime(), from.getTime() + MAX_WINDOW)) : now);
    const start = from ?? new Date(end.getTime() - MAX_WINDOW);
    if (end < start) throw bad('end_date is before start_date', 'BAD_DATE_RANGE');
    if (end.getTime() - start.getTime() > MAX_WINDOW)
      throw bad('start_date to end_date may not exceed 90 days', 'DATE_RANGE_TOO_LONG');
    return { from: start, to: end };
  }

  return {
    jurisdiction,

    async submit(form: Form, locale: Locale) {
      const countyId = jurisdiction(form.one('jurisdiction_id'));
      const { key, viewer } = await authenticate(form.one('api_key'), countyId);
      const input = toCaseInput(form, countyId, locale, org);
      const token = form.attribute('client_token');
      if (token) {
        const prior = await repo.caseIdByToken(db, countyId, token);
        if (prior && !(await keys.ownsCase(key.id, countyId, prior.caseId)))
          throw bad('attribute[client_token] is already in use', 'CLIENT_TOKEN_TAKEN');
      }
      const idem = token
        ? `open311:token:${token}`
        : `open311:content:${sha256(stableJson(form.canonical()))}`;
      let result: Awaited<ReturnType<typeof cases.submit>>;
      try {
        result = await cases.submit(viewer, input, idem);
      } catch (e) {
        if (e instanceof HeweiError && e.code === 'IDEMPOTENCY_KEY_REUSED')
          throw bad(
            'attribute[client_token] was already used for a different request',
            'CLIENT_TOKEN_REUSED',
          );
        if (e instanceof HeweiError && e.code === 'VALIDATION_FAILED')
          throw bad(`Bad request: ${e.field ?? 'request'}`, 'VALIDATION_FAILED');
        throw e;
      }
      await repo.insertRequestExtras(db, {
        countyId,
        caseId: result.state.id,
        apiKeyId: key.id,
        serviceCode: input.categoryCode,
        clientToken: token ?? null,
        deviceId: form.one('device_id') ?? null,
        accountId: form.one('account_id') ?? null,
        mediaUrl: form.all('media_url')[0] ?? null,
        addressId: form.one('address_id') ?? null,
        attributes: form.attributes(),
        createdAt: clock.now(),
      });
      const code = result.state.trackingCode;
      return {
        replayed: result.replayed,
        body: [
          {
            // the tracking code goes only to the submitter, in the notice, never in a public id
            service_request_id: result.state.id,
            service_notice:
              locale === 'en'
                ? `Registered as ${code}; follow it with this code and the last four digits of your phone.`
                : `已登记，编号 ${code}，可凭编号和手机号后四位查询进度。`,
            account_id: form.one('account_id') ?? '',
          },
        ],
      };
    },

    async token(countyId: string, token: string) {
      const row = await repo.caseIdByToken(db, countyId, token);
      if (!row) throw new Open311Error(404, `token ${token} not found`, 'TOKEN_NOT_FOUND');
      return [{ service_request_id: row.caseId, token }];
    },

    async requests(q: Record<string, string | undefined>, countyId: string, locale: Locale) {
      const now = clock.now();
      const list = (s: string | undefined) => (s ? s.split(',').filter(Boolean) : undefined);
      const statuses = list(q.status);
      if (statuses?.some((s) => s !== 'open' && s !== 'closed'))
        throw bad('status must be open, closed or both', 'BAD_STATUS');
      const page = intArg('page', q.page, 1, 1, 1_000_000);
      const pageSize = intArg('page_size', q.page_size, 1000, 1, 1000);
      const start = parseW3c('start_date', q.start_date);
      const end = parseW3c('end_date', q.end_date);
      const updatedFrom = parseW3c('updated_after', q.updated_after);
      const updatedTo = parseW3c('updated_before', q.updated_before);
      const ids = list(q.service_request_id);
      const requested = updatedFrom || updatedTo ? { from: start, to: end } : window(start, end, now);
      if (start && end) window(start, end, now);
      const rows = await repo.listRequests(db, {
        countyId,
        ids,
        serviceCodes: list(q.service_code),
        status: statuses as ('open' | 'closed')[] | undefined,
        requestedFrom: requested.from,
        requestedTo: requested.to,
        updatedFrom,
        updatedTo,
        limit: pageSize,
        offset: (page - 1) * pageSize,
      });
      return this.present(rows, countyId, locale, q.extensions === 'true');
    },

    async request(countyId: string, id: string, locale: Locale, extensions: boolean) {
      const rows = await repo.listRequests(db, { countyId, ids: [id], limit: 1, offset: 0 });
      if (!rows.length)
        throw new Open311Error(404, `service_request_id ${id} not found`, 'REQUEST_NOT_FOUND');
      return this.present(rows, countyId, locale, extensions);
    },

    async present(
      rows: Awaited<ReturnType<typeof repo.listRequests>>,
      countyId: string,
      locale: Locale,
      ext: boolean,
    ) {
      if (!ext) return rows.map((r) => presentRequest(org, r, locale));
      const ids = rows.map((r) => r.c.id);
      const [events, updates] = await Promise.all([
        repo.notes(db, countyId, ids),
        repo.clientUpdates(db, countyId, ids),
      ]);
      return rows.map((r) =>
        presentRequest(org, r, locale, {
          events: events.filter((e) => e.caseId === r.c.id),
          updates: updates
            .filter((u) => u.caseId === r.c.id)
            .map((u) => ({ at: u.updatedAt, description: u.description, status: u.status })),
        }),
      );
    },

    async getUpdates(q: Record<string, string | undefined>, countyId: string, locale: Locale) {
      const w = window(parseW3c('start_date', q.start_date), parseW3c('end_date', q.end_date), clock.now());
      const rows = await repo.updatesBetween(db, countyId, w.from, w.to, 1000);
      return rows.map((r) => presentUpdate(r.e, locale));
    },

    /** A client's update (a resident's reply, say) joins the request's append-only update log. */
    async postUpdate(form: Form) {
      const countyId = jurisdiction(form.one('jurisdiction_id'));
      const { key } = await authenticate(form.one('api_key'), countyId);
      const missing = ['service_request_id', 'update_id', 'status', 'updated_datetime', 'description'].find(
        (f) => !form.one(f),
      );
      if (missing) throw bad(`Bad request: ${missing}`, 'MISSING_FIELD');
      const status = form.one('status')!;
      if (!UPDATE_STATUSES.includes(status)) throw bad('Bad request: status', 'BAD_STATUS');
      const description = form.one('description')!;
      if (description.length > 4000) throw bad('Bad request: description', 'DESCRIPTION_TOO_LONG');
      const updatedAt = parseW3c('updated_datetime', form.one('updated_datetime'))!;
      const target = await repo.publicCaseById(db, countyId, form.one('service_request_id')!);
      if (!target) throw new Open311Error(404, 'service_request_id not found', 'REQUEST_NOT_FOUND');
      const updateId = form.one('update_id')!;
      const now = clock.now();
      const fresh = await repo.insertUpdate(db, {
        countyId,
        id: uuidv7(now.getTime()),
        caseId: target.id,
        apiKeyId: key.id,
        updateId,
        status,
        description,
        mediaUrl: form.all('media_url')[0] ?? null,
        updatedAt,
        receivedAt: now,
      });
      if (!fresh) throw bad(`update_id ${updateId} already exists`, 'ALREADY_EXISTS');
      return [{ update_id: updateId, account_id: form.one('account_id') ?? '' }];
    },
  };
}

function intArg(name: string, v: string | undefined, dflt: number, min: number, max: number) {
  if (v === undefined || v === '') return dflt;
  const n = Number(v);
  if (!Number.isInteger(n) || n < min || n > max)
    throw bad(`${name} must be an integer from ${min} to ${max}`);
  return n;
}

function toCaseInput(form: Form, countyId: string, locale: Locale, org: OrgDirectory): SubmitCaseInput {
  const code = form.one('service_code');
  if (!code) throw bad('service_code is required', 'SERVICE_CODE_REQUIRED');
  const service = findService(org, code);
  if (!service) throw new Open311Error(404, `service_code ${code} not found`, 'SERVICE_NOT_FOUND');
  const latS = form.one('lat');
  const lonS = form.one('long');
  if ((latS === undefined) !== (lonS === undefined)) throw bad('lat and long go together', 'LAT_LONG_PAIR');
  const lat = latS === undefined ? undefined : Number(latS);
  const lon = lonS === undefined ? undefined : Number(lonS);
  if (lat !== undefined && (!Number.isFinite(lat) || lat < -90 || lat > 90))
    throw bad('lat is out of range', 'BAD_LAT');
  if (lon !== undefined && (!Number.isFinite(lon) || lon < -180 || lon > 180))
    throw bad('long is out of range', 'BAD_LONG');
  const addressString = form.one('address_string');
  const addressId = form.one('address_id');
  if (lat === undefined && !addressString && !addressId)
    throw bad('A location is required: lat and long, address_string or address_id', 'LOCATION_REQUIRED');
  const description = form.one('description') ?? '';
  if (description.length > 4000)
    throw bad('description may not exceed 4000 characters', 'DESCRIPTION_TOO_LONG');
  if (/<\/?[a-z][^>]*>/i.test(description)) throw bad('description may not contain HTML', 'DESCRIPTION_HTML');
  const kinds = publicKindsOf(service);
  const kind = form.attribute('kind') ?? kinds[0];
  if (!kinds.includes(kind as never)) throw bad('attribute[kind] is not one of its values', 'BAD_ATTRIBUTE');
  const regionCode = form.attribute('region');
  const region = regionCode
    ? org.regions().find((r) => r.countyId === countyId && r.code === regionCode)
    : undefined;
  if (regionCode && !region) throw bad('attribute[region] is not one of its values', 'BAD_ATTRIBUTE');
  const urgent = form.attribute('urgent');
  if (urgent && urgent !== 'true' && urgent !== 'false')
    throw bad('attribute[urgent] is not one of its values', 'BAD_ATTRIBUTE');
  const phone = form
    .one('phone')
    ?.replace(/[\s-]/g, '')
    .replace(/^(\+?86)(?=1\d{10}$)/, '');
  if (phone && !phoneSchema.safeParse(phone).success)
    throw bad('phone is not a valid phone number', 'BAD_PHONE');
  const name = [form.one('last_name'), form.one('first_name')].filter(Boolean).join('');
  const serviceName = locale === 'en' ? service.nameEn : service.name;
  const text = description.trim() || `${serviceName}（Open311）`;
  return {
    kind: kind as SubmitCaseInput['kind'],
    channel: 'open311',
    categoryCode: service.code,
    description: text.length >= 5 ? text : `${text}（Open311）`,
    urgent: urgent === 'true' || undefined,
    place: {
      address: addressString ?? (addressId ? `address_id:${addressId}` : undefined),
      lat,
      lon,
      regionId: region?.id,
    },
    parties:
      name || phone
        ? [
            {
              role: 'applicant',
              name: (name || (locale === 'en' ? 'Anonymous' : '匿名群众')).slice(0, 100),
              phone,
            },
          ]
        : [],
  };
}

/** API keys: issued by an administrator, shown once, revocable; in demo mode `demo-open311-key`. */
export function open311KeyStore(deps: AppDeps) {
  const { db, clock, org } = deps;
  return {
    async issue(admin: Viewer, name: string, key = `o311_${newToken()}`) {
      const now = clock.now();
      const id = uuidv7(now.getTime());
      const userId = `open311-${id}`;
      await repo.insertKey(
        db,
        {
          countyId: admin.countyId,
          id,
          name,
          keyHash: sha256(key),
          prefix: key.slice(0, 9),
          userId,
          createdBy: admin.userId,
          createdAt: now,
          revokedAt: null,
          revokedBy: null,
        },
        {
          id: userId,
          countyId: admin.countyId,
          username: null,
          phone: null,
          passwordHash: null,
          displayName: `Open311：${name}`,
          role: 'operator',
          regionId: admin.countyId,
          departmentId: null,
          active: true,
          createdAt: now,
        },
      );
      return { id, name, key, prefix: key.slice(0, 9), createdAt: now.toISOString() };
    },

    async find(apiKey: string, countyId: string) {
      let row = await repo.keyByHash(db, sha256(apiKey));
      if (!row && deps.config.demo && apiKey === DEMO_KEY && org.region(countyId)) {
        const system = { userId: 'system', countyId } as Viewer;
        await this.issue(system, 'demo', DEMO_KEY);
        row = await repo.keyByHash(db, sha256(apiKey));
      }
      if (!row || row.key.countyId !== countyId || !row.user.active) return undefined;
      const viewer: Viewer = {
        userId: row.user.id,
        role: 'operator',
        regionId: row.user.regionId,
        departmentId: null,
        countyId: row.key.countyId,
        displayName: row.user.displayName,
        username: null,
      };
      return { key: row.key, viewer };
    },

    async ownsCase(apiKeyId: string, countyId: string, caseId: string) {
      const rows = await repo.extrasOf(db, countyId, caseId);
      return rows?.apiKeyId === apiKeyId;
    },

    list: (countyId: string) => repo.listKeys(db, countyId),
    revoke: (admin: Viewer, id: string) => repo.revokeKey(db, admin.countyId, id, admin.userId, clock.now()),
  };
}
