import { Alert, Button, Checkbox, Flex, Input, Radio, Tag } from 'antd';
import { useState } from 'react';
import { useErrorText } from '../../../lib/errors.ts';
import { useI18n } from '../../../lib/i18n/index.tsx';
import { Panel } from '../../portal/components/ui.tsx';
import { type Recommendation, useMarketplace, useMediationCall, useOrganisations } from '../api.ts';

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
            {r.name} {r.title ? <Tag color="gold">{r.title}</Tag> : null}
          </h3>
          <div className="portal-muted">
            {r.organisationName ?? t('mediation.market.independent')} · {r.regionName}
          </div>
        </div>
        <Radio checked={chosen} disabled={!r.eligible} onChange={onChoose} aria-label={r.name} />
      </Flex>
      <Flex wrap gap={4} style={{ margin: '8px 0' }}>
        {r.specialties.map((s) => (
          <Tag key={s.code}>{s.name}</Tag>
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
        <Alert
          key={c.code}
          type={c.severity === 'block' ? 'error' : 'warning'}
          showIcon
          title={c.detail}
          style={{ marginTop: 8 }}
        />
      ))}
      {!r.eligible ? <p className="portal-muted">{r.excludedBecause.join(t('mediation.sep2'))}</p> : null}
    </section>
  );
}

/** The mediator marketplace for one dispute: organisations serving the place, mediators ranked with the reasons. */
export function Marketplace({ caseId }: { caseId: string }) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const orgs = useOrganisations(caseId);
  const market = useMarketplace(caseId);
  const [orgId, setOrgId] = useState<string | null>(null);
  const [chosen, setChosen] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const [ack, setAck] = useState(false);
  const [all, setAll] = useState(false);
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
        {market.error ? <Alert type="error" showIcon title={errorText(market.error)} /> : null}
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
        <Input.TextArea
          value={note}
          onChange={(e) => setNote(e.target.value)}
          placeholder={t('mediation.market.note')}
          autoSize={{ minRows: 2, maxRows: 5 }}
          maxLength={2000}
        />
        {warned ? (
          <Checkbox checked={ack} onChange={(e) => setAck(e.target.checked)} style={{ marginTop: 8 }}>
            {t('mediation.market.acknowledge')}
          </Checkbox>
        ) : null}
        {call.error ? (
          <Alert type="error" showIcon title={errorText(call.error)} style={{ marginTop: 8 }} />
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
