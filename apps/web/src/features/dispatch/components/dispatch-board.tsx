import type { ReactNode } from 'react';
import { QueueBoard, type QueueTab } from '../../../components/queue-board.tsx';
import { useI18n } from '../../../lib/i18n/index.tsx';

export function DispatchBoard({ renderCase }: { renderCase: (id: string, close: () => void) => ReactNode }) {
  const { t } = useI18n();
  const tabs: QueueTab[] = [
    { key: 'accept', label: t('dispatch.tab.toAccept'), filters: { status: 'submitted' } },
    { key: 'triage', label: t('dispatch.tab.toTriage'), filters: { status: 'accepted' } },
    { key: 'dispatch', label: t('dispatch.tab.toDispatch'), filters: { status: 'triaged' } },
    { key: 'objected', label: t('dispatch.tab.objected'), filters: { status: 'objected' } },
    { key: 'extension', label: t('dispatch.tab.extension'), filters: { status: 'extension_requested' } },
    { key: 'pool', label: t('dispatch.tab.pool'), filters: { status: 'in_pool' } },
    { key: 'all', label: t('dispatch.tab.all'), filters: {} },
  ];
  return (
    <QueueBoard
      title={t('dispatch.title')}
      tabs={tabs}
      filterKeys={['q', 'colour', 'due', 'region']}
      poll
      emptyText={t('cases.empty')}
      renderCase={renderCase}
    />
  );
}
