import { App, Button, Flex, Form, Input, Modal, Select, Switch, Table, Tooltip } from 'antd';
import { useMemo, useState } from 'react';
import { useI18n } from '../../../lib/i18n/index.tsx';
import { useDepartments } from '../../../lib/reference.ts';
import { type CategorySetting, useCategorySettings, useSettingsWrite } from '../api/settings-api.ts';
import { CASE_KINDS } from '../messages.ts';
import { showFieldError } from './form-errors.ts';

type Row = CategorySetting & { children?: Row[] };
const FIELDS = ['code', 'name', 'nameEn', 'parentCode', 'kinds', 'active', 'departmentId'] as const;

function tree(items: CategorySetting[]): Row[] {
  const byParent = new Map<string | null, Row[]>();
  const codes = new Set(items.map((c) => c.code));
  for (const c of items) {
    const parent = c.parentCode && codes.has(c.parentCode) ? c.parentCode : null;
    byParent.set(parent, [...(byParent.get(parent) ?? []), { ...c }]);
  }
  const build = (parent: string | null): Row[] =>
    (byParent.get(parent) ?? []).map((c) => {
      const children = build(c.code);
      return children.length ? { ...c, children } : c;
    });
  return build(null);
}

/** The category tree: names in both languages, kinds, default department, deactivate. */
export function CategoriesTab() {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const q = useCategorySettings();
  const departments = useDepartments();
  const write = useSettingsWrite();
  const [editing, setEditing] = useState<CategorySetting | 'new' | null>(null);
  const [form] = Form.useForm();
  const rows = useMemo(() => tree(q.data?.items ?? []), [q.data]);

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
  const open = (c: CategorySetting | 'new') => {
    setEditing(c);
    form.resetFields();
    if (c !== 'new') form.setFieldsValue(c);
  };
  const submit = async (v: Partial<CategorySetting>) => {
    const body = { name: v.name, nameEn: v.nameEn, kinds: v.kinds ?? [], parentCode: v.parentCode ?? null };
    const ok =
      editing === 'new'
        ? await run({ method: 'POST', path: '/org/categories', body: { ...body, code: v.code } })
        : await run({ method: 'PATCH', path: `/org/categories/${(editing as CategorySetting).code}`, body });
    if (ok) setEditing(null);
  };

  return (
    <Flex vertical gap={12}>
      <Flex justify="flex-end">
        <Button type="primary" onClick={() => open('new')}>
          {t('adminOrg.newCategory')}
        </Button>
      </Flex>
      <Table<Row>
        size="small"
        rowKey="code"
        loading={q.isLoading}
        dataSource={rows}
        pagination={false}
        scroll={{ y: 560 }}
        columns={[
          { title: t('adminOrg.code'), dataIndex: 'code', width: 150 },
          { title: t('adminOrg.name'), render: (_, c) => (locale === 'en' ? c.nameEn : c.name) },
          {
            title: t('adminOrg.kinds'),
            render: (_, c) =>
              c.kinds.map((k) => t(`adminOrg.kind.${k}` as never)).join(t('adminOrg.listSep')),
          },
          {
            title: <Tooltip title={t('adminOrg.defaultHint')}>{t('adminOrg.defaultDepartment')}</Tooltip>,
            width: 240,
            render: (_, c) => (
              <Select
                style={{ width: '100%' }}
                allowClear
                showSearch={{ optionFilterProp: 'label' }}
                options={(departments.data ?? []).map((d) => ({ value: d.id, label: d.name }))}
                value={c.defaultDepartmentId ?? undefined}
                onChange={(departmentId?: string) =>
                  run({
                    method: 'PUT',
                    path: `/org/categories/${c.code}/default-department`,
                    body: { departmentId: departmentId ?? null },
                  })
                }
              />
            ),
          },
          {
            title: t('adminOrg.active'),
            width: 80,
            render: (_, c) => (
              <Switch
                size="small"
                checked={c.active}
                onChange={(active) =>
                  run({ method: 'PATCH', path: `/org/categories/${c.code}`, body: { active } })
                }
              />
            ),
          },
          {
            title: t('adminOrg.actions'),
            width: 90,
            render: (_, c) => (
              <Button size="small" onClick={() => open(c)}>
                {t('adminOrg.edit')}
              </Button>
            ),
          },
        ]}
      />
      <Modal
        open={editing !== null}
        title={editing === 'new' ? t('adminOrg.newCategory') : t('adminOrg.editCategory')}
        okText={t('adminOrg.save')}
        cancelText={t('adminOrg.cancel')}
        confirmLoading={write.isPending}
        onOk={() => form.submit()}
        onCancel={() => setEditing(null)}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" onFinish={submit}>
          <Form.Item
            name="code"
            label={t('adminOrg.code')}
            rules={[{ required: true, message: t('adminOrg.required') }]}
          >
            <Input maxLength={8} disabled={editing !== 'new'} />
          </Form.Item>
          <Form.Item name="parentCode" label={t('adminOrg.parent')}>
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              options={(q.data?.items ?? []).map((c) => ({ value: c.code, label: `${c.code} ${c.name}` }))}
            />
          </Form.Item>
          <Form.Item
            name="name"
            label={t('adminOrg.name')}
            rules={[{ required: true, message: t('adminOrg.required') }]}
          >
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="nameEn" label={t('adminOrg.nameEn')}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="kinds" label={t('adminOrg.kinds')}>
            <Select
              mode="multiple"
              options={CASE_KINDS.map((k) => ({ value: k, label: t(`adminOrg.kind.${k}`) }))}
            />
          </Form.Item>
        </Form>
      </Modal>
    </Flex>
  );
}
