import { Button, Card, DatePicker, Flex, Form, Input, InputNumber, Radio, Select, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useI18n } from '../../../lib/i18n/index.tsx';
import type { Link, MediationBundle, Session } from '../api.ts';
import { ActionForm } from './form-modal.tsx';
import { InviteForm, LinksModal, usePoolOptions } from './session-invite.tsx';

interface ScheduleValues {
  mode: 'in_person' | 'video';
  scheduledAt: Dayjs;
  durationMinutes: number;
  place?: string;
  inviteUserIds?: string[];
  judge?: string;
}

function ScheduleForm({ mediationId, caseId }: { mediationId: string; caseId: string }) {
  const { t } = useI18n();
  const pool = usePoolOptions(caseId);
  const [links, setLinks] = useState<Link[] | null>(null);
  return (
    <>
      <ActionForm<ScheduleValues>
        label={t('mediation.session.schedule')}
        title={t('mediation.session.schedule')}
        action="schedule"
        primary
        path={`/mediations/${mediationId}/sessions`}
        initialValues={{
          mode: 'video',
          durationMinutes: 60,
          scheduledAt: dayjs().add(1, 'day').hour(9).minute(30).second(0),
        }}
        toBody={(v) => ({
          mode: v.mode,
          scheduledAt: v.scheduledAt.toISOString(),
          durationMinutes: v.durationMinutes,
          place: v.place?.trim() || undefined,
          inviteUserIds: v.inviteUserIds ?? [],
          guests: v.judge?.trim() ? [{ kind: 'judge', name: v.judge.trim() }] : [],
        })}
        onDone={(r) => setLinks((r as { links: Link[] }).links)}
      >
        <Form.Item name="mode" label={t('mediation.session.mode')} rules={[{ required: true }]}>
          <Radio.Group
            optionType="button"
            options={(['video', 'in_person'] as const).map((m) => ({
              value: m,
              label: t(`mediation.session.mode.${m}`),
            }))}
          />
        </Form.Item>
        <Form.Item
          name="scheduledAt"
          label={t('mediation.session.scheduledAt')}
          rules={[{ required: true, message: t('common.required') }]}
        >
          <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" />
        </Form.Item>
        <Form.Item name="durationMinutes" label={t('mediation.session.duration')}>
          <InputNumber min={10} max={480} step={15} />
        </Form.Item>
        <Form.Item name="place" label={t('mediation.session.place')}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="inviteUserIds" label={t('mediation.session.invite')}>
          <Select mode="multiple" allowClear options={pool} />
        </Form.Item>
        <Form.Item name="judge" label={t('mediation.session.judge')}>
          <Input maxLength={60} />
        </Form.Item>
      </ActionForm>
      <LinksModal links={links} onClose={() => setLinks(null)} />
    </>
  );
}

function SessionCard({ s, caseId, canRecord }: { s: Session; caseId: string; canRecord: boolean }) {
  const { t, te, dateTime } = useI18n();
  const open = s.status === 'scheduled' || s.status === 'in_progress';
  return (
    <Card
      size="small"
      data-testid="session"
      data-session-id={s.id}
      data-status={s.status}
      title={
        <Flex gap={8} align="center">
          <Tag color={s.mode === 'video' ? 'purple' : 'blue'}>
            {t(`mediation.session.mode.${s.mode}` as 'mediation.session.mode.video')}
          </Tag>
          {dateTime(s.scheduledAt)}
        </Flex>
      }
      extra={<Tag>{te('mediation.e.sessionStatus', s.status)}</Tag>}
    >
      <p style={{ margin: '0 0 8px' }}>
        {s.place ? `${t('mediation.session.place')}: ${s.place} · ` : ''}
        {t('mediation.session.participants')}:{' '}
        {s.participants
          .map((p) => t('mediation.paren', { a: p.name, b: te('mediation.e.participantKind', p.kind) }))
          .join(t('mediation.sep'))}
      </p>
      {s.minutes ? (
        <p style={{ whiteSpace: 'pre-wrap', margin: '0 0 8px' }} data-testid="minutes">
          {t('mediation.session.minutes')}: {s.minutes}
        </p>
      ) : null}
      <Flex gap={8} wrap>
        {open && s.mode === 'video' ? (
          <Button type="primary" href={`/mediation/room/${s.id}`} data-action="enter-room">
            {t('mediation.room.enter')}
          </Button>
        ) : null}
        {open && canRecord ? <InviteForm sessionId={s.id} caseId={caseId} /> : null}
        {open && canRecord ? (
          <ActionForm<{ minutes: string; outcome: string }>
            label={t('mediation.session.recordMinutes')}
            title={t('mediation.session.recordMinutes')}
            action="minutes"
            path={`/mediation/sessions/${s.id}/minutes`}
            initialValues={{ outcome: 'continued' }}
          >
            <Form.Item
              name="minutes"
              label={t('mediation.session.minutes')}
              rules={[{ required: true, whitespace: true, message: t('common.required') }]}
            >
              <Input.TextArea autoSize={{ minRows: 5, maxRows: 14 }} maxLength={20000} />
            </Form.Item>
            <Form.Item name="outcome" label={t('mediation.session.outcome')}>
              <Radio.Group
                options={(['agreement', 'continued', 'failed'] as const).map((o) => ({
                  value: o,
                  label: te('mediation.e.sessionOutcome', o),
                }))}
              />
            </Form.Item>
          </ActionForm>
        ) : null}
      </Flex>
    </Card>
  );
}

export function SessionsPanel({ data }: { data: MediationBundle }) {
  const { t } = useI18n();
  const can = data.m.allowedActions.includes('schedule');
  return (
    <Card
      title={t('mediation.session.title')}
      extra={can ? <ScheduleForm mediationId={data.m.id} caseId={data.m.caseId} /> : null}
      data-testid="sessions-panel"
    >
      {data.sessions.length === 0 ? <p>{t('mediation.session.none')}</p> : null}
      <Flex vertical gap={12}>
        {data.sessions.map((s) => (
          <SessionCard key={s.id} s={s} caseId={data.m.caseId} canRecord={can} />
        ))}
      </Flex>
    </Card>
  );
}
