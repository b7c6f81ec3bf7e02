import { Alert, Card, Tabs, Typography } from 'antd';
import { useI18n } from '../../../lib/i18n/index.tsx';
import { CalendarTab } from './calendar-tab.tsx';
import { EscalationTab } from './escalation-tab.tsx';
import { PoliciesTab } from './policies-tab.tsx';

/** /admin/deadlines: the county's deadline policies, its escalation ladder and the working calendar. */
export function DeadlinesAdminPage() {
  const { t } = useI18n();
  return (
    <Card>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('deadlinesAdmin.title')}
      </Typography.Title>
      <Alert type="info" showIcon title={t('deadlinesAdmin.versionHint')} style={{ marginBottom: 16 }} />
      <Tabs
        items={[
          { key: 'policies', label: t('deadlinesAdmin.tab.policies'), children: <PoliciesTab /> },
          { key: 'escalation', label: t('deadlinesAdmin.tab.escalation'), children: <EscalationTab /> },
          { key: 'calendar', label: t('deadlinesAdmin.tab.calendar'), children: <CalendarTab /> },
        ]}
      />
    </Card>
  );
}
