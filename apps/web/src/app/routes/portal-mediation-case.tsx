import { Navigate, useNavigate, useParams } from 'react-router';
import { PortalMediationCase } from '../../features/mediation/components/portal-mediation.tsx';
import { useResident } from './use-resident.ts';

export default function PortalMediationCaseRoute() {
  const { caseId } = useParams();
  const navigate = useNavigate();
  const { loading, signedIn } = useResident();
  if (loading) return null;
  if (!signedIn || !caseId) return <Navigate to="/portal/login" replace />;
  return <PortalMediationCase caseId={caseId} onBack={() => navigate('/portal/mediation')} />;
}
