import { useParams } from 'react-router';
import { InfoAnswer } from '../../features/channels/components/info-answer.tsx';

export default function PortalInfoRoute() {
  const { token = '' } = useParams();
  return <InfoAnswer token={token} />;
}
