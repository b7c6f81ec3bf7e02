import { useNavigate } from 'react-router';
import { SmsSignIn } from '../../features/portal/components/sms-sign-in.tsx';

export default function PortalLoginRoute() {
  const navigate = useNavigate();
  return <SmsSignIn onSignedIn={() => navigate('/portal/mine', { replace: true })} />;
}
