import { Button } from 'antd';
import { Component, type ReactNode } from 'react';
import { useI18n } from '../lib/i18n/index.tsx';

function ErrorPage({ detail }: { detail?: string }) {
  const { t } = useI18n();
  return (
    <main style={{ minHeight: '60vh', padding: 24, textAlign: 'center' }}>
      <h1 style={{ fontSize: 22 }}>{t('error.loadFailed')}</h1>
      {detail ? <p style={{ color: '#666' }}>{detail}</p> : null}
      <Button type="primary" href="/">
        {t('common.backHome')}
      </Button>
    </main>
  );
}

/** Catches a page that fails to load or render. Kept free of heavy components: it is in every first load. */
export class RouteErrorBoundary extends Component<{ children: ReactNode }, { error: Error | null }> {
  override state: { error: Error | null } = { error: null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  override render() {
    return this.state.error ? <ErrorPage detail={this.state.error.message} /> : this.props.children;
  }
}
