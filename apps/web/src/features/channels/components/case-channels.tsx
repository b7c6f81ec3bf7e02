import { Flex } from 'antd';
import type { Role } from '../../../lib/api/types.ts';
import { CaseInfoRequests } from './case-info-requests.tsx';
import { CaseReferrals } from './case-referrals.tsx';

const STAFF: Role[] = ['operator', 'dispatcher', 'handler', 'supervisor', 'leader', 'admin'];

/** Under the case page: questions to the resident, referrals to the police and courts. */
export function CaseChannels({ caseId, role }: { caseId: string; role: Role }) {
  if (!STAFF.includes(role)) return null;
  return (
    <Flex vertical gap={16} style={{ marginTop: 16 }}>
      <CaseInfoRequests caseId={caseId} canAsk={role === 'dispatcher' || role === 'handler'} />
      <CaseReferrals caseId={caseId} canRefer={role === 'dispatcher'} />
    </Flex>
  );
}
