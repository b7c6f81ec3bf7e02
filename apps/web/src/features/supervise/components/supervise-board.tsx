import type { ReactNode } from 'react';
import { useSearchParams } from 'react-router';
import { QueueBoard } from '../../../components/queue-board.tsx';
import { useI18n } from '../../../lib/i18n/index.tsx';
import { SuperviseSummary } from './supervise-summary.tsx';
import { SupervisionOrders } from './supervision-orders.tsx';

/**
 * The supervisor's screen: overdue and due-soon work in scope (counted by owning center and lead
 * department), the urges and supervision orders to follow, and each case in a drawer where a
 * supervisor urges (催办) or issues a supervision order (督办) with its own time limit.
 */
export function SuperviseBoard({ renderCase }: { renderCase: (id: string, close: () => void) => ReactNode }) {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const open = (id: string) => {
    const next = new URLSearchParams(params);
    next.set('case', id);
    setParams(next);
  };
  return (
    <QueueBoard
      title={t('supervise.title')}
      before={
        <>
          <SuperviseSummary />
          <SupervisionOrders onOpen={open} />
        </>
      }
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
