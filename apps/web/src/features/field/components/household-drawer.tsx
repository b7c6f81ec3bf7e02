import { App, Button, Descriptions, Drawer, Flex, Form, Input, List, Select, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { ApiError } from '../../../lib/api/client.ts';
import { useI18n } from '../../../lib/i18n/index.tsx';
import { fieldApi } from '../api/field-api.ts';
import type { Household, QueuedAction, Visit } from '../api/types.ts';
import { idb } from '../offline/idb.ts';
import { RiskTag } from './household-list.tsx';

const LEVELS = ['safe', 'micro', 'low', 'medium', 'high'];

/** One household: who, where, its risk level and who handles it, its visit log; reveal and re-grade online. */
export function HouseholdDrawer({
  household,
  online,
  queue,
  onClose,
  onVisit,
  onChanged,
}: {
  household: Household | null;
  online: boolean;
  queue: QueuedAction[];
  onClose: () => void;
  onVisit: (h: Household) => void;
  onChanged: () => void;
}) {
  const { t, te, dateTime } = useI18n();
  const { message } = App.useApp();
  const [visits, setVisits] = useState<Visit[]>([]);
  const [phone, setPhone] = useState<string | null>(null);
  const [form] = Form.useForm<{ level: string; reason: string }>();
  const id = household?.id;

  useEffect(() => {
    setPhone(null);
    setVisits([]);
    if (!id) return;
    let live = true;
    (async () => {
      const kept = await idb.get<Visit[]>('kv', `visits:${id}`);
      if (kept && live) setVisits(kept);
      if (!online) return;
      try {
        const { items } = await fieldApi.visits(id);
        await idb.put('kv', items, `visits:${id}`);
        if (live) setVisits(items);
      } catch {
        // keep what the phone had
      }
    })();
    return () => {
      live = false;
    };
  }, [id, online]);

  if (!household) return <Drawer open={false} />;
  const pending = queue.filter((a) => a.kind === 'visit.record' && a.payload.householdId === household.id);
  const fail = (e: unknown) => message.error(e instanceof ApiError ? e.message : String(e));
  const reveal = async () => {
    try {
      setPhone((await fieldApi.reveal(household.id)).value);
    } catch (e) {
      fail(e);
    }
  };
  const regrade = async (v: { level: string; reason: string }) => {
    try {
      await fieldApi.regrade(household.id, {
        version: household.version,
        level: v.level,
        reason: v.reason.trim(),
      });
      message.success(t('fieldApp.risk.changed'));
      form.resetFields();
      onChanged();
    } catch (e) {
      fail(e);
    }
  };
  const r = household.risk;
  return (
    <Drawer open onClose={onClose} placement="bottom" size="88vh" title={household.headName}>
      <Descriptions column={1} size="small">
        <Descriptions.Item label={t('fieldApp.households.address')}>
          {household.regionName} · {household.address}
        </Descriptions.Item>
        <Descriptions.Item label={t('fieldApp.households.members')}>
          {household.memberCount}
        </Descriptions.Item>
        <Descriptions.Item label={t('fieldApp.households.phone')}>
          <Flex gap={8} align="center">
            <span style={{ whiteSpace: 'nowrap' }}>{phone ?? household.headPhone ?? '—'}</span>
            {household.headPhone && !phone ? (
              <Button size="small" type="link" disabled={!online} onClick={reveal}>
                {t('fieldApp.households.reveal')}
              </Button>
            ) : null}
          </Flex>
        </Descriptions.Item>
        <Descriptions.Item label={t('fieldApp.households.risk')}>
          <Flex gap={4} wrap>
            <RiskTag level={r.level} warning={r.warning} />
            <Tag>{te('fieldApp.cadence', r.cadence)}</Tag>
          </Flex>
        </Descriptions.Item>
        {r.handlerName ? (
          <Descriptions.Item label={t('fieldApp.households.handler')}>
            {r.handlerRegionName} · {r.handlerName}
          </Descriptions.Item>
        ) : null}
      </Descriptions>
      {household.regrade ? (
        <Typography.Paragraph type="warning">
          {t('fieldApp.households.regradeHint', {
            level: te('fieldApp.risk', household.regrade.suggestedLevel),
          })}
        </Typography.Paragraph>
      ) : null}
      <Button
        type="primary"
        block
        onClick={() => onVisit(household)}
        id="household-visit"
        style={{ marginTop: 12 }}
      >
        {t('fieldApp.visit.record')}
      </Button>
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('fieldApp.visit.log')}
      </Typography.Title>
      <List
        size="small"
        locale={{ emptyText: t('fieldApp.visit.none') }}
        dataSource={[
          ...pending.map((a) => ({
            id: a.key,
            kind: String(a.payload.kind),
            at: String(a.payload.at),
            note: String(a.payload.note),
            workerName: '',
            waiting: true,
          })),
          ...visits.map((v) => ({ ...v, waiting: false })),
        ]}
        renderItem={(v) => (
          <List.Item>
            <List.Item.Meta
              title={
                <Flex gap={4} align="center">
                  <Tag>{te('fieldApp.visitKind', v.kind)}</Tag>
                  <Typography.Text type="secondary">{dateTime(v.at)}</Typography.Text>
                  {v.waiting ? <Tag color="processing">{t('fieldApp.waiting')}</Tag> : null}
                </Flex>
              }
              description={v.workerName ? `${v.note} · ${v.workerName}` : v.note}
            />
          </List.Item>
        )}
      />
      <Typography.Title level={5}>{t('fieldApp.risk.change')}</Typography.Title>
      {online ? null : (
        <Typography.Paragraph type="secondary">{t('fieldApp.onlineOnly')}</Typography.Paragraph>
      )}
      <Form
        form={form}
        layout="vertical"
        onFinish={regrade}
        disabled={!online}
        initialValues={{ level: r.level }}
      >
        <Form.Item name="level" label={t('fieldApp.households.risk')}>
          <Select options={LEVELS.map((l) => ({ value: l, label: te('fieldApp.risk', l) }))} />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('fieldApp.risk.reason')}
          rules={[{ required: true, whitespace: true, message: t('fieldApp.required') }]}
        >
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
        <Button htmlType="submit" block>
          {t('fieldApp.risk.save')}
        </Button>
      </Form>
    </Drawer>
  );
}
