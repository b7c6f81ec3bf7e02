import { LogoutOutlined, MenuOutlined, UserOutlined } from '@ant-design/icons';
import { Avatar, Button, Flex, Grid, Layout, Menu, Typography } from 'antd';
import { type ReactNode, useState } from 'react';
import type { User } from '../lib/api/types.ts';
import { useI18n } from '../lib/i18n/index.tsx';
import { LocaleSwitch } from './locale-switch.tsx';

export interface NavItem {
  key: string;
  label: string;
  icon: ReactNode;
}

interface Props {
  user: User;
  items: NavItem[];
  selectedKey: string;
  onNavigate: (key: string) => void;
  onSignOut: () => void;
  children: ReactNode;
}

export function AppShell({ user, items, selectedKey, onNavigate, onSignOut, children }: Props) {
  const { t, te } = useI18n();
  const wide = Grid.useBreakpoint().lg ?? true;
  const [collapsed, setCollapsed] = useState(!wide);
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <Layout.Sider
        breakpoint="lg"
        collapsedWidth={0}
        collapsed={collapsed}
        onCollapse={setCollapsed}
        trigger={null}
        width={208}
        theme="dark"
      >
        <Flex align="center" gap={10} style={{ height: 56, padding: '0 20px' }}>
          <img src="/favicon.svg" alt="" width={28} height={28} />
          <Typography.Text strong style={{ color: '#fff', fontSize: 18 }}>
            {t('app.name')}
          </Typography.Text>
        </Flex>
        <nav aria-label={t('nav.menu')}>
          <Menu
            theme="dark"
            mode="inline"
            selectedKeys={[selectedKey]}
            items={items.map((i) => ({ key: i.key, label: i.label, icon: i.icon }))}
            onClick={({ key }) => {
              onNavigate(key);
              if (!wide) setCollapsed(true);
            }}
          />
        </nav>
      </Layout.Sider>
      <Layout>
        <Layout.Header style={{ borderBottom: '1px solid #eceef1' }}>
          <Flex justify="space-between" align="center" style={{ height: '100%' }} gap={12}>
            {wide ? (
              <Typography.Text type="secondary" ellipsis>
                {t('app.tagline')}
              </Typography.Text>
            ) : (
              <Button
                type="text"
                icon={<MenuOutlined />}
                aria-label={t('nav.menu')}
                aria-expanded={!collapsed}
                onClick={() => setCollapsed((c) => !c)}
              />
            )}
            <Flex align="center" gap={12}>
              <LocaleSwitch />
              <Flex align="center" gap={8}>
                <Avatar size="small" icon={<UserOutlined />} />
                {wide ? (
                  <span>
                    <Typography.Text strong>{user.displayName}</Typography.Text>
                    <Typography.Text type="secondary" style={{ marginLeft: 6 }}>
                      {te('role', user.role)}
                    </Typography.Text>
                  </span>
                ) : null}
              </Flex>
              <Button icon={<LogoutOutlined />} onClick={onSignOut} aria-label={t('auth.signOut')}>
                {wide ? t('auth.signOut') : null}
              </Button>
            </Flex>
          </Flex>
        </Layout.Header>
        <Layout.Content id="main" tabIndex={-1} style={{ padding: wide ? 20 : 12, outline: 'none' }}>
          {children}
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
