import { App, Button, Flex, Input, List, Typography } from 'antd';
import { useState } from 'react';
import { useErrorText } from '../../../lib/errors.ts';
import { useI18n } from '../../../lib/i18n/index.tsx';
import type { HistoryEntry } from '../api.ts';

/** Reason + "save as a new version", and the version history below. */
export function SaveBar(p: {
  version: number;
  history: HistoryEntry[];
  saving: boolean;
  onSave: (reason: string) => Promise<number>;
}) {
  const { t, dateTime } = useI18n();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [reason, setReason] = useState('');
  const save = async () => {
    if (!reason.trim()) {
      message.warning(t('deadlinesAdmin.reasonRequired'));
      return;
    }
    try {
      const v = await p.onSave(reason.trim());
      message.success(t('deadlinesAdmin.saved', { version: v }));
      setReason('');
    } catch (err) {
      message.error(errorText(err));
    }
  };
  return (
    <>
      <Flex gap={8} style={{ marginTop: 16 }} wrap>
        <Typography.Text type="secondary" style={{ alignSelf: 'center' }}>
          {p.version
            ? t('deadlinesAdmin.version', { version: p.version })
            : t('deadlinesAdmin.versionDefault')}
        </Typography.Text>
        <Input
          style={{ maxWidth: 360 }}
          placeholder={t('deadlinesAdmin.reason')}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          data-testid="reason"
        />
        <Button type="primary" loading={p.saving} onClick={() => void save()} data-testid="save">
          {t('deadlinesAdmin.save')}
        </Button>
      </Flex>
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('deadlinesAdmin.history')}
      </Typography.Title>
      <List
        size="small"
        dataSource={p.history}
        locale={{ emptyText: t('deadlinesAdmin.noHistory') }}
        renderItem={(h) => (
          <List.Item>
            {t('deadlinesAdmin.historyEntry', {
              version: h.version,
              at: dateTime(h.changedAt),
              by: h.changedBy,
              reason: h.reason,
            })}
          </List.Item>
        )}
      />
    </>
  );
}
