import { ArrowLeftOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useNavigate, useParams } from 'react-router';
import { PageHeader } from '../../components/page-header.tsx';
import { CasePanel } from '../../features/cases/components/case-panel.tsx';
import { CaseChannels } from '../../features/channels/components/case-channels.tsx';
import { AssignmentBanner } from '../../features/inbox/components/assignment-banner.tsx';
import { useI18n } from '../../lib/i18n/index.tsx';
import { useStaffUser } from './use-staff-user.ts';

export default function CaseRoute() {
  const { id } = useParams();
  const navigate = useNavigate();
  const user = useStaffUser();
  const { t } = useI18n();
  return (
    <div style={{ maxWidth: 1100 }}>
      <PageHeader
        title={t('case.title')}
        extra={
          <Button icon={<ArrowLeftOutlined />} onClick={() => navigate(-1)}>
            {t('common.back')}
          </Button>
        }
      />
      {id ? (
        <CasePanel
          id={id}
          header={(c) =>
            user.departmentId ? <AssignmentBanner caseData={c} departmentId={user.departmentId} /> : null
          }
        />
      ) : null}
      {id ? <CaseChannels caseId={id} role={user.role} /> : null}
    </div>
  );
}
