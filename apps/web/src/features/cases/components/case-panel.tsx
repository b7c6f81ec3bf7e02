import { Alert, Card, Flex, Result, Skeleton } from 'antd';
import type { ReactNode } from 'react';
import { useCase } from '../../../lib/api/case-queries.ts';
import { ApiError } from '../../../lib/api/client.ts';
import type { Case } from '../../../lib/api/types.ts';
import { useErrorText } from '../../../lib/errors.ts';
import { useI18n } from '../../../lib/i18n/index.tsx';
import { ActionBar } from './action-bar.tsx';
import { AssignmentsTable } from './assignments-table.tsx';
import { CaseOverview, DeadlineList } from './case-overview.tsx';
import { CaseTimeline } from './case-timeline.tsx';
import { DuplicateSuggestions } from './duplicate-suggestions.tsx';
import { PartiesTable } from './parties-table.tsx';

interface Props {
  id: string;
  /** Extra block shown above the actions, e.g. the inbox's objection countdown. */
  header?: (c: Case) => ReactNode;
  extra?: ReactNode;
  onDone?: (action: string, updated: Case) => void;
}

export function CasePanel({ id, header, extra, onDone }: Props) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const query = useCase(id);
  if (query.isLoading) return <Skeleton active paragraph={{ rows: 8 }} />;
  if (query.error) {
    const status = query.error instanceof ApiError ? query.error.status : 0;
    if (status === 404 || status === 403) return <Result status="404" title={t('case.notFound')} />;
    return <Alert type="error" showIcon title={errorText(query.error)} />;
  }
  const c = query.data;
  if (!c) return null;
  return (
    <Flex
      vertical
      gap={16}
      data-testid="case-panel"
      data-tracking-code={c.trackingCode}
      data-status={c.status}
    >
      {header?.(c)}
      <Card size="small" title={t('case.actions')} extra={extra}>
        <ActionBar caseData={c} onDone={onDone} />
      </Card>
      <DuplicateSuggestions caseData={c} onDone={onDone} />
      <CaseOverview caseData={c} />
      {c.parties?.length ? (
        <Card size="small" title={t('case.parties')}>
          <PartiesTable caseId={c.id} parties={c.parties} />
        </Card>
      ) : null}
      {c.assignments?.length ? (
        <Card size="small" title={t('case.assignments')}>
          <AssignmentsTable assignments={c.assignments} />
        </Card>
      ) : null}
      <Card size="small" title={t('case.deadlines')}>
        <DeadlineList caseData={c} />
      </Card>
      <Card size="small" title={t('case.timeline')}>
        <CaseTimeline caseId={c.id} />
      </Card>
    </Flex>
  );
}
