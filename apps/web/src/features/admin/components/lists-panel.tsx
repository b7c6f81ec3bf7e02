import { Button, DatePicker, Flex, Form, Input, Select, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import { CategorySelect } from '../../../components/category-select.tsx';
import { DepartmentSelect } from '../../../components/department-select.tsx';
import { RegionSelect } from '../../../components/region-select.tsx';
import { useI18n } from '../../../lib/i18n/index.tsx';
import { useCreate, usePeople, useResponsibilities } from '../api/org-api.ts';

const day = (d: dayjs.Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : null);

/** The responsibility list (权责清单) with effective dates, and a form to add an entry. */
export function ResponsibilityPanel() {
  const { t } = useI18n();
  const q = useResponsibilities();
  const create = useCreate('/org/responsibilities');
  return (
    <Flex vertical gap={12}>
      <Form
        layout="inline"
        onFinish={(v) =>
          create.mutate({
            ...v,
            validFrom: day(v.validFrom) ?? dayjs().format('YYYY-MM-DD'),
            validTo: day(v.validTo),
          })
        }
      >
        <Form.Item name="categoryCode" rules={[{ required: true }]}>
          <CategorySelect />
        </Form.Item>
        <Form.Item name="regionId" rules={[{ required: true }]}>
          <RegionSelect />
        </Form.Item>
        <Form.Item name="departmentId" rules={[{ required: true }]}>
          <DepartmentSelect />
        </Form.Item>
        <Form.Item name="role" initialValue="lead">
          <Select
            style={{ width: 100 }}
            options={['lead', 'co'].map((r) => ({ value: r, label: t(`admin.role.${r}` as never) }))}
          />
        </Form.Item>
        <Form.Item name="validFrom">
          <DatePicker placeholder={t('admin.validFrom')} />
        </Form.Item>
        <Form.Item name="validTo">
          <DatePicker placeholder={t('admin.validTo')} />
        </Form.Item>
        <Button htmlType="submit" type="primary" loading={create.isPending}>
          {t('admin.add')}
        </Button>
      </Form>
      <Table
        size="small"
        rowKey="id"
        loading={q.isLoading}
        dataSource={q.data?.items ?? []}
        columns={[
          { title: t('admin.category'), render: (_, r) => `${r.categoryCode} ${r.categoryName}` },
          { title: t('admin.where'), dataIndex: 'regionName' },
          { title: t('admin.department'), dataIndex: 'departmentName' },
          {
            title: t('admin.roleTitle'),
            dataIndex: 'role',
            render: (r: string) => <Tag>{t(`admin.role.${r}` as never)}</Tag>,
          },
          { title: t('admin.validFrom'), dataIndex: 'validFrom' },
          { title: t('admin.validTo'), dataIndex: 'validTo' },
        ]}
      />
    </Flex>
  );
}

/** Grid workers of the selected grid, and a form to assign one. */
export function PeoplePanel({ gridId }: { gridId: string | null }) {
  const { t } = useI18n();
  const q = usePeople(gridId);
  const create = useCreate('/org/people');
  if (!gridId) return <span>{t('admin.pickGrid')}</span>;
  return (
    <Flex vertical gap={12}>
      <Form
        layout="inline"
        onFinish={(v) =>
          create.mutate({
            kind: 'grid_worker',
            gridId,
            name: v.name,
            phone: v.phone || null,
            employment: v.employment,
            validFrom: day(v.validFrom) ?? dayjs().format('YYYY-MM-DD'),
          })
        }
      >
        <Form.Item name="name" rules={[{ required: true }]}>
          <Input placeholder={t('admin.name')} />
        </Form.Item>
        <Form.Item name="phone">
          <Input placeholder={t('admin.phone')} />
        </Form.Item>
        <Form.Item name="employment" initialValue="full_time">
          <Select
            style={{ width: 120 }}
            options={['full_time', 'part_time', 'volunteer'].map((e) => ({
              value: e,
              label: t(`admin.employment.${e}` as never),
            }))}
          />
        </Form.Item>
        <Form.Item name="validFrom">
          <DatePicker placeholder={t('admin.validFrom')} />
        </Form.Item>
        <Button htmlType="submit" type="primary" loading={create.isPending}>
          {t('admin.assign')}
        </Button>
      </Form>
      <Table
        size="small"
        rowKey="id"
        dataSource={q.data?.items ?? []}
        columns={[
          { title: t('admin.name'), dataIndex: 'name' },
          { title: t('admin.phone'), dataIndex: 'phone' },
          {
            title: t('admin.employmentTitle'),
            dataIndex: 'employment',
            render: (e: string | null) => (e ? t(`admin.employment.${e}` as never) : ''),
          },
          { title: t('admin.validFrom'), dataIndex: 'validFrom' },
          { title: t('admin.validTo'), dataIndex: 'validTo' },
        ]}
      />
    </Flex>
  );
}
