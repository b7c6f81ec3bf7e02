import { App, Button, Card, Empty, Flex, List, Popconfirm, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { StatusTag, toneStyle } from '../../../components/tags.tsx';
import type { Case } from '../../../lib/api/types.ts';
import { isStale, useErrorText } from '../../../lib/errors.ts';
import { useI18n } from '../../../lib/i18n/index.tsx';
import { useCaseAction } from '../api/case-actions.ts';
import {
  checkDuplicates,
  type DuplicateCheck as DuplicateCheckDraft,
  type DuplicateSuggestion,
  useDuplicates,
} from '../api/suggestions.ts';

/** Statuses in which a dispatcher still decides whether a case repeats another. */
const OPEN_FOR_MERGE = ['submitted', 'accepted', 'triaged'];

interface Props {
  caseData: Case;
  onDone?: (action: string, updated: Case) => void;
}

/** 可能重复的事项: open cases that probably repeat this one, each mergeable in one click. */
export function DuplicateSuggestions({ caseData: c, onDone }: Props) {
  const { t } = useI18n();
  const show = OPEN_FOR_MERGE.includes(c.status) && (c.allowedActions ?? []).includes('merge');
  const query = useDuplicates(c.id, show);
  if (!show || query.isLoading || query.error) return null;
  const items = query.data ?? [];
  return (
    <Card size="small" title={t('duplicates.title')} data-testid="duplicate-suggestions">
      {items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('duplicates.none')} />
      ) : (
        <List
          size="small"
          dataSource={items}
          renderItem={(d) => <DuplicateRow key={d.case.id} caseData={c} d={d} onDone={onDone} />}
        />
      )}
    </Card>
  );
}

export function DuplicateReasons({ d }: { d: DuplicateSuggestion }) {
  const { t } = useI18n();
  return (
    <Flex gap={4} wrap align="center">
      <Tag style={toneStyle('warning')}>{t('duplicates.score', { score: Math.round(d.score * 100) })}</Tag>
      {d.reasons.map((r) => (
        <Tag key={r.code}>{r.text}</Tag>
      ))}
    </Flex>
  );
}

function DuplicateRow({
  caseData: c,
  d,
  onDone,
}: { caseData: Case; d: DuplicateSuggestion } & Pick<Props, 'onDone'>) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const mutation = useCaseAction(c.id);
  const merge = async () => {
    try {
      const updated = await mutation.mutateAsync({
        action: 'merge',
        version: c.version,
        payload: { targetCaseId: d.case.id },
      });
      message.success(t('duplicates.merged', { code: d.case.trackingCode }));
      onDone?.('merge', updated);
    } catch (err) {
      message.error(isStale(err) ? t('error.stale') : errorText(err));
    }
  };
  return (
    <List.Item
      data-testid="duplicate-item"
      data-tracking-code={d.case.trackingCode}
      actions={[
        <Popconfirm
          key="merge"
          title={t('duplicates.mergeConfirm', { code: d.case.trackingCode })}
          onConfirm={merge}
        >
          <Button size="small" danger loading={mutation.isPending} data-testid="duplicate-merge">
            {t('duplicates.merge')}
          </Button>
        </Popconfirm>,
      ]}
    >
      <Flex vertical gap={4} style={{ minWidth: 0 }}>
        <Flex gap={8} align="center" wrap>
          <Link to={`/cases/${encodeURIComponent(d.case.id)}`} className="tracking-code">
            {d.case.trackingCode}
          </Link>
          <StatusTag status={d.case.status} />
          <Typography.Text type="secondary">{d.case.categoryName}</Typography.Text>
        </Flex>
        <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ margin: 0 }}>
          {d.case.description}
        </Typography.Paragraph>
        <DuplicateReasons d={d} />
      </Flex>
    </List.Item>
  );
}

/** At intake: before submitting, which open cases this draft probably repeats (POST /duplicates/check). */
export function DuplicateCheck({ getDraft }: { getDraft: () => DuplicateCheckDraft | null }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [items, setItems] = useState<DuplicateSuggestion[] | null>(null);
  const [busy, setBusy] = useState(false);
  const run = async () => {
    const draft = getDraft();
    if (!draft) {
      message.warning(t('duplicates.checkIncomplete'));
      return;
    }
    setBusy(true);
    try {
      setItems(await checkDuplicates(draft));
    } catch (err) {
      message.error(errorText(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Flex vertical gap={8} data-testid="duplicate-check">
      <Button onClick={() => void run()} loading={busy} style={{ alignSelf: 'flex-start' }}>
        {t('duplicates.check')}
      </Button>
      {items === null ? null : items.length === 0 ? (
        <Typography.Text type="secondary">{t('duplicates.none')}</Typography.Text>
      ) : (
        <Card size="small" title={t('duplicates.title')}>
          <List
            size="small"
            dataSource={items}
            renderItem={(d) => (
              <List.Item
                key={d.case.id}
                data-testid="duplicate-item"
                data-tracking-code={d.case.trackingCode}
              >
                <Flex vertical gap={4} style={{ minWidth: 0 }}>
                  <Flex gap={8} align="center" wrap>
                    <Link to={`/cases/${encodeURIComponent(d.case.id)}`} className="tracking-code">
                      {d.case.trackingCode}
                    </Link>
                    <StatusTag status={d.case.status} />
                  </Flex>
                  <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ margin: 0 }}>
                    {d.case.description}
                  </Typography.Paragraph>
                  <DuplicateReasons d={d} />
                </Flex>
              </List.Item>
            )}
          />
        </Card>
      )}
    </Flex>
  );
}
