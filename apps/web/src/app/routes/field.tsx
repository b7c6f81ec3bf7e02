import { FieldBoard } from '../../features/field/components/field-board.tsx';
import { CaseDrawerContent } from './case-drawer.tsx';

export default function FieldBoardRoute() {
  return <FieldBoard renderCase={(id) => <CaseDrawerContent id={id} />} />;
}
