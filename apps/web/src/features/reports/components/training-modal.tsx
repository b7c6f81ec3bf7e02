import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, DatePicker, Form, Input, InputNumber, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { api } from '../../../lib/api/client.ts';
import { useI18n } from '../../../lib/i18n/index.tsx';
import type { Subject } from '../api.ts';

interface Values {
  subjectId: string;
  kind: 'training' | 'contest';
  title: string;
  heldOn: Dayjs;
  points: number;
}

/** Records a training or contest for one of the ranked subjects: its points count in the score. */
export function TrainingModal({
  open,
  subject,
  subjects,
  onClose,
}: {
  open: boolean;
  subject: Subject;
  subjects: { id: string; name: string }[];
  onClose: () => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const client = useQueryClient();
  const save = useMutation({
    mutationFn: (v: Values) =>
      api.post('/trainings', {
        subjectType: subject,
        subjectId: v.subjectId,
        kind: v.kind,
        title: v.title,
        heldOn: v.heldOn.format('YYYY-MM-DD'),
        points: v.points,
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['reports', 'ranking'] }),
  });
  return (
    <Modal
      open={open}
      title={t('reports.training.record')}
      onCancel={onClose}
      confirmLoading={save.isPending}
      destroyOnHidden
      onOk={async () => {
        const v = await form.validateFields();
        try {
          await save.mutateAsync(v);
          message.success(t('reports.training.saved'));
          form.resetFields();
          onClose();
        } catch (e) {
          message.error((e as Error).message);
        }
      }}
    >
      <Form<Values> form={form} layout="vertical" initialValues={{ kind: 'training', points: 1 }}>
        <Form.Item name="subjectId" label={t('reports.subject')} rules={[{ required: true }]}>
          <Select
            showSearch
            optionFilterProp="label"
            options={subjects.map((s) => ({ value: s.id, label: s.name }))}
          />
        </Form.Item>
        <Form.Item name="kind" label={t('reports.training.kind')} rules={[{ required: true }]}>
          <Select
            options={(['training', 'contest'] as const).map((k) => ({
              value: k,
              label: t(`reports.training.kind.${k}`),
            }))}
          />
        </Form.Item>
        <Form.Item
          name="title"
          label={t('reports.training.title')}
          rules={[{ required: true, whitespace: true, max: 200 }]}
        >
          <Input />
        </Form.Item>
        <Form.Item name="heldOn" label={t('reports.training.heldOn')} rules={[{ required: true }]}>
          <DatePicker />
        </Form.Item>
        <Form.Item name="points" label={t('reports.training.points')} rules={[{ required: true }]}>
          <InputNumber min={0} max={10} precision={0} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
