import { Card, Empty, Flex, Input, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../../lib/i18n/index.tsx';
import type { Household } from '../api/types.ts';

export const WARNING_COLOUR: Record<string, string> = {
  blue: 'blue',
  yellow: 'gold',
  orange: 'orange',
  red: 'red',
};

/** the warning colour of each risk level (家庭风险五级分类) */
const LEVEL_WARNING: Record<string, string | null> = {
  safe: null,
  micro: 'blue',
  low: 'yellow',
  medium: 'orange',
  high: 'red',
};

export function RiskTag({ level, warning }: { level: string; warning?: string | null }) {
  const { te } = useI18n();
  const colour = warning === undefined ? LEVEL_WARNING[level] : warning;
  return (
    <Tag color={colour ? WARNING_COLOUR[colour] : 'green'} variant={colour ? 'solid' : 'outlined'}>
      {te('fieldApp.risk', level)}
    </Tag>
  );
}

/** The households of the worker's villages, the ones at risk first. */
export function HouseholdList({
  households,
  onOpen,
}: {
  households: Household[];
  onOpen: (h: Household) => void;
}) {
  const { t } = useI18n();
  const [q, setQ] = useState('');
  const rank = ['high', 'medium', 'low', 'micro', 'safe'];
  const shown = households
    .filter((h) => !q || h.address.includes(q) || h.headName.includes(q))
    .sort((a, b) => rank.indexOf(a.risk.level) - rank.indexOf(b.risk.level));
  return (
    <Flex vertical gap={8}>
      <Input.Search
        allowClear
        placeholder={t('fieldApp.households.search')}
        onChange={(e) => setQ(e.target.value)}
      />
      {shown.slice(0, 200).map((h) => (
        <Card key={h.id} size="small" hoverable onClick={() => onOpen(h)} className="field-household">
          <Flex justify="space-between" align="center">
            <Typography.Text strong>{h.headName}</Typography.Text>
            <Flex gap={4}>
              {h.regrade ? <Tag color="warning">{t('fieldApp.households.regrade')}</Tag> : null}
              <RiskTag level={h.risk.level} warning={h.risk.warning} />
            </Flex>
          </Flex>
          <Typography.Text type="secondary">
            {h.regionName} · {h.address}
          </Typography.Text>
        </Card>
      ))}
      {shown.length ? null : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('fieldApp.households.none')} />
      )}
    </Flex>
  );
}
