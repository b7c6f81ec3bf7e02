import { App, Spin } from 'antd';
import { Navigate, Outlet, useLocation, useNavigate } from 'react-router';
import { AppShell } from '../../components/app-shell.tsx';
import { useLogout, useMe } from '../../lib/auth.ts';
import { useDayjsLocale } from '../../lib/i18n/dayjs-locale.ts';
import { useI18n } from '../../lib/i18n/index.tsx';
import { navItems, selectedNav } from '../navigation.tsx';

export default function StaffLayout() {
  const me = useMe();
  const logout = useLogout();
  const navigate = useNavigate();
  const location = useLocation();
  const { t, locale } = useI18n();
  useDayjsLocale(locale);
  if (me.isLoading) return <Spin fullscreen />;
  const user = me.data;
  if (!user) {
    const next = encodeURIComponent(location.pathname + location.search);
    return <Navigate to={`/login?next=${next}`} replace />;
  }
  if (user.role === 'resident') return <Navigate to="/portal/mine" replace />;
  return (
    <App>
      <AppShell
        user={user}
        items={navItems(user.role, t)}
        selectedKey={selectedNav(location.pathname)}
        onNavigate={(key) => navigate(key)}
        onSignOut={() => logout.mutate(undefined, { onSettled: () => navigate('/login') })}
      >
        <Outlet />
      </AppShell>
    </App>
  );
}
