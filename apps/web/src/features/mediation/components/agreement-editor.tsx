import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Divider, Form, Input, InputNumber, Row, Select } from 'antd';
import { useErrorText } from '../../../lib/errors.ts';
import { useI18n } from '../../../lib/i18n/index.tsx';
import { type Agreement, type AgreementText, type PartyText, useMediationCall } from '../api.ts';

interface TermValues {
  content: string;
  obligorPartyIds: string[];
  performanceMethod: string;
  place: string;
  dueDate: string;
  amountYuan?: number | null;
}

interface Values {
  number?: string;
  date: string;
  place?: string;
  facts: string;
  disputedMatters: string;
  parties: { ethnicity?: string; occupation?: string; workplace?: string; address?: string }[];
  responsibilities: Record<string, string>;
  terms: TermValues[];
}

function initial(text: AgreementText): Values {
  return {
    number: text.number,
    date: text.date,
    place: text.place,
    facts: text.facts,
    disputedMatters: text.disputedMatters,
    parties: text.parties.map((p) => ({
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

function toText(text: AgreementText, v: Values): AgreementText {
  const parties: PartyText[] = text.parties.map((p, i) =>
    p.kind === 'person' ? { ...p, ...v.parties[i] } : { ...p, address: v.parties[i]?.address ?? p.address },
  );
  return {
    ...text,
    number: v.number?.trim() || undefined,
    date: v.date,
    place: v.place?.trim() || undefined,
    facts: v.facts,
    disputedMatters: v.disputedMatters,
    parties,
    responsibilities: text.parties
      .map((p) => ({ partyId: p.id, text: (v.responsibilities[p.id] ?? '').trim() }))
      .filter((r) => r.text),
    terms: v.terms.map((x, i) => ({
      id: text.terms[i]?.id ?? `t${i + 1}`,
      content: x.content,
      obligorPartyIds: x.obligorPartyIds ?? [],
      obligeePartyIds: text.parties.map((p) => p.id).filter((id) => !(x.obligorPartyIds ?? []).includes(id)),
      performanceMethod: x.performanceMethod,
      place: x.place,
      dueDate: x.dueDate,
      ...(x.amountYuan ? { amountCents: Math.round(x.amountYuan * 100) } : {}),
    })),
  };
}

const req = (message: string) => [{ required: true, whitespace: true, message }];

/** The agreement text with every field the People's Mediation Law asks for (Art. 29), editable until someone signs. */
export function AgreementEditor({ agreement, onSaved }: { agreement: Agreement; onSaved: () => void }) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const save = useMediationCall();
  const text = agreement.text;
  const r = req(t('common.required'));
  const partyOptions = text.parties.map((p) => ({ value: p.id, label: p.name }));
  return (
    <Form<Values>
      layout="vertical"
      initialValues={initial(text)}
      data-testid="agreement-editor"
      onFinish={(v) =>
        save.mutate(
          { method: 'PUT', path: `/mediation/agreements/${agreement.id}`, body: toText(text, v) },
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
      {text.parties.map((p, i) => (
        <Card key={p.id} size="small" title={p.name} style={{ marginBottom: 8 }}>
          <Row gutter={12}>
            {p.kind === 'person'
              ? (['ethnicity', 'occupation', 'workplace'] as const).map((f) => (
                  <Col xs={24} md={8} key={f}>
                    <Form.Item name={['parties', i, f]} label={t(`mediation.agreement.${f}`)} rules={r}>
                      <Input id={`party-${i}-${f}`} maxLength={f === 'workplace' ? 120 : 60} />
                    </Form.Item>
                  </Col>
                ))
              : null}
            <Col xs={24}>
              <Form.Item name={['parties', i, 'address']} label={t('mediation.agreement.address')} rules={r}>
                <Input maxLength={200} />
              </Form.Item>
            </Col>
          </Row>
        </Card>
      ))}
      <Form.Item name="facts" label={t('mediation.agreement.facts')} rules={r}>
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} maxLength={10000} />
      </Form.Item>
      <Form.Item name="disputedMatters" label={t('mediation.agreement.disputedMatters')} rules={r}>
        <Input.TextArea id="disputedMatters" autoSize={{ minRows: 2, maxRows: 8 }} maxLength={4000} />
      </Form.Item>
      <Divider titlePlacement="start">{t('mediation.agreement.responsibilities')}</Divider>
      {text.parties.map((p) => (
        <Form.Item key={p.id} name={['responsibilities', p.id]} label={p.name} rules={r}>
          <Input.TextArea
            id={`responsibility-${p.id}`}
            autoSize={{ minRows: 1, maxRows: 4 }}
            maxLength={2000}
          />
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
                      <Select id={`term-${i}-obligor`} mode="multiple" options={partyOptions} />
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
      {save.error ? (
        <Alert type="error" showIcon title={errorText(save.error)} style={{ marginTop: 12 }} />
      ) : null}
      <Button
        type="primary"
        htmlType="submit"
        loading={save.isPending}
        style={{ marginTop: 16 }}
        data-action="save-agreement"
      >
        {t('mediation.agreement.save')}
      </Button>
    </Form>
  );
}
