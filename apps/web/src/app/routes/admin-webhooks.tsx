import { WebhooksAdminPage } from '../../features/channels/components/webhooks-admin-page.tsx';

export default function AdminWebhooksRoute() {
  return <WebhooksAdminPage />;
}
