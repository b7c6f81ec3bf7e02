import { Descriptions, Flex, Typography } from 'antd';
import { ColourTag, DueTag, StatusTag } from '../../../components/tags.tsx';
import type { Case } from '../../../lib/api/types.ts';
import { useI18n } from '../../../lib/i18n/index.tsx';
import { useRoutingSuggestions } from '../api/suggestions.ts';

export function CaseOverview({ caseData: c }: { caseData: Case }) {
  const { t, te, dateTime } = useI18n();
  const none = t('common.none');
  const gridId = c.place?.gridId ?? null;
  const place = useRoutingSuggestions(c.id, !!gridId).data?.place;
  const gridName = place?.gridName
    ? t('case.gridName', { name: place.gridName, code: place.gridCode ?? '' })
    : gridId;
  const items = [
    {
      key: 'trackingCode',
      label: t('case.trackingCode'),
      children: (
        <Typography.Text copyable className="tracking-code">
          {c.trackingCode}
        </Typography.Text>
      ),
    },
    {
      key: 'status',
      label: t('case.status'),
      children: (
        <Flex gap={4} wrap>
          <StatusTag status={c.status} />
          <ColourTag colour={c.colour} />
          <DueTag state={c.dueState} />
        </Flex>
      ),
    },
    { key: 'kind', label: t('case.kind'), children: te('kind', c.kind) },
    { key: 'channel', label: t('case.channel'), children: te('channel', c.channel) },
    { key: 'category', label: t('case.category'), children: c.categoryName || none },
    { key: 'complexity', label: t('case.complexity'), children: te('complexity', c.complexity) || none },
    { key: 'region', label: t('case.region'), children: c.regionName || none },
    ...(gridId ? [{ key: 'grid', label: t('case.grid'), children: gridName }] : []),
    { key: 'address', label: t('case.address'), children: c.place?.address || none },
    { key: 'createdAt', label: t('case.createdAt'), children: dateTime(c.createdAt) },
    { key: 'dueAt', label: t('case.dueAt'), children: dateTime(c.dueAt) || none },
    ...(c.satisfaction
      ? [{ key: 'satisfaction', label: t('case.satisfaction'), children: te('satisfaction', c.satisfaction) }]
      : []),
    ...(c.reopenCount ? [{ key: 'reopen', label: t('case.reopenCount'), children: c.reopenCount }] : []),
    ...(c.mergedIntoId ? [{ key: 'merged', label: t('case.mergedInto'), children: c.mergedIntoId }] : []),
    {
      key: 'description',
      label: t('case.description'),
      span: 2,
      children: (
        <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>
          {c.description}
        </Typography.Paragraph>
      ),
    },
  ];
  return <Descriptions bordered size="small" column={{ xs: 1, sm: 2 }} items={items} />;
}

export function DeadlineList({ caseData: c }: { caseData: Case }) {
  const { t, dateTime } = useI18n();
  const d = c.deadlines ?? { acceptBy: null, resolveBy: null, verifyBy: null, callbackBy: null };
  const items = (['acceptBy', 'resolveBy', 'verifyBy', 'callbackBy'] as const)
    .filter((k) => d[k])
    .map((k) => ({ key: k, label: t(`case.deadline.${k}`), children: dateTime(d[k]) }));
  if (items.length === 0) return null;
  return <Descriptions size="small" column={{ xs: 1, sm: 2 }} items={items} />;
}
