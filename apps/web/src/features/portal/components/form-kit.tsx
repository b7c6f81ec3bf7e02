import type { ReactNode } from 'react';
import './portal.css';

/**
 * Native form controls for the resident portal. antd's Form, Input, Select and Radio cost some
 * 60 kB gzipped per page; the portal's first load must stay under 200 kB, so its forms use the
 * browser's own controls (good on phones: native keyboards and pickers), labelled and with their
 * errors announced.
 */
export function Field({
  id,
  label,
  error,
  hint,
  required,
  children,
}: {
  id: string;
  label: ReactNode;
  error?: string | null;
  hint?: ReactNode;
  required?: boolean;
  children: ReactNode;
}) {
  return (
    <div className={`portal-field${error ? ' has-error' : ''}`}>
      <label htmlFor={id}>
        {label}
        {required ? (
          <span className="portal-required" aria-hidden>
            {' *'}
          </span>
        ) : null}
      </label>
      {children}
      {hint ? (
        <div className="portal-hint" id={`${id}-hint`}>
          {hint}
        </div>
      ) : null}
      {error ? (
        <div className="portal-error" id={`${id}-error`} role="alert">
          {error}
        </div>
      ) : null}
    </div>
  );
}

/** aria attributes tying a control to its field's hint and error. */
export const described = (id: string, error?: string | null, hint?: boolean) => ({
  'aria-invalid': error ? true : undefined,
  'aria-describedby':
    [error ? `${id}-error` : '', hint ? `${id}-hint` : ''].filter(Boolean).join(' ') || undefined,
});

/** A row of native radio buttons that look like buttons; arrow keys move between them. */
export function Choice<T extends string>({
  name,
  label,
  value,
  options,
  onChange,
  error,
}: {
  name: string;
  label: ReactNode;
  value: T | undefined;
  options: { value: T; label: string }[];
  onChange: (v: T) => void;
  error?: string | null;
}) {
  return (
    <fieldset className={`portal-field portal-choice${error ? ' has-error' : ''}`}>
      <legend>{label}</legend>
      <div className="portal-choice-options">
        {options.map((o) => (
          <label key={o.value} className={value === o.value ? 'checked' : undefined}>
            <input
              type="radio"
              name={name}
              value={o.value}
              checked={value === o.value}
              onChange={() => onChange(o.value)}
            />
            <span>{o.label}</span>
          </label>
        ))}
      </div>
      {error ? (
        <div className="portal-error" role="alert">
          {error}
        </div>
      ) : null}
    </fieldset>
  );
}

/** A message in the flow of the page: info, success, warning or error (announced). */
export function Notice({
  type,
  children,
}: {
  type: 'info' | 'success' | 'warning' | 'error';
  children: ReactNode;
}) {
  return (
    <div className={`portal-notice portal-notice-${type}`} role={type === 'error' ? 'alert' : 'status'}>
      {children}
    </div>
  );
}
