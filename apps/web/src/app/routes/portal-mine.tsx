import { Navigate, useNavigate } from 'react-router';
import { MyCases } from '../../features/portal/components/my-cases.tsx';
import { useLogout } from '../../lib/auth.ts';
import { useResident } from './use-resident.ts';

export default function PortalMineRoute() {
  const navigate = useNavigate();
  const logout = useLogout();
  const { loading, signedIn } = useResident();
  if (loading) return null;
  if (!signedIn) return <Navigate to="/portal/login" replace />;
  return (
    <MyCases
      onOpen={(id) => navigate(`/portal/mine/${id}`)}
      onSubmit={() => navigate('/portal/submit')}
      onSignOut={() => logout.mutate(undefined, { onSettled: () => navigate('/portal') })}
    />
  );
}
