import { Alert, Button, Checkbox, Flex, Modal } from 'antd';
import { useState } from 'react';
import { useErrorText } from '../../../lib/errors.ts';
import { useI18n } from '../../../lib/i18n/index.tsx';
import { useMediationCall } from '../api.ts';
import { SignaturePad } from './signature-pad.tsx';

/**
 * Signs the agreement on screen. A resident signs for themselves (their account is the identity);
 * a mediator signs as mediator, or collects a party's signature on their device after checking the ID card.
 */
export function SignButton({
  agreementId,
  signerRole,
  partyId,
  signerName,
  onBehalf,
  rowId,
}: {
  agreementId: string;
  signerRole: 'party' | 'mediator';
  partyId?: string;
  signerName: string;
  /** a mediator collecting a party's signature: the ID card must be checked */
  onBehalf?: boolean;
  /** the party's or mediator's id, for tests and assistive tech */
  rowId: string;
}) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const [open, setOpen] = useState(false);
  const [png, setPng] = useState<string | null>(null);
  const [checked, setChecked] = useState(false);
  const call = useMediationCall();
  const close = () => {
    setOpen(false);
    setPng(null);
    setChecked(false);
    call.reset();
  };
  const submit = () =>
    call.mutate(
      {
        path: `/mediation/agreements/${agreementId}/signatures`,
        body: {
          signerRole,
          partyId,
          signerName,
          imagePngBase64: png,
          ...(onBehalf ? { identityMethod: 'id_card', identityChecked: checked } : {}),
        },
      },
      { onSuccess: close },
    );
  return (
    <>
      <Button
        type="primary"
        size="small"
        data-action="sign"
        data-signer={rowId}
        data-signer-role={signerRole}
        onClick={() => setOpen(true)}
      >
        {t('mediation.sign.button')}
      </Button>
      <Modal
        open={open}
        title={t('mediation.sign.title', { name: signerName })}
        onCancel={close}
        destroyOnHidden
        mask={{ closable: false }}
        footer={
          <Flex justify="end" gap={8}>
            <Button onClick={close}>{t('common.cancel')}</Button>
            <Button
              type="primary"
              data-action="sign-submit"
              loading={call.isPending}
              disabled={!png || (onBehalf && !checked)}
              onClick={submit}
            >
              {t('mediation.sign.confirm')}
            </Button>
          </Flex>
        }
      >
        <p>{t('mediation.sign.intro')}</p>
        {call.error ? (
          <Alert type="error" showIcon title={errorText(call.error)} style={{ marginBottom: 12 }} />
        ) : null}
        <SignaturePad onChange={setPng} testId="signature-pad" />
        {onBehalf ? (
          <Checkbox
            checked={checked}
            onChange={(e) => setChecked(e.target.checked)}
            style={{ marginTop: 12 }}
            data-testid="identity-checked"
          >
            {t('mediation.sign.identityChecked')}
          </Checkbox>
        ) : null}
      </Modal>
    </>
  );
}
