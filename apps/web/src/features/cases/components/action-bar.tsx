import { App, Button, Flex, Typography } from 'antd';
import { useState } from 'react';
import type { Case } from '../../../lib/api/types.ts';
import { isStale, useErrorText } from '../../../lib/errors.ts';
import { type MessageKey, useI18n } from '../../../lib/i18n/index.tsx';
import { useCaseAction } from '../api/case-actions.ts';
import { ACTION_ORDER, ACTIONS } from './action-config.ts';
import { ActionModal } from './action-modal.tsx';

interface Props {
  caseData: Case;
  onDone?: (action: string, updated: Case) => void;
}

export function ActionBar({ caseData, onDone }: Props) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [open, setOpen] = useState<string | null>(null);
  const [running, setRunning] = useState<string | null>(null);
  const mutation = useCaseAction(caseData.id);
  const allowed = caseData.allowedActions ?? [];
  const actions = [...ACTION_ORDER.filter((a) => allowed.includes(a)), ...allowed.filter((a) => !ACTIONS[a])];

  const run = async (action: string) => {
    const spec = ACTIONS[action];
    if (spec && spec.fields.length > 0) {
      setOpen(action);
      return;
    }
    setRunning(action);
    try {
      const updated = await mutation.mutateAsync({ action, version: caseData.version, payload: {} });
      message.success(t('action.done', { action: t(`action.${action}` as MessageKey) }));
      onDone?.(action, updated);
    } catch (err) {
      message.error(isStale(err) ? t('error.stale') : errorText(err));
    } finally {
      setRunning(null);
    }
  };

  if (actions.length === 0) return <Typography.Text type="secondary">{t('case.noActions')}</Typography.Text>;
  return (
    <>
      <Flex wrap gap={8}>
        {actions.map((a) => (
          <Button
            key={a}
            type={ACTIONS[a]?.tone === 'primary' ? 'primary' : 'default'}
            danger={ACTIONS[a]?.tone === 'danger'}
            loading={running === a}
            onClick={() => void run(a)}
            data-action={a}
          >
            {t(`action.${a}` as MessageKey)}
          </Button>
        ))}
      </Flex>
      <ActionModal caseData={caseData} action={open} onClose={() => setOpen(null)} onDone={onDone} />
    </>
  );
}
