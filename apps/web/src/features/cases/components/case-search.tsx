import { Card, Flex } from 'antd';
import { useState } from 'react';
import { CaseTable } from '../../../components/case-table.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { QueueFilters } from '../../../components/queue-filters.tsx';
import { type CaseFilters, useCaseList } from '../../../lib/api/case-queries.ts';
import { useI18n } from '../../../lib/i18n/index.tsx';

export function CaseSearch({ onOpen }: { onOpen: (id: string) => void }) {
  const { t } = useI18n();
  const [filters, setFilters] = useState<CaseFilters>({});
  const list = useCaseList(filters);
  return (
    <>
      <PageHeader title={t('cases.title')} />
      <Card>
        <Flex vertical gap={12}>
          <QueueFilters
            keys={['q', 'status', 'kind', 'colour', 'due', 'region']}
            value={filters}
            onChange={setFilters}
          />
          <CaseTable
            items={list.items}
            loading={list.isLoading}
            onOpen={onOpen}
            hasMore={list.hasNextPage}
            loadingMore={list.isFetchingNextPage}
            onMore={() => void list.fetchNextPage()}
            emptyText={t('cases.empty')}
          />
        </Flex>
      </Card>
    </>
  );
}
