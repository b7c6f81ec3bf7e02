import { Alert, Button, Drawer, Table, Tag, Typography } from 'antd';
import { useErrorText } from '../../../lib/errors.ts';
import { type MessageKey, useI18n } from '../../../lib/i18n/index.tsx';
import { type Delivery, type Subscription, useDeliveries, useWebhookActions } from '../api.ts';

const COLOUR: Record<Delivery['status'], string> = {
  pending: 'blue',
  delivered: 'green',
  failed: 'red',
  cancelled: 'default',
};

/** The delivery log of one subscription, newest first; any delivery can be sent again. */
export function DeliveriesDrawer({
  subscription,
  onClose,
}: {
  subscription: Subscription | null;
  onClose: () => void;
}) {
  const { t, dateTime } = useI18n();
  const errorText = useErrorText();
  const log = useDeliveries(subscription?.id ?? null);
  const { replay } = useWebhookActions();
  return (
    <Drawer
      open={!!subscription}
      onClose={onClose}
      size="large"
      title={`${t('channels.webhooks.log')} · ${subscription?.name ?? ''}`}
    >
      {log.error || replay.error ? (
        <Alert type="error" title={errorText(log.error ?? replay.error)} style={{ marginBottom: 12 }} />
      ) : null}
      <Table<Delivery>
        rowKey="id"
        size="small"
        loading={log.isLoading}
        dataSource={log.data?.items ?? []}
        pagination={{ pageSize: 20 }}
        locale={{ emptyText: t('channels.deliveries.empty') }}
        columns={[
          { key: 'event', title: t('channels.deliveries.event'), dataIndex: 'eventType' },
          {
            key: 'status',
            title: t('channels.deliveries.status'),
            render: (_, d) => (
              <Tag color={COLOUR[d.status]}>{t(`channels.deliveries.status.${d.status}` as MessageKey)}</Tag>
            ),
          },
          { key: 'attempts', title: t('channels.deliveries.attempts'), dataIndex: 'attempts' },
          {
            key: 'next',
            title: t('channels.deliveries.next'),
            render: (_, d) => (d.nextAttemptAt ? dateTime(d.nextAttemptAt) : '—'),
          },
          {
            key: 'last',
            title: t('channels.deliveries.last'),
            render: (_, d) =>
              d.lastError ? (
                <Typography.Text type="danger" ellipsis={{ tooltip: d.lastError }} style={{ maxWidth: 180 }}>
                  {d.lastError}
                </Typography.Text>
              ) : (
                (d.lastStatusCode ?? '—')
              ),
          },
          {
            key: 'createdAt',
            title: t('channels.deliveries.createdAt'),
            render: (_, d) => dateTime(d.createdAt),
          },
          {
            key: 'replay',
            render: (_, d) =>
              subscription?.active ? (
                <Button
                  size="small"
                  loading={replay.isPending && replay.variables?.deliveryId === d.id}
                  onClick={() => replay.mutate({ id: subscription.id, deliveryId: d.id })}
                >
                  {t('channels.deliveries.replay')}
                </Button>
              ) : null,
          },
        ]}
      />
    </Drawer>
  );
}
