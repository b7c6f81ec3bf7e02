// The mediation API as the screens use it: the marketplace, mediations, sessions, the agreement
// (draft, edit, sign, seal), documents and the court. Shapes follow the server's presenters.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, request } from '../../lib/api/client.ts';

export interface Recommendation {
  userId: string;
  name: string;
  kind: string;
  organisationId: string | null;
  organisationName: string | null;
  regionName: string;
  specialties: { code: string; name: string }[];
  languages: string[];
  title: string | null;
  bio: string | null;
  available: boolean;
  activeCases: number;
  capacity: number;
  record: { closed: number; succeeded: number };
  score: number;
  eligible: boolean;
  excludedBecause: string[];
  reasons: { factor: string; score: number; text: string }[];
  conflicts: { code: string; severity: string; detail: string }[];
}

export interface Organisation {
  id: string;
  name: string;
  kind: string;
  specialties: string[];
  address: string | null;
  description: string | null;
  mediatorCount: number;
  availableCount: number;
}

export interface Mediation {
  id: string;
  caseId: string;
  trackingCode: string;
  caseStatus: string;
  organisationName: string;
  status: string;
  step: string;
  stepName: string;
  requestedVia: string;
  homeVisit: boolean;
  outcome: string | null;
  outcomeNote: string | null;
  satisfaction: number | null;
  createdAt: string;
  mediators: { userId: string; name: string; role: string; status: string; note: string | null }[];
  allowedActions: string[];
}

export interface Participant {
  id: string;
  kind: string;
  name: string;
  userId: string | null;
  partyId: string | null;
  joinedAt: string | null;
}

export interface Session {
  id: string;
  mode: string;
  step: string;
  scheduledAt: string;
  durationMinutes: number;
  place: string | null;
  status: string;
  minutes: string | null;
  outcome: string | null;
  participants: Participant[];
}

export interface Link {
  participantId: string;
  kind: string;
  name: string;
  link: string;
}

export interface PartyText {
  kind: 'person' | 'organisation';
  id: string;
  name: string;
  role?: string;
  ethnicity?: string;
  occupation?: string;
  workplace?: string;
  address?: string;
  idNumber?: string;
  [k: string]: unknown;
}

export interface TermText {
  id: string;
  content: string;
  obligorPartyIds: string[];
  obligeePartyIds?: string[];
  performanceMethod: string;
  place: string;
  dueDate: string;
  amountCents?: number;
  instalments?: { dueDate: string; amountCents: number; note?: string }[];
}

export interface AgreementText {
  number?: string;
  parties: PartyText[];
  facts: string;
  disputedMatters: string;
  responsibilities: { partyId: string; text: string }[];
  terms: TermText[];
  mediators: { id: string; name: string }[];
  organisation: { id: string; name: string; address?: string };
  date: string;
  place?: string;
  [k: string]: unknown;
}

export interface Agreement {
  id: string;
  rootId: string;
  version: number;
  previousVersionId: string | null;
  supersedeReason: string | null;
  status: string;
  text: AgreementText;
  issues: { field: string; code: string }[];
  missing: { partyIds: string[]; mediatorIds: string[] };
  signatures: {
    signerRole: string;
    partyId: string | null;
    mediatorId: string | null;
    signerName: string;
    signedAt: string;
  }[];
  sealAffixedAt: string | null;
  supersededById: string | null;
  documentId: string | null;
}

export interface Documents {
  items: { id: string; kind: string; refId: string; sha256: string; bytes: number; createdAt: string }[];
  confirmations: {
    id: string;
    agreementId: string;
    status: string;
    windowDueDate: string;
    documentId: string;
    caseNumber: string | null;
    decidedAt: string | null;
    decisionNote: string | null;
    createdAt: string;
  }[];
}

export interface TimelineItem {
  id: string;
  at: string;
  type: string;
  actor: { id: string; role: string; name: string };
  data: Record<string, unknown>;
}

const enc = encodeURIComponent;
export const mediationKeys = {
  all: ['mediation'] as const,
  mine: () => ['mediation', 'mine'] as const,
  ofCase: (caseId: string) => ['mediation', 'case', caseId] as const,
  one: (id: string) => ['mediation', 'one', id] as const,
};

export const documentUrl = (id: string) => `/api/v1/mediation/documents/${enc(id)}`;

export function useMyMediations() {
  return useQuery({
    queryKey: mediationKeys.mine(),
    queryFn: async ({ signal }) => (await api.get<{ items: Mediation[] }>('/mediations', {}, signal)).items,
  });
}

export function useCaseMediations(caseId: string) {
  return useQuery({
    queryKey: mediationKeys.ofCase(caseId),
    queryFn: async ({ signal }) =>
      (await api.get<{ items: Mediation[] }>('/mediations', { caseId }, signal)).items,
  });
}

export function useMarketplace(caseId: string, kind = 'mediator') {
  return useQuery({
    queryKey: ['mediation', 'market', caseId, kind],
    queryFn: async ({ signal }) =>
      (await api.get<{ items: Recommendation[] }>('/mediation/marketplace', { caseId, kind }, signal)).items,
  });
}

export function useOrganisations(caseId: string) {
  return useQuery({
    queryKey: ['mediation', 'orgs', caseId],
    queryFn: async ({ signal }) =>
      (await api.get<{ items: Organisation[] }>('/mediation/organisations', { caseId }, signal)).items,
  });
}

/** Everything the mediation page shows, in one query so a change refreshes it all. */
export function useMediation(id: string) {
  return useQuery({
    queryKey: mediationKeys.one(id),
    queryFn: async ({ signal }) => {
      const base = `/mediations/${enc(id)}`;
      const [m, sessions, agreements, documents, timeline] = await Promise.all([
        api.get<Mediation>(base, undefined, signal),
        api.get<{ items: Session[] }>(`${base}/sessions`, undefined, signal),
        api.get<{ items: Agreement[] }>(`${base}/agreements`, undefined, signal),
        api.get<Documents>(`${base}/documents`, undefined, signal),
        api.get<{ items: TimelineItem[] }>(`${base}/timeline`, undefined, signal),
      ]);
      const current = agreements.items.filter((a) => !a.supersededById).at(-1);
      // the list leaves documentId out: the current version is fetched on its own
      const agreement = current
        ? await api.get<Agreement>(`/mediation/agreements/${enc(current.id)}`, undefined, signal)
        : null;
      return { m, sessions: sessions.items, agreement, documents, timeline: timeline.items };
    },
  });
}

export type MediationBundle = NonNullable<ReturnType<typeof useMediation>['data']>;

/** Any write on a mediation; afterwards every mediation query is refreshed. */
export function useMediationCall<T = unknown>() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ method = 'POST', path, body }: { method?: string; path: string; body?: unknown }) =>
      request<T>(method, path, { body: body ?? {} }),
    onSuccess: () => qc.invalidateQueries({ queryKey: mediationKeys.all }),
  });
}
