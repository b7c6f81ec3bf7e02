import { Link } from 'react-router';
import { CasePanel } from '../../features/cases/components/case-panel.tsx';
import { useI18n } from '../../lib/i18n/index.tsx';

/** What the boards show in their drawer: the case with its actions and a link to its own page. */
export function CaseDrawerContent({ id }: { id: string }) {
  const { t } = useI18n();
  return <CasePanel id={id} extra={<Link to={`/cases/${id}`}>{t('case.openFull')}</Link>} />;
}
