import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { Drawer } from 'antd';
import { CaseTable } from '../../../components/case-table.tsx';
import { api } from '../../../lib/api/client.ts';
import type { CaseSummary, Page } from '../../../lib/api/types.ts';
import { useI18n } from '../../../lib/i18n/index.tsx';
import type { NodeRef } from '../api.ts';
import type { Drill } from './figure-charts.tsx';

/** The cases behind a figure, counted as the figure was: the last step of the drill-down. */
export function DrillDrawer({
  node,
  nodeName,
  drill,
  onClose,
  onOpen,
}: {
  node: NodeRef;
  nodeName: string;
  drill: Drill | null;
  onClose: () => void;
  onOpen: (caseId: string) => void;
}) {
  const { t } = useI18n();
  const query = useInfiniteQuery({
    queryKey: ['overview', 'cases', node, drill?.filter],
    queryFn: ({ pageParam, signal }) =>
      api.get<Page<CaseSummary>>(
        '/overview/cases',
        { ...node, ...drill?.filter, limit: 50, cursor: pageParam },
        signal,
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled: !!drill,
    placeholderData: keepPreviousData,
  });
  const items = query.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Drawer
      open={!!drill}
      onClose={onClose}
      size="large"
      title={drill ? t('overview.drill.title', { name: nodeName, what: drill.what }) : null}
    >
      <CaseTable
        items={items}
        loading={query.isLoading}
        onOpen={onOpen}
        hasMore={query.hasNextPage}
        loadingMore={query.isFetchingNextPage}
        onMore={() => query.fetchNextPage()}
        emptyText={t('overview.drill.empty')}
      />
    </Drawer>
  );
}
