import { Alert, Card, Flex, Statistic, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { Case } from '../../../lib/api/types.ts';
import { useI18n } from '../../../lib/i18n/index.tsx';

/** The viewer's department assignment on a case, with the objection-window countdown. */
export function AssignmentBanner({
  caseData,
  departmentId,
}: {
  caseData: Case;
  departmentId: string | null;
}) {
  const { t, te, dateTime } = useI18n();
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 30_000);
    return () => window.clearInterval(timer);
  }, []);
  const mine = caseData.assignments?.find(
    (a) => a.departmentId === departmentId && a.status !== 'withdrawn' && a.status !== 'done',
  );
  if (!mine) return null;
  const objectionEnd = mine.objectionDueAt ? new Date(mine.objectionDueAt).getTime() : null;
  const windowOpen = objectionEnd !== null && objectionEnd > now && mine.status === 'pending';
  return (
    <Card size="small">
      <Flex wrap gap={24} align="center">
        <Typography.Text strong>
          {t('inbox.myAssignment', { role: te('assignmentRole', mine.role) })}
          <Tag style={{ marginLeft: 8 }}>{te('assignmentStatus', mine.status)}</Tag>
        </Typography.Text>
        {windowOpen ? (
          <Statistic.Timer
            type="countdown"
            title={t('inbox.objectionWindow')}
            value={objectionEnd}
            format="HH:mm:ss"
            onFinish={() => setNow(Date.now())}
          />
        ) : mine.status === 'pending' && objectionEnd ? (
          <Alert type="warning" showIcon title={t('inbox.objectionClosed')} />
        ) : null}
        {mine.dueAt ? <Statistic title={t('inbox.handleBy')} value={dateTime(mine.dueAt)} /> : null}
      </Flex>
    </Card>
  );
}
