import { useNavigate, useSearchParams } from 'react-router';
import { SignIn } from '../../features/auth/components/sign-in.tsx';

export default function LoginRoute() {
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = params.get('next');
  return (
    <SignIn
      portalHref="/portal"
      onSignedIn={(role) => {
        if (role === 'resident') navigate('/portal/mine', { replace: true });
        else navigate(next?.startsWith('/') && !next.startsWith('//') ? next : '/', { replace: true });
      }}
    />
  );
}
