import { sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import type { Pii } from './keyring.ts';

/**
 * Every column that holds personal data sealed by the keyring. The re-key sweep walks these:
 * it seals plaintext left by older code or imports and re-seals values under an older key.
 * A module that stores personal data adds its columns here.
 */
export interface PiiColumnSet {
  table: string;
  key: readonly string[];
  columns: readonly { name: string; purpose: string }[];
  /** keeps blind indexes in step with a row's plaintext */
  index?: (tx: Tx, pii: Pii, row: Record<string, string | null>) => Promise<void>;
}

export const PARTY_PURPOSE = {
  phone: 'case_parties.phone',
  idNumber: 'case_parties.id_number',
  address: 'case_parties.address',
} as const;
export const USER_PHONE_PURPOSE = 'users.phone';
export const TOTP_PURPOSE = 'user_totp.secret';
export const HOUSEHOLD_PHONE_PURPOSE = 'households.head_phone';
export const ORG_PERSON_PHONE_PURPOSE = 'org_people.phone';
export const REMINDER_PHONE_PURPOSE = 'mediation_reminders.phone';

export async function indexParty(
  tx: Tx,
  pii: Pii,
  p: { county_id: string; id: string; phone: string | null; id_number?: string | null },
) {
  const rows: [string, string][] = [];
  if (p.phone)
    rows.push(['phone', pii.blind('phone', p.phone)], ['phone4', pii.blind('phone4', p.phone.slice(-4))]);
  if (p.id_number) rows.push(['id_number', pii.blind('id_number', p.id_number.toUpperCase())]);
  for (const [field, digest] of rows)
    await tx.execute(sql`insert into party_pii_index (county_id, party_id, field, digest)
      values (${p.county_id}, ${p.id}, ${field}, ${digest})
      on conflict (county_id, party_id, field) do update set digest = excluded.digest`);
}

export async function indexUserPhone(tx: Tx, pii: Pii, userId: string, phone: string | null) {
  if (!phone) return;
  await tx.execute(sql`insert into user_phone_index (user_id, digest) values (${userId}, ${pii.blind('phone', phone)})
    on conflict (user_id) do update set digest = excluded.digest`);
}

export const PII_COLUMNS: PiiColumnSet[] = [
  {
    table: 'case_parties',
    key: ['county_id', 'id'],
    columns: [
      { name: 'phone', purpose: PARTY_PURPOSE.phone },
      { name: 'id_number', purpose: PARTY_PURPOSE.idNumber },
      { name: 'address', purpose: PARTY_PURPOSE.address },
    ],
    index: (tx, pii, r) =>
      indexParty(tx, pii, { county_id: r.county_id!, id: r.id!, phone: r.phone, id_number: r.id_number }),
  },
  {
    table: 'users',
    key: ['id'],
    columns: [{ name: 'phone', purpose: USER_PHONE_PURPOSE }],
    index: (tx, pii, r) => indexUserPhone(tx, pii, r.id!, r.phone),
  },
  { table: 'user_totp', key: ['user_id'], columns: [{ name: 'secret', purpose: TOTP_PURPOSE }] },
  // grid workers and village mediators: rows written before sealing are sealed by the sweep
  {
    table: 'org_people',
    key: ['county_id', 'id'],
    columns: [{ name: 'phone', purpose: ORG_PERSON_PHONE_PURPOSE }],
  },
  {
    table: 'mediation_reminders',
    key: ['county_id', 'id'],
    columns: [{ name: 'phone', purpose: REMINDER_PHONE_PURPOSE }],
  },
  {
    table: 'households',
    key: ['county_id', 'id'],
    columns: [{ name: 'head_phone', purpose: HOUSEHOLD_PHONE_PURPOSE }],
    index: async (tx, pii, r) => {
      const digest = r.head_phone ? pii.blind('phone', r.head_phone) : null;
      await tx.execute(sql`update households set head_phone_digest = ${digest}
        where county_id = ${r.county_id} and id = ${r.id}`);
    },
  },
];

/** A party row with its personal fields opened (for masking, reveal, tracking). */
export function openParty<
  T extends { phone: string | null; idNumber: string | null; address: string | null },
>(pii: Pii, p: T): T {
  return {
    ...p,
    phone: pii.open(p.phone, PARTY_PURPOSE.phone),
    idNumber: pii.open(p.idNumber, PARTY_PURPOSE.idNumber),
    address: pii.open(p.address, PARTY_PURPOSE.address),
  };
}
