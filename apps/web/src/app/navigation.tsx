import {
  AlertOutlined,
  ApartmentOutlined,
  ApiOutlined,
  AppstoreOutlined,
  AuditOutlined,
  BarChartOutlined,
  DashboardOutlined,
  EnvironmentOutlined,
  FieldTimeOutlined,
  FileTextOutlined,
  FormOutlined,
  GlobalOutlined,
  InboxOutlined,
  PhoneOutlined,
  SearchOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import type { NavItem } from '../components/app-shell.tsx';
import type { Role } from '../lib/api/types.ts';
import type { MessageKey } from '../lib/i18n/index.tsx';

interface NavDef {
  key: string;
  label: MessageKey;
  icon: ReactNode;
  roles: Role[] | 'all';
}

const NAV: NavDef[] = [
  { key: '/', label: 'nav.home', icon: <AppstoreOutlined />, roles: 'all' },
  { key: '/desk', label: 'nav.desk', icon: <FormOutlined />, roles: ['operator', 'dispatcher'] },
  { key: '/dispatch', label: 'nav.dispatch', icon: <AuditOutlined />, roles: ['dispatcher'] },
  { key: '/inbox', label: 'nav.inbox', icon: <InboxOutlined />, roles: ['handler'] },
  { key: '/field', label: 'nav.field', icon: <EnvironmentOutlined />, roles: ['grid_worker'] },
  {
    key: '/field-supervision',
    label: 'fieldSupervision.nav',
    icon: <EnvironmentOutlined />,
    roles: ['supervisor', 'leader', 'dispatcher'],
  },
  { key: '/callback', label: 'nav.callback', icon: <PhoneOutlined />, roles: ['operator', 'dispatcher'] },
  {
    key: '/supervise',
    label: 'nav.supervise',
    icon: <AlertOutlined />,
    roles: ['dispatcher', 'supervisor', 'leader'],
  },
  {
    key: '/overview',
    label: 'nav.overview',
    icon: <DashboardOutlined />,
    roles: ['leader', 'supervisor', 'dispatcher'],
  },
  {
    key: '/analysis',
    label: 'nav.analysis',
    icon: <BarChartOutlined />,
    roles: ['leader', 'supervisor', 'dispatcher'],
  },
  { key: '/reports', label: 'nav.reports', icon: <FileTextOutlined />, roles: ['leader', 'supervisor'] },
  { key: '/cases', label: 'nav.cases', icon: <SearchOutlined />, roles: 'all' },
  { key: '/admin/map', label: 'nav.adminMap', icon: <GlobalOutlined />, roles: ['admin'] },
  { key: '/admin/deadlines', label: 'nav.adminDeadlines', icon: <FieldTimeOutlined />, roles: ['admin'] },
  { key: '/admin/org', label: 'nav.adminOrg', icon: <ApartmentOutlined />, roles: ['admin'] },
  { key: '/admin/webhooks', label: 'channels.webhooks.nav', icon: <ApiOutlined />, roles: ['admin'] },
  { key: '/mediation', label: 'mediation.nav', icon: <TeamOutlined />, roles: ['mediator', 'dispatcher'] },
];

export function navItems(role: Role, t: (key: MessageKey) => string): NavItem[] {
  return NAV.filter((n) => n.roles === 'all' || role === 'admin' || n.roles.includes(role)).map((n) => ({
    key: n.key,
    label: t(n.label),
    icon: n.icon,
  }));
}

export function selectedNav(pathname: string): string {
  if (pathname === '/') return '/';
  const match = NAV.filter((n) => n.key !== '/' && pathname.startsWith(n.key));
  return match[0]?.key ?? '/';
}
