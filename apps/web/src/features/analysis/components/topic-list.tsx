import { Empty, Flex, List, Space, Tag, Typography } from 'antd';
import { useI18n } from '../../../lib/i18n/index.tsx';
import type { HotTopic } from '../api.ts';

/** Hot topics in lines: the place and category, the shared words, the count against the week before. */
export function TopicCompactList({
  items,
  loading,
  onOpenCase,
}: {
  items: HotTopic[];
  loading?: boolean;
  onOpenCase: (id: string) => void;
}) {
  const { t } = useI18n();
  if (!loading && !items.length) return <Empty description={t('overview.hotTopics.empty')} />;
  return (
    <List
      size="small"
      loading={loading}
      className="topic-list"
      dataSource={items}
      renderItem={(x) => {
        const rising = x.count > x.previousCount;
        return (
          <List.Item className="topic-item">
            <Flex vertical gap={2} style={{ width: '100%' }}>
              <Flex justify="space-between" gap={8}>
                <Typography.Text strong ellipsis style={{ maxWidth: 420 }}>
                  {x.regionName} · {x.categoryName}
                </Typography.Text>
                <Tag color={rising ? 'red' : 'default'}>
                  {rising ? '↑' : '→'}{' '}
                  {t('overview.hotTopics.cases', { count: x.count, previous: x.previousCount })}
                </Tag>
              </Flex>
              <Space size={4} wrap>
                {x.keywords.slice(0, 3).map((k) => (
                  <Tag key={k} bordered={false}>
                    {k}
                  </Tag>
                ))}
                {x.samples.slice(0, 1).map((c) => (
                  <Typography.Link key={c.id} onClick={() => onOpenCase(c.id)}>
                    {c.trackingCode}
                  </Typography.Link>
                ))}
              </Space>
            </Flex>
          </List.Item>
        );
      }}
    />
  );
}
