import { useNavigate, useSearchParams } from 'react-router';
import { OverviewPage } from '../../features/overview/components/overview-page.tsx';

export default function OverviewRoute() {
  const [params, setParams] = useSearchParams();
  const navigate = useNavigate();
  const node = { regionId: params.get('regionId') ?? undefined, gridId: params.get('gridId') ?? undefined };
  return (
    <OverviewPage
      node={node}
      onNode={(next) => {
        const p = new URLSearchParams();
        if (next.regionId) p.set('regionId', next.regionId);
        if (next.gridId) p.set('gridId', next.gridId);
        setParams(p);
      }}
      onOpenCase={(id) => navigate(`/cases/${id}`)}
      onAllWarnings={() => navigate('/analysis')}
    />
  );
}
