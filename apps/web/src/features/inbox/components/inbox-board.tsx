import type { ReactNode } from 'react';
import { QueueBoard, type QueueTab } from '../../../components/queue-board.tsx';
import { useI18n } from '../../../lib/i18n/index.tsx';

export function InboxBoard({ renderCase }: { renderCase: (id: string, close: () => void) => ReactNode }) {
  const { t } = useI18n();
  const tabs: QueueTab[] = [
    { key: 'ack', label: t('inbox.tab.toAcknowledge'), filters: { status: 'dispatched', mine: true } },
    { key: 'progress', label: t('inbox.tab.inProgress'), filters: { status: 'in_progress', mine: true } },
    {
      key: 'extension',
      label: t('inbox.tab.extension'),
      filters: { status: 'extension_requested', mine: true },
    },
    { key: 'pool', label: t('inbox.tab.pool'), filters: { status: 'in_pool' } },
    { key: 'done', label: t('inbox.tab.done'), filters: { status: 'resolved', mine: true } },
  ];
  return (
    <QueueBoard
      title={t('inbox.title')}
      tabs={tabs}
      filterKeys={['q', 'colour', 'due']}
      poll
      emptyText={t('cases.empty')}
      renderCase={renderCase}
    />
  );
}
