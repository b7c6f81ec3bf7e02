import { useNavigate } from 'react-router';
import { RoleHome } from '../../features/home/components/role-home.tsx';
import { useStaffUser } from './use-staff-user.ts';

export default function HomeRoute() {
  const user = useStaffUser();
  const navigate = useNavigate();
  return <RoleHome user={user} onNavigate={(to) => navigate(to)} />;
}
