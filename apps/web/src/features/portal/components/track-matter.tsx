import { Alert, Button, Flex, Form, Input } from 'antd';
import { useState } from 'react';
import { StatusTag } from '../../../components/tags.tsx';
import { ApiError } from '../../../lib/api/client.ts';
import { useErrorText } from '../../../lib/errors.ts';
import { useI18n } from '../../../lib/i18n/index.tsx';
import { useTrack } from '../api/portal-api.ts';
import { ProgressSteps, PublicTimeline } from './progress.tsx';
import { Facts, Panel } from './ui.tsx';

export function TrackMatter({ initialCode }: { initialCode?: string }) {
  const { t, te, dateTime } = useI18n();
  const errorText = useErrorText();
  const [query, setQuery] = useState({ code: '', phone4: '' });
  const track = useTrack(query.code, query.phone4);
  const notFound =
    track.error instanceof ApiError && (track.error.status === 404 || track.error.status === 403);
  const r = track.data;
  return (
    <Flex vertical gap={16}>
      <Panel title={t('portal.track')}>
        <Form
          layout="vertical"
          size="large"
          initialValues={{ code: initialCode }}
          onFinish={(v: { code: string; phone4: string }) =>
            setQuery({ code: v.code.trim(), phone4: v.phone4.trim() })
          }
        >
          <Form.Item
            name="code"
            label={t('portal.track.code')}
            rules={[{ required: true, whitespace: true, message: t('common.required') }]}
          >
            <Input className="tracking-code" autoCapitalize="characters" />
          </Form.Item>
          <Form.Item
            name="phone4"
            label={t('portal.track.phone4')}
            rules={[{ required: true, pattern: /^\d{4}$/, message: t('portal.track.phone4Invalid') }]}
          >
            <Input inputMode="numeric" maxLength={4} />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={track.isFetching}>
            {t('portal.track.submit')}
          </Button>
        </Form>
      </Panel>
      {track.error ? (
        <Alert
          type={notFound ? 'warning' : 'error'}
          showIcon
          title={notFound ? t('portal.track.notFound') : errorText(track.error)}
        />
      ) : null}
      {r ? (
        <Panel title={t('portal.track.progress')} testId="track-result">
          <Facts
            items={[
              {
                key: 'code',
                label: t('case.trackingCode'),
                value: <span className="tracking-code">{r.trackingCode}</span>,
              },
              { key: 'status', label: t('case.status'), value: <StatusTag status={r.status} /> },
              { key: 'kind', label: t('case.kind'), value: te('kind', r.kind) },
              { key: 'category', label: t('case.category'), value: r.categoryName },
              { key: 'created', label: t('case.createdAt'), value: dateTime(r.createdAt) },
            ]}
          />
          <Flex wrap gap={24} style={{ marginTop: 16 }}>
            <div style={{ minWidth: 200 }}>
              <ProgressSteps status={r.status} />
            </div>
            <div style={{ flex: 1, minWidth: 240 }}>
              <PublicTimeline events={r.timeline ?? []} />
            </div>
          </Flex>
        </Panel>
      ) : null}
    </Flex>
  );
}
