import { SuperviseBoard } from '../../features/supervise/components/supervise-board.tsx';
import { CaseDrawerContent } from './case-drawer.tsx';

export default function SuperviseBoardRoute() {
  return <SuperviseBoard renderCase={(id) => <CaseDrawerContent id={id} />} />;
}
