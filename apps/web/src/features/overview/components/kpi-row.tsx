import { Card, Statistic, Tooltip } from 'antd';
import { useI18n } from '../../../lib/i18n/index.tsx';
import type { Figures } from '../api.ts';
import type { Drill } from './figure-charts.tsx';

const percent = (v: number | null) => (v === null ? null : Math.round(v * 1000) / 10);

export function KpiRow({ figures, onDrill }: { figures: Figures; onDrill: (d: Drill) => void }) {
  const { t } = useI18n();
  const link = (what: string, filter: Record<string, string>) => ({
    role: 'button',
    tabIndex: 0,
    hoverable: true,
    onClick: () => onDrill({ what, filter }),
    onKeyDown: (e: { key: string }) => e.key === 'Enter' && onDrill({ what, filter }),
  });
  const counts: {
    key: string;
    title: string;
    value: number;
    colour?: string;
    drill?: Record<string, string>;
  }[] = [
    { key: 'open', title: t('overview.kpi.open'), value: figures.open, drill: { open: 'true' } },
    { key: 'todayCreated', title: t('overview.kpi.todayCreated'), value: figures.today.created },
    { key: 'todayClosed', title: t('overview.kpi.todayClosed'), value: figures.today.closed },
    {
      key: 'overdue',
      title: t('overview.kpi.overdue'),
      value: figures.due.overdue,
      colour: '#cf1322',
      drill: { due: 'overdue' },
    },
    {
      key: 'dueSoon',
      title: t('overview.kpi.dueSoon', { hours: figures.due.dueSoonWithinHours }),
      value: figures.due.dueSoon,
      colour: '#d46b08',
      drill: { due: 'due_soon' },
    },
  ];
  return (
    <div
      className="overview-kpis"
      style={{
        display: 'grid',
        gridTemplateColumns: 'repeat(auto-fit, minmax(120px, 1fr))',
        gap: 12,
        marginBottom: 12,
      }}
    >
      {counts.map((c) => (
        <div key={c.key}>
          <Card size="small" data-kpi={c.key} {...(c.drill ? link(c.title, c.drill) : {})}>
            <Statistic
              title={c.title}
              value={c.value}
              styles={c.colour ? { content: { color: c.colour } } : undefined}
            />
          </Card>
        </div>
      ))}
      {figures.rates.map((r) => (
        <div key={r.key}>
          <Tooltip
            title={t('overview.rate.hint', {
              formula: r.formula,
              numerator: r.numerator,
              denominator: r.denominator,
            })}
          >
            <Card size="small" data-kpi={r.key}>
              <Statistic
                title={r.label}
                value={percent(r.value) ?? t('overview.rate.none')}
                suffix={r.value === null ? undefined : '%'}
                precision={r.value === null ? undefined : 1}
              />
            </Card>
          </Tooltip>
        </div>
      ))}
    </div>
  );
}
