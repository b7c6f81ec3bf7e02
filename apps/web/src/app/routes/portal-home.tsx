import { useNavigate } from 'react-router';
import { PortalHome } from '../../features/portal/components/portal-home.tsx';
import { useMe } from '../../lib/auth.ts';

export default function PortalHomeRoute() {
  const navigate = useNavigate();
  const me = useMe();
  return <PortalHome signedIn={me.data?.role === 'resident'} onGo={(to) => navigate(`/portal/${to}`)} />;
}
