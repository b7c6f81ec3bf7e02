import { Button, Card, Switch, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { type MessageKey, useI18n } from '../../../lib/i18n/index.tsx';
import { type Order, useOrders } from '../api.ts';

/** Urges (催办) and supervision orders (督办) in the region, each followed to its end. */
export function SupervisionOrders({ onOpen }: { onOpen: (caseId: string) => void }) {
  const { t, dateTime } = useI18n();
  const orders = useOrders();
  const [onlyOpen, setOnlyOpen] = useState(true);
  const rows = (orders.data ?? []).filter((o) => !onlyOpen || !o.settled);
  const state = (o: Order) => (o.settled ? 'settled' : o.overdue ? 'overdue' : 'open');
  const colour = { settled: 'green', overdue: 'red', open: 'blue' } as const;
  return (
    <Card
      size="small"
      title={t('supervise.orders')}
      style={{ marginBottom: 16 }}
      extra={
        <span>
          <Switch size="small" checked={onlyOpen} onChange={setOnlyOpen} /> {t('supervise.orders.onlyOpen')}
        </span>
      }
    >
      <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
        {t('supervise.orders.hint')}
      </Typography.Paragraph>
      <Table<Order>
        size="small"
        loading={orders.isLoading}
        rowKey={(o) => `${o.caseId}-${o.at}-${o.kind}`}
        dataSource={rows}
        pagination={{ pageSize: 8, hideOnSinglePage: true }}
        locale={{ emptyText: t('supervise.orders.empty') }}
        data-testid="supervision-orders"
        columns={[
          {
            title: t('supervise.orders.case'),
            render: (_, o) => (
              <Button type="link" size="small" style={{ padding: 0 }} onClick={() => onOpen(o.caseId)}>
                {o.trackingCode}
              </Button>
            ),
          },
          {
            title: t('supervise.orders.kind'),
            render: (_, o) => (
              <Tag color={o.kind === 'supervise' ? 'volcano' : 'gold'}>
                {t(`action.${o.kind}` as MessageKey)}
              </Tag>
            ),
          },
          {
            title: t('supervise.orders.by'),
            render: (_, o) => (o.automatic ? t('supervise.orders.auto') : t('supervise.orders.manual')),
          },
          { title: t('supervise.orders.at'), render: (_, o) => dateTime(o.at) },
          { title: t('supervise.orders.reason'), dataIndex: 'reason', ellipsis: true },
          { title: t('supervise.orders.dueAt'), render: (_, o) => (o.dueAt ? dateTime(o.dueAt) : '—') },
          { title: t('supervise.orders.owner'), dataIndex: 'ownerRegionName' },
          {
            title: t('supervise.orders.state'),
            render: (_, o) => (
              <Tag color={colour[state(o)]}>{t(`supervise.orders.state.${state(o)}` as MessageKey)}</Tag>
            ),
          },
        ]}
      />
    </Card>
  );
}
