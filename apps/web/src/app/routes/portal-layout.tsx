import { Outlet, useNavigate } from 'react-router';
import { PortalShell } from '../../features/portal/components/portal-shell.tsx';

export default function PortalLayoutRoute() {
  const navigate = useNavigate();
  return (
    <PortalShell homeHref="/portal" staffHref="/login" onHome={() => navigate('/portal')}>
      <Outlet />
    </PortalShell>
  );
}
