import { EyeOutlined } from '@ant-design/icons';
import { App, Button, Space, Table } from 'antd';
import { useState } from 'react';
import type { Party } from '../../../lib/api/types.ts';
import { useErrorText } from '../../../lib/errors.ts';
import { useI18n } from '../../../lib/i18n/index.tsx';
import { useRevealParty } from '../api/case-actions.ts';

type Field = 'phone' | 'idNumber';

export function PartiesTable({ caseId, parties }: { caseId: string; parties: Party[] }) {
  const { t, te } = useI18n();
  const { modal, message } = App.useApp();
  const errorText = useErrorText();
  const reveal = useRevealParty(caseId);
  const [shown, setShown] = useState<Record<string, string>>({});

  const ask = (party: Party, field: Field) => {
    modal.confirm({
      title: t('case.revealTitle'),
      content: t('case.revealConfirm'),
      okText: t('case.reveal'),
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          const { value } = await reveal.mutateAsync({ partyId: party.id, field });
          setShown((s) => ({ ...s, [`${party.id}:${field}`]: value }));
        } catch (err) {
          message.error(errorText(err));
        }
      },
    });
  };

  const masked = (party: Party, field: Field) => {
    const value = party[field];
    if (!value) return t('common.none');
    const full = shown[`${party.id}:${field}`];
    if (full) return <span>{full}</span>;
    return (
      <Space size={4}>
        <span>{value}</span>
        <Button
          type="link"
          size="small"
          icon={<EyeOutlined />}
          aria-label={`${t('case.reveal')} ${t(field === 'phone' ? 'case.phone' : 'case.idNumber')}`}
          onClick={() => ask(party, field)}
        />
      </Space>
    );
  };

  return (
    <Table<Party>
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={parties}
      columns={[
        { title: t('case.role'), dataIndex: 'role', width: 100, render: (r: string) => te('partyRole', r) },
        { title: t('case.name'), dataIndex: 'name' },
        { title: t('case.phone'), dataIndex: 'phone', render: (_: unknown, p) => masked(p, 'phone') },
        {
          title: t('case.idNumber'),
          dataIndex: 'idNumber',
          render: (_: unknown, p) => masked(p, 'idNumber'),
        },
      ]}
    />
  );
}
