import { Alert, Button, Segmented, Table, Tag } from 'antd';
import { useState } from 'react';
import { PageHeader } from '../../../components/page-header.tsx';
import { useErrorText } from '../../../lib/errors.ts';
import { useI18n } from '../../../lib/i18n/index.tsx';
import { type Mediation, useMyMediations } from '../api.ts';

const STATUS_COLOUR: Record<string, string> = {
  requested: 'blue',
  active: 'processing',
  concluded: 'green',
  withdrawn: 'default',
};

export function MediationStatusTag({ status }: { status: string }) {
  const { te } = useI18n();
  return <Tag color={STATUS_COLOUR[status]}>{te('mediation.e.mediationStatus', status)}</Tag>;
}

/** The mediator's (or dispatcher's) desk: requests waiting for an answer, mediations in hand, past ones. */
export function MediationDesk({ userId, onOpen }: { userId: string; onOpen: (id: string) => void }) {
  const { t, te, dateTime } = useI18n();
  const errorText = useErrorText();
  const query = useMyMediations();
  const [filter, setFilter] = useState<'open' | 'requests' | 'all'>('open');
  const rows = (query.data ?? []).filter((m) => {
    if (filter === 'requests')
      return (
        m.status === 'requested' || m.mediators.some((x) => x.userId === userId && x.status === 'invited')
      );
    if (filter === 'open') return m.status === 'requested' || m.status === 'active';
    return true;
  });
  return (
    <div style={{ maxWidth: 1200 }} data-testid="mediation-desk">
      <PageHeader
        title={t('mediation.desk.title')}
        subtitle={t('mediation.desk.subtitle')}
        extra={
          <Segmented
            value={filter}
            onChange={(v) => setFilter(v as typeof filter)}
            options={(['open', 'requests', 'all'] as const).map((v) => ({
              value: v,
              label: t(`mediation.desk.filter.${v}`),
            }))}
          />
        }
      />
      {query.error ? <Alert type="error" showIcon title={errorText(query.error)} /> : null}
      <Table<Mediation>
        rowKey="id"
        loading={query.isLoading}
        dataSource={rows}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: t('mediation.desk.empty') }}
        onRow={(m) => ({ onClick: () => onOpen(m.id), style: { cursor: 'pointer' } })}
        columns={[
          {
            title: t('mediation.field.trackingCode'),
            dataIndex: 'trackingCode',
            render: (v: string, m) => (
              <Button type="link" style={{ padding: 0 }} data-tracking-code={v} onClick={() => onOpen(m.id)}>
                {v}
              </Button>
            ),
          },
          { title: t('mediation.field.organisation'), dataIndex: 'organisationName' },
          { title: t('mediation.field.step'), dataIndex: 'stepName' },
          {
            title: t('mediation.field.status'),
            dataIndex: 'status',
            render: (v: string) => <MediationStatusTag status={v} />,
          },
          {
            title: t('mediation.field.mediators'),
            key: 'mediators',
            render: (_, m) =>
              m.mediators.map((x) => (
                <Tag key={x.userId} color={x.status === 'accepted' ? 'green' : undefined}>
                  {x.name} · {te('mediation.e.mediatorStatus', x.status)}
                </Tag>
              )),
          },
          {
            title: t('mediation.field.createdAt'),
            dataIndex: 'createdAt',
            render: (v: string) => dateTime(v),
          },
        ]}
      />
    </div>
  );
}
