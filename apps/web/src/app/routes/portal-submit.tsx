import { useNavigate } from 'react-router';
import { SubmitMatter } from '../../features/portal/components/submit-matter.tsx';
import { useResident } from './use-resident.ts';

export default function PortalSubmitRoute() {
  const navigate = useNavigate();
  const { loading, signedIn } = useResident();
  if (loading) return null;
  return (
    <SubmitMatter
      signedIn={signedIn}
      onTrack={(code) =>
        navigate(signedIn ? '/portal/mine' : `/portal/track?code=${encodeURIComponent(code)}`)
      }
    />
  );
}
