import { useSearchParams } from 'react-router';
import { TrackMatter } from '../../features/portal/components/track-matter.tsx';

export default function PortalTrackRoute() {
  const [params] = useSearchParams();
  return <TrackMatter initialCode={params.get('code') ?? undefined} />;
}
