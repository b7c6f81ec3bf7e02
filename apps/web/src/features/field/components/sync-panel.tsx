import { Alert, Button, Card, Empty, Flex, List, Tag, Typography } from 'antd';
import { type MessageKey, useI18n } from '../../../lib/i18n/index.tsx';
import type { CaseConflict, QueuedAction } from '../api/types.ts';
import { discard, enqueue } from '../offline/queue.ts';

/** What an action is called: a case step by its action (verification, on-the-spot resolution). */
function useKindLabel() {
  const { t, te } = useI18n();
  return (a: QueuedAction) =>
    a.kind === 'case.act' && a.payload.action === 'resolveOnSpot'
      ? t('fieldApp.kind.case.onSpot')
      : te('fieldApp.kind', a.kind);
}

function ConflictCard({ a, onChange }: { a: QueuedAction; onChange: () => void }) {
  const { t, te, dateTime } = useI18n();
  const kindLabel = useKindLabel();
  const c = a.conflict!;
  const action = String(a.payload.action);
  const canRedo = c.current.allowedActions.includes(action);
  const happened = (x: CaseConflict['changes'][number]) => {
    const key = `event.${x.type}`;
    const text = t(key as MessageKey, { actor: x.actorName });
    return text === key ? `${x.actorName} · ${te('status', x.toStatus)}` : text;
  };
  const redo = async () => {
    await enqueue('case.act', { ...a.payload, version: c.current.version, base: undefined }, a.photos);
    await discard(a.seq!);
    onChange();
  };
  return (
    <Card size="small" className="field-conflict">
      <Alert
        type="warning"
        showIcon
        message={t('fieldApp.conflict.title', { action: kindLabel(a) })}
        description={t('fieldApp.conflict.body', { status: te('status', c.current.status) })}
      />
      <List
        size="small"
        dataSource={c.changes}
        renderItem={(x) => (
          <List.Item>
            <Typography.Text>
              {dateTime(x.at)} · {happened(x)}
              {x.reason ? ` · ${x.reason}` : ''}
            </Typography.Text>
          </List.Item>
        )}
      />
      <Flex gap={8} justify="end" wrap>
        <Button onClick={() => discard(a.seq!).then(onChange)}>{t('fieldApp.conflict.discard')}</Button>
        {canRedo ? (
          <Button type="primary" onClick={redo}>
            {t('fieldApp.conflict.redo')}
          </Button>
        ) : null}
      </Flex>
    </Card>
  );
}

/** What is still on the phone: actions waiting for a signal, and the ones the server could not take. */
export function SyncPanel({ queue, onChange }: { queue: QueuedAction[]; onChange: () => void }) {
  const { t, dateTime } = useI18n();
  const kindLabel = useKindLabel();
  const conflicts = queue.filter((a) => a.state === 'conflict');
  const rejected = queue.filter((a) => a.state === 'rejected');
  const pending = queue.filter((a) => a.state === 'pending');
  return (
    <Flex vertical gap={8}>
      {conflicts.map((a) => (
        <ConflictCard key={a.key} a={a} onChange={onChange} />
      ))}
      {rejected.map((a) => (
        <Card size="small" key={a.key} className="field-rejected">
          <Alert type="error" showIcon message={kindLabel(a)} description={a.error?.message} />
          <Flex justify="end" style={{ marginTop: 8 }}>
            <Button onClick={() => discard(a.seq!).then(onChange)}>{t('fieldApp.conflict.discard')}</Button>
          </Flex>
        </Card>
      ))}
      <Typography.Title level={5} style={{ margin: '8px 0' }}>
        {t('fieldApp.queue.pending', { n: pending.length })}
      </Typography.Title>
      {pending.length ? (
        <List
          size="small"
          bordered
          dataSource={pending}
          renderItem={(a) => (
            <List.Item className="field-pending">
              <Flex justify="space-between" style={{ width: '100%' }}>
                <span>
                  <Tag>{kindLabel(a)}</Tag>
                  {a.photos.length ? <Tag>{t('fieldApp.queue.photos', { n: a.photos.length })}</Tag> : null}
                </span>
                <Typography.Text type="secondary">{dateTime(a.createdAt)}</Typography.Text>
              </Flex>
            </List.Item>
          )}
        />
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('fieldApp.queue.empty')} />
      )}
    </Flex>
  );
}
