import { Select, Tabs } from 'antd';
import { PageHeader } from '../../../components/page-header.tsx';
import { useI18n } from '../../../lib/i18n/index.tsx';
import { CategoryTrends } from './category-trends.tsx';
import { TopicsTable } from './topics-table.tsx';
import { WarningsTable } from './warnings-table.tsx';

export type AnalysisTab = 'warnings' | 'hotTopics' | 'repeats' | 'trends';

export function AnalysisPage({
  tab,
  days,
  canAct,
  onChange,
  onOpenCase,
}: {
  tab: AnalysisTab;
  days: number;
  canAct: boolean;
  onChange: (next: { tab?: AnalysisTab; days?: number }) => void;
  onOpenCase: (id: string) => void;
}) {
  const { t } = useI18n();
  const daysPicker = (
    <Select
      aria-label={t('analysis.days')}
      style={{ width: 140 }}
      value={days}
      onChange={(d) => onChange({ days: d })}
      options={[7, 14, 30, 90].map((d) => ({ value: d, label: t('analysis.daysOption', { days: d }) }))}
    />
  );
  return (
    <>
      <PageHeader
        title={t('analysis.title')}
        subtitle={t('analysis.subtitle')}
        extra={tab === 'hotTopics' || tab === 'trends' ? daysPicker : null}
      />
      <Tabs
        activeKey={tab}
        onChange={(k) => onChange({ tab: k as AnalysisTab })}
        destroyOnHidden
        items={[
          {
            key: 'warnings',
            label: t('analysis.tab.warnings'),
            children: <WarningsTable canAct={canAct} onOpenCase={onOpenCase} />,
          },
          {
            key: 'hotTopics',
            label: t('analysis.tab.hotTopics'),
            children: <TopicsTable days={days} onOpenCase={onOpenCase} />,
          },
          {
            key: 'repeats',
            label: t('analysis.tab.repeats'),
            children: (
              <WarningsTable
                kinds={['repeat_caller', 'repeat_place', 'returning_petition']}
                canAct={canAct}
                onOpenCase={onOpenCase}
              />
            ),
          },
          { key: 'trends', label: t('analysis.tab.trends'), children: <CategoryTrends days={days} /> },
        ]}
      />
    </>
  );
}
