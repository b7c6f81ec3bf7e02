import { Alert, Button, Checkbox, Flex, Select, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../../lib/i18n/index.tsx';
import { useImport } from '../api/org-api.ts';

/** Import a county file: the datum must be named; the report lists every fault, feature by feature. */
export function ImportPanel() {
  const { t } = useI18n();
  const [datum, setDatum] = useState('wgs84');
  const [cleanPart, setCleanPart] = useState(false);
  const [dryRun, setDryRun] = useState(false);
  const [text, setText] = useState<{ name: string; body: string } | null>(null);
  const run = useImport();
  const report = run.data;
  const submit = () => {
    if (!text) return;
    let collection: unknown;
    try {
      collection = JSON.parse(text.body);
    } catch {
      collection = text.body;
    }
    run.mutate({ datum, mode: cleanPart ? 'clean_part' : 'all', dryRun, collection });
  };
  return (
    <Flex vertical gap={12}>
      <Upload
        accept=".geojson,.json"
        maxCount={1}
        beforeUpload={(file) => {
          void file.text().then((body) => setText({ name: file.name, body }));
          return false;
        }}
      >
        <Button>{t('admin.import.pick')}</Button>
      </Upload>
      <Flex gap={8} wrap align="center">
        <span>{t('admin.import.datum')}</span>
        <Select
          value={datum}
          onChange={setDatum}
          style={{ width: 220 }}
          options={['wgs84', 'gcj02', 'bd09'].map((d) => ({
            value: d,
            label: t(`admin.datum.${d}` as never),
          }))}
        />
        <Checkbox checked={cleanPart} onChange={(e) => setCleanPart(e.target.checked)}>
          {t('admin.import.cleanPart')}
        </Checkbox>
        <Checkbox checked={dryRun} onChange={(e) => setDryRun(e.target.checked)}>
          {t('admin.import.dryRun')}
        </Checkbox>
        <Button type="primary" disabled={!text} loading={run.isPending} onClick={submit}>
          {t('admin.import.run')}
        </Button>
      </Flex>
      {run.error ? <Alert type="error" showIcon message={(run.error as Error).message} /> : null}
      {report ? (
        <>
          <Alert
            type={report.applied ? 'success' : report.ok ? 'info' : 'error'}
            showIcon
            message={t(
              report.applied
                ? 'admin.import.applied'
                : report.ok
                  ? 'admin.import.clean'
                  : 'admin.import.refused',
              {
                features: report.features,
                problems: report.problems.length,
              },
            )}
            description={t('admin.import.plan', {
              new: report.plan.new.length,
              updated: report.plan.updated.length,
              unchanged: report.plan.unchanged.length,
              absent: report.plan.absent.length,
              skipped: report.skipped.length,
            })}
          />
          <Typography.Text strong>{t('admin.import.problems')}</Typography.Text>
          <Table
            size="small"
            rowKey={(_, i) => String(i)}
            pagination={{ pageSize: 20 }}
            scroll={{ x: 640 }}
            dataSource={report.problems}
            columns={[
              { title: '#', dataIndex: 'featureIndex', width: 60 },
              { title: t('admin.code'), dataIndex: 'code', width: 150 },
              { title: t('admin.import.problem'), dataIndex: 'problem', width: 170 },
              { title: t('admin.import.message'), dataIndex: 'message' },
            ]}
          />
          {report.skipped.length ? (
            <Table
              size="small"
              rowKey={(_, i) => `s${i}`}
              scroll={{ x: 640 }}
              dataSource={report.skipped}
              title={() => t('admin.import.skipped')}
              columns={[
                { title: '#', dataIndex: 'featureIndex', width: 60 },
                { title: t('admin.code'), dataIndex: 'code', width: 150 },
                { title: t('admin.import.message'), dataIndex: 'message' },
              ]}
            />
          ) : null}
        </>
      ) : null}
    </Flex>
  );
}
