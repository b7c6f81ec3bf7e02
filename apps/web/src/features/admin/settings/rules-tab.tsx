import { App, Button, Flex, Form, Input, InputNumber, Modal, Select, Switch, Table, Tag } from 'antd';
import { useState } from 'react';
import { DepartmentSelect } from '../../../components/department-select.tsx';
import { RegionSelect } from '../../../components/region-select.tsx';
import { useI18n } from '../../../lib/i18n/index.tsx';
import { useDepartments, useRegions } from '../../../lib/reference.ts';
import { type RoutingRule, useRoutingRules, useSettingsWrite } from '../api/settings-api.ts';
import { CASE_KINDS } from '../messages.ts';
import { showFieldError } from './form-errors.ts';
import { RuleTest } from './rule-test.tsx';

const FIELDS = [
  'name',
  'priority',
  'categoryPrefix',
  'regionId',
  'kinds',
  'keywords',
  'leadDepartmentId',
  'coDepartmentIds',
  'note',
] as const;

/** Routing rules (category × region → department, by priority), and a bench to try them. */
export function RulesTab() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const q = useRoutingRules();
  const write = useSettingsWrite();
  const departments = useDepartments();
  const regions = useRegions();
  const [editing, setEditing] = useState<RoutingRule | 'new' | null>(null);
  const [form] = Form.useForm();
  const dept = (id: string) => departments.data?.find((d) => d.id === id)?.name ?? id;
  const region = (id: string | null) =>
    id ? (regions.data?.find((r) => r.id === id)?.name ?? id) : t('adminOrg.anyRegion');

  const run = async (req: Parameters<typeof write.mutateAsync>[0]) => {
    try {
      await write.mutateAsync(req);
      message.success(t('adminOrg.saved'));
      return true;
    } catch (e) {
      if (!showFieldError(form, e, FIELDS)) message.error((e as Error).message);
      return false;
    }
  };
  const open = (r: RoutingRule | 'new') => {
    setEditing(r);
    form.resetFields();
    form.setFieldsValue(r === 'new' ? { priority: 10, kinds: [], keywords: [], coDepartmentIds: [] } : r);
  };
  const submit = async (v: Partial<RoutingRule>) => {
    const body = {
      ...v,
      categoryPrefix: v.categoryPrefix || null,
      regionId: v.regionId ?? null,
      note: v.note || null,
    };
    const ok =
      editing === 'new'
        ? await run({ method: 'POST', path: '/routing/rules', body })
        : await run({ method: 'PATCH', path: `/routing/rules/${(editing as RoutingRule).id}`, body });
    if (ok) setEditing(null);
  };

  return (
    <Flex vertical gap={16}>
      <Flex justify="flex-end">
        <Button type="primary" onClick={() => open('new')}>
          {t('adminOrg.newRule')}
        </Button>
      </Flex>
      <Table<RoutingRule>
        size="small"
        rowKey="id"
        loading={q.isLoading}
        dataSource={q.data?.items ?? []}
        pagination={{ pageSize: 10 }}
        columns={[
          { title: t('adminOrg.priority'), dataIndex: 'priority', width: 80 },
          { title: t('adminOrg.rule'), dataIndex: 'name' },
          {
            title: t('adminOrg.categoryPrefix'),
            render: (_, r) => r.categoryPrefix ?? t('adminOrg.anyCategory'),
          },
          { title: t('adminOrg.region'), render: (_, r) => region(r.regionId) },
          {
            title: t('adminOrg.keywords'),
            render: (_, r) => r.keywords.map((k) => <Tag key={k}>{k}</Tag>),
          },
          {
            title: t('adminOrg.lead'),
            render: (_, r) => [dept(r.leadDepartmentId), ...r.coDepartmentIds.map(dept)].join(' + '),
          },
          {
            title: t('adminOrg.active'),
            width: 80,
            render: (_, r) => (
              <Switch
                size="small"
                checked={r.active}
                onChange={(active) =>
                  run({ method: 'PATCH', path: `/routing/rules/${r.id}`, body: { active } })
                }
              />
            ),
          },
          {
            title: t('adminOrg.actions'),
            width: 90,
            render: (_, r) => (
              <Button size="small" onClick={() => open(r)}>
                {t('adminOrg.edit')}
              </Button>
            ),
          },
        ]}
      />
      <RuleTest />
      <Modal
        open={editing !== null}
        title={editing === 'new' ? t('adminOrg.newRule') : t('adminOrg.editRule')}
        okText={t('adminOrg.save')}
        cancelText={t('adminOrg.cancel')}
        confirmLoading={write.isPending}
        onOk={() => form.submit()}
        onCancel={() => setEditing(null)}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" onFinish={submit}>
          <Form.Item
            name="name"
            label={t('adminOrg.rule')}
            rules={[{ required: true, message: t('adminOrg.required') }]}
          >
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="priority" label={t('adminOrg.priority')}>
            <InputNumber min={0} max={1000} />
          </Form.Item>
          <Form.Item name="categoryPrefix" label={t('adminOrg.categoryPrefix')}>
            <Input maxLength={8} placeholder={t('adminOrg.anyCategory')} />
          </Form.Item>
          <Form.Item name="regionId" label={t('adminOrg.region')}>
            <RegionSelect placeholder={t('adminOrg.anyRegion')} />
          </Form.Item>
          <Form.Item name="kinds" label={t('adminOrg.kinds')}>
            <Select
              mode="multiple"
              options={CASE_KINDS.map((k) => ({ value: k, label: t(`adminOrg.kind.${k}`) }))}
            />
          </Form.Item>
          <Form.Item name="keywords" label={t('adminOrg.keywords')} extra={t('adminOrg.keywordsHint')}>
            <Select mode="tags" open={false} />
          </Form.Item>
          <Form.Item
            name="leadDepartmentId"
            label={t('adminOrg.lead')}
            rules={[{ required: true, message: t('adminOrg.required') }]}
          >
            <DepartmentSelect />
          </Form.Item>
          <Form.Item name="coDepartmentIds" label={t('adminOrg.co')}>
            <DepartmentSelect multiple />
          </Form.Item>
          <Form.Item name="note" label={t('adminOrg.note')}>
            <Input.TextArea maxLength={500} rows={2} />
          </Form.Item>
        </Form>
      </Modal>
    </Flex>
  );
}
