import {
  Alert,
  DatePicker,
  Descriptions,
  Flex,
  Input,
  Select,
  Skeleton,
  Switch,
  Tag,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useI18n } from '../../../lib/i18n/index.tsx';
import { useSaveYear, useYear, useYears } from '../api.ts';
import { SaveBar } from './save-bar.tsx';

interface Draft {
  published: boolean;
  source: string;
  holidays: string[];
  makeUpWorkdays: string[];
}

function Dates(p: {
  year: number;
  value: string[];
  onChange: (v: string[]) => void;
  colour: string;
  id: string;
}) {
  const { t, locale } = useI18n();
  const weekday = (d: string) =>
    new Date(`${d}T00:00:00Z`).toLocaleDateString(locale, { weekday: 'short', timeZone: 'UTC' });
  return (
    <Flex wrap gap={4} data-testid={p.id}>
      {p.value.map((d) => (
        <Tag key={d} color={p.colour} closable onClose={() => p.onChange(p.value.filter((x) => x !== d))}>
          {d} {weekday(d)}
        </Tag>
      ))}
      <DatePicker
        size="small"
        placeholder={t('deadlinesAdmin.addDate')}
        value={null}
        defaultPickerValue={dayjs(`${p.year}-01-01`)}
        onChange={(v: Dayjs | null) => {
          const d = v?.format('YYYY-MM-DD');
          if (d && !p.value.includes(d)) p.onChange([...p.value, d].sort());
        }}
      />
    </Flex>
  );
}

/** Each year's official holidays and make-up working days (调休), as shipped or edited. */
export function CalendarTab() {
  const { t } = useI18n();
  const years = useYears();
  const [year, setYear] = useState(new Date().getFullYear());
  const one = useYear(year);
  const save = useSaveYear(year);
  const [draft, setDraft] = useState<Draft | null>(null);
  useEffect(() => {
    if (one.data)
      setDraft({
        published: one.data.published,
        source: one.data.source,
        holidays: [...one.data.holidays],
        makeUpWorkdays: [...one.data.makeUpWorkdays],
      });
  }, [one.data]);
  const known = (years.data ?? []).map((y) => y.year);
  const options = [...new Set([...known, year, Math.max(year, ...known) + 1])].sort();
  return (
    <>
      <Typography.Paragraph type="secondary">{t('deadlinesAdmin.calendarHint')}</Typography.Paragraph>
      <Flex gap={8} align="center" style={{ marginBottom: 12 }}>
        <Typography.Text>{t('deadlinesAdmin.year')}</Typography.Text>
        <Select
          value={year}
          style={{ width: 100 }}
          onChange={setYear}
          options={options.map((y) => ({ value: y, label: String(y) }))}
          data-testid="year"
        />
        {one.data && (
          <Tag color={one.data.version ? 'blue' : 'default'}>
            {one.data.version
              ? t('deadlinesAdmin.edited', { version: one.data.version })
              : t('deadlinesAdmin.bundled')}
          </Tag>
        )}
      </Flex>
      {!one.data || !draft ? (
        <Skeleton active />
      ) : (
        <>
          {!draft.published && (
            <Alert
              type="warning"
              showIcon
              title={t('deadlinesAdmin.unpublished')}
              style={{ marginBottom: 12 }}
            />
          )}
          <Descriptions size="small" column={1} bordered styles={{ label: { width: 150 } }}>
            <Descriptions.Item label={t('deadlinesAdmin.published')}>
              <Switch checked={draft.published} onChange={(published) => setDraft({ ...draft, published })} />
            </Descriptions.Item>
            <Descriptions.Item label={t('deadlinesAdmin.source')}>
              <Input value={draft.source} onChange={(e) => setDraft({ ...draft, source: e.target.value })} />
            </Descriptions.Item>
            <Descriptions.Item
              label={`${t('deadlinesAdmin.holidays')} (${t('deadlinesAdmin.days', { count: draft.holidays.length })})`}
            >
              <Dates
                id="holidays"
                year={year}
                colour="red"
                value={draft.holidays}
                onChange={(holidays) => setDraft({ ...draft, holidays })}
              />
            </Descriptions.Item>
            <Descriptions.Item
              label={`${t('deadlinesAdmin.makeUp')} (${t('deadlinesAdmin.days', { count: draft.makeUpWorkdays.length })})`}
            >
              <Dates
                id="makeup"
                year={year}
                colour="blue"
                value={draft.makeUpWorkdays}
                onChange={(makeUpWorkdays) => setDraft({ ...draft, makeUpWorkdays })}
              />
            </Descriptions.Item>
          </Descriptions>
          <SaveBar
            version={one.data.version}
            history={one.data.history ?? []}
            saving={save.isPending}
            onSave={async (reason) =>
              (await save.mutateAsync({ baseVersion: one.data.version, ...draft, reason })).version
            }
          />
        </>
      )}
    </>
  );
}
