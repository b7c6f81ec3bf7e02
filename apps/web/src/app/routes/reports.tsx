import { useNavigate, useSearchParams } from 'react-router';
import { ReportsPage, type ReportsTab } from '../../features/reports/components/reports-page.tsx';

const TABS: ReportsTab[] = ['assessment', 'screening', 'ledger'];

export default function ReportsRoute() {
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const tab = TABS.find((x) => x === params.get('tab')) ?? 'assessment';
  return (
    <ReportsPage
      tab={tab}
      onTab={(next) => setParams({ tab: next }, { replace: true })}
      onOpenCase={(id) => navigate(`/cases/${id}`)}
    />
  );
}
