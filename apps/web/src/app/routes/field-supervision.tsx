import { SupervisionPage } from '../../features/field-supervision/components/supervision-page.tsx';

/** Supervisors, leaders and dispatchers: each grid worker's day and week. */
export default function FieldSupervisionRoute() {
  return <SupervisionPage />;
}
