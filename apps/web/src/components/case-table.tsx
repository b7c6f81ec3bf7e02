import { Button, Flex, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { CaseSummary } from '../lib/api/types.ts';
import { useI18n } from '../lib/i18n/index.tsx';
import { ColourTag, DueTag, StatusTag } from './tags.tsx';

interface Props {
  items: CaseSummary[];
  loading?: boolean;
  onOpen: (id: string) => void;
  hasMore?: boolean;
  loadingMore?: boolean;
  onMore?: () => void;
  emptyText?: string;
  /**
   * Virtual rows (a live queue of thousands): only the rows in view are in the DOM, and the next
   * page loads as the list is scrolled near its end. The value is the list's height in pixels.
   */
  virtualHeight?: number;
}

/** How close to the end (px) a virtual list asks for the next page. */
const NEAR_END = 300;

export function CaseTable({
  items,
  loading,
  onOpen,
  hasMore,
  loadingMore,
  onMore,
  emptyText,
  virtualHeight,
}: Props) {
  const { t, te, dateTime } = useI18n();
  const columns: ColumnsType<CaseSummary> = [
    {
      title: t('case.trackingCode'),
      dataIndex: 'trackingCode',
      width: 150,
      render: (code: string, row) => (
        <Button
          type="link"
          size="small"
          className="tracking-code"
          style={{ padding: 0 }}
          onClick={(e) => {
            e.stopPropagation();
            onOpen(row.id);
          }}
        >
          {code}
        </Button>
      ),
    },
    {
      title: t('case.colour'),
      dataIndex: 'colour',
      width: 70,
      render: (_: unknown, row) => <ColourTag colour={row.colour} />,
    },
    {
      title: t('case.status'),
      dataIndex: 'status',
      width: 110,
      render: (_: unknown, row) => <StatusTag status={row.status} />,
    },
    { title: t('case.kind'), dataIndex: 'kind', width: 100, render: (k: string) => te('kind', k) },
    { title: t('case.category'), dataIndex: 'categoryName', width: 130, ellipsis: true },
    {
      title: t('case.description'),
      dataIndex: 'description',
      width: 280,
      ellipsis: true,
      render: (text: string) => <Typography.Text ellipsis={{ tooltip: text }}>{text}</Typography.Text>,
    },
    { title: t('case.region'), dataIndex: 'regionName', width: 120, ellipsis: true },
    { title: t('case.createdAt'), dataIndex: 'createdAt', width: 150, render: (v: string) => dateTime(v) },
    {
      title: t('case.dueAt'),
      dataIndex: 'dueAt',
      width: 200,
      render: (v: string | null, row) => (
        <Flex gap={4} align="center" wrap>
          <span>{dateTime(v)}</span>
          <DueTag state={row.dueState} />
        </Flex>
      ),
    },
  ];
  return (
    <>
      <Table<CaseSummary>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={items}
        loading={loading}
        pagination={false}
        scroll={virtualHeight ? { x: 1380, y: virtualHeight } : { x: 1380 }}
        virtual={!!virtualHeight}
        onScroll={
          virtualHeight
            ? (e) => {
                const el = e.currentTarget;
                if (hasMore && !loadingMore && el.scrollTop + el.clientHeight >= el.scrollHeight - NEAR_END)
                  onMore?.();
              }
            : undefined
        }
        locale={emptyText ? { emptyText } : undefined}
        rowClassName={() => 'clickable-row'}
        onRow={(row) => ({ onClick: () => onOpen(row.id) })}
      />
      {hasMore ? (
        <Flex justify="center" style={{ marginTop: 12 }}>
          <Button onClick={onMore} loading={loadingMore}>
            {t('common.more')}
          </Button>
        </Flex>
      ) : null}
    </>
  );
}
