import { Navigate, useNavigate, useParams } from 'react-router';
import { MyCase } from '../../features/portal/components/my-case.tsx';
import { useResident } from './use-resident.ts';

export default function PortalCaseRoute() {
  const { id } = useParams();
  const navigate = useNavigate();
  const { loading, signedIn } = useResident();
  if (loading) return null;
  if (!signedIn || !id) return <Navigate to="/portal/login" replace />;
  return <MyCase id={id} onBack={() => navigate('/portal/mine')} />;
}
