import type { ReactNode } from 'react';
import { QueueBoard } from '../../../components/queue-board.tsx';
import { useI18n } from '../../../lib/i18n/index.tsx';

export function FieldBoard({ renderCase }: { renderCase: (id: string, close: () => void) => ReactNode }) {
  const { t } = useI18n();
  return (
    <QueueBoard
      title={t('field.title')}
      subtitle={t('field.subtitle')}
      tabs={[{ key: 'verify', label: t('home.queue.toVerify'), filters: { status: 'resolved' } }]}
      view="cards"
      openLabel={t('field.verify')}
      emptyText={t('field.empty')}
      renderCase={renderCase}
    />
  );
}
