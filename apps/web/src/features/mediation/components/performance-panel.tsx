import { CalendarOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Form, Input, List, Table, Tag } from 'antd';
import type { HTMLAttributes } from 'react';
import { useI18n } from '../../../lib/i18n/index.tsx';
import type { Agreement, MediationBundle } from '../api.ts';
import {
  daysBetween,
  followUpsUrl,
  type PerformanceItem,
  shanghaiToday,
  useAgreementVersions,
  usePerformance,
} from './aftercare-queries.ts';
import { AgreementStatusTag } from './agreement-panel.tsx';
import { ActionForm } from './form-modal.tsx';

type Shown = 'due' | 'overdue' | 'performed' | 'breached';
const COLOUR: Record<Shown, string> = { due: 'blue', overdue: 'orange', performed: 'green', breached: 'red' };

/** Pending past its due date shows as overdue until the nightly sweep flags it breached. */
const shownStatus = (p: PerformanceItem, today: string): Shown =>
  p.status === 'pending' ? (p.dueDate < today ? 'overdue' : 'due') : p.status;

function RecordButtons({ agreementId, item }: { agreementId: string; item: PerformanceItem }) {
  const { t } = useI18n();
  const path = `/mediation/agreements/${agreementId}/performance`;
  const toBody = (performed: boolean) => (v: { note?: string }) => ({
    termId: item.termId,
    instalment: item.instalment,
    performed,
    note: v.note?.trim() || undefined,
  });
  return (
    <Flex gap={4} wrap>
      <ActionForm<{ note?: string }>
        label={t('mediation.perf.markDone')}
        title={t('mediation.perf.markDone')}
        action="perf-done"
        path={path}
        toBody={toBody(true)}
      >
        <Form.Item name="note" label={t('mediation.perf.note')}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={2000} />
        </Form.Item>
      </ActionForm>
      {item.status === 'pending' ? (
        <ActionForm<{ note?: string }>
          label={t('mediation.perf.markBreach')}
          title={t('mediation.perf.markBreach')}
          action="perf-breach"
          danger
          path={path}
          toBody={toBody(false)}
        >
          <Form.Item
            name="note"
            label={t('mediation.perf.breachNote')}
            rules={[{ required: true, whitespace: true, message: t('common.required') }]}
          >
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={2000} />
          </Form.Item>
        </ActionForm>
      ) : null}
    </Flex>
  );
}

function Schedule({
  agreement,
  items,
  mediator,
}: {
  agreement: Agreement;
  items: PerformanceItem[];
  mediator: boolean;
}) {
  const { t, te, date, locale } = useI18n();
  const today = shanghaiToday();
  const termOf = (id: string) => agreement.text.terms.find((x) => x.id === id);
  const yuan = (cents: number | null) =>
    cents === null
      ? ''
      : t('mediation.perf.yuan', {
          n: (cents / 100).toLocaleString(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }),
        });
  return (
    <Table<PerformanceItem>
      size="small"
      pagination={false}
      rowKey={(p) => `${p.termId}-${p.instalment}`}
      dataSource={items}
      scroll={{ x: 640 }}
      onRow={(p) =>
        ({
          'data-perf-row': `${p.termId}-${p.instalment}`,
          'data-status': shownStatus(p, today),
          style: p.status === 'breached' ? { background: '#fff1f0' } : undefined,
        }) as HTMLAttributes<HTMLElement>
      }
      columns={[
        {
          key: 'term',
          title: t('mediation.perf.term'),
          render: (_, p) => (
            <>
              <div>{termOf(p.termId)?.content ?? p.termId}</div>
              {p.instalment > 0 ? (
                <Tag style={{ marginTop: 4 }}>{t('mediation.perf.instalment', { n: p.instalment })}</Tag>
              ) : null}
            </>
          ),
        },
        { key: 'amount', title: t('mediation.perf.amount'), render: (_, p) => yuan(p.amountCents) },
        { key: 'due', title: t('mediation.perf.dueDate'), render: (_, p) => date(p.dueDate) },
        {
          key: 'status',
          title: t('mediation.perf.status'),
          render: (_, p) => {
            const s = shownStatus(p, today);
            return (
              <Flex vertical gap={2}>
                <span>
                  <Tag color={COLOUR[s]}>{te('mediation.perf.s', s)}</Tag>
                </span>
                {s === 'due' ? (
                  <small>{t('mediation.perf.daysLeft', { n: daysBetween(today, p.dueDate) })}</small>
                ) : null}
                {p.note ? <small style={{ color: '#595959' }}>{p.note}</small> : null}
              </Flex>
            );
          },
        },
        ...(mediator
          ? [
              {
                key: 'act',
                title: t('mediation.perf.record'),
                render: (_: unknown, p: PerformanceItem) =>
                  p.status === 'performed' ? null : <RecordButtons agreementId={agreement.id} item={p} />,
              },
            ]
          : []),
      ]}
    />
  );
}

/** The performance of the agreement (履行): each obligation and instalment, breaches, follow-up visits. */
export function PerformancePanel({ data, isMediator }: { data: MediationBundle; isMediator: boolean }) {
  const { t, date } = useI18n();
  const versions = useAgreementVersions(data.m.id);
  // the newest sealed version: a draft superseding it has no schedule of its own yet
  const sealed = (versions.data ?? []).filter((v) => v.sealAffixedAt).at(-1);
  const perf = usePerformance(sealed?.id);
  if (!sealed || !perf.data) return null;
  const breached = perf.data.items.filter((p) => p.status === 'breached').length;
  const today = shanghaiToday();
  return (
    <Card
      title={t('mediation.perf.title', { v: sealed.version })}
      data-testid="performance-panel"
      data-agreement-id={sealed.id}
      extra={<AgreementStatusTag status={sealed.status} testId="performance-agreement-status" />}
    >
      {breached > 0 ? (
        <Alert
          type="error"
          showIcon
          data-testid="breach-alert"
          title={t('mediation.perf.breachAlert', { n: breached })}
          description={t('mediation.perf.breachHint')}
          style={{ marginBottom: 12 }}
        />
      ) : null}
      <Schedule agreement={sealed} items={perf.data.items} mediator={isMediator} />
      <List
        size="small"
        style={{ marginTop: 16 }}
        data-testid="followups"
        header={
          <Flex justify="space-between" align="center" gap={8} wrap>
            <strong>{t('mediation.perf.followUps')}</strong>
            <Button
              icon={<CalendarOutlined />}
              href={followUpsUrl(sealed.id)}
              download
              data-action="download-ics"
            >
              {t('mediation.perf.downloadIcs')}
            </Button>
          </Flex>
        }
        dataSource={perf.data.followUps}
        renderItem={(d) => (
          <List.Item data-followup={d}>
            <span>{t('mediation.perf.visitOn', { date: date(d) })}</span>
            <Tag color={d < today ? 'default' : 'processing'}>
              {t(d < today ? 'mediation.perf.visitPast' : 'mediation.perf.visitAhead')}
            </Tag>
          </List.Item>
        )}
      />
    </Card>
  );
}
