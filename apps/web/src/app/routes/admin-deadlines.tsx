import { DeadlinesAdminPage } from '../../features/deadlines-admin/components/deadlines-admin-page.tsx';

export default function AdminDeadlinesRoute() {
  return <DeadlinesAdminPage />;
}
