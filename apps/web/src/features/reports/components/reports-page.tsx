import { Tabs } from 'antd';
import { PageHeader } from '../../../components/page-header.tsx';
import { useI18n } from '../../../lib/i18n/index.tsx';
import { AssessmentTable } from './assessment-table.tsx';
import { StatutoryReport } from './statutory-report.tsx';

export type ReportsTab = 'assessment' | 'screening' | 'ledger';

export function ReportsPage({
  tab,
  onTab,
  onOpenCase,
}: {
  tab: ReportsTab;
  onTab: (tab: ReportsTab) => void;
  onOpenCase: (id: string) => void;
}) {
  const { t } = useI18n();
  return (
    <>
      <PageHeader title={t('reports.title')} subtitle={t('reports.subtitle')} />
      <Tabs
        activeKey={tab}
        onChange={(k) => onTab(k as ReportsTab)}
        destroyOnHidden
        items={[
          {
            key: 'assessment',
            label: t('reports.tab.assessment'),
            children: <AssessmentTable onOpenCase={onOpenCase} />,
          },
          {
            key: 'screening',
            label: t('reports.tab.screening'),
            children: <StatutoryReport kind="screening" onOpenCase={onOpenCase} />,
          },
          {
            key: 'ledger',
            label: t('reports.tab.ledger'),
            children: <StatutoryReport kind="ledger" onOpenCase={onOpenCase} />,
          },
        ]}
      />
    </>
  );
}
