import { Button, Form, List, Modal, Select } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../../lib/i18n/index.tsx';
import { type Link, useMarketplace } from '../api.ts';
import { ActionForm } from './form-modal.tsx';

/** The invitation links, shown once: the mediator passes them to people without an account. */
export function LinksModal({ links, onClose }: { links: Link[] | null; onClose: () => void }) {
  const { t } = useI18n();
  return (
    <Modal
      open={!!links}
      title={t('mediation.session.links')}
      onCancel={onClose}
      footer={<Button onClick={onClose}>{t('common.ok')}</Button>}
    >
      <p>{t('mediation.session.linksHint')}</p>
      <List
        size="small"
        dataSource={links ?? []}
        renderItem={(l) => (
          <List.Item data-testid="invitation-link" data-kind={l.kind} data-participant-id={l.participantId}>
            <span>
              {l.name} · {t(`mediation.kind.${l.kind}` as 'mediation.kind.party')}
            </span>
            <a href={l.link} target="_blank" rel="noreferrer" style={{ wordBreak: 'break-all' }}>
              {`${window.location.origin}${l.link}`}
            </a>
          </List.Item>
        )}
      />
    </Modal>
  );
}

/** The counsellors and experts of the pools the rules admit for this dispute, as options. */
export function usePoolOptions(caseId: string) {
  const counsellors = useMarketplace(caseId, 'counsellor');
  const experts = useMarketplace(caseId, 'expert');
  // both pools or nothing: a list that grows under the pointer makes a click land on the wrong row
  if (!counsellors.data || !experts.data) return [];
  return [...counsellors.data, ...experts.data]
    .filter((p) => p.eligible)
    .map((p) => ({ value: p.userId, label: `${p.name} · ${p.specialties[0]?.name ?? p.kind}` }));
}

/** Invite a counsellor or an expert into a session, even while it runs: their link is shown once. */
export function InviteForm({ sessionId, caseId }: { sessionId: string; caseId: string }) {
  const { t } = useI18n();
  const options = usePoolOptions(caseId);
  const [links, setLinks] = useState<Link[] | null>(null);
  return (
    <>
      <ActionForm<{ userId: string }>
        label={t('mediation.session.inviteOne')}
        title={t('mediation.session.inviteOne')}
        action="invite"
        path={`/mediation/sessions/${sessionId}/invite`}
        onDone={(r) => setLinks([r as Link])}
      >
        <Form.Item
          name="userId"
          label={t('mediation.session.invite')}
          rules={[{ required: true, message: t('common.required') }]}
        >
          <Select options={options} data-testid="invite-user" />
        </Form.Item>
      </ActionForm>
      <LinksModal links={links} onClose={() => setLinks(null)} />
    </>
  );
}
