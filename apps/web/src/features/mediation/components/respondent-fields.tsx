import { ApiError } from '../../../lib/api/client.ts';
import { useErrorText } from '../../../lib/errors.ts';
import { useI18n } from '../../../lib/i18n/index.tsx';
import { described, Field } from '../../portal/components/form-kit.tsx';

export interface RespondentValues {
  name: string;
  phone: string;
  address: string;
}

export const NO_RESPONDENT: RespondentValues = { name: '', phone: '', address: '' };

/** What the request body carries; empty optional fields are left out. */
export function respondentBody(v: RespondentValues) {
  return {
    name: v.name.trim(),
    phone: v.phone.trim(),
    ...(v.address.trim() ? { address: v.address.trim() } : {}),
  };
}

/** A refusal the respondent fields show under the field it names (not again above the button). */
export const onRespondentField = (error: unknown) =>
  error instanceof ApiError && !!error.field?.startsWith('respondent');

/**
 * The other party of a dispute the resident raised alone: who they are and how the mediator
 * reaches them (their session link goes to this phone). The server checks each field; its
 * refusal is shown under the field it names.
 */
export function RespondentFields({
  value,
  onChange,
  error,
}: {
  value: RespondentValues;
  onChange: (v: RespondentValues) => void;
  error: unknown;
}) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const field = error instanceof ApiError ? error.field : undefined;
  const errorOf = (k: keyof RespondentValues) =>
    field === `respondent.${k}` || (k === 'name' && field === 'respondent') ? errorText(error) : null;
  const labels = {
    name: t('mediation.respondent.name'),
    phone: t('mediation.respondent.phone'),
    address: t('mediation.respondent.address'),
  };
  const input = (k: keyof RespondentValues, type: string, max: number, required: boolean) => {
    const id = `respondent-${k}`;
    return (
      <Field
        id={id}
        label={labels[k]}
        required={required}
        error={errorOf(k)}
        hint={k === 'phone' ? t('mediation.respondent.phoneHint') : undefined}
      >
        <input
          id={id}
          className="portal-input"
          type={type}
          inputMode={k === 'phone' ? 'tel' : undefined}
          autoComplete="off"
          maxLength={max}
          value={value[k]}
          onChange={(e) => onChange({ ...value, [k]: e.target.value })}
          {...described(id, errorOf(k), k === 'phone')}
        />
      </Field>
    );
  };
  return (
    <fieldset data-testid="respondent" style={{ border: 0, padding: 0, margin: '0 0 12px' }}>
      <legend style={{ fontWeight: 600, marginBottom: 4 }}>{t('mediation.respondent.title')}</legend>
      <p className="portal-muted" style={{ marginTop: 0 }}>
        {t('mediation.respondent.intro')}
      </p>
      {input('name', 'text', 100, true)}
      {input('phone', 'tel', 13, true)}
      {input('address', 'text', 300, false)}
    </fieldset>
  );
}
