import { Empty, Flex, List, Space, Tag, Typography } from 'antd';
import { type MessageKey, useI18n } from '../../../lib/i18n/index.tsx';
import type { Warning } from '../api.ts';

const TAG: Record<Warning['colour'], string> = { blue: 'blue', yellow: 'gold', orange: 'orange', red: 'red' };

export function WarningTag({ w }: { w: Pick<Warning, 'colour' | 'kind'> }) {
  const { t } = useI18n();
  return (
    <Tag color={TAG[w.colour]} variant="solid">
      {t(`analysis.warning.kind.${w.kind}` as MessageKey) || w.kind}
    </Tag>
  );
}

/** A warning in a line: colour and kind, the title, where it is handled, and links to its cases. */
export function WarningCompactList({
  items,
  loading,
  onOpenCase,
}: {
  items: Warning[];
  loading?: boolean;
  onOpenCase: (id: string) => void;
}) {
  const { t, relative } = useI18n();
  if (!loading && !items.length) return <Empty description={t('overview.warnings.empty')} />;
  return (
    <List
      size="small"
      loading={loading}
      className="warning-list"
      dataSource={items}
      renderItem={(w) => (
        <List.Item className="warning-item" data-warning={w.id}>
          <Flex vertical gap={2} style={{ width: '100%' }}>
            <Flex justify="space-between" gap={8}>
              <Flex gap={4} align="center" style={{ minWidth: 0, flex: 1 }}>
                <WarningTag w={w} />
                <Typography.Text strong ellipsis={{ tooltip: w.title }} style={{ minWidth: 0 }}>
                  {w.title}
                </Typography.Text>
              </Flex>
              <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }}>
                {relative(w.detectedAt)}
              </Typography.Text>
            </Flex>
            <Space size={4} wrap>
              <Typography.Text type="secondary">
                {t('analysis.warning.handledAt', {
                  level: t(`analysis.warning.level.${w.level}` as MessageKey),
                  region: w.regionName,
                })}
              </Typography.Text>
              {w.cases.slice(0, 2).map((c) => (
                <Typography.Link key={c.id} className="warning-case" onClick={() => onOpenCase(c.id)}>
                  {c.trackingCode}
                </Typography.Link>
              ))}
              {w.caseCount > 2 ? (
                <Typography.Text type="secondary">
                  {t('analysis.warning.cases', { count: w.caseCount })}
                </Typography.Text>
              ) : null}
            </Space>
          </Flex>
        </List.Item>
      )}
    />
  );
}
