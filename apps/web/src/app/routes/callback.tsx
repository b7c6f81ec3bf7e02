import { CallbackBoard } from '../../features/callback/components/callback-board.tsx';
import { CaseDrawerContent } from './case-drawer.tsx';

export default function CallbackBoardRoute() {
  return <CallbackBoard renderCase={(id) => <CaseDrawerContent id={id} />} />;
}
