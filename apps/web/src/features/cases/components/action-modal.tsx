import { App, Form, Modal } from 'antd';
import { useMemo } from 'react';
import type { Case } from '../../../lib/api/types.ts';
import { isStale, useErrorText } from '../../../lib/errors.ts';
import { type MessageKey, useI18n } from '../../../lib/i18n/index.tsx';
import { useCaseAction } from '../api/case-actions.ts';
import { ACTIONS } from './action-config.ts';
import { ActionFieldInput } from './action-field.tsx';
import { RoutingSuggestionPanel } from './routing-suggestion.tsx';

interface Props {
  caseData: Case;
  action: string | null;
  onClose: () => void;
  onDone?: (action: string, updated: Case) => void;
}

export function ActionModal({ caseData, action, onClose, onDone }: Props) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [form] = Form.useForm();
  const values = Form.useWatch([], form) ?? {};
  const mutation = useCaseAction(caseData.id);
  const spec = action ? ACTIONS[action] : undefined;
  const title = action ? t(`action.${action}` as MessageKey) : '';
  const fields = useMemo(() => spec?.fields ?? [], [spec]);

  const submit = async () => {
    if (!action) return;
    const payload = await form.validateFields();
    for (const f of fields) if (f.when && !f.when(payload)) delete payload[f.name];
    try {
      const updated = await mutation.mutateAsync({ action, version: caseData.version, payload });
      message.success(t('action.done', { action: title }));
      form.resetFields();
      onClose();
      onDone?.(action, updated);
    } catch (err) {
      message.error(isStale(err) ? t('error.stale') : errorText(err));
    }
  };

  return (
    <Modal
      open={!!action}
      title={title}
      onCancel={onClose}
      onOk={submit}
      okText={title}
      okButtonProps={{ danger: spec?.tone === 'danger', loading: mutation.isPending }}
      destroyOnHidden
    >
      {action === 'dispatch' || action === 'redispatch' ? (
        <RoutingSuggestionPanel
          caseId={caseData.id}
          onUse={(leadDepartmentId, coDepartmentIds) =>
            form.setFieldsValue({ leadDepartmentId, coDepartmentIds })
          }
        />
      ) : null}
      <Form form={form} layout="vertical" preserve={false} requiredMark>
        {fields
          .filter((f) => !f.when || f.when(values))
          .map((f) => (
            <Form.Item
              key={f.name}
              name={f.name}
              label={t(f.label)}
              rules={f.required ? [{ required: true, message: t('common.required') }] : undefined}
            >
              <ActionFieldInput field={f} excludeCaseId={caseData.id} />
            </Form.Item>
          ))}
      </Form>
    </Modal>
  );
}
