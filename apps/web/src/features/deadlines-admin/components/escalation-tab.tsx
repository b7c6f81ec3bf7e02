import {
  Button,
  Card,
  Col,
  Descriptions,
  InputNumber,
  Row,
  Select,
  Skeleton,
  Space,
  Tag,
  Typography,
} from 'antd';
import { useEffect, useState } from 'react';
import { type MessageKey, useI18n } from '../../../lib/i18n/index.tsx';
import { type Ladder, type Span, UNITS, usePolicies, useSavePolicies } from '../api.ts';
import { SaveBar } from './save-bar.tsx';

const COLOUR_TAG = { red: 'red', orange: 'orange', yellow: 'gold', green: 'green' } as const;

function SpanInput(p: {
  value: Span | null;
  onChange: (v: Span | null) => void;
  nullable?: boolean;
  id: string;
}) {
  const { t } = useI18n();
  if (!p.value)
    return (
      <Space>
        <Typography.Text type="secondary">{t('deadlinesAdmin.ladder.never')}</Typography.Text>
        <Button size="small" onClick={() => p.onChange({ amount: 1, unit: 'working_days' })}>
          +
        </Button>
      </Space>
    );
  return (
    <Space.Compact>
      <InputNumber
        size="small"
        min={0}
        max={10000}
        value={p.value.amount}
        style={{ width: 70 }}
        onChange={(v) => p.onChange({ ...p.value!, amount: Math.round(Number(v ?? 0)) })}
        data-testid={p.id}
      />
      <Select
        size="small"
        value={p.value.unit}
        style={{ width: 150 }}
        onChange={(unit) => p.onChange({ ...p.value!, unit })}
        options={UNITS.map((u) => ({ value: u, label: t(`deadlinesAdmin.unit.${u}` as MessageKey) }))}
      />
      {p.nullable !== false && (
        <Button size="small" onClick={() => p.onChange(null)}>
          ×
        </Button>
      )}
    </Space.Compact>
  );
}

/** Each escalation step with its position: the step number is its identity. */
const stepsOf = (l: Ladder) => l.escalateAfter.map((s, k) => ({ s, k, step: `step-${k + 1}` }));

/** The escalation ladder per colour: warn, urge (催办), supervise (督办) with its limit, escalate step by step. */
export function EscalationTab() {
  const { t } = useI18n();
  const q = usePolicies();
  const save = useSavePolicies();
  const [ladders, setLadders] = useState<Ladder[]>([]);
  useEffect(() => {
    if (q.data) setLadders(q.data.escalation.map((l) => ({ ...l, escalateAfter: [...l.escalateAfter] })));
  }, [q.data]);
  if (!q.data) return <Skeleton active />;
  const set = (i: number, patch: Partial<Ladder>) =>
    setLadders((ls) => ls.map((l, j) => (j === i ? { ...l, ...patch } : l)));
  return (
    <>
      <Typography.Paragraph type="secondary">{t('deadlinesAdmin.ladder.hint')}</Typography.Paragraph>
      <Row gutter={[16, 16]}>
        {ladders.map((l, i) => (
          <Col xs={24} lg={12} key={l.colour}>
            <Card
              size="small"
              title={<Tag color={COLOUR_TAG[l.colour]}>{t(`colour.${l.colour}` as MessageKey)}</Tag>}
            >
              <Descriptions size="small" column={1}>
                <Descriptions.Item label={t('deadlinesAdmin.ladder.dueSoon')}>
                  <InputNumber
                    size="small"
                    min={0}
                    max={0.99}
                    step={0.05}
                    value={l.dueSoonFraction}
                    onChange={(v) => set(i, { dueSoonFraction: Number(v ?? 0) })}
                  />
                </Descriptions.Item>
                <Descriptions.Item label={t('deadlinesAdmin.ladder.urge')}>
                  <SpanInput
                    id={`urge-${l.colour}`}
                    value={l.urgeAfter}
                    onChange={(urgeAfter) => set(i, { urgeAfter })}
                  />
                </Descriptions.Item>
                <Descriptions.Item label={t('deadlinesAdmin.ladder.supervise')}>
                  <SpanInput
                    id={`supervise-${l.colour}`}
                    value={l.superviseAfter}
                    onChange={(superviseAfter) => set(i, { superviseAfter })}
                  />
                </Descriptions.Item>
                <Descriptions.Item label={t('deadlinesAdmin.ladder.superviseDays')}>
                  <InputNumber
                    size="small"
                    min={1}
                    max={30}
                    value={l.superviseWorkingDays}
                    onChange={(v) => set(i, { superviseWorkingDays: Math.round(Number(v ?? 1)) })}
                    data-testid={`supervise-days-${l.colour}`}
                  />
                </Descriptions.Item>
                {stepsOf(l).map(({ s, k, step }) => (
                  <Descriptions.Item key={step} label={t('deadlinesAdmin.ladder.escalate', { n: k + 1 })}>
                    <SpanInput
                      id={`escalate-${l.colour}-${k}`}
                      value={s}
                      onChange={(v) =>
                        set(i, {
                          escalateAfter: v
                            ? l.escalateAfter.map((x, j) => (j === k ? v : x))
                            : l.escalateAfter.filter((_, j) => j !== k),
                        })
                      }
                    />
                  </Descriptions.Item>
                ))}
              </Descriptions>
              {l.escalateAfter.length < 3 && (
                <Button
                  size="small"
                  onClick={() =>
                    set(i, { escalateAfter: [...l.escalateAfter, { amount: 1, unit: 'working_days' }] })
                  }
                >
                  {t('deadlinesAdmin.ladder.addStep')}
                </Button>
              )}
            </Card>
          </Col>
        ))}
      </Row>
      <SaveBar
        version={q.data.version}
        history={q.data.history}
        saving={save.isPending}
        onSave={async (reason) =>
          (
            await save.mutateAsync({
              baseVersion: q.data.version,
              policies: q.data.policies,
              escalation: ladders,
              reason,
            })
          ).version
        }
      />
    </>
  );
}
