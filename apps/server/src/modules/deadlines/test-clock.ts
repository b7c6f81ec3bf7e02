import { readFileSync } from 'node:fs';
import { type Clock, systemClock } from '../../lib/clock.ts';

/**
 * The system clock, unless HEWEI_TEST_CLOCK_FILE names a file holding an offset in milliseconds:
 * then the system clock moved by that offset, re-read every few milliseconds. Tests use it to move
 * time forward for several real server processes at once; production never sets it.
 */
export function clockFromEnv(env: NodeJS.ProcessEnv = process.env): Clock {
  const file = env.HEWEI_TEST_CLOCK_FILE;
  if (!file) return systemClock;
  let offset = 0;
  let readAt = 0;
  return {
    now() {
      const t = Date.now();
      if (t - readAt >= 10) {
        try {
          const text = readFileSync(file, 'utf8').trim();
          if (text && Number.isFinite(Number(text))) offset = Number(text);
        } catch {
          // keep the last offset while the file is being replaced
        }
        readAt = t;
      }
      return new Date(t + offset);
    },
  };
}
