import { CloudSyncOutlined, LogoutOutlined } from '@ant-design/icons';
import { Alert, Badge, Button, Flex, Segmented, Spin, Tag, Typography } from 'antd';
import { type ReactNode, useEffect, useRef, useState } from 'react';
import { LocaleSwitch } from '../../../components/locale-switch.tsx';
import type { User } from '../../../lib/api/types.ts';
import { useI18n } from '../../../lib/i18n/index.tsx';
import type { FieldCase, Household, Screening } from '../api/types.ts';
import { useFieldData } from '../offline/use-field.ts';
import { HouseholdDrawer } from './household-drawer.tsx';
import { HouseholdList } from './household-list.tsx';
import { PatrolCard } from './patrol-card.tsx';
import { RegisterList } from './register-list.tsx';
import { ReportForm } from './report-form.tsx';
import { ScreeningDrawer } from './screening-drawer.tsx';
import { SettleDrawer } from './settle-drawer.tsx';
import { SyncPanel } from './sync-panel.tsx';
import { TaskList } from './task-list.tsx';
import { VerifyDrawer } from './verify-drawer.tsx';
import { VisitDrawer, type VisitTarget } from './visit-drawer.tsx';
import './field.css';

type Tab = 'tasks' | 'report' | 'households' | 'registers' | 'sync';

/** The grid worker's phone app: today's tasks, reports, households and the queue, all usable offline. */
export function FieldApp({
  user,
  onSignOut,
  renderCase,
}: {
  user: User;
  onSignOut: () => void;
  renderCase?: (id: string) => ReactNode;
}) {
  const { t, dateTime, locale } = useI18n();
  const data = useFieldData();
  const { online, refresh } = data;
  // category names and messages come localised from the server
  const shownIn = useRef(locale);
  useEffect(() => {
    if (shownIn.current === locale || !online) return;
    shownIn.current = locale;
    void refresh();
  }, [locale, online, refresh]);
  const [tab, setTab] = useState<Tab>('tasks');
  const [verifying, setVerifying] = useState<FieldCase | null>(null);
  const [settling, setSettling] = useState<FieldCase | null>(null);
  const [screening, setScreening] = useState<Screening | null>(null);
  const [visiting, setVisiting] = useState<VisitTarget | null>(null);
  const [householdId, setHouseholdId] = useState<string | null>(null);
  const today = data.snapshot?.today;
  const household = today?.households.find((h) => h.id === householdId) ?? null;
  const queued = () => {
    if (data.online) void data.sync();
  };
  const attention = data.queue.filter((a) => a.state !== 'pending').length;
  const pending = data.queue.length - attention;
  const openVisit = (h: Household) => {
    setHouseholdId(null);
    setVisiting({ householdId: h.id, label: `${h.headName} · ${h.address}` });
  };

  return (
    <div className="field-app">
      <header className="field-header">
        <Flex justify="space-between" align="center" gap={8}>
          <div>
            <Typography.Text strong className="field-title">
              {t('fieldApp.title')}
            </Typography.Text>
            <div>
              <Typography.Text type="secondary">{user.displayName}</Typography.Text>
            </div>
          </div>
          <Flex gap={6} align="center">
            <Tag color={data.online ? 'success' : 'default'} id="field-online">
              {data.online ? t('fieldApp.online') : t('fieldApp.offline')}
            </Tag>
            <LocaleSwitch />
            <Button
              size="small"
              type="text"
              icon={<LogoutOutlined />}
              aria-label={t('fieldApp.signOut')}
              onClick={onSignOut}
            />
          </Flex>
        </Flex>
        <Flex justify="space-between" align="center" style={{ marginTop: 6 }}>
          <Typography.Text type="secondary" className="field-saved">
            {data.snapshot ? t('fieldApp.savedAt', { time: dateTime(data.snapshot.savedAt) }) : null}
          </Typography.Text>
          <Button
            size="small"
            icon={<CloudSyncOutlined />}
            loading={data.syncing}
            disabled={!data.online}
            onClick={() => void data.sync()}
            id="field-sync"
          >
            {t('fieldApp.sync', { n: pending })}
          </Button>
        </Flex>
      </header>
      {!data.online ? <Alert type="info" banner message={t('fieldApp.offlineHint')} /> : null}
      {data.error ? <Alert type="error" banner message={data.error} /> : null}
      {attention ? (
        <Alert
          type="warning"
          banner
          message={t('fieldApp.attention', { n: attention })}
          action={
            <Button size="small" onClick={() => setTab('sync')}>
              {t('fieldApp.attention.open')}
            </Button>
          }
        />
      ) : null}
      <Segmented<Tab>
        block
        value={tab}
        onChange={setTab}
        className="field-tabs"
        options={[
          { value: 'tasks', label: t('fieldApp.tab.tasks') },
          { value: 'report', label: t('fieldApp.tab.report') },
          { value: 'households', label: t('fieldApp.tab.households') },
          {
            value: 'sync',
            label: (
              <Badge count={data.queue.length} size="small" offset={[8, -2]}>
                {t('fieldApp.tab.sync')}
              </Badge>
            ),
          },
          { value: 'registers', label: t('fieldApp.tab.registers') },
        ]}
      />
      <main className="field-main">
        {!today ? (
          data.loaded && !data.online ? (
            <Alert type="warning" message={t('fieldApp.noData')} />
          ) : (
            <Spin />
          )
        ) : tab === 'tasks' ? (
          <>
            <PatrolCard onQueued={queued} />
            <TaskList
              today={today}
              queue={data.queue}
              onVerify={setVerifying}
              onSettle={setSettling}
              onScreen={setScreening}
              onVisit={(f) =>
                setVisiting({
                  householdId: f.householdId,
                  label: `${f.headName ?? ''} · ${f.address ?? ''}`,
                  taskId: f.id,
                })
              }
            />
          </>
        ) : tab === 'report' ? (
          <ReportForm today={today} onQueued={queued} />
        ) : tab === 'households' ? (
          <HouseholdList households={today.households} onOpen={(h) => setHouseholdId(h.id)} />
        ) : tab === 'registers' ? (
          <RegisterList online={data.online} />
        ) : (
          <SyncPanel queue={data.queue} onChange={queued} />
        )}
      </main>
      <VerifyDrawer
        item={verifying}
        details={verifying && data.online && renderCase ? renderCase(verifying.id) : undefined}
        onClose={() => setVerifying(null)}
        onQueued={queued}
      />
      <SettleDrawer item={settling} onClose={() => setSettling(null)} onQueued={queued} />
      <ScreeningDrawer
        campaign={screening}
        households={today?.households ?? []}
        onClose={() => setScreening(null)}
        onQueued={queued}
      />
      <VisitDrawer target={visiting} onClose={() => setVisiting(null)} onQueued={queued} />
      <HouseholdDrawer
        household={household}
        online={data.online}
        queue={data.queue}
        onClose={() => setHouseholdId(null)}
        onVisit={openVisit}
        onChanged={() => void data.refresh()}
      />
    </div>
  );
}
