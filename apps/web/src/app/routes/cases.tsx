import { useNavigate } from 'react-router';
import { CaseSearch } from '../../features/cases/components/case-search.tsx';

export default function CasesRoute() {
  const navigate = useNavigate();
  return <CaseSearch onOpen={(id) => navigate(`/cases/${id}`)} />;
}
