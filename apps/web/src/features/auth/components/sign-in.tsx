import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Form, Input, Typography } from 'antd';
import { LocaleSwitch } from '../../../components/locale-switch.tsx';
import { useLogin } from '../../../lib/auth.ts';
import { useErrorText } from '../../../lib/errors.ts';
import { useI18n } from '../../../lib/i18n/index.tsx';

interface Props {
  onSignedIn: (role: string) => void;
  portalHref: string;
}

export function SignIn({ onSignedIn, portalHref }: Props) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const login = useLogin();
  const submit = async (values: { username: string; password: string }) => {
    try {
      const { user } = await login.mutateAsync(values);
      onSignedIn(user.role);
    } catch {
      // shown below from login.error
    }
  };
  return (
    <Flex
      vertical
      align="center"
      justify="center"
      style={{ minHeight: '100vh', padding: 16, background: '#f4f5f7' }}
    >
      <Card style={{ width: '100%', maxWidth: 400 }}>
        <Flex justify="space-between" align="center" style={{ marginBottom: 8 }}>
          <Flex align="center" gap={10}>
            <img src="/favicon.svg" alt="" width={32} height={32} />
            <Typography.Title level={3} style={{ margin: 0 }}>
              {t('app.name')}
            </Typography.Title>
          </Flex>
          <LocaleSwitch />
        </Flex>
        <Typography.Paragraph type="secondary">{t('app.tagline')}</Typography.Paragraph>
        <Typography.Title level={4}>{t('auth.title')}</Typography.Title>
        {login.error ? (
          <Alert
            type="error"
            showIcon
            title={t('auth.failed', { message: errorText(login.error) })}
            style={{ marginBottom: 16 }}
          />
        ) : null}
        <Form layout="vertical" onFinish={submit} requiredMark={false}>
          <Form.Item
            name="username"
            label={t('auth.username')}
            rules={[{ required: true, message: t('common.required') }]}
          >
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus size="large" />
          </Form.Item>
          <Form.Item
            name="password"
            label={t('auth.password')}
            rules={[{ required: true, message: t('common.required') }]}
          >
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" size="large" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block size="large" loading={login.isPending}>
            {t('auth.submit')}
          </Button>
        </Form>
        <Alert type="info" title={t('auth.demoHint')} style={{ marginTop: 16 }} />
        <Typography.Paragraph style={{ marginTop: 16, marginBottom: 0, textAlign: 'center' }}>
          <a href={portalHref}>{t('auth.residentLink')}</a>
        </Typography.Paragraph>
      </Card>
    </Flex>
  );
}
