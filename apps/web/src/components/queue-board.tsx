import { SyncOutlined } from '@ant-design/icons';
import { Alert, Card, Drawer, Flex, Grid, Tabs, Typography } from 'antd';
import { type ReactNode, useState } from 'react';
import { useSearchParams } from 'react-router';
import { type CaseFilters, useCaseList } from '../lib/api/case-queries.ts';
import { useErrorText } from '../lib/errors.ts';
import { useI18n } from '../lib/i18n/index.tsx';
import { CaseCards } from './case-cards.tsx';
import { CaseTable } from './case-table.tsx';
import { PageHeader } from './page-header.tsx';
import { type FilterKey, QueueFilters } from './queue-filters.tsx';

export interface QueueTab {
  key: string;
  label: string;
  filters: CaseFilters;
}

interface Props {
  title: string;
  subtitle?: string;
  tabs: QueueTab[];
  filterKeys?: FilterKey[];
  poll?: boolean;
  emptyText?: string;
  /** 'cards' suits phones (grid workers); 'table' suits desks. */
  view?: 'table' | 'cards';
  openLabel?: string;
  before?: ReactNode;
  renderCase: (id: string, close: () => void) => ReactNode;
}

export function QueueBoard(props: Props) {
  const {
    title,
    subtitle,
    tabs,
    filterKeys = [],
    poll,
    emptyText,
    view = 'table',
    openLabel,
    before,
    renderCase,
  } = props;
  const { t, dateTime } = useI18n();
  const errorText = useErrorText();
  const screens = Grid.useBreakpoint();
  const [params, setParams] = useSearchParams();
  const [filters, setFilters] = useState<CaseFilters>({});
  const tabKey = params.get('tab') ?? tabs[0].key;
  const tab = tabs.find((x) => x.key === tabKey) ?? tabs[0];
  const openId = params.get('case');
  const list = useCaseList({ ...filters, ...tab.filters }, { poll, limit: view === 'table' ? 100 : 50 });

  const update = (patch: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) {
      if (v === null) next.delete(k);
      else next.set(k, v);
    }
    setParams(next, { replace: patch.case === undefined });
  };
  const close = () => update({ case: null });

  return (
    <>
      <PageHeader
        title={title}
        subtitle={subtitle}
        extra={
          poll ? (
            <Typography.Text type="secondary">
              <SyncOutlined spin={list.isFetching} /> {list.live ? t('common.live') : t('common.autoRefresh')}
              {list.dataUpdatedAt
                ? ` · ${t('common.updatedAt', { time: dateTime(new Date(list.dataUpdatedAt).toISOString()) })}`
                : ''}
            </Typography.Text>
          ) : null
        }
      />
      {before}
      <Card>
        <Tabs
          activeKey={tab.key}
          onChange={(key) => update({ tab: key })}
          items={tabs.map((x) => ({ key: x.key, label: x.label }))}
        />
        {filterKeys.length ? (
          <div style={{ marginBottom: 12 }}>
            <QueueFilters keys={filterKeys} value={filters} onChange={setFilters} />
          </div>
        ) : null}
        {list.error ? (
          <Alert type="error" showIcon title={errorText(list.error)} style={{ marginBottom: 12 }} />
        ) : null}
        {view === 'cards' ? (
          <CaseCards
            items={list.items}
            loading={list.isLoading}
            onOpen={(id) => update({ case: id })}
            openLabel={openLabel}
            hasMore={list.hasNextPage}
            onMore={() => void list.fetchNextPage()}
            emptyText={emptyText}
          />
        ) : (
          <CaseTable
            virtualHeight={Math.max(360, (typeof window === 'undefined' ? 900 : window.innerHeight) - 320)}
            items={list.items}
            loading={list.isLoading}
            onOpen={(id) => update({ case: id })}
            hasMore={list.hasNextPage}
            loadingMore={list.isFetchingNextPage}
            onMore={() => void list.fetchNextPage()}
            emptyText={emptyText}
          />
        )}
      </Card>
      <Drawer
        open={!!openId}
        onClose={close}
        size={screens.md ? 760 : '100%'}
        destroyOnHidden
        title={t('case.title')}
      >
        {openId ? <Flex vertical>{renderCase(openId, close)}</Flex> : null}
      </Drawer>
    </>
  );
}
