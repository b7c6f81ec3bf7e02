import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Drawer, Empty, Flex, Input, Segmented, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { ApiError } from '../../../lib/api/client.ts';
import { useI18n } from '../../../lib/i18n/index.tsx';
import { fieldApi } from '../api/field-api.ts';
import type { RegisterEntry } from '../api/types.ts';
import { idb } from '../offline/idb.ts';
import { isOffline } from '../offline/queue.ts';
import { RegisterAdd } from './register-add.tsx';

export const ENTRY_KINDS = ['person', 'building', 'place', 'organisation'] as const;
type Filter = 'all' | RegisterEntry['kind'];
interface Kept {
  items: RegisterEntry[];
  savedAt: string;
}

/** The grid's register (人、房、物/场所、组织), kept on the phone for reading offline; adding needs the network. */
export function RegisterList({ online }: { online: boolean }) {
  const { t, te, dateTime } = useI18n();
  const [kept, setKept] = useState<Kept | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [filter, setFilter] = useState<Filter>('all');
  const [q, setQ] = useState('');
  const [open, setOpen] = useState<RegisterEntry | null>(null);
  const [adding, setAdding] = useState(false);

  const load = useCallback(async () => {
    try {
      const { items } = await fieldApi.register();
      const next = { items, savedAt: new Date().toISOString() };
      await idb.put('kv', next, 'register');
      setKept(next);
      setError(null);
    } catch (e) {
      if (!isOffline(e)) setError(e instanceof ApiError ? e.message : String(e));
    }
  }, []);

  useEffect(() => {
    void (async () => {
      const saved = await idb.get<Kept>('kv', 'register');
      if (saved) setKept((k) => k ?? saved);
    })();
  }, []);
  useEffect(() => {
    if (online) void load();
  }, [online, load]);

  const items = (kept?.items ?? []).filter(
    (e) =>
      (filter === 'all' || e.kind === filter) &&
      (!q || e.name.includes(q) || (e.address ?? '').includes(q) || (e.concern ?? '').includes(q)),
  );

  return (
    <Flex vertical gap={8} id="field-registers">
      <Flex gap={8} align="center">
        <Input.Search
          allowClear
          placeholder={t('fieldApp.reg.search')}
          onChange={(e) => setQ(e.target.value)}
        />
        <Button
          type="primary"
          icon={<PlusOutlined />}
          disabled={!online}
          onClick={() => setAdding(true)}
          id="reg-add"
        >
          {t('fieldApp.reg.add')}
        </Button>
      </Flex>
      {online ? null : <Typography.Text type="secondary">{t('fieldApp.reg.addOnline')}</Typography.Text>}
      <Segmented<Filter>
        block
        size="small"
        className="field-register-kinds"
        value={filter}
        onChange={setFilter}
        options={['all', ...ENTRY_KINDS].map((k) => ({
          value: k as Filter,
          label: te('fieldApp.reg.filter', k),
        }))}
      />
      {error ? <Typography.Text type="danger">{error}</Typography.Text> : null}
      {kept ? (
        <Typography.Text type="secondary" className="field-saved">
          {t('fieldApp.savedAt', { time: dateTime(kept.savedAt) })}
        </Typography.Text>
      ) : null}
      {ENTRY_KINDS.map((kind) => {
        const group = items.filter((e) => e.kind === kind);
        if (!group.length) return null;
        return (
          <Flex vertical gap={6} key={kind}>
            <Typography.Text strong>
              {te('fieldApp.reg.group', kind)} · {group.length}
            </Typography.Text>
            {group.slice(0, 200).map((e) => (
              <Card key={e.id} size="small" hoverable onClick={() => setOpen(e)} className="field-register">
                <Flex justify="space-between" align="center" gap={4}>
                  <Typography.Text strong>{e.name}</Typography.Text>
                  {e.concern ? <ConcernTag entry={e} /> : null}
                </Flex>
                <Typography.Text type="secondary">
                  {e.address || te('fieldApp.reg.kind', e.kind)}
                </Typography.Text>
              </Card>
            ))}
          </Flex>
        );
      })}
      {items.length ? null : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('fieldApp.reg.none')} />
      )}
      <Drawer
        open={!!open}
        onClose={() => setOpen(null)}
        placement="bottom"
        size="70vh"
        title={open?.name}
        destroyOnHidden
      >
        {open ? (
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label={t('fieldApp.reg.kindLabel')}>
              {te('fieldApp.reg.kind', open.kind)}
            </Descriptions.Item>
            {open.address ? (
              <Descriptions.Item label={t('fieldApp.reg.address')}>{open.address}</Descriptions.Item>
            ) : null}
            {open.phone ? (
              <Descriptions.Item label={t('fieldApp.reg.phone')}>{open.phone}</Descriptions.Item>
            ) : null}
            {open.idNumber ? (
              <Descriptions.Item label={t('fieldApp.reg.idNumber')}>{open.idNumber}</Descriptions.Item>
            ) : null}
            {open.concern ? (
              <>
                <Descriptions.Item label={t('fieldApp.reg.concern')}>{open.concern}</Descriptions.Item>
                <Descriptions.Item label={t('fieldApp.reg.cadence')}>
                  <ConcernTag entry={open} />
                </Descriptions.Item>
              </>
            ) : null}
            <Descriptions.Item label={t('fieldApp.reg.createdAt')}>
              {dateTime(open.createdAt)}
            </Descriptions.Item>
          </Descriptions>
        ) : null}
      </Drawer>
      <RegisterAdd
        open={adding}
        onClose={() => setAdding(false)}
        onAdded={() => {
          setAdding(false);
          void load();
        }}
      />
    </Flex>
  );
}

/** 重点人员: visits this week against the cadence; red when behind. */
function ConcernTag({ entry }: { entry: RegisterEntry }) {
  const { t } = useI18n();
  return (
    <Tag color={entry.behind ? 'red' : 'gold'}>
      {t('fieldApp.reg.visits', { done: entry.visitsLast7Days ?? 0, due: entry.visitsPerWeek ?? 0 })}
    </Tag>
  );
}
