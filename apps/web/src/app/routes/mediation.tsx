import { useNavigate } from 'react-router';
import { MediationDesk } from '../../features/mediation/components/mediation-desk.tsx';
import { useStaffUser } from './use-staff-user.ts';

export default function MediationDeskRoute() {
  const navigate = useNavigate();
  const user = useStaffUser();
  return <MediationDesk userId={user.id} onOpen={(id) => navigate(`/mediation/${id}`)} />;
}
