import { HeweiError } from '@hewei/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../deps.ts';
import { STAFF, viewerOf } from '../../http/access.ts';
import { createCaseEventHub } from './events.hub.ts';

/** A stream lives this long, then ends; the browser reconnects and its session is checked again. */
export const STREAM_LIFETIME_MS = 5 * 60_000;
const HEARTBEAT_MS = 25_000;

/**
 * Server-sent events of committed case changes for the staff's live queues: `event: case` with
 * `{caseId, status, version}` for every case the viewer may view. A request that does not accept
 * text/event-stream is refused (400, field `accept`) instead of being held open.
 */
export function eventsRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const hub = createCaseEventHub(deps);
  const open = new Set<() => void>();
  app.addHook('preClose', async () => {
    for (const end of [...open]) end();
  });
  app.addHook('onClose', async () => {
    await hub.close();
  });

  r.get(
    '/api/v1/events/stream',
    {
      config: { access: STAFF },
      schema: {
        tags: ['events'],
        summary: 'Live case changes (server-sent events) for the cases the viewer may view',
      },
    },
    async (req, reply) => {
      const viewer = viewerOf(req);
      if (!String(req.headers.accept ?? '').includes('text/event-stream'))
        throw new HeweiError('VALIDATION_FAILED', { field: 'accept', rule: 'EVENT_STREAM_ONLY' });
      const res = reply.raw;
      let ended = false;
      let unsubscribe = () => {};
      const timers: NodeJS.Timeout[] = [];
      const end = () => {
        if (ended) return;
        ended = true;
        for (const t of timers) clearInterval(t);
        unsubscribe();
        open.delete(end);
        if (!res.writableEnded) res.end();
      };
      const write = (chunk: string) => {
        if (!ended) res.write(chunk);
      };
      reply.hijack();
      res.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
      });
      open.add(end);
      req.raw.on('close', end);
      try {
        unsubscribe = await hub.subscribe({
          viewer,
          send: (s) => write(`event: case\ndata: ${JSON.stringify(s)}\n\n`),
        });
      } catch (err) {
        req.log.error({ err }, 'event stream: could not listen');
        end();
        return;
      }
      if (ended) return unsubscribe();
      write('retry: 5000\nevent: ready\ndata: {}\n\n');
      timers.push(setInterval(() => write(': keep-alive\n\n'), HEARTBEAT_MS));
      timers.push(setTimeout(end, STREAM_LIFETIME_MS));
    },
  );
}
