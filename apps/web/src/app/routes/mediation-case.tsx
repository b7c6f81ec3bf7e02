import { ArrowLeftOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useNavigate, useParams } from 'react-router';
import { PageHeader } from '../../components/page-header.tsx';
import { MediationPage } from '../../features/mediation/components/mediation-page.tsx';
import { useI18n } from '../../lib/i18n/index.tsx';
import { useStaffUser } from './use-staff-user.ts';

export default function MediationCaseRoute() {
  const { id } = useParams();
  const navigate = useNavigate();
  const user = useStaffUser();
  const { t } = useI18n();
  return (
    <div style={{ maxWidth: 1280 }}>
      <PageHeader
        title={t('mediation.page.title')}
        extra={
          <Button icon={<ArrowLeftOutlined />} onClick={() => navigate('/mediation')}>
            {t('common.back')}
          </Button>
        }
      />
      {id ? <MediationPage id={id} me={{ id: user.id }} /> : null}
    </div>
  );
}
