import { App, Result, Spin } from 'antd';
import { useEffect } from 'react';
import { Navigate, useNavigate } from 'react-router';
import { FieldApp } from '../../features/field/components/field-app.tsx';
import { idb } from '../../features/field/offline/idb.ts';
import { registerFieldServiceWorker } from '../../features/field/offline/service-worker.ts';
import { useFieldUser } from '../../features/field/offline/use-field.ts';
import { useLogout } from '../../lib/auth.ts';
import { useDayjsLocale } from '../../lib/i18n/dayjs-locale.ts';
import { useI18n } from '../../lib/i18n/index.tsx';
import { CaseDrawerContent } from './case-drawer.tsx';

/** The grid worker's phone app, outside the desk layout: it must open with no signal. */
export default function FieldRoute() {
  const { t, locale } = useI18n();
  useDayjsLocale(locale);
  const me = useFieldUser();
  const logout = useLogout();
  const navigate = useNavigate();
  useEffect(registerFieldServiceWorker, []);
  if (me.loading) return <Spin fullscreen />;
  if (!me.user) return <Navigate to="/login?next=%2Ffield" replace />;
  if (me.user.role !== 'grid_worker')
    return (
      <Result
        status="403"
        title={t('fieldApp.onlyWorkers')}
        extra={<a href="/">{t('fieldApp.backToDesk')}</a>}
      />
    );
  const signOut = async () => {
    await idb.clear();
    logout.mutate(undefined, { onSettled: () => navigate('/login') });
  };
  return (
    <App>
      <FieldApp user={me.user} onSignOut={signOut} renderCase={(id) => <CaseDrawerContent id={id} />} />
    </App>
  );
}
