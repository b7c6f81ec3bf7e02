import { Card, Form, Input, List, Tag, Typography } from 'antd';
import { useI18n } from '../../../lib/i18n/index.tsx';
import type { Agreement, MediationBundle } from '../api.ts';
import { useAgreementVersions } from './aftercare-queries.ts';
import { AgreementEditor } from './agreement-editor.tsx';
import { AgreementStatusTag } from './agreement-panel.tsx';

/**
 * A signed agreement is never changed: the mediator drafts a new version from its text, with the
 * reason; the signed one stays as history, marked superseded.
 */
export function SupersedeEditor({ agreement, onDone }: { agreement: Agreement; onDone: () => void }) {
  const { t } = useI18n();
  return (
    <Card
      size="small"
      title={t('mediation.supersede.title', { v: agreement.version + 1 })}
      data-testid="supersede-editor"
    >
      <Typography.Paragraph type="secondary">
        {t('mediation.supersede.hint', { v: agreement.version })}
      </Typography.Paragraph>
      <AgreementEditor
        agreement={agreement}
        onSaved={onDone}
        target={{
          path: `/mediation/agreements/${agreement.id}/supersede`,
          body: (text, v) => ({ text, reason: String((v as { reason?: string }).reason ?? '').trim() }),
          label: t('mediation.supersede.submit'),
          action: 'supersede-submit',
        }}
      >
        <Form.Item
          name="reason"
          label={t('mediation.supersede.reason')}
          rules={[{ required: true, whitespace: true, message: t('common.required') }]}
        >
          <Input.TextArea id="supersede-reason" autoSize={{ minRows: 2, maxRows: 5 }} maxLength={2000} />
        </Form.Item>
      </AgreementEditor>
    </Card>
  );
}

/** Every version of the agreement, which one replaced which and why, and the hash sealed for each. */
export function VersionHistory({ data }: { data: MediationBundle }) {
  const { t } = useI18n();
  const q = useAgreementVersions(data.m.id);
  const versions = q.data ?? [];
  if (versions.length < 2 && !versions.some((v) => v.sealAffixedAt)) return null;
  const versionOf = (id: string | null) => versions.find((v) => v.id === id)?.version;
  const sealOf = (id: string) =>
    data.documents.items.find((d) => d.kind === 'agreement' && d.refId === id)?.sha256 ?? null;
  return (
    <List
      size="small"
      style={{ marginTop: 16 }}
      header={<strong>{t('mediation.versions.title')}</strong>}
      data-testid="agreement-versions"
      dataSource={[...versions].reverse()}
      renderItem={(v) => {
        const seal = sealOf(v.id);
        const superseded = v.status === 'superseded';
        return (
          <List.Item
            data-version={v.version}
            data-status={v.status}
            data-seal={seal ?? ''}
            style={superseded ? { opacity: 0.7 } : undefined}
          >
            <List.Item.Meta
              title={
                <span>
                  <span style={superseded ? { textDecoration: 'line-through' } : undefined}>
                    {t('mediation.versions.version', { v: v.version })}
                  </span>{' '}
                  <AgreementStatusTag status={v.status} testId="version-status" />
                  {v.previousVersionId ? (
                    <Tag>
                      {t('mediation.versions.replaces', { v: versionOf(v.previousVersionId) ?? '?' })}
                    </Tag>
                  ) : null}
                </span>
              }
              description={
                <>
                  {superseded ? (
                    <div>
                      {t('mediation.versions.replacedBy', {
                        v: versionOf(v.supersededById) ?? '?',
                        reason: v.supersedeReason ?? '',
                      })}
                    </div>
                  ) : null}
                  <div>
                    {t('mediation.versions.seal')}{' '}
                    {seal ? (
                      <Typography.Text code copyable={{ text: seal }} title={seal}>
                        {`${seal.slice(0, 16)}…`}
                      </Typography.Text>
                    ) : (
                      t('mediation.versions.unsealed')
                    )}
                  </div>
                </>
              }
            />
          </List.Item>
        );
      }}
    />
  );
}
