import { Tabs } from 'antd';
import { PageHeader } from '../../../components/page-header.tsx';
import { useI18n } from '../../../lib/i18n/index.tsx';
import { CategoriesTab } from './categories-tab.tsx';
import { DepartmentsTab } from './departments-tab.tsx';
import { RulesTab } from './rules-tab.tsx';

/** The administrator's organisation settings: departments, the category tree, routing rules. */
export function OrgSettingsPage() {
  const { t } = useI18n();
  return (
    <>
      <PageHeader title={t('adminOrg.title')} subtitle={t('adminOrg.subtitle')} />
      <Tabs
        items={[
          { key: 'departments', label: t('adminOrg.tab.departments'), children: <DepartmentsTab /> },
          { key: 'categories', label: t('adminOrg.tab.categories'), children: <CategoriesTab /> },
          { key: 'rules', label: t('adminOrg.tab.rules'), children: <RulesTab /> },
        ]}
      />
    </>
  );
}
