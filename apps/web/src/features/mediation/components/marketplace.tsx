import { Button, Flex } from 'antd';
import type { ReactNode } from 'react';
import { useState } from 'react';
import { useErrorText } from '../../../lib/errors.ts';
import { useI18n } from '../../../lib/i18n/index.tsx';
import { Notice } from '../../portal/components/form-kit.tsx';
import { Panel } from '../../portal/components/ui.tsx';
import { type Recommendation, useMarketplace, useMediationCall, useOrganisations } from '../api.ts';
import {
  NO_RESPONDENT,
  onRespondentField,
  RespondentFields,
  type RespondentValues,
  respondentBody,
} from './respondent-fields.tsx';

// a resident's page: plain elements and the portal's form kit, not antd Tag/Radio/Input (first-load budget)
function Chip({ gold, children }: { gold?: boolean; children: ReactNode }) {
  return (
    <span
      style={{
        display: 'inline-block',
        border: `1px solid ${gold ? '#d48806' : '#d9d9d9'}`,
        color: gold ? '#874d00' : '#1f1f1f',
        background: gold ? '#fffbe6' : '#fafafa',
        borderRadius: 4,
        padding: '0 7px',
        fontSize: 13,
        fontWeight: 'normal',
        lineHeight: '22px',
      }}
    >
      {children}
    </span>
  );
}

function MediatorCard({ r, chosen, onChoose }: { r: Recommendation; chosen: boolean; onChoose: () => void }) {
  const { t } = useI18n();
  return (
    <section
      className="portal-panel"
      data-testid="mediator-card"
      data-user-id={r.userId}
      style={{ borderColor: chosen ? '#1677ff' : undefined, opacity: r.eligible ? 1 : 0.6 }}
    >
      <Flex justify="space-between" align="flex-start" gap={8}>
        <div>
          <h3 style={{ margin: 0 }}>
            {r.name} {r.title ? <Chip gold>{r.title}</Chip> : null}
          </h3>
          <div className="portal-muted">
            {r.organisationName ?? t('mediation.market.independent')} · {r.regionName}
          </div>
        </div>
        <input
          type="radio"
          name="mediator"
          checked={chosen}
          disabled={!r.eligible}
          onChange={onChoose}
          aria-label={r.name}
          style={{ width: 22, height: 22, margin: 4, flex: 'none' }}
        />
      </Flex>
      <Flex wrap gap={4} style={{ margin: '8px 0' }}>
        {r.specialties.map((s) => (
          <Chip key={s.code}>{s.name}</Chip>
        ))}
      </Flex>
      <div className="portal-muted">
        {t('mediation.market.record', {
          closed: r.record.closed,
          succeeded: r.record.succeeded,
          active: r.activeCases,
          capacity: r.capacity,
        })}
      </div>
      {r.reasons.length ? (
        <ul style={{ margin: '8px 0 0', paddingLeft: 18 }} data-testid="reasons">
          {r.reasons.slice(0, 3).map((x) => (
            <li key={x.factor}>{x.text}</li>
          ))}
        </ul>
      ) : null}
      {r.conflicts.map((c) => (
        <Notice key={c.code} type={c.severity === 'block' ? 'error' : 'warning'}>
          {c.detail}
        </Notice>
      ))}
      {!r.eligible ? <p className="portal-muted">{r.excludedBecause.join(t('mediation.sep2'))}</p> : null}
    </section>
  );
}

/**
 * The mediator marketplace for one dispute: organisations serving the place, mediators ranked with
 * the reasons. A dispute raised without the other party asks for them with the request.
 */
export function Marketplace({ caseId, needsRespondent }: { caseId: string; needsRespondent?: boolean }) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const orgs = useOrganisations(caseId);
  const market = useMarketplace(caseId);
  const [orgId, setOrgId] = useState<string | null>(null);
  const [chosen, setChosen] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const [ack, setAck] = useState(false);
  const [all, setAll] = useState(false);
  const [respondent, setRespondent] = useState<RespondentValues>(NO_RESPONDENT);
  const call = useMediationCall();
  const inOrg = (market.data ?? []).filter((m) => !orgId || m.organisationId === orgId);
  // the ones the rules admit first; the others (out of place, full, in conflict) on request, with the reason
  const hidden = inOrg.filter((m) => !m.eligible).length;
  const mediators = all ? inOrg : inOrg.filter((m) => m.eligible);
  const pick = market.data?.find((m) => m.userId === chosen);
  const warned = !!pick?.conflicts.some((c) => c.severity === 'warn');
  return (
    <Flex vertical gap={16} data-testid="marketplace">
      <Panel title={t('mediation.market.organisations')}>
        <Flex wrap gap={8}>
          <Button type={orgId === null ? 'primary' : 'default'} onClick={() => setOrgId(null)}>
            {t('mediation.market.allOrganisations')}
          </Button>
          {(orgs.data ?? []).map((o) => (
            <Button
              key={o.id}
              type={orgId === o.id ? 'primary' : 'default'}
              onClick={() => setOrgId(o.id)}
              data-org={o.id}
            >
              {o.name} ({o.availableCount}/{o.mediatorCount})
            </Button>
          ))}
        </Flex>
      </Panel>
      <Panel title={t('mediation.market.mediators')}>
        {market.isLoading ? <p className="portal-muted">{t('common.loading')}</p> : null}
        {market.error ? <Notice type="error">{errorText(market.error)}</Notice> : null}
        {mediators.length === 0 && !market.isLoading ? (
          <p className="portal-muted">{t('mediation.market.none')}</p>
        ) : null}
        <Flex vertical gap={8}>
          {mediators.map((r) => (
            <MediatorCard
              key={r.userId}
              r={r}
              chosen={chosen === r.userId}
              onChoose={() => setChosen(r.userId)}
            />
          ))}
        </Flex>
        {hidden > 0 ? (
          <Button type="link" onClick={() => setAll(!all)} data-action="show-all-mediators">
            {all ? t('mediation.market.hideOthers') : t('mediation.market.showOthers', { n: hidden })}
          </Button>
        ) : null}
      </Panel>
      <Panel title={t('mediation.market.request')}>
        <p className="portal-muted">
          {pick ? t('mediation.market.chosen', { name: pick.name }) : t('mediation.market.chooseFirst')}
        </p>
        {needsRespondent ? (
          <RespondentFields value={respondent} onChange={setRespondent} error={call.error} />
        ) : null}
        <textarea
          className="portal-input"
          value={note}
          onChange={(e) => setNote(e.target.value)}
          placeholder={t('mediation.market.note')}
          aria-label={t('mediation.market.note')}
          rows={3}
          maxLength={2000}
        />
        {warned ? (
          <label style={{ display: 'flex', gap: 8, alignItems: 'flex-start', marginTop: 8 }}>
            <input
              type="checkbox"
              checked={ack}
              onChange={(e) => setAck(e.target.checked)}
              style={{ width: 20, height: 20, margin: 2, flex: 'none' }}
            />
            <span>{t('mediation.market.acknowledge')}</span>
          </label>
        ) : null}
        {call.error && !(needsRespondent && onRespondentField(call.error)) ? (
          <Notice type="error">{errorText(call.error)}</Notice>
        ) : null}
        <Button
          type="primary"
          block
          size="large"
          style={{ marginTop: 12 }}
          disabled={!pick || (warned && !ack)}
          loading={call.isPending}
          data-action="request-mediation"
          onClick={() =>
            call.mutate({
              path: '/mediations',
              body: {
                caseId,
                mediatorIds: [pick!.userId],
                ...(pick!.organisationId ? { organisationId: pick!.organisationId } : {}),
                ...(note.trim() ? { note: note.trim() } : {}),
                ...(warned ? { acknowledgeWarnings: true } : {}),
                ...(needsRespondent ? { respondent: respondentBody(respondent) } : {}),
              },
            })
          }
        >
          {t('mediation.market.submit')}
        </Button>
      </Panel>
    </Flex>
  );
}
