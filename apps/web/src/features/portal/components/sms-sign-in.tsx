import { Alert, Button, Flex, Form, Input } from 'antd';
import { useEffect, useState } from 'react';
import { useErrorText } from '../../../lib/errors.ts';
import { useI18n } from '../../../lib/i18n/index.tsx';
import { fetchDemoCode, useRequestOtp, useVerifyOtp } from '../api/portal-api.ts';
import { PHONE_RE } from './phone.ts';
import { Panel } from './ui.tsx';

export function SmsSignIn({ onSignedIn }: { onSignedIn: () => void }) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const [form] = Form.useForm<{ phone: string; code: string }>();
  const [wait, setWait] = useState(0);
  const [demoCode, setDemoCode] = useState<string | null>(null);
  const [notice, setNotice] = useState<{ type: 'success' | 'error'; text: string } | null>(null);
  const request = useRequestOtp();
  const verify = useVerifyOtp();

  useEffect(() => {
    if (wait <= 0) return;
    const timer = window.setTimeout(() => setWait((w) => w - 1), 1000);
    return () => window.clearTimeout(timer);
  }, [wait]);

  const send = async () => {
    const { phone } = await form.validateFields(['phone']);
    try {
      await request.mutateAsync(phone);
      setNotice({ type: 'success', text: t('portal.login.sent') });
      setWait(60);
      setDemoCode(await fetchDemoCode(phone));
    } catch (err) {
      setNotice({ type: 'error', text: errorText(err) });
    }
  };

  const submit = async (v: { phone: string; code: string }) => {
    setNotice(null);
    try {
      await verify.mutateAsync({ phone: v.phone, code: v.code.trim() });
      onSignedIn();
    } catch (err) {
      setNotice({ type: 'error', text: errorText(err) });
    }
  };

  return (
    <Panel title={t('portal.signIn')}>
      <Form form={form} layout="vertical" size="large" onFinish={submit}>
        <Form.Item
          name="phone"
          label={t('portal.login.phone')}
          rules={[{ required: true, pattern: PHONE_RE, message: t('portal.form.phoneInvalid') }]}
        >
          <Input inputMode="tel" maxLength={11} autoComplete="tel" />
        </Form.Item>
        <Form.Item label={t('portal.login.code')} required>
          <Flex gap={8}>
            <Form.Item name="code" noStyle rules={[{ required: true, message: t('common.required') }]}>
              <Input
                inputMode="numeric"
                maxLength={8}
                autoComplete="one-time-code"
                aria-label={t('portal.login.code')}
              />
            </Form.Item>
            <Button onClick={() => void send()} disabled={wait > 0} loading={request.isPending}>
              {wait > 0 ? t('portal.login.resend', { seconds: wait }) : t('portal.login.sendCode')}
            </Button>
          </Flex>
        </Form.Item>
        {notice ? (
          <Alert type={notice.type} showIcon title={notice.text} style={{ marginBottom: 16 }} />
        ) : null}
        {demoCode ? (
          <Alert
            type="info"
            showIcon
            title={t('portal.login.demoCode', { code: demoCode })}
            style={{ marginBottom: 16 }}
          />
        ) : null}
        <Button type="primary" htmlType="submit" block loading={verify.isPending}>
          {t('portal.login.submit')}
        </Button>
      </Form>
    </Panel>
  );
}
