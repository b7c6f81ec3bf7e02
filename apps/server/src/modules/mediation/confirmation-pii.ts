// The judicial-confirmation application keeps the applicants' particulars (ID numbers, phones,
// addresses, their agents' ID numbers and phones): sealed at rest by the PII keyring like the
// agreement's parties, opened only when the application is read back.
import type { ConfirmationApplicant, JudicialConfirmationApplication } from '@hewei/domain';
import type { Pii } from '../../lib/pii/keyring.ts';

export const CONFIRMATION_PURPOSE = {
  idNumber: 'confirmations.applicant.id_number',
  phone: 'confirmations.applicant.phone',
  address: 'confirmations.applicant.address',
  serviceAddress: 'confirmations.applicant.service_address',
  agentIdNumber: 'confirmations.agent.id_number',
  agentPhone: 'confirmations.agent.phone',
} as const;

type Fn = (value: string, purpose: string) => string | null;

function mapApplicant(a: ConfirmationApplicant, f: Fn): ConfirmationApplicant {
  const P = CONFIRMATION_PURPOSE;
  const one = (v: string | undefined, purpose: string) => (v ? (f(v, purpose) ?? '') : v);
  return {
    ...a,
    idNumber: one(a.idNumber, P.idNumber) ?? '',
    phone: one(a.phone, P.phone) ?? '',
    address: one(a.address, P.address) ?? '',
    serviceAddress: one(a.serviceAddress, P.serviceAddress) ?? '',
    ...(a.agent
      ? {
          agent: {
            ...a.agent,
            idNumber: one(a.agent.idNumber, P.agentIdNumber),
            phone: one(a.agent.phone, P.agentPhone),
          },
        }
      : {}),
  };
}

export function sealApplication<T extends Pick<JudicialConfirmationApplication, 'applicants'>>(
  pii: Pii,
  app: T,
): T {
  return { ...app, applicants: app.applicants.map((a) => mapApplicant(a, (v, p) => pii.seal(v, p))) };
}

export function openApplication<T extends Pick<JudicialConfirmationApplication, 'applicants'>>(
  pii: Pii,
  app: T,
): T {
  return { ...app, applicants: app.applicants.map((a) => mapApplicant(a, (v, p) => pii.open(v, p))) };
}
