import { DispatchBoard } from '../../features/dispatch/components/dispatch-board.tsx';
import { CaseDrawerContent } from './case-drawer.tsx';

export default function DispatchBoardRoute() {
  return <DispatchBoard renderCase={(id) => <CaseDrawerContent id={id} />} />;
}
