import { CheckCircleFilled, DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, List, Tag } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../../lib/i18n/index.tsx';
import { type Agreement, documentUrl, type MediationBundle } from '../api.ts';
import { AgreementEditor } from './agreement-editor.tsx';
import { SupersedeEditor, VersionHistory } from './agreement-versions.tsx';
import { ActionButton } from './form-modal.tsx';
import { SignButton } from './sign-modal.tsx';

const STATUS_COLOUR: Record<string, string> = {
  draft: 'default',
  signing: 'gold',
  effective: 'green',
  superseded: 'default',
};

export function AgreementStatusTag({
  status,
  testId = 'agreement-status',
}: {
  status: string;
  testId?: string;
}) {
  const { te } = useI18n();
  return (
    <Tag color={STATUS_COLOUR[status]} data-testid={testId} data-status={status}>
      {te('mediation.e.agreementStatus', status)}
    </Tag>
  );
}

/** Who has signed and who still must: each party and each mediator. */
export function Signatures({
  agreement,
  canSign,
}: {
  agreement: Agreement;
  canSign: (row: { role: 'party' | 'mediator'; id: string }) => null | { onBehalf: boolean };
}) {
  const { t, dateTime } = useI18n();
  const rows = [
    ...agreement.text.parties.map((p) => ({ role: 'party' as const, id: p.id, name: p.name })),
    ...agreement.text.mediators.map((m) => ({ role: 'mediator' as const, id: m.id, name: m.name })),
  ];
  return (
    <List
      size="small"
      data-testid="signatures"
      dataSource={rows}
      renderItem={(row) => {
        const signed = agreement.signatures.find((s) =>
          row.role === 'party'
            ? s.partyId === row.id
            : s.signerRole === 'mediator' && s.mediatorId === row.id,
        );
        const missing =
          row.role === 'party'
            ? agreement.missing.partyIds.includes(row.id)
            : agreement.missing.mediatorIds.includes(row.id);
        const who = canSign(row);
        return (
          <List.Item data-signer-row={row.id} data-signed={signed ? 'yes' : 'no'}>
            <span>
              {row.name} · {t(`mediation.sign.role.${row.role}`)}
            </span>
            {signed ? (
              <span style={{ color: '#389e0d' }}>
                <CheckCircleFilled /> {t('mediation.sign.signedAt', { at: dateTime(signed.signedAt) })}
              </span>
            ) : missing && who && agreement.issues.length === 0 && agreement.status !== 'effective' ? (
              <SignButton
                agreementId={agreement.id}
                signerRole={row.role}
                partyId={row.role === 'party' ? row.id : undefined}
                signerName={row.name}
                rowId={row.id}
                onBehalf={who.onBehalf}
              />
            ) : (
              <Tag>{t('mediation.sign.waiting')}</Tag>
            )}
          </List.Item>
        );
      }}
    />
  );
}

export function Documents({ data }: { data: MediationBundle }) {
  const { t, te, dateTime } = useI18n();
  if (!data.documents.items.length) return null;
  return (
    <List
      size="small"
      header={t('mediation.documents.title')}
      data-testid="documents"
      dataSource={data.documents.items}
      renderItem={(d) => (
        <List.Item>
          <span>
            {te('mediation.e.documentKind', d.kind)} · {dateTime(d.createdAt)} ·{' '}
            <code>{d.sha256.slice(0, 12)}</code>
          </span>
          <Button
            icon={<DownloadOutlined />}
            href={documentUrl(d.id)}
            download
            data-document-kind={d.kind}
            data-action="download"
          >
            {t('mediation.documents.download')}
          </Button>
        </List.Item>
      )}
    />
  );
}

/** The mediator's view of the agreement: draft, edit, collect signatures, seal. */
export function AgreementPanel({ data, me }: { data: MediationBundle; me: { id: string } }) {
  const { t, te } = useI18n();
  const [editing, setEditing] = useState(false);
  const [superseding, setSuperseding] = useState(false);
  const a = data.agreement;
  const mediator = data.m.allowedActions.includes('draftAgreement');
  const complete = a && a.missing.partyIds.length === 0 && a.missing.mediatorIds.length === 0;
  return (
    <Card
      title={t('mediation.agreement.title')}
      data-testid="agreement-panel"
      extra={
        a ? (
          <AgreementStatusTag status={a.status} />
        ) : mediator ? (
          <ActionButton
            primary
            label={t('mediation.agreement.draft')}
            action="draft-agreement"
            path={`/mediations/${data.m.id}/agreements`}
          />
        ) : null
      }
    >
      {!a ? <p>{t('mediation.agreement.none')}</p> : null}
      {a && a.issues.length > 0 ? (
        <Alert
          type="warning"
          showIcon
          data-testid="agreement-issues"
          title={t('mediation.agreement.incomplete', { n: a.issues.length })}
          description={a.issues
            .slice(0, 8)
            .map((i) => `${i.field}: ${te('mediation.e.issueCode', i.code)}`)
            .join(t('mediation.sep2'))}
          style={{ marginBottom: 12 }}
        />
      ) : null}
      {a && mediator && a.status === 'draft' ? (
        editing || a.issues.length > 0 ? (
          <AgreementEditor agreement={a} onSaved={() => setEditing(false)} />
        ) : (
          <Button onClick={() => setEditing(true)} data-action="edit-agreement">
            {t('mediation.agreement.edit')}
          </Button>
        )
      ) : null}
      {a ? (
        <>
          <h4 style={{ marginTop: 16 }}>{t('mediation.sign.title.list')}</h4>
          <Signatures
            agreement={a}
            canSign={(row) =>
              !mediator
                ? null
                : row.role === 'mediator'
                  ? row.id === me.id
                    ? { onBehalf: false }
                    : null
                  : { onBehalf: true }
            }
          />
          <Flex gap={8} style={{ marginTop: 12 }}>
            {mediator && complete && !a.sealAffixedAt ? (
              <ActionButton
                primary
                label={t('mediation.agreement.seal')}
                action="seal"
                path={`/mediation/agreements/${a.id}/seal`}
              />
            ) : null}
            {mediator && (a.status === 'effective' || a.status === 'signing') && !superseding ? (
              <Button onClick={() => setSuperseding(true)} data-action="supersede">
                {t('mediation.supersede.open')}
              </Button>
            ) : null}
          </Flex>
          {superseding && mediator ? (
            <div style={{ marginTop: 12 }}>
              <SupersedeEditor agreement={a} onDone={() => setSuperseding(false)} />
            </div>
          ) : null}
        </>
      ) : null}
      <VersionHistory data={data} />
      <Documents data={data} />
    </Card>
  );
}
