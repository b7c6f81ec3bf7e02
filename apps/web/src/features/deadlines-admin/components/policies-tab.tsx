import { Button, InputNumber, Select, Skeleton, Table, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { type MessageKey, useI18n } from '../../../lib/i18n/index.tsx';
import { useCategories, useRegions } from '../../../lib/reference.ts';
import { COLOURS, type Policy, STAGES, UNITS, usePolicies, useSavePolicies } from '../api.ts';
import { SaveBar } from './save-bar.tsx';

const COLOUR_TAG = { red: 'red', orange: 'orange', yellow: 'gold', green: 'green' } as const;

/** Deadline policies per colour and stage, with category and region overrides. */
export function PoliciesTab() {
  const { t } = useI18n();
  const q = usePolicies();
  const save = useSavePolicies();
  const categories = useCategories();
  const regions = useRegions();
  const [rows, setRows] = useState<Policy[]>([]);
  useEffect(() => {
    if (q.data) setRows(q.data.policies.map((p) => ({ ...p })));
  }, [q.data]);
  if (!q.data) return <Skeleton active />;
  const set = (i: number, patch: Partial<Policy>) =>
    setRows((rs) => rs.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const any = { value: '', label: t('deadlinesAdmin.any') };
  return (
    <>
      <Table<Policy & { i: number }>
        size="small"
        rowKey="i"
        pagination={false}
        dataSource={rows.map((r, i) => ({ ...r, i }))}
        columns={[
          {
            title: t('deadlinesAdmin.colour'),
            render: (_, r) => (
              <Select
                size="small"
                value={r.colour}
                style={{ width: 100 }}
                onChange={(colour) => set(r.i, { colour })}
                options={COLOURS.map((c) => ({
                  value: c,
                  label: <Tag color={COLOUR_TAG[c]}>{t(`colour.${c}` as MessageKey)}</Tag>,
                }))}
              />
            ),
          },
          {
            title: t('deadlinesAdmin.stage'),
            render: (_, r) => (
              <Select
                size="small"
                value={r.stage}
                style={{ width: 150 }}
                onChange={(stage) => set(r.i, { stage })}
                options={STAGES.map((s) => ({
                  value: s,
                  label: t(`deadlinesAdmin.stage.${s}` as MessageKey),
                }))}
              />
            ),
          },
          {
            title: t('deadlinesAdmin.amount'),
            render: (_, r) => (
              <InputNumber
                size="small"
                min={0}
                max={10000}
                value={r.amount}
                onChange={(v) => set(r.i, { amount: Number(v ?? 0) })}
                data-testid={`amount-${r.colour}-${r.stage}`}
              />
            ),
          },
          {
            title: t('deadlinesAdmin.unit'),
            render: (_, r) => (
              <Select
                size="small"
                value={r.unit}
                style={{ width: 150 }}
                onChange={(unit) => set(r.i, { unit })}
                options={UNITS.map((u) => ({ value: u, label: t(`deadlinesAdmin.unit.${u}` as MessageKey) }))}
              />
            ),
          },
          {
            title: t('deadlinesAdmin.category'),
            render: (_, r) => (
              <Select
                size="small"
                showSearch
                optionFilterProp="label"
                value={r.categoryCode ?? ''}
                style={{ width: 180 }}
                onChange={(v) => set(r.i, { categoryCode: v || undefined })}
                options={[any, ...(categories.data ?? []).map((c) => ({ value: c.code, label: c.name }))]}
              />
            ),
          },
          {
            title: t('deadlinesAdmin.region'),
            render: (_, r) => (
              <Select
                size="small"
                showSearch
                optionFilterProp="label"
                value={r.regionId ?? ''}
                style={{ width: 160 }}
                onChange={(v) => set(r.i, { regionId: v || undefined })}
                options={[any, ...(regions.data ?? []).map((x) => ({ value: x.id, label: x.name }))]}
              />
            ),
          },
          {
            title: '',
            render: (_, r) => (
              <Button
                size="small"
                type="link"
                danger
                onClick={() => setRows((rs) => rs.filter((_, j) => j !== r.i))}
              >
                {t('deadlinesAdmin.remove')}
              </Button>
            ),
          },
        ]}
      />
      <Button
        style={{ marginTop: 8 }}
        onClick={() =>
          setRows((rs) => [...rs, { colour: 'yellow', stage: 'resolve', amount: 5, unit: 'working_days' }])
        }
      >
        {t('deadlinesAdmin.addOverride')}
      </Button>
      <SaveBar
        version={q.data.version}
        history={q.data.history}
        saving={save.isPending}
        onSave={async (reason) =>
          (await save.mutateAsync({ baseVersion: q.data.version, policies: rows, reason })).version
        }
      />
    </>
  );
}
