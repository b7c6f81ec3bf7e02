import { OrgSettingsPage } from '../../features/admin/settings/settings-page.tsx';

export default function AdminOrgRoute() {
  return <OrgSettingsPage />;
}
