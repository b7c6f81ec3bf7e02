import { CheckCircleFilled } from '@ant-design/icons';
import { useI18n } from '../../../lib/i18n/index.tsx';
import type { Agreement } from '../api.ts';
import { PortalSignButton } from './portal-sign.tsx';

/** A status label in the portal's light style (the staff screens use antd Tag). */
export function StatusBadge({
  group,
  status,
  colour,
  testId,
}: {
  group: string;
  status: string;
  colour: Record<string, string>;
  testId?: string;
}) {
  const { te } = useI18n();
  const c = colour[status] ?? '#595959';
  return (
    <span
      data-testid={testId}
      data-status={status}
      style={{
        color: c,
        border: `1px solid ${c}`,
        borderRadius: 4,
        padding: '0 8px',
        fontSize: 14,
        lineHeight: '22px',
        whiteSpace: 'nowrap',
      }}
    >
      {te(group, status)}
    </span>
  );
}

/**
 * Who has signed the agreement and who still must, for the resident: the portal's light copy of
 * agreement-panel.tsx's Signatures; the resident signs only their own row.
 */
export function PortalSignatures({ agreement, mine }: { agreement: Agreement; mine?: string }) {
  const { t, dateTime } = useI18n();
  const rows = [
    ...agreement.text.parties.map((p) => ({ role: 'party' as const, id: p.id, name: p.name })),
    ...agreement.text.mediators.map((m) => ({ role: 'mediator' as const, id: m.id, name: m.name })),
  ];
  return (
    <ul data-testid="signatures" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
      {rows.map((row) => {
        const signed = agreement.signatures.find((s) =>
          row.role === 'party'
            ? s.partyId === row.id
            : s.signerRole === 'mediator' && s.mediatorId === row.id,
        );
        const missing =
          row.role === 'party'
            ? agreement.missing.partyIds.includes(row.id)
            : agreement.missing.mediatorIds.includes(row.id);
        const canSign =
          row.role === 'party' &&
          row.id === mine &&
          missing &&
          agreement.issues.length === 0 &&
          agreement.status !== 'effective';
        return (
          <li
            key={`${row.role}-${row.id}`}
            data-signer-row={row.id}
            data-signed={signed ? 'yes' : 'no'}
            style={{
              display: 'flex',
              flexWrap: 'wrap',
              justifyContent: 'space-between',
              alignItems: 'center',
              gap: 8,
              padding: '8px 0',
              borderBottom: '1px solid #f0f0f0',
            }}
          >
            <span>
              {row.name} · {t(`mediation.sign.role.${row.role}`)}
            </span>
            {signed ? (
              <span style={{ color: '#237804' }}>
                <CheckCircleFilled /> {t('mediation.sign.signedAt', { at: dateTime(signed.signedAt) })}
              </span>
            ) : canSign ? (
              <PortalSignButton agreementId={agreement.id} partyId={row.id} signerName={row.name} />
            ) : (
              <span className="portal-muted">{t('mediation.sign.waiting')}</span>
            )}
          </li>
        );
      })}
    </ul>
  );
}
