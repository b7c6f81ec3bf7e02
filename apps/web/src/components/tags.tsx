import { Tag } from 'antd';
import type { CSSProperties } from 'react';
import type { CaseStatus, Colour, DueState } from '../lib/api/types.ts';
import { useI18n } from '../lib/i18n/index.tsx';

/**
 * Tag colours with text that reads (WCAG AA, 4.5:1): antd's preset tags put mid-tone text on a pale
 * background, which falls short, so each tone names its own dark text on a pale fill.
 */
const TONE = {
  blue: ['#e6f4ff', '#0b4a9e', '#91caff'],
  geekblue: ['#f0f5ff', '#1d39c4', '#adc6ff'],
  purple: ['#f9f0ff', '#531dab', '#d3adf7'],
  cyan: ['#e6fffb', '#00575e', '#87e8de'],
  magenta: ['#fff0f6', '#9e1068', '#ffadd2'],
  warning: ['#fff7e6', '#873800', '#ffd591'],
  lime: ['#fcffe6', '#3f6600', '#d3f261'],
  green: ['#f6ffed', '#135200', '#b7eb8f'],
  error: ['#fff1f0', '#a8071a', '#ffa39e'],
  default: ['#fafafa', '#434343', '#d9d9d9'],
} as const;
type Tone = keyof typeof TONE;
/** A pale fill with its own dark text (contrast ≥ 4.5:1), for tags outside the status set. */
export const toneStyle = (tone: Tone): CSSProperties => {
  const [background, color, borderColor] = TONE[tone];
  return { background, color, borderColor };
};

/** The four warning colours as solid tags, each with a text colour that reads on it. */
const colourStyle: Record<Colour, CSSProperties> = {
  red: { background: '#a8071a', color: '#fff', borderColor: '#a8071a' },
  orange: { background: '#ad4e00', color: '#fff', borderColor: '#ad4e00' },
  yellow: { background: '#fadb14', color: '#1f1f1f', borderColor: '#d4b106' },
  green: { background: '#237804', color: '#fff', borderColor: '#237804' },
};

export function ColourTag({ colour }: { colour: Colour | null | undefined }) {
  const { te } = useI18n();
  if (!colour) return null;
  return <Tag style={colourStyle[colour]}>{te('colour', colour)}</Tag>;
}

const statusTone: Partial<Record<CaseStatus, Tone>> = {
  submitted: 'blue',
  accepted: 'geekblue',
  triaged: 'geekblue',
  in_pool: 'purple',
  dispatched: 'cyan',
  objected: 'magenta',
  in_progress: 'blue',
  extension_requested: 'warning',
  resolved: 'lime',
  verified: 'green',
  called_back: 'green',
  in_mediation: 'purple',
};

export function StatusTag({ status }: { status: CaseStatus }) {
  const { te } = useI18n();
  return <Tag style={toneStyle(statusTone[status] ?? 'default')}>{te('status', status)}</Tag>;
}

export function DueTag({ state }: { state: DueState | null | undefined }) {
  const { te } = useI18n();
  if (!state || state === 'on_time') return null;
  return <Tag style={toneStyle(state === 'overdue' ? 'error' : 'warning')}>{te('due', state)}</Tag>;
}
