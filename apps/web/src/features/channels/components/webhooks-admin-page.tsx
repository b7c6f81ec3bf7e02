import {
  Alert,
  Button,
  Card,
  Form,
  Input,
  Modal,
  Popconfirm,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useErrorText } from '../../../lib/errors.ts';
import { useI18n } from '../../../lib/i18n/index.tsx';
import {
  type NewSubscription,
  type Subscription,
  useWebhookActions,
  useWebhookEvents,
  useWebhooks,
} from '../api.ts';
import { DeliveriesDrawer } from './deliveries-drawer.tsx';

/** /admin/webhooks: subscriptions of other government systems to case events, with their logs. */
export function WebhooksAdminPage() {
  const { t, dateTime } = useI18n();
  const errorText = useErrorText();
  const list = useWebhooks();
  const events = useWebhookEvents();
  const { subscribe, deactivate } = useWebhookActions();
  const [adding, setAdding] = useState(false);
  const [secret, setSecret] = useState<string | null>(null);
  const [logOf, setLogOf] = useState<Subscription | null>(null);
  const [form] = Form.useForm<NewSubscription>();

  const onSave = async () => {
    const v = await form.validateFields();
    subscribe.mutate(
      { ...v, secret: v.secret?.trim() || undefined },
      {
        onSuccess: (s) => {
          setAdding(false);
          form.resetFields();
          setSecret(s.secret);
        },
      },
    );
  };
  const eventOptions = [
    { value: '*', label: t('channels.webhooks.allEvents') },
    ...(events.data?.items ?? []).map((e) => ({ value: e, label: e })),
  ];

  return (
    <Card>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('channels.webhooks.title')}
      </Typography.Title>
      <Alert type="info" showIcon title={t('channels.webhooks.hint')} style={{ marginBottom: 16 }} />
      {secret ? (
        <Alert
          type="warning"
          showIcon
          closable
          onClose={() => setSecret(null)}
          style={{ marginBottom: 16 }}
          title={
            <span>
              {t('channels.webhooks.secretOnce')}{' '}
              <Typography.Text code copyable>
                {secret}
              </Typography.Text>
            </span>
          }
        />
      ) : null}
      {list.error ? <Alert type="error" title={errorText(list.error)} style={{ marginBottom: 16 }} /> : null}
      <Space style={{ marginBottom: 16 }}>
        <Button type="primary" onClick={() => setAdding(true)}>
          {t('channels.webhooks.add')}
        </Button>
      </Space>
      <Table<Subscription>
        rowKey="id"
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        pagination={false}
        locale={{ emptyText: t('channels.webhooks.empty') }}
        columns={[
          { key: 'name', title: t('channels.webhooks.name'), dataIndex: 'name' },
          { key: 'url', title: t('channels.webhooks.url'), dataIndex: 'url', ellipsis: true },
          {
            key: 'events',
            title: t('channels.webhooks.events'),
            render: (_, s) =>
              s.events.map((e) => <Tag key={e}>{e === '*' ? t('channels.webhooks.allEvents') : e}</Tag>),
          },
          {
            key: 'state',
            title: t('channels.webhooks.state'),
            render: (_, s) =>
              s.active ? (
                <Tag color="green">{t('channels.webhooks.active')}</Tag>
              ) : (
                <Tag>{t('channels.webhooks.inactive')}</Tag>
              ),
          },
          {
            key: 'createdAt',
            title: t('channels.webhooks.createdAt'),
            render: (_, s) => dateTime(s.createdAt),
          },
          {
            key: 'actions',
            title: t('channels.webhooks.actions'),
            render: (_, s) => (
              <Space>
                <Button size="small" onClick={() => setLogOf(s)}>
                  {t('channels.webhooks.log')}
                </Button>
                {s.active ? (
                  <Popconfirm
                    title={t('channels.webhooks.deactivateConfirm')}
                    onConfirm={() => deactivate.mutate(s.id)}
                  >
                    <Button size="small" danger>
                      {t('channels.webhooks.deactivate')}
                    </Button>
                  </Popconfirm>
                ) : null}
              </Space>
            ),
          },
        ]}
      />
      <Modal
        open={adding}
        title={t('channels.webhooks.add')}
        okText={t('channels.webhooks.save')}
        cancelText={t('channels.webhooks.cancel')}
        confirmLoading={subscribe.isPending}
        onOk={onSave}
        onCancel={() => setAdding(false)}
        destroyOnHidden
      >
        {subscribe.error ? (
          <Alert type="error" title={errorText(subscribe.error)} style={{ marginBottom: 12 }} />
        ) : null}
        <Form form={form} layout="vertical" initialValues={{ events: ['*'] }}>
          <Form.Item
            name="name"
            label={t('channels.webhooks.name')}
            rules={[{ required: true, whitespace: true, message: t('channels.webhooks.required') }]}
          >
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item
            name="url"
            label={t('channels.webhooks.url')}
            rules={[
              { required: true, message: t('channels.webhooks.required') },
              { pattern: /^https?:\/\/\S+$/i, message: t('channels.webhooks.badUrl') },
            ]}
          >
            <Input placeholder={t('channels.webhooks.urlPlaceholder')} maxLength={2000} />
          </Form.Item>
          <Form.Item
            name="events"
            label={t('channels.webhooks.events')}
            rules={[{ required: true, message: t('channels.webhooks.required') }]}
          >
            <Select mode="multiple" options={eventOptions} />
          </Form.Item>
          <Form.Item
            name="secret"
            label={t('channels.webhooks.secret')}
            extra={t('channels.webhooks.secretHint')}
          >
            <Input.Password minLength={16} maxLength={200} autoComplete="new-password" />
          </Form.Item>
        </Form>
      </Modal>
      <DeliveriesDrawer subscription={logOf} onClose={() => setLogOf(null)} />
    </Card>
  );
}
