import { MessageOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Col, Descriptions, Flex, Form, Input, Row, Spin, Tag, Timeline } from 'antd';
import { api } from '../../../lib/api/client.ts';
import type { Case } from '../../../lib/api/types.ts';
import { useErrorText } from '../../../lib/errors.ts';
import { useI18n } from '../../../lib/i18n/index.tsx';
import { type MediationBundle, type TimelineItem, useMediation } from '../api.ts';
import { AgreementPanel } from './agreement-panel.tsx';
import { CourtPanel } from './court-panel.tsx';
import { ActionButton, ActionForm } from './form-modal.tsx';
import { MediationStatusTag } from './mediation-desk.tsx';
import { PerformancePanel } from './performance-panel.tsx';
import { SessionsPanel } from './sessions-panel.tsx';

function Actions({ data }: { data: MediationBundle }) {
  const { t } = useI18n();
  const { m } = data;
  const can = (a: string) => m.allowedActions.includes(a);
  return (
    <Flex gap={8} wrap>
      {can('accept') ? (
        <ActionButton
          primary
          label={t('mediation.accept')}
          action="accept"
          path={`/mediations/${m.id}/accept`}
        />
      ) : null}
      {can('decline') ? (
        <ActionForm<{ note: string }>
          label={t('mediation.decline')}
          title={t('mediation.decline')}
          action="decline"
          path={`/mediations/${m.id}/decline`}
        >
          <Form.Item
            name="note"
            label={t('mediation.decline.reason')}
            rules={[{ required: true, whitespace: true, message: t('common.required') }]}
          >
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} />
          </Form.Item>
        </ActionForm>
      ) : null}
      {can('start') ? (
        <ActionButton
          primary
          label={t('mediation.start')}
          action="start"
          path={`/mediations/${m.id}/start`}
        />
      ) : null}
    </Flex>
  );
}

/** The parties as the case records them, masked; shown when the viewer may see the case itself. */
function Parties({ caseId }: { caseId: string }) {
  const { t, te } = useI18n();
  const q = useQuery({
    queryKey: ['mediation', 'case-parties', caseId],
    queryFn: ({ signal }) => api.get<Case>(`/cases/${encodeURIComponent(caseId)}`, undefined, signal),
    retry: false,
  });
  if (!q.data) return null;
  const c = q.data;
  return (
    <Card size="small" title={t('mediation.parties')} data-testid="parties">
      <p style={{ marginTop: 0 }}>{c.description}</p>
      {(c.parties ?? []).map((p) => (
        <Tag key={p.id}>
          {te('partyRole', p.role)} · {p.name}
          {p.phone ? ` · ${p.phone}` : ''}
        </Tag>
      ))}
    </Card>
  );
}

const CHAT = 'chat.message';

function MediationTimeline({ items }: { items: TimelineItem[] }) {
  const { t, te, dateTime } = useI18n();
  return (
    <Card size="small" title={t('mediation.timeline')} data-testid="mediation-timeline">
      <Timeline
        items={[...items]
          .reverse()
          .slice(0, 30)
          .map((e) => ({
            key: e.id,
            color: e.type === CHAT ? 'purple' : 'blue',
            content: (
              <>
                <div style={{ fontSize: 12, color: '#8c8c8c' }}>
                  {dateTime(e.at)} · {e.actor.name}
                </div>
                <div>
                  {e.type === CHAT ? (
                    <>
                      <MessageOutlined /> {String(e.data.text ?? '')}
                    </>
                  ) : (
                    te('mediation.e.mediationEvent', e.type)
                  )}
                </div>
              </>
            ),
          }))}
      />
    </Card>
  );
}

export function MediationPage({ id, me }: { id: string; me: { id: string } }) {
  const { t, te, dateTime } = useI18n();
  const errorText = useErrorText();
  const q = useMediation(id);
  if (q.isLoading) return <Spin />;
  if (q.error) return <Alert type="error" showIcon title={errorText(q.error)} />;
  const data = q.data!;
  const { m } = data;
  const isMediator = m.mediators.some((x) => x.userId === me.id && x.status === 'accepted');
  return (
    <Flex vertical gap={16} data-testid="mediation-page" data-status={m.status} data-mediation-id={m.id}>
      <Card
        title={
          <Flex gap={8} align="center">
            <span className="tracking-code">{m.trackingCode}</span>
            <MediationStatusTag status={m.status} />
          </Flex>
        }
        extra={<Actions data={data} />}
      >
        <Descriptions
          size="small"
          column={{ xs: 1, md: 3 }}
          items={[
            { key: 'org', label: t('mediation.field.organisation'), children: m.organisationName },
            { key: 'step', label: t('mediation.field.step'), children: m.stepName },
            {
              key: 'via',
              label: t('mediation.field.requestedVia'),
              children: te('mediation.e.requestedVia', m.requestedVia),
            },
            {
              key: 'mediators',
              label: t('mediation.field.mediators'),
              children: m.mediators
                .map((x) =>
                  t('mediation.paren', { a: x.name, b: te('mediation.e.mediatorStatus', x.status) }),
                )
                .join(t('mediation.sep')),
            },
            { key: 'created', label: t('mediation.field.createdAt'), children: dateTime(m.createdAt) },
            {
              key: 'outcome',
              label: t('mediation.outcome.label'),
              children: m.outcome
                ? `${te('mediation.e.mediationOutcome', m.outcome)} · ${m.outcomeNote ?? ''}`
                : t('common.none'),
            },
          ]}
        />
      </Card>
      <Parties caseId={m.caseId} />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <Flex vertical gap={16}>
            <SessionsPanel data={data} />
            <AgreementPanel data={data} me={me} />
            <PerformancePanel data={data} isMediator={isMediator} />
            <CourtPanel data={data} isMediator={isMediator} />
          </Flex>
        </Col>
        <Col xs={24} xl={8}>
          <MediationTimeline items={data.timeline} />
        </Col>
      </Row>
    </Flex>
  );
}
