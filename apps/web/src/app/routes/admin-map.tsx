import { AdminMapPage } from '../../features/admin/components/admin-map-page.tsx';

export default function AdminMapRoute() {
  return <AdminMapPage />;
}
