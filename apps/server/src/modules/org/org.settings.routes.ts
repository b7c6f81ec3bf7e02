import { HeweiError } from '@hewei/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../deps.ts';
import type { Viewer } from '../../http/access.ts';
import { viewerOf } from '../../http/access.ts';
import { localeOf } from '../../http/messages.ts';
import { localName } from '../cases/cases.presenter.ts';
import { orgAdminService } from './org.admin.service.ts';
import { effectiveOn, shanghaiDay } from './org.locate.ts';

const id = z.string().min(1).max(64);

/**
 * What the administrator's settings screens read and the few settings kept elsewhere: every
 * department and category (inactive ones too, with both names), and a category's default
 * department, which is the county-wide lead entry of the responsibility list (权责清单).
 */
export function orgSettingsRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { org, clock } = deps;
  const service = orgAdminService(deps);
  const admin = { access: ['admin'] as const };

  /** the county-wide lead entries in force today, by category code */
  const defaults = (countyId: string) => {
    const day = shanghaiDay(clock.now());
    return new Map(
      org
        .responsibilities()
        .filter(
          (x) =>
            x.countyId === countyId && x.regionId === countyId && x.role === 'lead' && effectiveOn(x, day),
        )
        .map((x) => [x.categoryCode, x]),
    );
  };

  r.get(
    '/api/v1/org/settings/departments',
    {
      config: admin,
      schema: {
        tags: ['org'],
        summary: 'Every department of the county, inactive ones too, with both names.',
        response: {
          200: z.object({
            items: z.array(
              z.object({
                id: z.string(),
                name: z.string(),
                nameEn: z.string(),
                regionId: z.string(),
                regionName: z.string(),
                active: z.boolean(),
              }),
            ),
          }),
        },
      },
    },
    async (req) => {
      const v = viewerOf(req);
      const locale = localeOf(req.headers['accept-language']);
      const items = org
        .departments()
        .filter((d) => d.countyId === v.countyId)
        .map((d) => {
          const region = org.region(d.regionId);
          return { ...d, regionName: region ? localName(region, locale) : d.regionId };
        })
        .sort((a, b) => Number(b.active) - Number(a.active) || a.name.localeCompare(b.name, 'zh'));
      return { items };
    },
  );

  r.get(
    '/api/v1/org/settings/categories',
    {
      config: admin,
      schema: {
        tags: ['org'],
        summary: "The category tree, inactive entries too, with each category's default department.",
        response: {
          200: z.object({
            items: z.array(
              z.object({
                code: z.string(),
                name: z.string(),
                nameEn: z.string(),
                parentCode: z.string().nullable(),
                kinds: z.array(z.string()),
                active: z.boolean(),
                defaultDepartmentId: z.string().nullable(),
              }),
            ),
          }),
        },
      },
    },
    async (req) => {
      const byCode = defaults(viewerOf(req).countyId);
      const items = org
        .categories()
        .map((c) => ({
          code: c.code,
          name: c.name,
          nameEn: c.nameEn,
          parentCode: c.parentCode,
          kinds: c.kinds,
          active: c.active,
          defaultDepartmentId: byCode.get(c.code)?.departmentId ?? null,
        }))
        .sort((a, b) => a.code.localeCompare(b.code));
      return { items };
    },
  );

  r.put(
    '/api/v1/org/categories/:code/default-department',
    {
      config: admin,
      schema: {
        tags: ['org'],
        summary:
          "Sets (or clears, with null) a category's default department: its county-wide lead entry in the responsibility list, from today.",
        params: z.object({ code: z.string().max(8) }),
        body: z.object({ departmentId: id.nullable() }),
        response: { 200: z.object({ code: z.string(), defaultDepartmentId: z.string().nullable() }) },
      },
    },
    async (req) => {
      const v = viewerOf(req);
      const { code } = req.params;
      if (!org.category(code)) throw new HeweiError('NOT_FOUND');
      await setDefault(v, code, req.body.departmentId);
      return { code, defaultDepartmentId: req.body.departmentId };
    },
  );

  async function setDefault(v: Viewer, code: string, departmentId: string | null) {
    const today = shanghaiDay(clock.now());
    const current = defaults(v.countyId).get(code);
    if (current?.departmentId === departmentId) return;
    if (departmentId) {
      const d = org.department(departmentId);
      if (!d || d.countyId !== v.countyId)
        throw new HeweiError('VALIDATION_FAILED', {
          field: 'departmentId',
          rule: 'UNKNOWN_DEPARTMENT',
          params: { id: departmentId },
        });
      if (!d.active)
        throw new HeweiError('VALIDATION_FAILED', { field: 'departmentId', rule: 'DEPARTMENT_INACTIVE' });
    }
    // an entry that began today is corrected in place; an older one ends yesterday, keeping history
    if (current && (current.validFrom === today || !departmentId)) {
      if (departmentId) await service.updateResponsibility(v, current.id, { departmentId });
      else
        await service.updateResponsibility(v, current.id, { validTo: dayBefore(today, current.validFrom) });
      return;
    }
    if (current)
      await service.updateResponsibility(v, current.id, { validTo: dayBefore(today, current.validFrom) });
    await service.createResponsibility(v, {
      categoryCode: code,
      regionId: v.countyId,
      departmentId: departmentId!,
      role: 'lead',
      validFrom: today,
      validTo: null,
      note: null,
    });
  }
}

/** The day before `day`, but never before the entry's first day. */
function dayBefore(day: string, notBefore: string) {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  const prev = d.toISOString().slice(0, 10);
  return prev < notBefore ? notBefore : prev;
}
