import { AimOutlined, PauseCircleOutlined, PlayCircleOutlined } from '@ant-design/icons';
import { App, Button, Card, Flex, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { newIdempotencyKey } from '../../../lib/api/client.ts';
import { useI18n } from '../../../lib/i18n/index.tsx';
import { idb } from '../offline/idb.ts';
import { locate } from '../offline/locate.ts';
import { enqueue } from '../offline/queue.ts';

interface Patrol {
  id: string;
  startedAt: string;
  points: number;
}

/** Today's patrol: start, places visited (with position), stop; all kept on the phone until sent. */
export function PatrolCard({ onQueued }: { onQueued: () => void }) {
  const { t, dateTime } = useI18n();
  const { message } = App.useApp();
  const [patrol, setPatrol] = useState<Patrol | null>(null);
  useEffect(() => {
    idb.get<Patrol>('kv', 'patrol').then((p) => setPatrol(p ?? null));
  }, []);
  const where = async () => {
    try {
      return await locate();
    } catch {
      return null;
    }
  };
  const start = async () => {
    const at = new Date().toISOString();
    const p = { id: `patrol-${newIdempotencyKey()}`, startedAt: at, points: 0 };
    const point = await where();
    await enqueue('patrol.start', { id: p.id, at, ...(point ? { point: { ...point, at } } : {}) });
    await idb.put('kv', p, 'patrol');
    setPatrol(p);
    onQueued();
  };
  const mark = async () => {
    if (!patrol) return;
    const point = await where();
    if (!point) return void message.warning(t('fieldApp.report.noPosition'));
    await enqueue('patrol.point', { patrolId: patrol.id, ...point, at: new Date().toISOString() });
    const next = { ...patrol, points: patrol.points + 1 };
    await idb.put('kv', next, 'patrol');
    setPatrol(next);
    onQueued();
  };
  const stop = async () => {
    if (!patrol) return;
    await enqueue('patrol.stop', { patrolId: patrol.id, at: new Date().toISOString() });
    await idb.delete('kv', 'patrol');
    setPatrol(null);
    onQueued();
  };
  return (
    <Card size="small" className="field-patrol">
      <Flex justify="space-between" align="center" gap={8} wrap>
        <Typography.Text>
          {patrol
            ? t('fieldApp.patrol.since', { time: dateTime(patrol.startedAt), n: patrol.points })
            : t('fieldApp.patrol.none')}
        </Typography.Text>
        {patrol ? (
          <Flex gap={8}>
            <Button icon={<AimOutlined />} onClick={mark}>
              {t('fieldApp.patrol.point')}
            </Button>
            <Button danger icon={<PauseCircleOutlined />} onClick={stop} id="patrol-stop">
              {t('fieldApp.patrol.stop')}
            </Button>
          </Flex>
        ) : (
          <Button type="primary" icon={<PlayCircleOutlined />} onClick={start} id="patrol-start">
            {t('fieldApp.patrol.start')}
          </Button>
        )}
      </Flex>
    </Card>
  );
}
