import { Table, Tag } from 'antd';
import type { Assignment } from '../../../lib/api/types.ts';
import { useI18n } from '../../../lib/i18n/index.tsx';

export function AssignmentsTable({ assignments }: { assignments: Assignment[] }) {
  const { t, te, dateTime } = useI18n();
  return (
    <Table<Assignment>
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={assignments}
      columns={[
        { title: t('case.department'), dataIndex: 'departmentName' },
        {
          title: t('case.role'),
          dataIndex: 'role',
          width: 90,
          render: (r: string) => <Tag color={r === 'lead' ? 'red' : 'blue'}>{te('assignmentRole', r)}</Tag>,
        },
        {
          title: t('case.assignmentStatus'),
          dataIndex: 'status',
          width: 100,
          render: (s: string) => te('assignmentStatus', s),
        },
        {
          title: t('case.dueAt'),
          dataIndex: 'dueAt',
          render: (v: string | null) => dateTime(v) || t('common.none'),
        },
        {
          title: t('case.objectionDueAt'),
          dataIndex: 'objectionDueAt',
          render: (v: string | null) => dateTime(v) || t('common.none'),
        },
      ]}
    />
  );
}
