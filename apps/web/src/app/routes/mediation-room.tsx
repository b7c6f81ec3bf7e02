import { App } from 'antd';
import { useParams, useSearchParams } from 'react-router';
import { LocaleSwitch } from '../../components/locale-switch.tsx';
import { MediationRoom } from '../../features/mediation/components/room.tsx';

/** The room stands on its own: a guest invited by link has no account and no staff or portal shell. */
export default function MediationRoomRoute() {
  const { sessionId } = useParams();
  const [params] = useSearchParams();
  return (
    <App>
      <main style={{ maxWidth: 1280, margin: '0 auto', padding: 16 }}>
        <div style={{ display: 'flex', justifyContent: 'flex-end', marginBottom: 8 }}>
          <LocaleSwitch />
        </div>
        {sessionId ? <MediationRoom sessionId={sessionId} token={params.get('token')} /> : null}
      </main>
    </App>
  );
}
