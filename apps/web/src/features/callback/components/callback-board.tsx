import type { ReactNode } from 'react';
import { QueueBoard } from '../../../components/queue-board.tsx';
import { useI18n } from '../../../lib/i18n/index.tsx';

export function CallbackBoard({ renderCase }: { renderCase: (id: string, close: () => void) => ReactNode }) {
  const { t } = useI18n();
  return (
    <QueueBoard
      title={t('callback.title')}
      subtitle={t('callback.subtitle')}
      tabs={[
        { key: 'todo', label: t('home.queue.toCallback'), filters: { status: 'verified' } },
        { key: 'done', label: t('status.called_back'), filters: { status: 'called_back' } },
      ]}
      filterKeys={['q', 'region']}
      poll
      emptyText={t('callback.empty')}
      renderCase={renderCase}
    />
  );
}
