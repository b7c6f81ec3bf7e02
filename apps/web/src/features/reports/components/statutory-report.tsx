import { FileExcelOutlined, FilePdfOutlined } from '@ant-design/icons';
import { App, Button, DatePicker, Flex, Segmented, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { type MessageKey, useI18n } from '../../../lib/i18n/index.tsx';
import { downloadReport, type LedgerRow, type ReportKind, type ScreeningRow, useReport } from '../api.ts';

const monthOf = (d: Dayjs) => d.format('YYYY-MM');
const quarterOf = (d: Dayjs) => `${d.year()}-Q${Math.floor(d.month() / 3) + 1}`;

/** A statutory table for a month or a quarter: previewed here, downloaded as Excel or PDF. */
export function StatutoryReport({
  kind,
  onOpenCase,
}: {
  kind: ReportKind;
  onOpenCase: (id: string) => void;
}) {
  const { t, te, date } = useI18n();
  const { message } = App.useApp();
  const [unit, setUnit] = useState<'month' | 'quarter'>('month');
  const [at, setAt] = useState<Dayjs>(() => dayjs().subtract(1, 'month'));
  const of = unit === 'month' ? monthOf(at) : quarterOf(at);
  const report = useReport<ScreeningRow | LedgerRow>(kind, of);
  const [busy, setBusy] = useState<string | null>(null);
  const download = async (format: 'xlsx' | 'pdf') => {
    setBusy(format);
    try {
      await downloadReport(kind, of, format);
    } catch (e) {
      message.error((e as Error).message);
    } finally {
      setBusy(null);
    }
  };
  const pct = (r: number | null) => (r === null ? '—' : `${(r * 100).toFixed(1)}%`);
  const screening: ColumnsType<ScreeningRow> = [
    {
      title: t('reports.screening.region'),
      dataIndex: 'name',
      render: (n: string, r) => <span style={{ paddingLeft: r.depth * 16 }}>{n}</span>,
    },
    {
      title: t('reports.screening.level'),
      dataIndex: 'level',
      width: 110,
      render: (l: string) => t(`analysis.warning.level.${l}` as MessageKey),
    },
    { title: t('reports.screening.screened'), dataIndex: 'screened', align: 'right', width: 110 },
    { title: t('reports.screening.mediated'), dataIndex: 'mediated', align: 'right', width: 110 },
    { title: t('reports.screening.succeeded'), dataIndex: 'succeeded', align: 'right', width: 120 },
    {
      title: t('reports.screening.successRate'),
      dataIndex: 'successRate',
      align: 'right',
      width: 110,
      render: pct,
    },
  ];
  const ledger: ColumnsType<LedgerRow> = [
    { title: t('reports.ledger.no'), dataIndex: 'no', width: 60 },
    {
      title: t('reports.ledger.code'),
      dataIndex: 'trackingCode',
      width: 160,
      render: (code: string, r) => (
        <Typography.Link onClick={() => onOpenCase(r.caseId)}>{code}</Typography.Link>
      ),
    },
    {
      title: t('reports.ledger.registered'),
      dataIndex: 'registeredAt',
      width: 110,
      render: (d: string) => date(d),
    },
    { title: t('reports.ledger.place'), dataIndex: 'place', width: 110 },
    { title: t('reports.ledger.category'), dataIndex: 'category', width: 110 },
    { title: t('reports.ledger.parties'), dataIndex: 'parties', width: 120 },
    { title: t('reports.ledger.summary'), dataIndex: 'summary', ellipsis: true },
    { title: t('reports.ledger.lead'), dataIndex: 'leadDepartment', width: 120 },
    { title: t('reports.ledger.leader'), dataIndex: 'leaderInCharge', width: 110 },
    {
      title: t('reports.ledger.status'),
      dataIndex: 'status',
      width: 90,
      render: (s: string) => te('status', s),
    },
    {
      title: t('reports.ledger.closed'),
      dataIndex: 'closedAt',
      width: 110,
      render: (d: string | null) => date(d),
    },
  ];
  return (
    <>
      <Flex gap={8} wrap align="center" style={{ marginBottom: 12 }}>
        <Typography.Text>{t('reports.period')}</Typography.Text>
        <Segmented
          value={unit}
          onChange={(u) => setUnit(u as 'month' | 'quarter')}
          options={[
            { value: 'month', label: t('reports.period.month') },
            { value: 'quarter', label: t('reports.period.quarter') },
          ]}
        />
        <DatePicker
          picker={unit}
          allowClear={false}
          value={at}
          format={unit === 'month' ? 'YYYY-MM' : (d) => quarterOf(d)}
          onChange={(d) => d && setAt(d)}
          disabledDate={(d) => d.isAfter(dayjs(), 'month')}
        />
        <Button icon={<FileExcelOutlined />} loading={busy === 'xlsx'} onClick={() => download('xlsx')}>
          {t('reports.download.xlsx')}
        </Button>
        <Button icon={<FilePdfOutlined />} loading={busy === 'pdf'} onClick={() => download('pdf')}>
          {t('reports.download.pdf')}
        </Button>
      </Flex>
      {kind === 'screening' ? (
        <Table<ScreeningRow>
          size="small"
          rowKey="regionId"
          className="report-table"
          loading={report.isLoading || report.isPlaceholderData}
          dataSource={(report.data?.rows ?? []) as ScreeningRow[]}
          columns={screening}
          pagination={false}
          locale={{ emptyText: t('reports.empty') }}
        />
      ) : (
        <Table<LedgerRow>
          size="small"
          rowKey="caseId"
          className="report-table"
          loading={report.isLoading || report.isPlaceholderData}
          dataSource={(report.data?.rows ?? []) as LedgerRow[]}
          columns={ledger}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          locale={{ emptyText: t('reports.empty') }}
        />
      )}
    </>
  );
}
