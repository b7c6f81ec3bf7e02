import { App, Button, Flex, Input, Modal, Select, Space, Table, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { type MessageKey, useI18n } from '../../../lib/i18n/index.tsx';
import {
  useWarningAction,
  useWarningScan,
  useWarnings,
  type Warning,
  type WarningAction,
  type WarningState,
} from '../api.ts';
import { WarningTag } from './warning-list.tsx';

const NEXT: Record<WarningState, WarningAction[]> = {
  open: ['acknowledge', 'handle', 'dismiss'],
  acknowledged: ['handle', 'dismiss'],
  handled: ['reopen'],
  dismissed: ['reopen'],
};
const KINDS = [
  'repeat_caller',
  'repeat_place',
  'rising_category',
  'group_dispute',
  'escalation_language',
  'returning_petition',
  'household_incidents',
];

/** Warnings with their evidence and handling; acknowledge, handle, dismiss or reopen with a note. */
export function WarningsTable({
  kinds,
  onOpenCase,
  canAct,
}: {
  kinds?: string[];
  onOpenCase: (id: string) => void;
  canAct: boolean;
}) {
  const { t, dateTime } = useI18n();
  const { message } = App.useApp();
  const [state, setState] = useState<WarningState | undefined>('open');
  const [kind, setKind] = useState<string | undefined>(undefined);
  const list = useWarnings({ state, kind, limit: 200 });
  const act = useWarningAction();
  const scan = useWarningScan();
  const [pending, setPending] = useState<{ w: Warning; action: WarningAction } | null>(null);
  const [note, setNote] = useState('');
  const label = (k: string) => t(`analysis.warning.kind.${k}` as MessageKey);
  const items = (list.data ?? []).filter((w) => !kinds || kinds.includes(w.kind));

  const run = async (w: Warning, action: WarningAction, text?: string) => {
    try {
      await act.mutateAsync({ id: w.id, action, note: text });
      message.success(t('analysis.warning.done', { action: t(`analysis.warning.action.${action}`) }));
      setPending(null);
      setNote('');
    } catch (e) {
      message.error((e as Error).message);
    }
  };

  return (
    <>
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <Select
          style={{ width: 160 }}
          allowClear
          placeholder={t('analysis.warning.allStates')}
          value={state}
          onChange={setState}
          options={(['open', 'acknowledged', 'handled', 'dismissed'] as const).map((s) => ({
            value: s,
            label: t(`analysis.warning.state.${s}`),
          }))}
        />
        {kinds ? null : (
          <Select
            style={{ width: 220 }}
            allowClear
            placeholder={t('analysis.warning.allKinds')}
            value={kind}
            onChange={setKind}
            options={KINDS.map((k) => ({ value: k, label: label(k) }))}
          />
        )}
        {canAct ? (
          <Button
            loading={scan.isPending}
            onClick={async () =>
              message.info(t('analysis.scanDone', { created: (await scan.mutateAsync()).created }))
            }
          >
            {t('analysis.scan')}
          </Button>
        ) : null}
      </Flex>
      <Table<Warning>
        size="small"
        rowKey="id"
        className="warnings-table"
        loading={list.isLoading}
        dataSource={items}
        locale={{ emptyText: t('analysis.warning.empty') }}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        expandable={{
          expandedRowRender: (w) => (
            <Flex gap={32} wrap>
              <div>
                <Typography.Text strong>{t('analysis.warning.evidence')}</Typography.Text>
                <ul style={{ margin: '4px 0', paddingLeft: 18 }}>
                  {w.cases.map((c) => (
                    <li key={c.id}>
                      <Typography.Link onClick={() => onOpenCase(c.id)}>{c.trackingCode}</Typography.Link>{' '}
                      <Typography.Text type="secondary">{c.description}</Typography.Text>
                    </li>
                  ))}
                </ul>
              </div>
              {w.history.length ? (
                <div>
                  <Typography.Text strong>{t('analysis.warning.history')}</Typography.Text>
                  <Timeline
                    style={{ marginTop: 8 }}
                    items={w.history.map((h) => ({
                      children: `${dateTime(h.at)} · ${t(`analysis.warning.action.${h.action}` as MessageKey)}${h.note ? ` · ${h.note}` : ''}`,
                    }))}
                  />
                </div>
              ) : null}
            </Flex>
          ),
        }}
        columns={[
          {
            title: t('analysis.warning.kind'),
            width: 150,
            render: (_: unknown, w) => <WarningTag w={w} />,
          },
          { title: t('analysis.warning.title'), dataIndex: 'title' },
          {
            title: t('analysis.warning.region'),
            width: 200,
            render: (_: unknown, w) =>
              `${t(`analysis.warning.level.${w.level}` as MessageKey)} · ${w.regionName}`,
          },
          {
            title: t('analysis.warning.evidence'),
            width: 110,
            render: (_: unknown, w) => t('analysis.warning.cases', { count: w.caseCount }),
          },
          {
            title: t('analysis.warning.detectedAt'),
            dataIndex: 'detectedAt',
            width: 160,
            render: (at: string) => dateTime(at),
          },
          {
            title: t('analysis.warning.state'),
            dataIndex: 'state',
            width: 90,
            render: (s: WarningState) => t(`analysis.warning.state.${s}`),
          },
          ...(canAct
            ? [
                {
                  title: t('common.actions'),
                  width: 220,
                  render: (_: unknown, w: Warning) => (
                    <Space size={4} wrap>
                      {NEXT[w.state].map((a) => (
                        <Button
                          key={a}
                          size="small"
                          type={a === 'acknowledge' ? 'primary' : 'default'}
                          loading={act.isPending && act.variables?.id === w.id && act.variables.action === a}
                          onClick={() =>
                            a === 'handle' || a === 'dismiss' ? setPending({ w, action: a }) : run(w, a)
                          }
                        >
                          {t(`analysis.warning.action.${a}`)}
                        </Button>
                      ))}
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      <Modal
        open={!!pending}
        title={pending ? t(`analysis.warning.action.${pending.action}`) : null}
        onCancel={() => setPending(null)}
        okButtonProps={{ disabled: !note.trim(), loading: act.isPending }}
        onOk={() => pending && run(pending.w, pending.action, note.trim())}
      >
        <Typography.Paragraph type="secondary">{t('analysis.warning.noteRequired')}</Typography.Paragraph>
        <Input.TextArea
          rows={3}
          maxLength={2000}
          aria-label={t('analysis.warning.note')}
          value={note}
          onChange={(e) => setNote(e.target.value)}
        />
      </Modal>
    </>
  );
}
