import type { Db } from '../db/client.ts';
import { smsSink } from '../db/schema/index.ts';
import { uuidv7 } from './ids.ts';

/** Where text messages go. A county plugs in its provider; by default the sink records them. */
export interface SmsGateway {
  send(msg: { phone: string; body: string; purpose: string }, at: Date): Promise<void>;
}

export function sinkSmsGateway(db: Db): SmsGateway {
  return {
    async send(msg, at) {
      await db.insert(smsSink).values({ id: uuidv7(at.getTime()), ...msg, createdAt: at });
    },
  };
}
