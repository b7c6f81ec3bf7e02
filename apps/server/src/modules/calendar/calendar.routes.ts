import { DEFAULT_WORKING_HOURS, HeweiError } from '@hewei/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../deps.ts';
import { calendarAdminRoutes } from './calendar.admin.routes.ts';
import { calendarStoreOf } from './calendar.store.ts';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const DAY = 86_400_000;
const MAX_DAYS = 400;

const daySchema = z.object({
  date: z.string(),
  weekday: z.number().int().min(1).max(7),
  working: z.boolean(),
  /** holiday (放假), makeup (调休上班), weekend or workday */
  kind: z.enum(['workday', 'weekend', 'holiday', 'makeup']),
  /** false when the year's official arrangement is not published: weekends only, flagged */
  published: z.boolean(),
});

export function calendarRoutes(app: FastifyInstance, deps: AppDeps) {
  const store = calendarStoreOf(deps);
  calendarAdminRoutes(app, deps, store);
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/v1/calendar',
    {
      config: { access: 'public' },
      schema: {
        tags: ['calendar'],
        summary: 'The working calendar for a range of dates (official holidays and make-up working days).',
        querystring: z.object({ from: isoDate, to: isoDate }),
        response: {
          200: z.object({
            timeZone: z.literal('Asia/Shanghai'),
            workingHours: z.array(z.object({ start: z.string(), end: z.string() })),
            days: z.array(daySchema),
          }),
        },
      },
    },
    async (req) => {
      const from = Date.parse(`${req.query.from}T00:00:00Z`);
      const to = Date.parse(`${req.query.to}T00:00:00Z`);
      if (Number.isNaN(from)) throw new HeweiError('VALIDATION_FAILED', { field: 'querystring.from' });
      if (Number.isNaN(to) || to < from || (to - from) / DAY >= MAX_DAYS)
        throw new HeweiError('VALIDATION_FAILED', { field: 'querystring.to', rule: 'CALENDAR_RANGE' });
      const HOLIDAYS = new Set(store.table().flatMap((y) => y.holidays));
      const MAKEUP = new Set(store.table().flatMap((y) => y.makeUpWorkdays));
      const days = [];
      for (let t = from; t <= to; t += DAY) {
        const date = new Date(t).toISOString().slice(0, 10);
        const weekday = ((new Date(t).getUTCDay() + 6) % 7) + 1;
        const working = deps.calendar.isWorkingDay(date);
        const kind = HOLIDAYS.has(date)
          ? 'holiday'
          : MAKEUP.has(date)
            ? 'makeup'
            : weekday >= 6
              ? 'weekend'
              : 'workday';
        days.push({
          date,
          weekday,
          working,
          kind: kind as 'holiday',
          published: deps.calendar.coverage(Number(date.slice(0, 4))) === 'published',
        });
      }
      return {
        timeZone: 'Asia/Shanghai' as const,
        workingHours: DEFAULT_WORKING_HOURS.map((p) => ({ start: String(p.start), end: String(p.end) })),
        days,
      };
    },
  );
}
