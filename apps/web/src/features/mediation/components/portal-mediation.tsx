import { DownloadOutlined, VideoCameraOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Flex } from 'antd';
import { api } from '../../../lib/api/client.ts';
import type { Case, CaseSummary, Page } from '../../../lib/api/types.ts';
import { useErrorText } from '../../../lib/errors.ts';
import { addMessages, useI18n } from '../../../lib/i18n/index.tsx';
import { Notice } from '../../portal/components/form-kit.tsx';
import { Facts, Panel } from '../../portal/components/ui.tsx';
import { documentUrl, useCaseMediations, useMediation } from '../api.ts';
import { mediationEn, mediationZh } from '../messages.ts';
import { Marketplace } from './marketplace.tsx';
import { PortalSignatures, StatusBadge } from './portal-signatures.tsx';

// The resident's mediation pages are light portal pages: they bring their own strings, not every feature's
addMessages(mediationZh, mediationEn);

/** The resident's disputes, each with its mediation or the way to ask for one. */
export function MyMediations({ onOpen }: { onOpen: (caseId: string) => void }) {
  const { t, dateTime } = useI18n();
  const errorText = useErrorText();
  const q = useQuery({
    queryKey: ['mediation', 'portal', 'disputes'],
    queryFn: ({ signal }) => api.get<Page<CaseSummary>>('/cases', { mine: true, limit: 50 }, signal),
  });
  const disputes = (q.data?.items ?? []).filter((c) => c.kind === 'dispute');
  return (
    <Flex vertical gap={16} data-testid="my-mediations">
      <Panel title={t('mediation.portal.title')}>
        <p className="portal-muted" style={{ marginTop: 0 }}>
          {t('mediation.portal.intro')}
        </p>
        {q.error ? <Notice type="error">{errorText(q.error)}</Notice> : null}
        {q.isSuccess && disputes.length === 0 ? (
          <p className="portal-muted">{t('mediation.portal.none')}</p>
        ) : null}
        <Flex vertical gap={8}>
          {disputes.map((c) => (
            <Button
              key={c.id}
              block
              size="large"
              style={{ height: 'auto', textAlign: 'left', whiteSpace: 'normal', padding: 12 }}
              onClick={() => onOpen(c.id)}
              data-tracking-code={c.trackingCode}
            >
              <div style={{ width: '100%' }}>
                <strong className="tracking-code">{c.trackingCode}</strong> · {c.categoryName}
                <div className="portal-muted">{dateTime(c.createdAt)}</div>
                <div style={{ overflow: 'hidden', textOverflow: 'ellipsis' }}>{c.description}</div>
              </div>
            </Button>
          ))}
        </Flex>
      </Panel>
    </Flex>
  );
}

const MEDIATION_COLOUR: Record<string, string> = {
  requested: '#0958d9',
  active: '#0958d9',
  concluded: '#237804',
  withdrawn: '#595959',
};
const AGREEMENT_COLOUR: Record<string, string> = {
  draft: '#595959',
  signing: '#ad6800',
  effective: '#237804',
};

function MyMediation({ id, caseData }: { id: string; caseData: Case }) {
  const { t, te, dateTime } = useI18n();
  const q = useMediation(id);
  if (!q.data) return <p className="portal-muted">{t('common.loading')}</p>;
  const { m, sessions, agreement, documents } = q.data;
  const mine = (caseData.parties ?? []).find((p) => p.role === 'applicant');
  const open = sessions.filter((s) => s.status === 'scheduled' || s.status === 'in_progress');
  return (
    <Flex vertical gap={16} data-testid="my-mediation" data-status={m.status}>
      <Panel
        title={t('mediation.portal.yours')}
        extra={
          <StatusBadge group="mediation.e.mediationStatus" status={m.status} colour={MEDIATION_COLOUR} />
        }
      >
        <Facts
          items={[
            { key: 'org', label: t('mediation.field.organisation'), value: m.organisationName },
            {
              key: 'mediators',
              label: t('mediation.field.mediators'),
              value: m.mediators
                .map((x) =>
                  t('mediation.paren', { a: x.name, b: te('mediation.e.mediatorStatus', x.status) }),
                )
                .join(t('mediation.sep')),
            },
            { key: 'step', label: t('mediation.field.step'), value: m.stepName },
          ]}
        />
      </Panel>
      <Panel title={t('mediation.session.title')}>
        {sessions.length === 0 ? <p className="portal-muted">{t('mediation.portal.noSession')}</p> : null}
        {sessions.map((s) => (
          <Flex
            key={s.id}
            justify="space-between"
            align="center"
            gap={8}
            wrap
            style={{ marginBottom: 8 }}
            data-testid="session"
          >
            <span>
              {t(`mediation.session.mode.${s.mode}` as 'mediation.session.mode.video')} ·{' '}
              {dateTime(s.scheduledAt)}
              {s.place ? ` · ${s.place}` : ''} · {te('mediation.e.sessionStatus', s.status)}
            </span>
            {open.includes(s) && s.mode === 'video' ? (
              <Button
                type="primary"
                icon={<VideoCameraOutlined />}
                href={`/mediation/room/${s.id}`}
                data-action="enter-room"
              >
                {t('mediation.room.enter')}
              </Button>
            ) : null}
          </Flex>
        ))}
      </Panel>
      {agreement ? (
        <Panel
          title={t('mediation.agreement.title')}
          extra={
            <StatusBadge
              group="mediation.e.agreementStatus"
              status={agreement.status}
              colour={AGREEMENT_COLOUR}
              testId="agreement-status"
            />
          }
        >
          {agreement.status === 'draft' ? (
            <p className="portal-muted">{t('mediation.portal.drafting')}</p>
          ) : null}
          <PortalSignatures agreement={agreement} mine={mine?.id} />
          {documents.items
            .filter((d) => d.kind === 'agreement')
            .map((d) => (
              <Button
                key={d.id}
                icon={<DownloadOutlined />}
                href={documentUrl(d.id)}
                download
                block
                style={{ marginTop: 12 }}
                data-action="download"
                data-document-kind={d.kind}
              >
                {t('mediation.portal.downloadAgreement')}
              </Button>
            ))}
        </Panel>
      ) : null}
    </Flex>
  );
}

/** One dispute: its mediation if there is one, else the marketplace to ask for one. */
export function PortalMediationCase({ caseId, onBack }: { caseId: string; onBack: () => void }) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const c = useQuery({
    queryKey: ['mediation', 'portal', 'case', caseId],
    queryFn: ({ signal }) => api.get<Case>(`/cases/${encodeURIComponent(caseId)}`, undefined, signal),
  });
  const ms = useCaseMediations(caseId);
  if (c.error || ms.error) return <Notice type="error">{errorText(c.error ?? ms.error)}</Notice>;
  if (!c.data || !ms.data) return <p className="portal-muted">{t('common.loading')}</p>;
  const current = ms.data.find((m) => m.status !== 'withdrawn') ?? null;
  return (
    <Flex vertical gap={16}>
      <Button onClick={onBack} style={{ alignSelf: 'flex-start' }}>
        {t('common.back')}
      </Button>
      <Panel title={<span className="tracking-code">{c.data.trackingCode}</span>}>
        <p style={{ margin: 0 }}>{c.data.description}</p>
      </Panel>
      {current ? (
        <MyMediation id={current.id} caseData={c.data} />
      ) : (
        <Marketplace
          caseId={caseId}
          needsRespondent={!(c.data.parties ?? []).some((p) => p.role === 'respondent')}
        />
      )}
    </Flex>
  );
}
