import { EnvironmentOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Flex, Spin, Typography } from 'antd';
import type { CaseSummary } from '../lib/api/types.ts';
import { useI18n } from '../lib/i18n/index.tsx';
import { ColourTag, DueTag, StatusTag } from './tags.tsx';

interface Props {
  items: CaseSummary[];
  loading?: boolean;
  onOpen: (id: string) => void;
  openLabel?: string;
  emptyText?: string;
  hasMore?: boolean;
  onMore?: () => void;
}

/** Phone-first list of cases, one card each. */
export function CaseCards({ items, loading, onOpen, openLabel, emptyText, hasMore, onMore }: Props) {
  const { t, dateTime } = useI18n();
  if (loading) return <Spin style={{ display: 'block', margin: 32 }} />;
  if (items.length === 0) return <Empty description={emptyText} />;
  return (
    <Flex vertical gap={12}>
      {items.map((c) => (
        <Card key={c.id} size="small">
          <Flex justify="space-between" align="center" wrap gap={8}>
            <Typography.Text strong className="tracking-code">
              {c.trackingCode}
            </Typography.Text>
            <Flex gap={4}>
              <ColourTag colour={c.colour} />
              <StatusTag status={c.status} />
              <DueTag state={c.dueState} />
            </Flex>
          </Flex>
          <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ margin: '8px 0' }}>
            {c.description}
          </Typography.Paragraph>
          <Flex justify="space-between" align="center" wrap gap={8}>
            <Typography.Text type="secondary">
              <EnvironmentOutlined /> {c.regionName ?? t('common.none')} · {c.categoryName}
              {c.dueAt ? ` · ${t('case.dueAt')} ${dateTime(c.dueAt)}` : ''}
            </Typography.Text>
            <Button type="primary" onClick={() => onOpen(c.id)}>
              {openLabel ?? t('common.open')}
            </Button>
          </Flex>
        </Card>
      ))}
      {hasMore ? <Button onClick={onMore}>{t('common.more')}</Button> : null}
    </Flex>
  );
}
