import { Link } from 'react-router';
import { CasePanel } from '../../features/cases/components/case-panel.tsx';
import { AssignmentBanner } from '../../features/inbox/components/assignment-banner.tsx';
import { InboxBoard } from '../../features/inbox/components/inbox-board.tsx';
import { useI18n } from '../../lib/i18n/index.tsx';
import { useStaffUser } from './use-staff-user.ts';

export default function InboxRoute() {
  const user = useStaffUser();
  const { t } = useI18n();
  return (
    <InboxBoard
      renderCase={(id) => (
        <CasePanel
          id={id}
          header={(c) => <AssignmentBanner caseData={c} departmentId={user.departmentId} />}
          extra={<Link to={`/cases/${id}`}>{t('case.openFull')}</Link>}
        />
      )}
    />
  );
}
