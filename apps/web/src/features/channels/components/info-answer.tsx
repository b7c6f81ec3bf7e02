import { Button, Flex } from 'antd';
import { type FormEvent, useState } from 'react';
import { ApiError } from '../../../lib/api/client.ts';
import { useErrorText } from '../../../lib/errors.ts';
import { useI18n } from '../../../lib/i18n/index.tsx';
import { described, Field, Notice } from '../../portal/components/form-kit.tsx';
import { Panel } from '../../portal/components/ui.tsx';
import { useAnswerInfo, useInfoRequest } from '../api.ts';

/** The resident answers a handler's question through the texted link, without signing in. */
export function InfoAnswer({ token }: { token: string }) {
  const { t, dateTime } = useI18n();
  const errorText = useErrorText();
  const info = useInfoRequest(token);
  const send = useAnswerInfo(token);
  const [answer, setAnswer] = useState('');
  const [error, setError] = useState<string | undefined>();
  const refused = (e: unknown) =>
    e instanceof ApiError && e.status >= 400 && e.status < 500 ? e.message : errorText(e);

  const onSubmit = (ev: FormEvent) => {
    ev.preventDefault();
    if (!answer.trim()) {
      setError(t('channels.info.required'));
      document.getElementById('answer')?.focus();
      return;
    }
    setError(undefined);
    send.mutate(answer.trim());
  };

  if (info.isLoading) return <Notice type="info">{t('channels.info.loading')}</Notice>;
  if (info.error) return <Notice type="warning">{refused(info.error)}</Notice>;
  if (!info.data) return null;
  if (send.isSuccess)
    return (
      <div data-testid="info-done">
        <Notice type="success">{t('channels.info.done')}</Notice>
      </div>
    );
  const q = info.data;
  return (
    <Flex vertical gap={16}>
      <Panel title={t('channels.info.title')} testId="info-request">
        <p>{t('channels.info.intro', { category: q.categoryName })}</p>
        <h3>{t('channels.info.question')}</h3>
        <p className="info-question">{q.question}</p>
        <form className="portal-form" noValidate onSubmit={onSubmit}>
          <Field id="answer" label={t('channels.info.answer')} error={error} required>
            <textarea
              id="answer"
              className="portal-input"
              rows={5}
              maxLength={4000}
              value={answer}
              placeholder={t('channels.info.answerPlaceholder')}
              onChange={(e) => setAnswer(e.target.value)}
              {...described('answer', error)}
            />
          </Field>
          <p className="portal-hint">{t('channels.info.expires', { at: dateTime(q.expiresAt) })}</p>
          <Button type="primary" htmlType="submit" block size="large" loading={send.isPending}>
            {t('channels.info.submit')}
          </Button>
        </form>
      </Panel>
      {send.error ? <Notice type="error">{refused(send.error)}</Notice> : null}
    </Flex>
  );
}
