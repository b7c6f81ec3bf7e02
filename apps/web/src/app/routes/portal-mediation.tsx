import { Navigate, useNavigate } from 'react-router';
import { MyMediations } from '../../features/mediation/components/portal-mediation.tsx';
import { useResident } from './use-resident.ts';

export default function PortalMediationRoute() {
  const navigate = useNavigate();
  const { loading, signedIn } = useResident();
  if (loading) return null;
  if (!signedIn) return <Navigate to="/portal/login" replace />;
  return <MyMediations onOpen={(caseId) => navigate(`/portal/mediation/${caseId}`)} />;
}
