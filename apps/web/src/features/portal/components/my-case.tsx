import { CheckCircleFilled } from '@ant-design/icons';
import { Button, Flex } from 'antd';
import { type FormEvent, useState } from 'react';
import { StatusTag } from '../../../components/tags.tsx';
import { useErrorText } from '../../../lib/errors.ts';
import { useI18n } from '../../../lib/i18n/index.tsx';
import { useMyCase, useMyTimeline, useRate } from '../api/portal-api.ts';
import { Choice, Field, Notice } from './form-kit.tsx';
import { ProgressSteps, PublicTimeline } from './progress.tsx';
import { Facts, Panel } from './ui.tsx';

function RateForm({ id, version, action }: { id: string; version: number; action: 'callback' | 'rate' }) {
  const { t, te } = useI18n();
  const errorText = useErrorText();
  const rate = useRate(id);
  const [satisfaction, setSatisfaction] = useState<string | undefined>();
  const [note, setNote] = useState('');
  const [missing, setMissing] = useState(false);
  const onSubmit = (ev: FormEvent) => {
    ev.preventDefault();
    if (!satisfaction) return setMissing(true);
    rate.mutate({ action, version, satisfaction, ...(note.trim() ? { note: note.trim() } : {}) });
  };
  return (
    <Panel title={t('portal.case.rate')} testId="rate-form">
      <p>{t('portal.case.rateHint')}</p>
      {rate.error ? <Notice type="error">{errorText(rate.error)}</Notice> : null}
      <form className="portal-form" noValidate onSubmit={onSubmit}>
        <Choice
          name="satisfaction"
          label={t('form.satisfaction')}
          value={satisfaction}
          error={missing && !satisfaction ? t('common.required') : null}
          options={(['satisfied', 'partly', 'dissatisfied'] as const).map((s) => ({
            value: s,
            label: te('satisfaction', s),
          }))}
          onChange={setSatisfaction}
        />
        <Field id="note" label={t('portal.case.note')}>
          <textarea
            id="note"
            className="portal-input"
            rows={2}
            maxLength={500}
            value={note}
            onChange={(e) => setNote(e.target.value)}
          />
        </Field>
        <Button type="primary" htmlType="submit" block size="large" loading={rate.isPending}>
          {t('common.submit')}
        </Button>
      </form>
    </Panel>
  );
}

export function MyCase({ id, onBack }: { id: string; onBack: () => void }) {
  const { t, te, dateTime } = useI18n();
  const errorText = useErrorText();
  const query = useMyCase(id);
  const timeline = useMyTimeline(id);
  if (query.isLoading) return <p className="portal-muted">{t('common.loading')}</p>;
  if (query.error) return <Notice type="error">{errorText(query.error)}</Notice>;
  const c = query.data!;
  const rateAction = c.allowedActions?.includes('callback')
    ? 'callback'
    : c.allowedActions?.includes('rate') && !c.satisfaction
      ? 'rate'
      : null;
  return (
    <Flex vertical gap={16}>
      <Button onClick={onBack} style={{ alignSelf: 'flex-start' }}>
        {t('common.back')}
      </Button>
      <Panel
        title={<span className="tracking-code">{c.trackingCode}</span>}
        extra={<StatusTag status={c.status} />}
        testId="my-case"
      >
        <Facts
          items={[
            { key: 'kind', label: t('case.kind'), value: te('kind', c.kind) },
            { key: 'category', label: t('case.category'), value: c.categoryName },
            { key: 'created', label: t('case.createdAt'), value: dateTime(c.createdAt) },
            { key: 'desc', label: t('case.description'), value: c.description },
          ]}
        />
        <Flex wrap gap={24} style={{ marginTop: 16 }}>
          <div style={{ minWidth: 200 }}>
            <ProgressSteps status={c.status} />
          </div>
          <div style={{ flex: 1, minWidth: 240 }}>
            <PublicTimeline events={(timeline.data ?? []).filter((e) => e.type !== 'case.handled')} />
          </div>
        </Flex>
      </Panel>
      {rateAction ? <RateForm id={c.id} version={c.version} action={rateAction} /> : null}
      {c.satisfaction ? (
        <Panel testId="rated">
          <div className="portal-done">
            <CheckCircleFilled style={{ fontSize: 40, color: '#389e0d' }} aria-hidden />
            <h2>{t('portal.case.rated')}</h2>
            <p className="portal-muted">
              {t('portal.case.yourRating', { value: te('satisfaction', c.satisfaction) })}
            </p>
          </div>
        </Panel>
      ) : null}
    </Flex>
  );
}
