import { Alert, Button, Card, Descriptions, Flex, Form, Input, Select, Tag } from 'antd';
import { CategorySelect } from '../../../components/category-select.tsx';
import { RegionSelect } from '../../../components/region-select.tsx';
import { useI18n } from '../../../lib/i18n/index.tsx';
import { type RoutingSuggestion, useRoutingTest } from '../api/settings-api.ts';
import { CASE_KINDS } from '../messages.ts';
import { showFieldError } from './form-errors.ts';

/** A sample case (category, place, kind, text) and what the rules and the list suggest for it. */
export function RuleTest() {
  const { t } = useI18n();
  const [form] = Form.useForm();
  const test = useRoutingTest();
  const run = (v: object) =>
    test.mutate(v, {
      onError: (e) => void showFieldError(form, e, ['categoryCode', 'regionId', 'kind', 'description']),
    });
  const show = (s: RoutingSuggestion) => (
    <Descriptions size="small" column={1} bordered>
      <Descriptions.Item label={t('adminOrg.rule')}>
        {s.source === 'rule'
          ? t('adminOrg.test.byRule', { name: s.ruleName ?? '' })
          : t('adminOrg.test.byList')}
      </Descriptions.Item>
      <Descriptions.Item label={t('adminOrg.lead')}>{s.lead.name}</Descriptions.Item>
      <Descriptions.Item label={t('adminOrg.co')}>
        {s.co.map((c) => c.name).join(t('adminOrg.listSep')) || '—'}
      </Descriptions.Item>
      <Descriptions.Item label={t('adminOrg.test.why')}>
        {s.why.map((w) => (
          <Tag key={w.kind + w.text}>{w.text}</Tag>
        ))}
      </Descriptions.Item>
    </Descriptions>
  );
  const result = test.data;
  return (
    <Card size="small" title={t('adminOrg.test.title')}>
      <Flex gap={16} wrap>
        <Form
          form={form}
          layout="vertical"
          style={{ width: 360 }}
          initialValues={{ kind: 'complaint' }}
          onFinish={run}
        >
          <Form.Item
            name="categoryCode"
            label={t('adminOrg.categoryPrefix')}
            rules={[{ required: true, message: t('adminOrg.required') }]}
          >
            <CategorySelect />
          </Form.Item>
          <Form.Item
            name="regionId"
            label={t('adminOrg.region')}
            rules={[{ required: true, message: t('adminOrg.required') }]}
          >
            <RegionSelect />
          </Form.Item>
          <Form.Item name="kind" label={t('adminOrg.test.kind')}>
            <Select options={CASE_KINDS.map((k) => ({ value: k, label: t(`adminOrg.kind.${k}`) }))} />
          </Form.Item>
          <Form.Item name="description" label={t('adminOrg.test.description')}>
            <Input.TextArea rows={2} maxLength={2000} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={test.isPending}>
            {t('adminOrg.test.run')}
          </Button>
        </Form>
        <Flex vertical gap={8} style={{ flex: 1, minWidth: 320 }}>
          {result && !result.suggestion ? (
            <Alert type="warning" showIcon message={t('adminOrg.test.none')} />
          ) : null}
          {result?.suggestion ? show(result.suggestion) : null}
          {result?.alternatives.length ? <strong>{t('adminOrg.test.alternatives')}</strong> : null}
          {result?.alternatives.map((s) => (
            <div key={`${s.source}-${s.ruleId ?? s.lead.id}`}>{show(s)}</div>
          ))}
        </Flex>
      </Flex>
    </Card>
  );
}
