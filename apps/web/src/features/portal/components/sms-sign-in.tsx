import { Button } from 'antd';
import { type FormEvent, useEffect, useState } from 'react';
import { useErrorText } from '../../../lib/errors.ts';
import { useI18n } from '../../../lib/i18n/index.tsx';
import { fetchDemoCode, useRequestOtp, useVerifyOtp } from '../api/portal-api.ts';
import { described, Field, Notice } from './form-kit.tsx';
import { PHONE_RE } from './phone.ts';
import { Panel } from './ui.tsx';

export function SmsSignIn({ onSignedIn }: { onSignedIn: () => void }) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const [phone, setPhone] = useState('');
  const [code, setCode] = useState('');
  const [errors, setErrors] = useState<{ phone?: string; code?: string }>({});
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

  const phoneOk = () => {
    const ok = PHONE_RE.test(phone);
    setErrors((e) => ({ ...e, phone: ok ? undefined : t('portal.form.phoneInvalid') }));
    if (!ok) document.getElementById('phone')?.focus();
    return ok;
  };

  const send = async () => {
    if (!phoneOk()) return;
    try {
      await request.mutateAsync(phone);
      setNotice({ type: 'success', text: t('portal.login.sent') });
      setWait(60);
      setDemoCode(await fetchDemoCode(phone));
    } catch (err) {
      setNotice({ type: 'error', text: errorText(err) });
    }
  };

  const submit = async (ev: FormEvent) => {
    ev.preventDefault();
    if (!phoneOk()) return;
    if (!code.trim()) {
      setErrors((e) => ({ ...e, code: t('common.required') }));
      document.getElementById('code')?.focus();
      return;
    }
    setNotice(null);
    try {
      await verify.mutateAsync({ phone, code: code.trim() });
      onSignedIn();
    } catch (err) {
      setNotice({ type: 'error', text: errorText(err) });
    }
  };

  return (
    <Panel title={t('portal.signIn')}>
      <form className="portal-form" noValidate onSubmit={(e) => void submit(e)}>
        <Field id="phone" label={t('portal.login.phone')} error={errors.phone} required>
          <input
            id="phone"
            className="portal-input"
            inputMode="tel"
            maxLength={11}
            autoComplete="tel"
            value={phone}
            onChange={(e) => {
              setPhone(e.target.value.trim());
              setErrors((x) => ({ ...x, phone: undefined }));
            }}
            {...described('phone', errors.phone)}
          />
        </Field>
        <Field id="code" label={t('portal.login.code')} error={errors.code} required>
          <div className="portal-row">
            <input
              id="code"
              className="portal-input"
              inputMode="numeric"
              maxLength={8}
              autoComplete="one-time-code"
              value={code}
              onChange={(e) => {
                setCode(e.target.value);
                setErrors((x) => ({ ...x, code: undefined }));
              }}
              {...described('code', errors.code)}
            />
            <Button size="large" onClick={() => void send()} disabled={wait > 0} loading={request.isPending}>
              {wait > 0 ? t('portal.login.resend', { seconds: wait }) : t('portal.login.sendCode')}
            </Button>
          </div>
        </Field>
        {notice ? <Notice type={notice.type}>{notice.text}</Notice> : null}
        {demoCode ? <Notice type="info">{t('portal.login.demoCode', { code: demoCode })}</Notice> : null}
        <Button type="primary" htmlType="submit" block size="large" loading={verify.isPending}>
          {t('portal.login.submit')}
        </Button>
      </form>
    </Panel>
  );
}
