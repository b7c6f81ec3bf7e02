import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Col, Form, Input, Row, Select } from 'antd';
import { useI18n } from '../../../lib/i18n/index.tsx';

const ROLES = ['applicant', 'respondent', 'third_party'] as const;

export function PartiesField() {
  const { t, te } = useI18n();
  return (
    <Form.List name="parties">
      {(fields, { add, remove }) => (
        <>
          {fields.map(({ key, name }) => (
            <Row key={key} gutter={8} align="top">
              <Col xs={24} sm={5}>
                <Form.Item name={[name, 'role']} label={t('desk.partyRole')} rules={[{ required: true }]}>
                  <Select options={ROLES.map((r) => ({ value: r, label: te('partyRole', r) }))} />
                </Form.Item>
              </Col>
              <Col xs={24} sm={5}>
                <Form.Item
                  name={[name, 'name']}
                  label={t('desk.partyName')}
                  rules={[{ required: true, message: t('common.required') }]}
                >
                  <Input maxLength={50} />
                </Form.Item>
              </Col>
              <Col xs={24} sm={6}>
                <Form.Item name={[name, 'phone']} label={t('desk.partyPhone')}>
                  <Input inputMode="tel" maxLength={20} />
                </Form.Item>
              </Col>
              <Col xs={20} sm={7}>
                <Form.Item name={[name, 'idNumber']} label={t('desk.partyIdNumber')}>
                  <Input maxLength={18} />
                </Form.Item>
              </Col>
              <Col xs={4} sm={1} style={{ paddingTop: 30 }}>
                <Button
                  type="text"
                  icon={<MinusCircleOutlined />}
                  aria-label={t('desk.removeParty')}
                  onClick={() => remove(name)}
                />
              </Col>
            </Row>
          ))}
          <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ role: 'respondent' })}>
            {t('desk.addParty')}
          </Button>
        </>
      )}
    </Form.List>
  );
}
