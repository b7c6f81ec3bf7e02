import { App, Button, Flex, Form, Input, Modal, Table, Tag } from 'antd';
import { useState } from 'react';
import { RegionSelect } from '../../../components/region-select.tsx';
import { useI18n } from '../../../lib/i18n/index.tsx';
import { type DepartmentSetting, useDepartmentSettings, useSettingsWrite } from '../api/settings-api.ts';
import { showFieldError } from './form-errors.ts';

const FIELDS = ['name', 'nameEn', 'regionId', 'active'] as const;

/** Departments: create, rename, move to a region, deactivate (history kept), activate again. */
export function DepartmentsTab() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const q = useDepartmentSettings();
  const write = useSettingsWrite();
  const [editing, setEditing] = useState<DepartmentSetting | 'new' | null>(null);
  const [form] = Form.useForm();

  const open = (d: DepartmentSetting | 'new') => {
    setEditing(d);
    form.resetFields();
    if (d !== 'new') form.setFieldsValue({ name: d.name, nameEn: d.nameEn, regionId: d.regionId });
  };
  const save = async (body: object, d: DepartmentSetting | 'new') => {
    try {
      await write.mutateAsync(
        d === 'new'
          ? { method: 'POST', path: '/org/departments', body }
          : { method: 'PATCH', path: `/org/departments/${d.id}`, body },
      );
      message.success(t('adminOrg.saved'));
      setEditing(null);
    } catch (e) {
      if (!showFieldError(form, e, FIELDS)) message.error((e as Error).message);
    }
  };
  const toggle = (d: DepartmentSetting) =>
    save({ name: d.name, nameEn: d.nameEn, regionId: d.regionId, active: !d.active }, d).then(() =>
      setEditing(null),
    );

  return (
    <Flex vertical gap={12}>
      <Flex justify="flex-end">
        <Button type="primary" onClick={() => open('new')}>
          {t('adminOrg.newDepartment')}
        </Button>
      </Flex>
      <Table<DepartmentSetting>
        size="small"
        rowKey="id"
        loading={q.isLoading}
        dataSource={q.data?.items ?? []}
        pagination={{ pageSize: 20 }}
        columns={[
          { title: t('adminOrg.name'), dataIndex: 'name' },
          { title: t('adminOrg.nameEn'), dataIndex: 'nameEn' },
          { title: t('adminOrg.region'), dataIndex: 'regionName' },
          {
            title: t('adminOrg.status'),
            dataIndex: 'active',
            render: (a: boolean) =>
              a ? <Tag color="green">{t('adminOrg.active')}</Tag> : <Tag>{t('adminOrg.inactive')}</Tag>,
          },
          {
            title: t('adminOrg.actions'),
            render: (_, d) => (
              <Flex gap={8}>
                <Button size="small" onClick={() => open(d)}>
                  {t('adminOrg.edit')}
                </Button>
                <Button size="small" danger={d.active} onClick={() => toggle(d)}>
                  {d.active ? t('adminOrg.deactivate') : t('adminOrg.activate')}
                </Button>
              </Flex>
            ),
          },
        ]}
      />
      <Modal
        open={editing !== null}
        title={editing === 'new' ? t('adminOrg.newDepartment') : t('adminOrg.editDepartment')}
        okText={t('adminOrg.save')}
        cancelText={t('adminOrg.cancel')}
        confirmLoading={write.isPending}
        onOk={() => form.submit()}
        onCancel={() => setEditing(null)}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" onFinish={(v) => editing && save(v, editing)}>
          <Form.Item
            name="name"
            label={t('adminOrg.name')}
            rules={[{ required: true, message: t('adminOrg.required') }]}
          >
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item
            name="nameEn"
            label={t('adminOrg.nameEn')}
            rules={[{ required: true, message: t('adminOrg.required') }]}
          >
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="regionId" label={t('adminOrg.region')}>
            <RegionSelect />
          </Form.Item>
        </Form>
      </Modal>
    </Flex>
  );
}
