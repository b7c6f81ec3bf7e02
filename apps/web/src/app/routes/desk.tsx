import { useNavigate } from 'react-router';
import { IntakeDesk } from '../../features/intake/components/intake-desk.tsx';

export default function DeskRoute() {
  const navigate = useNavigate();
  return <IntakeDesk onOpenCase={(id) => navigate(`/cases/${id}`)} />;
}
