import { HeweiError, type HolidayYear, validateHolidayTable } from '@hewei/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../deps.ts';
import { viewerOf } from '../../http/access.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { type CalendarStore, calendarRepository as repo } from './calendar.store.ts';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const yearSchema = z.object({
  year: z.number(),
  published: z.boolean(),
  verified: z.boolean(),
  source: z.string(),
  notes: z.string().nullable(),
  holidays: z.array(z.string()),
  makeUpWorkdays: z.array(z.string()),
  /** 0 = as bundled (the State Council notices shipped with Hewei); n = the n-th administrator's version */
  version: z.number(),
});
const historySchema = z.array(
  z.object({ version: z.number(), changedBy: z.string(), changedAt: z.string(), reason: z.string() }),
);

function present(y: HolidayYear, version: number) {
  return {
    year: y.year,
    published: y.published,
    verified: y.verified ?? false,
    source: y.source,
    notes: y.notes ?? null,
    holidays: [...y.holidays],
    makeUpWorkdays: [...y.makeUpWorkdays],
    version,
  };
}

/** Administrators correct a year's official arrangement or add one newly published: each save a new version. */
export function calendarAdminRoutes(app: FastifyInstance, deps: AppDeps, store: CalendarStore) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const versionOf = (year: number) => store.overrides().find((o) => o.year === year)?.version ?? 0;

  r.get(
    '/api/v1/calendar/years',
    {
      config: { access: 'signed_in' },
      schema: {
        tags: ['calendar'],
        summary:
          'The holiday arrangement of each year the calendar knows (bundled or edited), flagged when unpublished.',
        response: { 200: z.object({ items: z.array(yearSchema) }) },
      },
    },
    async () => ({ items: store.table().map((y) => present(y, versionOf(y.year))) }),
  );

  r.get(
    '/api/v1/calendar/years/:year',
    {
      config: { access: 'signed_in' },
      schema: {
        tags: ['calendar'],
        summary: 'One year’s arrangement with its edit history.',
        params: z.object({ year: z.coerce.number().int().min(2000).max(2100) }),
        response: { 200: yearSchema.extend({ history: historySchema }) },
      },
    },
    async (req) => {
      const y = req.params.year;
      const entry = store.table().find((x) => x.year === y) ?? {
        year: y,
        published: false,
        source: '',
        holidays: [],
        makeUpWorkdays: [],
      };
      const history = await repo.history(deps.db, y);
      return {
        ...present(entry, versionOf(y)),
        history: history.map((h) => ({ ...h, changedAt: h.changedAt.toISOString() })),
      };
    },
  );

  r.put(
    '/api/v1/calendar/years/:year',
    {
      config: { access: ['admin'] },
      schema: {
        tags: ['calendar'],
        summary:
          'Save a new version of a year’s holidays and make-up working days (调休); deadlines computed from now on follow it.',
        params: z.object({ year: z.coerce.number().int().min(2000).max(2100) }),
        body: z.object({
          baseVersion: z.number().int().min(0),
          published: z.boolean(),
          source: z.string().trim().max(300),
          holidays: z.array(isoDate).max(60),
          makeUpWorkdays: z.array(isoDate).max(20),
          reason: z.string().trim().min(1).max(500),
        }),
        response: { 200: yearSchema.extend({ history: historySchema }) },
      },
    },
    async (req) => {
      const v = viewerOf(req);
      const year = req.params.year;
      const b = req.body;
      const entry: HolidayYear = {
        year,
        published: b.published,
        source: b.source,
        holidays: [...b.holidays].sort(),
        makeUpWorkdays: [...b.makeUpWorkdays].sort(),
      };
      // a make-up day on a weekday is only a warning in the bundled table; typed by hand it is a mistake
      const issue = validateHolidayTable([entry]).find(
        (i) => i.severity === 'error' || i.code === 'make_up_day_on_weekday',
      );
      if (issue)
        throw new HeweiError('VALIDATION_FAILED', {
          field: fieldOf(issue.code),
          rule: 'INVALID_HOLIDAY_YEAR',
          params: { detail: issue.message },
        });
      const now = deps.clock.now();
      await deps.db.transaction(async (tx) => {
        const saved = await repo.save(tx, {
          year,
          version: b.baseVersion + 1,
          published: entry.published,
          holidays: entry.holidays,
          makeUpWorkdays: entry.makeUpWorkdays,
          source: entry.source,
          changedBy: v.userId,
          changedAt: now,
          reason: b.reason,
        });
        if (!saved) throw new HeweiError('VERSION_CONFLICT');
        await recordAudit(tx, {
          at: now,
          action: 'calendar_year.saved',
          actorId: v.userId,
          target: `${year}/v${b.baseVersion + 1}`,
          data: {
            holidays: entry.holidays.length,
            makeUpWorkdays: entry.makeUpWorkdays.length,
            reason: b.reason,
          },
        });
      });
      await store.refresh();
      const history = await repo.history(deps.db, year);
      return {
        ...present(entry, b.baseVersion + 1),
        history: history.map((h) => ({ ...h, changedAt: h.changedAt.toISOString() })),
      };
    },
  );
}

function fieldOf(code: string) {
  if (code === 'unpublished_with_days' || code === 'published_without_days') return 'published';
  if (code === 'missing_source') return 'source';
  if (code === 'make_up_day_on_weekday') return 'makeUpWorkdays';
  return 'holidays';
}
