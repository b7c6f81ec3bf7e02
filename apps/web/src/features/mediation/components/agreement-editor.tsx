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

interface PartyValues {
  id: string;
  kind: 'person' | 'organisation';
  name: string;
  idNumber?: string;
  ethnicity?: string;
  occupation?: string;
  workplace?: string;
  address?: string;
}

interface Values {
  number?: string;
  date: string;
  place?: string;
  facts: string;
  disputedMatters: string;
  parties: PartyValues[];
  responsibilities: Record<string, string>;
  terms: TermValues[];
}

const PERSON_FIELDS = ['ethnicity', 'occupation', 'workplace'] as const;

function initial(text: AgreementText): Values {
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

function toText(text: AgreementText, v: Values): AgreementText {
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
