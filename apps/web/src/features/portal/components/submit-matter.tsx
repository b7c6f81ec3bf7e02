import { CheckCircleFilled } from '@ant-design/icons';
import { Button } from 'antd';
import { type FormEvent, useState } from 'react';
import { newIdempotencyKey } from '../../../lib/api/client.ts';
import type { Case, CaseKind, NewCase } from '../../../lib/api/types.ts';
import { useErrorText } from '../../../lib/errors.ts';
import { useI18n } from '../../../lib/i18n/index.tsx';
import { useSubmitMatter } from '../api/portal-api.ts';
import { TrackingCode } from './copy-code.tsx';
import { Choice, described, Field, Notice } from './form-kit.tsx';
import { PHONE_RE } from './phone.ts';
import { CategoryPicker, PlaceSelect } from './place-select.tsx';
import { Panel } from './ui.tsx';

const KINDS: CaseKind[] = ['dispute', 'complaint', 'suggestion', 'consultation', 'hazard'];

interface Values {
  kind: CaseKind;
  categoryCode: string;
  description: string;
  address?: string;
  regionId?: string;
  name?: string;
  phone?: string;
}

/** Signed-in residents are the applicant already; an anonymous one leaves at least a phone. */
export function toResidentCase(
  v: Values,
  channel: 'web' | 'app',
  anonymousName: string,
  signedIn: boolean,
): NewCase {
  const name = v.name?.trim() || anonymousName;
  const applicant = signedIn ? [] : [{ role: 'applicant' as const, name, phone: v.phone }];
  return {
    kind: v.kind,
    channel,
    categoryCode: v.categoryCode,
    description: v.description.trim(),
    place: {
      ...(v.address?.trim() ? { address: v.address.trim() } : {}),
      ...(v.regionId ? { regionId: v.regionId } : {}),
    },
    ...(applicant.length ? { parties: applicant } : {}),
  };
}

type Errors = Partial<Record<keyof Values, string>>;

export function SubmitMatter({ onTrack, signedIn }: { onTrack: (code: string) => void; signedIn: boolean }) {
  const { t, te } = useI18n();
  const errorText = useErrorText();
  const [v, setV] = useState<Values>({ kind: 'dispute', categoryCode: '', description: '' });
  const [errors, setErrors] = useState<Errors>({});
  const [key, setKey] = useState(newIdempotencyKey);
  const [done, setDone] = useState<Case | null>(null);
  const [error, setError] = useState<string | null>(null);
  const submit = useSubmitMatter();
  const standalone =
    typeof window !== 'undefined' && window.matchMedia?.('(display-mode: standalone)').matches;
  const set = (patch: Partial<Values>) => {
    setV((old) => ({ ...old, ...patch, ...(patch.kind ? { categoryCode: '' } : {}) }));
    setErrors((old) => ({ ...old, ...Object.fromEntries(Object.keys(patch).map((k) => [k, undefined])) }));
  };

  const check = (): Errors => {
    const e: Errors = {};
    if (!v.categoryCode) e.categoryCode = t('common.required');
    if (!v.description.trim()) e.description = t('common.required');
    else if (v.description.trim().length < 5) e.description = t('portal.form.descriptionShort');
    if (!signedIn && !PHONE_RE.test(v.phone ?? '')) e.phone = t('portal.form.phoneInvalid');
    return e;
  };

  const onSubmit = async (ev: FormEvent) => {
    ev.preventDefault();
    const found = check();
    setErrors(found);
    const first = Object.keys(found)[0];
    if (first) {
      document.getElementById(first)?.focus();
      return;
    }
    setError(null);
    try {
      setDone(
        await submit.mutateAsync({
          body: toResidentCase(v, standalone ? 'app' : 'web', t('portal.form.anonymousName'), signedIn),
          key,
        }),
      );
      setKey(newIdempotencyKey());
    } catch (err) {
      setError(errorText(err));
    }
  };

  if (done) {
    return (
      <Panel testId="submit-done">
        <div className="portal-done">
          <CheckCircleFilled style={{ fontSize: 48, color: '#389e0d' }} aria-hidden />
          <h2>{t('portal.done.title')}</h2>
          <p className="portal-muted">{t('portal.done.sub')}</p>
          <TrackingCode code={done.trackingCode} />
          <Button
            type="primary"
            size="large"
            style={{ marginTop: 16 }}
            onClick={() => onTrack(done.trackingCode)}
          >
            {signedIn ? t('portal.mine') : t('portal.done.track')}
          </Button>
        </div>
      </Panel>
    );
  }

  return (
    <Panel title={t('portal.submit')}>
      <form className="portal-form" noValidate onSubmit={(e) => void onSubmit(e)}>
        <Choice
          name="kind"
          label={t('portal.form.kind')}
          value={v.kind}
          options={KINDS.map((k) => ({ value: k, label: te('kind', k) }))}
          onChange={(kind) => set({ kind })}
        />
        <Field id="categoryCode" label={t('portal.form.category')} error={errors.categoryCode} required>
          <CategoryPicker
            id="categoryCode"
            kind={v.kind}
            value={v.categoryCode}
            onChange={(categoryCode) => set({ categoryCode })}
            describedBy={described('categoryCode', errors.categoryCode)}
          />
        </Field>
        <Field id="description" label={t('portal.form.description')} error={errors.description} required>
          <textarea
            id="description"
            className="portal-input"
            rows={4}
            maxLength={2000}
            value={v.description}
            placeholder={t('portal.form.descriptionPlaceholder')}
            onChange={(e) => set({ description: e.target.value })}
            {...described('description', errors.description)}
          />
        </Field>
        <Field id="regionId" label={t('portal.form.region')}>
          <PlaceSelect id="regionId" value={v.regionId ?? ''} onChange={(regionId) => set({ regionId })} />
        </Field>
        <Field id="address" label={t('portal.form.address')}>
          <input
            id="address"
            className="portal-input"
            maxLength={200}
            value={v.address ?? ''}
            onChange={(e) => set({ address: e.target.value })}
          />
        </Field>
        {signedIn ? (
          <Notice type="info">{t('portal.form.signedInAs')}</Notice>
        ) : (
          <>
            <Field id="name" label={t('portal.form.name')}>
              <input
                id="name"
                className="portal-input"
                maxLength={50}
                autoComplete="name"
                placeholder={t('portal.form.namePlaceholder')}
                value={v.name ?? ''}
                onChange={(e) => set({ name: e.target.value })}
              />
            </Field>
            <Field
              id="phone"
              label={t('portal.form.phone')}
              hint={t('portal.form.phoneHint')}
              error={errors.phone}
              required
            >
              <input
                id="phone"
                className="portal-input"
                inputMode="tel"
                maxLength={11}
                autoComplete="tel"
                value={v.phone ?? ''}
                onChange={(e) => set({ phone: e.target.value })}
                {...described('phone', errors.phone, true)}
              />
            </Field>
          </>
        )}
        {error ? <Notice type="error">{error}</Notice> : null}
        <Button type="primary" htmlType="submit" block size="large" loading={submit.isPending}>
          {t('portal.form.submit')}
        </Button>
      </form>
    </Panel>
  );
}
