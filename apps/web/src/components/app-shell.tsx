import { LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { Avatar, Button, Flex, Layout, Menu, Typography } from 'antd';
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
  const [collapsed, setCollapsed] = useState(false);
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
              if (window.innerWidth < 992) setCollapsed(true);
            }}
          />
        </nav>
      </Layout.Sider>
      <Layout>
        <Layout.Header style={{ borderBottom: '1px solid #eceef1' }}>
          <Flex justify="space-between" align="center" style={{ height: '100%' }} gap={12}>
            <Typography.Text type="secondary" ellipsis style={{ paddingLeft: collapsed ? 36 : 0 }}>
              {t('app.tagline')}
            </Typography.Text>
            <Flex align="center" gap={12}>
              <LocaleSwitch />
              <Flex align="center" gap={8}>
                <Avatar size="small" icon={<UserOutlined />} />
                <span>
                  <Typography.Text strong>{user.displayName}</Typography.Text>
                  <Typography.Text type="secondary" style={{ marginLeft: 6 }}>
                    {te('role', user.role)}
                  </Typography.Text>
                </span>
              </Flex>
              <Button icon={<LogoutOutlined />} onClick={onSignOut} aria-label={t('auth.signOut')}>
                {t('auth.signOut')}
              </Button>
            </Flex>
          </Flex>
        </Layout.Header>
        <Layout.Content id="main" tabIndex={-1} style={{ padding: 20, outline: 'none' }}>
          {children}
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
