// The agreement editor's form values and their mapping to and from the agreement text.
import type { AgreementText, PartyText } from '../api.ts';

export interface TermValues {
  content: string;
  obligorPartyIds: string[];
  performanceMethod: string;
  place: string;
  dueDate: string;
  amountYuan?: number | null;
}

export interface PartyValues {
  id: string;
  kind: 'person' | 'organisation';
  name: string;
  idNumber?: string;
  ethnicity?: string;
  occupation?: string;
  workplace?: string;
  address?: string;
}

export interface Values {
  number?: string;
  date: string;
  place?: string;
  facts: string;
  disputedMatters: string;
  parties: PartyValues[];
  responsibilities: Record<string, string>;
  terms: TermValues[];
}

export const PERSON_FIELDS = ['ethnicity', 'occupation', 'workplace'] as const;

export function initial(text: AgreementText): Values {
  return {
    number: text.number,
    date: text.date,
    place: text.place,
    facts: text.facts,
    disputedMatters: text.disputedMatters,
    parties: text.parties.map((p) => ({
      id: p.id,
      kind: p.kind,
      name: p.name,
      idNumber: p.idNumber,
      ethnicity: p.ethnicity,
      occupation: p.occupation,
      workplace: p.workplace,
      address: p.address,
    })),
    responsibilities: Object.fromEntries(text.responsibilities.map((r) => [r.partyId, r.text])),
    terms: text.terms.length
      ? text.terms.map((x) => ({
          content: x.content,
          obligorPartyIds: x.obligorPartyIds,
          performanceMethod: x.performanceMethod,
          place: x.place,
          dueDate: x.dueDate,
          amountYuan: x.amountCents ? x.amountCents / 100 : null,
        }))
      : [{ content: '', obligorPartyIds: [], performanceMethod: '', place: '', dueDate: '' }],
  };
}

/** Gender and age as a resident ID number states them (18 digits: birth date at 7–14, odd 17th digit = male). */
export function idFacts(idNumber: string | undefined, onDate: string) {
  if (!idNumber || !/^\d{17}[\dXx]$/.test(idNumber)) return null;
  const birth = `${idNumber.slice(6, 10)}-${idNumber.slice(10, 12)}-${idNumber.slice(12, 14)}`;
  const age =
    Number(onDate.slice(0, 4)) - Number(birth.slice(0, 4)) - (onDate.slice(5) < birth.slice(5) ? 1 : 0);
  return { gender: Number(idNumber[16]) % 2 === 1 ? 'male' : 'female', age };
}

export function toText(text: AgreementText, v: Values): AgreementText {
  const parties: PartyText[] = v.parties.map((pv) => {
    const orig = text.parties.find((p) => p.id === pv.id);
    const merged = { ...(orig ?? { kind: 'person' }), ...pv } as PartyText;
    if (merged.kind !== 'person') return merged;
    const facts = idFacts(pv.idNumber?.trim(), v.date);
    return { ...merged, idNumber: pv.idNumber?.trim() ?? '', ...(facts ?? {}) };
  });
  return {
    ...text,
    number: v.number?.trim() || undefined,
    date: v.date,
    place: v.place?.trim() || undefined,
    facts: v.facts,
    disputedMatters: v.disputedMatters,
    parties,
    responsibilities: parties
      .map((p) => ({ partyId: p.id, text: (v.responsibilities?.[p.id] ?? '').trim() }))
      .filter((r) => r.text),
    terms: v.terms.map((x, i) => ({
      id: text.terms[i]?.id ?? `t${i + 1}`,
      content: x.content,
      obligorPartyIds: x.obligorPartyIds ?? [],
      obligeePartyIds: parties.map((p) => p.id).filter((id) => !(x.obligorPartyIds ?? []).includes(id)),
      performanceMethod: x.performanceMethod,
      place: x.place,
      dueDate: x.dueDate,
      ...(x.amountYuan ? { amountCents: Math.round(x.amountYuan * 100) } : {}),
      // the editor does not show instalments: the term keeps the ones it had
      ...(text.terms[i]?.instalments ? { instalments: text.terms[i].instalments } : {}),
    })),
  };
}
