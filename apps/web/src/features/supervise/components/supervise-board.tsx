import type { ReactNode } from 'react';
import { QueueBoard } from '../../../components/queue-board.tsx';
import { useI18n } from '../../../lib/i18n/index.tsx';
import { SuperviseSummary } from './supervise-summary.tsx';

export function SuperviseBoard({ renderCase }: { renderCase: (id: string, close: () => void) => ReactNode }) {
  const { t } = useI18n();
  return (
    <QueueBoard
      title={t('supervise.title')}
      before={<SuperviseSummary />}
      tabs={[
        { key: 'overdue', label: t('supervise.overdue'), filters: { due: 'overdue' } },
        { key: 'soon', label: t('supervise.dueSoon'), filters: { due: 'due_soon' } },
      ]}
      filterKeys={['q', 'colour', 'kind', 'region']}
      poll
      emptyText={t('cases.empty')}
      renderCase={renderCase}
    />
  );
}
