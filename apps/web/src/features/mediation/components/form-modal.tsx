import { Alert, Button, type ButtonProps, Form, Modal } from 'antd';
import { type ReactNode, useState } from 'react';
import { ApiError } from '../../../lib/api/client.ts';
import { useErrorText } from '../../../lib/errors.ts';
import { useI18n } from '../../../lib/i18n/index.tsx';
import { useMediationCall } from '../api.ts';

/**
 * A button that opens a form in a dialog and sends it to one endpoint; the server's coded error
 * (naming the field) is shown in the dialog. `toBody` shapes the form values into the request body.
 */
export function ActionForm<V extends object>({
  label,
  title,
  action,
  path,
  method = 'POST',
  toBody = (v) => v,
  initialValues,
  children,
  primary,
  danger,
  width,
  onDone,
}: {
  label: ReactNode;
  title: ReactNode;
  action: string;
  path: string;
  method?: string;
  toBody?: (values: V) => unknown;
  initialValues?: Partial<V>;
  children: ReactNode;
  primary?: boolean;
  danger?: boolean;
  width?: number;
  onDone?: (result: unknown) => void;
}) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<V>();
  const call = useMediationCall();
  const close = () => {
    setOpen(false);
    call.reset();
  };
  return (
    <>
      <Button
        type={primary ? 'primary' : 'default'}
        danger={danger}
        data-action={action}
        onClick={() => setOpen(true)}
      >
        {label}
      </Button>
      <Modal
        open={open}
        title={title}
        width={width}
        onCancel={close}
        destroyOnHidden
        okText={t('common.submit')}
        okButtonProps={{ loading: call.isPending, 'data-action': `${action}-submit` } as ButtonProps}
        onOk={() => form.submit()}
      >
        {call.error ? (
          <Alert
            type="error"
            showIcon
            title={errorText(call.error)}
            description={call.error instanceof ApiError ? call.error.field : undefined}
            style={{ marginBottom: 12 }}
          />
        ) : null}
        <Form<V>
          form={form}
          layout="vertical"
          initialValues={initialValues}
          preserve={false}
          onFinish={(values) =>
            call.mutate(
              { method, path, body: toBody(values) },
              {
                onSuccess: (r) => {
                  setOpen(false);
                  onDone?.(r);
                },
              },
            )
          }
        >
          {children}
        </Form>
      </Modal>
    </>
  );
}

/** A button for an action without a form. */
export function ActionButton({
  label,
  action,
  path,
  body,
  primary,
}: {
  label: ReactNode;
  action: string;
  path: string;
  body?: unknown;
  primary?: boolean;
}) {
  const errorText = useErrorText();
  const call = useMediationCall();
  return (
    <>
      <Button
        type={primary ? 'primary' : 'default'}
        data-action={action}
        loading={call.isPending}
        onClick={() => call.mutate({ path, body })}
      >
        {label}
      </Button>
      {call.error ? <Alert type="error" showIcon title={errorText(call.error)} /> : null}
    </>
  );
}
