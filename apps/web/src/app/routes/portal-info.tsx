import { useParams } from 'react-router';
import { InfoAnswer } from '../../features/channels/components/info-answer.tsx';
import { channelsEn, channelsZh } from '../../features/channels/messages.ts';
import { addMessages } from '../../lib/i18n/index.tsx';

// a light portal page: it brings its own feature's strings, not every feature's
addMessages(channelsZh, channelsEn);

export default function PortalInfoRoute() {
  const { token = '' } = useParams();
  return <InfoAnswer token={token} />;
}
