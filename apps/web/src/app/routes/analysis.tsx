import { useNavigate, useSearchParams } from 'react-router';
import { AnalysisPage, type AnalysisTab } from '../../features/analysis/components/analysis-page.tsx';
import { useStaffUser } from './use-staff-user.ts';

const TABS: AnalysisTab[] = ['warnings', 'hotTopics', 'repeats', 'trends'];
// who may acknowledge, handle or dismiss a warning (the server decides; this only hides the buttons)
const HANDLERS = ['leader', 'supervisor', 'dispatcher', 'admin'];

export default function AnalysisRoute() {
  const user = useStaffUser();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const tab = TABS.find((x) => x === params.get('tab')) ?? 'warnings';
  const days = Number(params.get('days')) || 7;
  return (
    <AnalysisPage
      tab={tab}
      days={days}
      canAct={HANDLERS.includes(user.role)}
      onChange={(next) => {
        const p = new URLSearchParams(params);
        if (next.tab) p.set('tab', next.tab);
        if (next.days) p.set('days', String(next.days));
        setParams(p, { replace: true });
      }}
      onOpenCase={(id) => navigate(`/cases/${id}`)}
    />
  );
}
