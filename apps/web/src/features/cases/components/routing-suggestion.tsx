import { Alert, Button, Card, Flex, Tag, Typography } from 'antd';
import { useI18n } from '../../../lib/i18n/index.tsx';
import { type RoutingSuggestion as Suggestion, useRoutingSuggestions } from '../api/suggestions.ts';

interface Props {
  caseId: string;
  /** Fills the dispatch form's lead and co-handler fields. */
  onUse: (leadDepartmentId: string, coDepartmentIds: string[]) => void;
}

/** 建议主办/协办: the routing rule (or responsibility entry) that matched, shown in the dispatch form. */
export function RoutingSuggestionPanel({ caseId, onUse }: Props) {
  const { t } = useI18n();
  const query = useRoutingSuggestions(caseId);
  if (query.isLoading || query.error || !query.data) return null;
  const { suggestion, alternatives } = query.data;
  if (!suggestion) {
    return <Alert type="info" showIcon data-testid="routing-suggestion" title={t('routing.suggest.none')} />;
  }
  const use = (s: Suggestion) =>
    onUse(
      s.lead.id,
      s.co.map((c) => c.id),
    );
  return (
    <Card
      size="small"
      data-testid="routing-suggestion"
      title={t('routing.suggest.title')}
      extra={
        <Button type="primary" size="small" data-testid="routing-use" onClick={() => use(suggestion)}>
          {t('routing.suggest.use')}
        </Button>
      }
      style={{ marginBottom: 16 }}
    >
      <SuggestionBody s={suggestion} />
      {alternatives.length > 0 ? (
        <Flex vertical gap={4} style={{ marginTop: 8 }}>
          <Typography.Text type="secondary">{t('routing.suggest.alternatives')}</Typography.Text>
          {alternatives.map((a) => (
            <Flex key={`${a.source}-${a.ruleId ?? a.lead.id}`} gap={8} align="center" wrap>
              <Typography.Text>{a.lead.name}</Typography.Text>
              {a.co.length ? (
                <Typography.Text type="secondary">
                  {t('routing.suggest.coList', {
                    names: a.co.map((c) => c.name).join(t('routing.suggest.sep')),
                  })}
                </Typography.Text>
              ) : null}
              <Button size="small" type="link" onClick={() => use(a)}>
                {t('routing.suggest.use')}
              </Button>
            </Flex>
          ))}
        </Flex>
      ) : null}
    </Card>
  );
}

function SuggestionBody({ s }: { s: Suggestion }) {
  const { t } = useI18n();
  return (
    <Flex vertical gap={4}>
      <Typography.Text>{t('routing.suggest.lead', { name: s.lead.name })}</Typography.Text>
      <Typography.Text>
        {t('routing.suggest.co', {
          names: s.co.length ? s.co.map((c) => c.name).join(t('routing.suggest.sep')) : t('common.none'),
        })}
      </Typography.Text>
      <Typography.Text type="secondary">
        {s.source === 'rule'
          ? t('routing.suggest.byRule', { name: s.ruleName ?? '' })
          : t('routing.suggest.byResponsibility')}
      </Typography.Text>
      {s.why.length ? (
        <Flex gap={4} wrap>
          {s.why.map((w) => (
            <Tag key={`${w.kind}-${w.text}`}>{w.text}</Tag>
          ))}
        </Flex>
      ) : null}
    </Flex>
  );
}
