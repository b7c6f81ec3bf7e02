import { Button, Flex } from 'antd';
import { type FormEvent, useState } from 'react';
import { StatusTag } from '../../../components/tags.tsx';
import { ApiError } from '../../../lib/api/client.ts';
import { useErrorText } from '../../../lib/errors.ts';
import { useI18n } from '../../../lib/i18n/index.tsx';
import { useTrack } from '../api/portal-api.ts';
import { described, Field, Notice } from './form-kit.tsx';
import { ProgressSteps, PublicTimeline } from './progress.tsx';
import { Facts, Panel } from './ui.tsx';

export function TrackMatter({ initialCode }: { initialCode?: string }) {
  const { t, te, dateTime } = useI18n();
  const errorText = useErrorText();
  const [query, setQuery] = useState({ code: '', phone4: '' });
  const [code, setCode] = useState(initialCode ?? '');
  const [phone4, setPhone4] = useState('');
  const [errors, setErrors] = useState<{ code?: string; phone4?: string }>({});
  const onSubmit = (ev: FormEvent) => {
    ev.preventDefault();
    const e = {
      code: code.trim() ? undefined : t('common.required'),
      phone4: /^\d{4}$/.test(phone4.trim()) ? undefined : t('portal.track.phone4Invalid'),
    };
    setErrors(e);
    if (e.code || e.phone4) {
      document.getElementById(e.code ? 'code' : 'phone4')?.focus();
      return;
    }
    setQuery({ code: code.trim(), phone4: phone4.trim() });
  };
  const track = useTrack(query.code, query.phone4);
  const notFound =
    track.error instanceof ApiError && (track.error.status === 404 || track.error.status === 403);
  const r = track.data;
  return (
    <Flex vertical gap={16}>
      <Panel title={t('portal.track')}>
        <form className="portal-form" noValidate onSubmit={onSubmit}>
          <Field id="code" label={t('portal.track.code')} error={errors.code} required>
            <input
              id="code"
              className="portal-input tracking-code"
              autoCapitalize="characters"
              value={code}
              onChange={(e) => setCode(e.target.value)}
              {...described('code', errors.code)}
            />
          </Field>
          <Field id="phone4" label={t('portal.track.phone4')} error={errors.phone4} required>
            <input
              id="phone4"
              className="portal-input"
              inputMode="numeric"
              maxLength={4}
              value={phone4}
              onChange={(e) => setPhone4(e.target.value)}
              {...described('phone4', errors.phone4)}
            />
          </Field>
          <Button type="primary" htmlType="submit" block size="large" loading={track.isFetching}>
            {t('portal.track.submit')}
          </Button>
        </form>
      </Panel>
      {track.error ? (
        <Notice type={notFound ? 'warning' : 'error'}>
          {notFound ? t('portal.track.notFound') : errorText(track.error)}
        </Notice>
      ) : null}
      {r ? (
        <Panel title={t('portal.track.progress')} testId="track-result">
          <Facts
            items={[
              {
                key: 'code',
                label: t('case.trackingCode'),
                value: <span className="tracking-code">{r.trackingCode}</span>,
              },
              { key: 'status', label: t('case.status'), value: <StatusTag status={r.status} /> },
              { key: 'kind', label: t('case.kind'), value: te('kind', r.kind) },
              { key: 'category', label: t('case.category'), value: r.categoryName },
              { key: 'created', label: t('case.createdAt'), value: dateTime(r.createdAt) },
            ]}
          />
          <Flex wrap gap={24} style={{ marginTop: 16 }}>
            <div style={{ minWidth: 200 }}>
              <ProgressSteps status={r.status} />
            </div>
            <div style={{ flex: 1, minWidth: 240 }}>
              <PublicTimeline events={r.timeline ?? []} />
            </div>
          </Flex>
        </Panel>
      ) : null}
    </Flex>
  );
}
