import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Divider, Form, Input, InputNumber, Row, Select } from 'antd';
import type { ReactNode } from 'react';
import { useErrorText } from '../../../lib/errors.ts';
import { useI18n } from '../../../lib/i18n/index.tsx';
import { type Agreement, type AgreementText, useMediationCall } from '../api.ts';
import { initial, type PartyValues, PERSON_FIELDS, toText, type Values } from './agreement-form.ts';

const req = (message: string) => [{ required: true, whitespace: true, message }];

/** Where the edited text goes: by default it replaces the unsigned draft; a superseding version posts elsewhere. */
export interface EditorTarget {
  path: string;
  body: (text: AgreementText, values: Values) => unknown;
  label: string;
  action: string;
}

/** The agreement text with every field the People's Mediation Law asks for (Art. 29), editable until someone signs. */
export function AgreementEditor({
  agreement,
  onSaved,
  target,
  children,
}: {
  agreement: Agreement;
  onSaved: () => void;
  /** Send the text somewhere else than the draft (e.g. a superseding version); `children` adds its fields. */
  target?: EditorTarget;
  children?: ReactNode;
}) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const save = useMediationCall();
  const text = agreement.text;
  const r = req(t('common.required'));
  const [form] = Form.useForm<Values>();
  const parties = Form.useWatch('parties', form) as PartyValues[] | undefined;
  const partyOptions = (parties ?? []).filter(Boolean).map((p) => ({ value: p.id, label: p.name || p.id }));
  return (
    <Form<Values>
      form={form}
      layout="vertical"
      initialValues={initial(text)}
      data-testid="agreement-editor"
      onFinish={(v) =>
        save.mutate(
          target
            ? { method: 'POST', path: target.path, body: target.body(toText(text, v), v) }
            : { method: 'PUT', path: `/mediation/agreements/${agreement.id}`, body: toText(text, v) },
          { onSuccess: onSaved },
        )
      }
    >
      <Row gutter={12}>
        <Col xs={24} md={10}>
          <Form.Item name="number" label={t('mediation.agreement.number')}>
            <Input maxLength={60} />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item name="date" label={t('mediation.agreement.date')} rules={r}>
            <Input placeholder={t('mediation.datePattern')} maxLength={10} />
          </Form.Item>
        </Col>
        <Col xs={12} md={8}>
          <Form.Item name="place" label={t('mediation.agreement.place')}>
            <Input maxLength={200} />
          </Form.Item>
        </Col>
      </Row>
      <Divider titlePlacement="start">{t('mediation.agreement.parties')}</Divider>
      <Form.List name="parties">
        {(fields, { add }) => (
          <>
            {fields.map((f, i) => (
              <Card key={f.key} size="small" style={{ marginBottom: 8 }} data-testid="party-editor">
                <Form.Item name={[f.name, 'id']} hidden>
                  <Input />
                </Form.Item>
                <Row gutter={12}>
                  <Col xs={24} md={8}>
                    <Form.Item name={[f.name, 'name']} label={t('mediation.agreement.name')} rules={r}>
                      <Input id={`party-${i}-name`} maxLength={60} />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={16}>
                    <Form.Item
                      name={[f.name, 'idNumber']}
                      label={t('mediation.agreement.idNumber')}
                      rules={r}
                    >
                      <Input id={`party-${i}-idNumber`} maxLength={30} />
                    </Form.Item>
                  </Col>
                  {PERSON_FIELDS.map((k) => (
                    <Col xs={24} md={8} key={k}>
                      <Form.Item name={[f.name, k]} label={t(`mediation.agreement.${k}`)} rules={r}>
                        <Input id={`party-${i}-${k}`} maxLength={k === 'workplace' ? 120 : 60} />
                      </Form.Item>
                    </Col>
                  ))}
                  <Col xs={24}>
                    <Form.Item name={[f.name, 'address']} label={t('mediation.agreement.address')} rules={r}>
                      <Input id={`party-${i}-address`} maxLength={200} />
                    </Form.Item>
                  </Col>
                </Row>
              </Card>
            ))}
            <Button
              icon={<PlusOutlined />}
              onClick={() => add({ id: `p-${Date.now().toString(36)}`, kind: 'person', name: '' })}
              data-action="add-party"
              style={{ marginBottom: 16 }}
            >
              {t('mediation.agreement.addParty')}
            </Button>
          </>
        )}
      </Form.List>
      <Form.Item name="facts" label={t('mediation.agreement.facts')} rules={r}>
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} maxLength={10000} />
      </Form.Item>
      <Form.Item name="disputedMatters" label={t('mediation.agreement.disputedMatters')} rules={r}>
        <Input.TextArea id="disputedMatters" autoSize={{ minRows: 2, maxRows: 8 }} maxLength={4000} />
      </Form.Item>
      <Divider titlePlacement="start">{t('mediation.agreement.responsibilities')}</Divider>
      {(parties ?? []).map((p, i) => (
        <Form.Item
          key={p?.id ?? i}
          name={['responsibilities', p?.id ?? '']}
          label={p?.name || t('mediation.agreement.name')}
          rules={r}
        >
          <Input.TextArea id={`responsibility-${i}`} autoSize={{ minRows: 1, maxRows: 4 }} maxLength={2000} />
        </Form.Item>
      ))}
      <Divider titlePlacement="start">{t('mediation.agreement.terms')}</Divider>
      <Form.List name="terms">
        {(fields, { add, remove }) => (
          <>
            {fields.map((f, i) => (
              <Card
                key={f.key}
                size="small"
                style={{ marginBottom: 8 }}
                title={t('mediation.agreement.term', { n: i + 1 })}
                extra={
                  fields.length > 1 ? (
                    <Button type="text" icon={<MinusCircleOutlined />} onClick={() => remove(f.name)} />
                  ) : null
                }
              >
                <Form.Item name={[f.name, 'content']} label={t('mediation.agreement.termContent')} rules={r}>
                  <Input.TextArea
                    id={`term-${i}-content`}
                    autoSize={{ minRows: 2, maxRows: 6 }}
                    maxLength={4000}
                  />
                </Form.Item>
                <Row gutter={12}>
                  <Col xs={24} md={8}>
                    <Form.Item
                      name={[f.name, 'obligorPartyIds']}
                      label={t('mediation.agreement.obligor')}
                      rules={[{ required: true, message: t('common.required') }]}
                    >
                      <Select
                        id={`term-${i}-obligor`}
                        mode="multiple"
                        options={partyOptions}
                        filterOption={(input, o) => String(o?.label ?? '').includes(input)}
                      />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={8}>
                    <Form.Item
                      name={[f.name, 'performanceMethod']}
                      label={t('mediation.agreement.method')}
                      rules={r}
                    >
                      <Input id={`term-${i}-method`} maxLength={200} />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={8}>
                    <Form.Item name={[f.name, 'place']} label={t('mediation.agreement.termPlace')} rules={r}>
                      <Input id={`term-${i}-place`} maxLength={200} />
                    </Form.Item>
                  </Col>
                  <Col xs={12} md={8}>
                    <Form.Item name={[f.name, 'dueDate']} label={t('mediation.agreement.dueDate')} rules={r}>
                      <Input id={`term-${i}-due`} placeholder={t('mediation.datePattern')} maxLength={10} />
                    </Form.Item>
                  </Col>
                  <Col xs={12} md={8}>
                    <Form.Item name={[f.name, 'amountYuan']} label={t('mediation.agreement.amount')}>
                      <InputNumber id={`term-${i}-amount`} min={0} step={100} style={{ width: '100%' }} />
                    </Form.Item>
                  </Col>
                </Row>
              </Card>
            ))}
            <Button
              icon={<PlusOutlined />}
              onClick={() => add({ obligorPartyIds: [] })}
              data-action="add-term"
            >
              {t('mediation.agreement.addTerm')}
            </Button>
          </>
        )}
      </Form.List>
      {children}
      {save.error ? (
        <Alert type="error" showIcon title={errorText(save.error)} style={{ marginTop: 12 }} />
      ) : null}
      <Button
        type="primary"
        htmlType="submit"
        loading={save.isPending}
        style={{ marginTop: 16 }}
        data-action={target?.action ?? 'save-agreement'}
      >
        {target?.label ?? t('mediation.agreement.save')}
      </Button>
    </Form>
  );
}
