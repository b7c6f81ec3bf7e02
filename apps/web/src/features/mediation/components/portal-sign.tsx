import { Button, Flex } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useErrorText } from '../../../lib/errors.ts';
import { useI18n } from '../../../lib/i18n/index.tsx';
import { Notice } from '../../portal/components/form-kit.tsx';
import { useMediationCall } from '../api.ts';
import { SignaturePad } from './signature-pad.tsx';

/**
 * The resident signs the agreement for themselves (their account is the identity), in the
 * browser's own modal dialog: the portal's light copy of sign-modal.tsx (no antd Modal).
 */
export function PortalSignButton({
  agreementId,
  partyId,
  signerName,
}: {
  agreementId: string;
  partyId: string;
  signerName: string;
}) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const dialog = useRef<HTMLDialogElement>(null);
  const [open, setOpen] = useState(false);
  const [shown, setShown] = useState(false);
  const [png, setPng] = useState<string | null>(null);
  const call = useMediationCall();
  useEffect(() => {
    // the pad measures its width when it mounts: only once the dialog is on screen
    if (open) dialog.current?.showModal?.();
    setShown(open);
  }, [open]);
  const close = () => {
    dialog.current?.close?.();
    setOpen(false);
    setPng(null);
    call.reset();
  };
  const submit = () =>
    call.mutate(
      {
        path: `/mediation/agreements/${agreementId}/signatures`,
        body: { signerRole: 'party', partyId, signerName, imagePngBase64: png },
      },
      { onSuccess: close },
    );
  return (
    <>
      <Button
        type="primary"
        size="small"
        data-action="sign"
        data-signer={partyId}
        data-signer-role="party"
        onClick={() => setOpen(true)}
      >
        {t('mediation.sign.button')}
      </Button>
      {open ? (
        <dialog
          ref={dialog}
          aria-labelledby="portal-sign-title"
          onCancel={(e) => {
            e.preventDefault();
            close();
          }}
          style={{
            width: 'min(520px, calc(100vw - 24px))',
            boxSizing: 'border-box',
            border: 0,
            borderRadius: 12,
            padding: 20,
          }}
        >
          <h2 id="portal-sign-title" style={{ margin: '0 0 8px', fontSize: 18 }}>
            {t('mediation.sign.title', { name: signerName })}
          </h2>
          <p>{t('mediation.sign.intro')}</p>
          {call.error ? <Notice type="error">{errorText(call.error)}</Notice> : null}
          {shown ? <SignaturePad onChange={setPng} testId="signature-pad" /> : null}
          <Flex justify="end" gap={8} style={{ marginTop: 16 }}>
            <Button onClick={close}>{t('common.cancel')}</Button>
            <Button
              type="primary"
              data-action="sign-submit"
              loading={call.isPending}
              disabled={!png}
              onClick={submit}
            >
              {t('mediation.sign.confirm')}
            </Button>
          </Flex>
        </dialog>
      ) : null}
    </>
  );
}
