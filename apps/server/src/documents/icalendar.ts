// iCalendar (RFC 5545) for follow-up visits (回访) and appointments: a per-worker feed or an .ics
// attachment. Written by hand: the rules that matter are few and exact (standards.md §6):
// CRLF line ends, folding at 75 octets without splitting a UTF-8 character, TEXT escaping,
// DTSTAMP in UTC, local times with a VTIMEZONE for Asia/Shanghai.

export const ICS_CONTENT_TYPE = 'text/calendar; charset=utf-8';

export type Weekday = 'MO' | 'TU' | 'WE' | 'TH' | 'FR' | 'SA' | 'SU';

export interface RecurrenceRule {
  freq: 'DAILY' | 'WEEKLY' | 'MONTHLY' | 'YEARLY';
  interval?: number;
  /** Either count or until (or neither, for an open series). */
  count?: number;
  until?: Date;
  byDay?: Weekday[];
  byMonthDay?: number[];
}

export interface CalendarAlarm {
  /** Minutes before the start (event) or due time (todo). */
  minutesBefore: number;
  description?: string;
}

export type EventStatus = 'TENTATIVE' | 'CONFIRMED' | 'CANCELLED';
export type TodoStatus = 'NEEDS-ACTION' | 'IN-PROCESS' | 'COMPLETED' | 'CANCELLED';

export interface CalendarItem {
  /** 'event' (VEVENT) for an appointment, 'todo' (VTODO) for a follow-up task. */
  kind: 'event' | 'todo';
  /** Stable across updates, e.g. 'followup-<caseId>-<n>@hewei.example'. */
  uid: string;
  /** When this version of the item was written (DTSTAMP, always UTC). */
  stamp: Date;
  /** DTSTART; required for an event. */
  start?: Date;
  /** DTEND (event only); or give durationMinutes. */
  end?: Date;
  durationMinutes?: number;
  /** DUE (todo only). */
  due?: Date;
  /** Whole-day item: dates (Asia/Shanghai) instead of times. */
  allDay?: boolean;
  summary: string;
  description?: string;
  location?: string;
  geo?: { lat: number; lon: number };
  status?: EventStatus | TodoStatus;
  /** Incremented on every change of an item already sent (SEQUENCE). */
  sequence?: number;
  rrule?: RecurrenceRule | string;
  /** UID of a parent item (RELATED-TO). */
  relatedTo?: string;
  categories?: string[];
  url?: string;
  /** 1 (highest) … 9 (lowest). */
  priority?: number;
  /** Todo: when it was done (COMPLETED) and how far along (PERCENT-COMPLETE). */
  completed?: Date;
  percentComplete?: number;
  alarms?: CalendarAlarm[];
}

export interface CalendarOptions {
  /** PRODID, e.g. '-//Hewei//Mediation follow-ups//ZH'. */
  prodId: string;
  calendarName?: string;
  /** Only when sending iTIP invitations or cancellations (RFC 5546); omit for feeds and files. */
  method?: 'PUBLISH' | 'REQUEST' | 'CANCEL';
  /** 'Asia/Shanghai' (default): local times with TZID and a VTIMEZONE; 'UTC': times with Z. */
  timeZone?: 'Asia/Shanghai' | 'UTC';
}

const SHANGHAI_OFFSET_MS = 8 * 3_600_000;
const EVENT_STATUSES = new Set(['TENTATIVE', 'CONFIRMED', 'CANCELLED']);
const TODO_STATUSES = new Set(['NEEDS-ACTION', 'IN-PROCESS', 'COMPLETED', 'CANCELLED']);
const WEEKDAYS = new Set(['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU']);

/** Drops control characters other than tab and line feed (not allowed in TEXT). */
export function stripControls(value: string): string {
  let out = '';
  for (const ch of value) {
    const c = ch.charCodeAt(0);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a) || c === 0x7f) continue;
    out += ch;
  }
  return out;
}

/** TEXT value escaping: backslash, semicolon, comma and newlines; other control characters dropped. */
export function escapeText(value: string): string {
  return stripControls(value.replace(/\r\n?/g, '\n'))
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\n/g, '\\n');
}

/**
 * Folds one content line so no physical line exceeds 75 octets (excluding CRLF), continuation
 * lines starting with a single space, and never inside a UTF-8 sequence or a surrogate pair.
 */
export function foldLine(line: string, limit = 75): string {
  if (Buffer.byteLength(line, 'utf8') <= limit) return line;
  const out: string[] = [];
  let current = '';
  let bytes = 0;
  let max = limit;
  for (const ch of line) {
    const n = Buffer.byteLength(ch, 'utf8');
    if (bytes + n > max) {
      out.push(current);
      current = ' ';
      bytes = 1;
      max = limit;
    }
    current += ch;
    bytes += n;
  }
  out.push(current);
  return out.join('\r\n');
}

/** 20250618T020500Z */
function utcStamp(d: Date): string {
  checkDate(d, 'date');
  return d
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

/** Local wall-clock time in Shanghai: 20250618T100500 */
function shanghaiLocal(d: Date): string {
  return utcStamp(new Date(d.getTime() + SHANGHAI_OFFSET_MS)).slice(0, 15);
}

function shanghaiDate(d: Date): string {
  return shanghaiLocal(d).slice(0, 8);
}

function checkDate(d: unknown, what: string): asserts d is Date {
  if (!(d instanceof Date) || Number.isNaN(d.getTime())) throw new RangeError(`${what} is not a valid Date`);
}

function rruleText(rule: RecurrenceRule | string, allDay: boolean): string {
  if (typeof rule === 'string') {
    const r = rule.replace(/^RRULE:/i, '').trim();
    if (
      !/^[A-Z0-9=;,+-]+$/.test(r) ||
      !/(^|;)FREQ=(SECONDLY|MINUTELY|HOURLY|DAILY|WEEKLY|MONTHLY|YEARLY)(;|$)/.test(r)
    )
      throw new RangeError(`not an RRULE value: ${rule}`);
    return r;
  }
  const parts = [`FREQ=${rule.freq}`];
  if (!['DAILY', 'WEEKLY', 'MONTHLY', 'YEARLY'].includes(rule.freq))
    throw new RangeError(`bad freq ${rule.freq}`);
  if (rule.interval !== undefined) {
    if (!Number.isInteger(rule.interval) || rule.interval < 1)
      throw new RangeError('interval must be a positive integer');
    parts.push(`INTERVAL=${rule.interval}`);
  }
  if (rule.count !== undefined && rule.until !== undefined)
    throw new RangeError('give count or until, not both');
  if (rule.count !== undefined) {
    if (!Number.isInteger(rule.count) || rule.count < 1)
      throw new RangeError('count must be a positive integer');
    parts.push(`COUNT=${rule.count}`);
  }
  // RFC 5545: with a local DTSTART (TZID), UNTIL is a UTC time; with a DATE start, a DATE.
  if (rule.until !== undefined)
    parts.push(`UNTIL=${allDay ? shanghaiDate(rule.until) : utcStamp(rule.until)}`);
  if (rule.byDay !== undefined && rule.byDay.length > 0) {
    for (const d of rule.byDay) if (!WEEKDAYS.has(d)) throw new RangeError(`bad weekday ${d}`);
    parts.push(`BYDAY=${rule.byDay.join(',')}`);
  }
  if (rule.byMonthDay !== undefined && rule.byMonthDay.length > 0) {
    for (const d of rule.byMonthDay)
      if (!Number.isInteger(d) || d === 0 || d < -31 || d > 31) throw new RangeError(`bad month day ${d}`);
    parts.push(`BYMONTHDAY=${rule.byMonthDay.join(',')}`);
  }
  return parts.join(';');
}

const VTIMEZONE_SHANGHAI = [
  'BEGIN:VTIMEZONE',
  'TZID:Asia/Shanghai',
  'X-LIC-LOCATION:Asia/Shanghai',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0800',
  'TZOFFSETTO:+0800',
  'TZNAME:CST',
  'DTSTART:19700101T000000',
  'END:STANDARD',
  'END:VTIMEZONE',
];

/** A calendar with the given events and to-dos, as RFC 5545 text (CRLF line ends). */
export function toICalendar(items: readonly CalendarItem[], options: CalendarOptions): string {
  if (typeof options.prodId !== 'string' || options.prodId.trim() === '' || /[\r\n]/.test(options.prodId))
    throw new RangeError('prodId is required');
  const local = (options.timeZone ?? 'Asia/Shanghai') === 'Asia/Shanghai';
  const lines: string[] = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:${options.prodId}`,
    'CALSCALE:GREGORIAN',
  ];
  if (options.method !== undefined) lines.push(`METHOD:${options.method}`);
  if (options.calendarName !== undefined) {
    lines.push(
      `NAME:${escapeText(options.calendarName)}`,
      `X-WR-CALNAME:${escapeText(options.calendarName)}`,
    );
  }
  if (local) lines.push('X-WR-TIMEZONE:Asia/Shanghai', ...VTIMEZONE_SHANGHAI);

  const time = (name: string, d: Date, allDay: boolean): string => {
    checkDate(d, name);
    if (allDay) return `${name};VALUE=DATE:${shanghaiDate(d)}`;
    return local ? `${name};TZID=Asia/Shanghai:${shanghaiLocal(d)}` : `${name}:${utcStamp(d)}`;
  };

  const uids = new Set<string>();
  for (const item of items) {
    if (typeof item.uid !== 'string' || item.uid.trim() === '' || /[\r\n]/.test(item.uid))
      throw new RangeError('every item needs a uid');
    if (uids.has(item.uid)) throw new RangeError(`duplicate uid ${item.uid}`);
    uids.add(item.uid);
    if (typeof item.summary !== 'string' || item.summary.trim() === '')
      throw new RangeError(`${item.uid}: summary required`);
    const allDay = item.allDay === true;
    const comp = item.kind === 'todo' ? 'VTODO' : 'VEVENT';
    if (item.kind !== 'todo' && item.kind !== 'event')
      throw new RangeError(`${item.uid}: kind must be event or todo`);
    lines.push(`BEGIN:${comp}`, `UID:${item.uid}`, `DTSTAMP:${utcStamp(item.stamp)}`);
    if (item.kind === 'event' && item.start === undefined)
      throw new RangeError(`${item.uid}: an event needs a start`);
    if (item.start !== undefined) lines.push(time('DTSTART', item.start, allDay));
    if (item.kind === 'event') {
      if (item.end !== undefined && item.durationMinutes !== undefined)
        throw new RangeError(`${item.uid}: give end or durationMinutes, not both`);
      if (item.end !== undefined) {
        checkDate(item.end, 'end');
        if (item.end.getTime() < item.start!.getTime()) throw new RangeError(`${item.uid}: end before start`);
        lines.push(time('DTEND', item.end, allDay));
      }
    } else {
      if (item.end !== undefined) throw new RangeError(`${item.uid}: a todo has due, not end`);
      if (item.due !== undefined) {
        if (item.start !== undefined && item.due.getTime() < item.start.getTime())
          throw new RangeError(`${item.uid}: due before start`);
        if (item.durationMinutes !== undefined)
          throw new RangeError(`${item.uid}: give due or durationMinutes`);
        lines.push(time('DUE', item.due, allDay));
      }
    }
    if (item.durationMinutes !== undefined) {
      if (!Number.isInteger(item.durationMinutes) || item.durationMinutes < 0)
        throw new RangeError(`${item.uid}: bad duration`);
      if (item.start === undefined) throw new RangeError(`${item.uid}: a duration needs a start`);
      lines.push(`DURATION:PT${item.durationMinutes}M`);
    }
    lines.push(`SUMMARY:${escapeText(item.summary)}`);
    if (item.description !== undefined) lines.push(`DESCRIPTION:${escapeText(item.description)}`);
    if (item.location !== undefined) lines.push(`LOCATION:${escapeText(item.location)}`);
    if (item.geo !== undefined) {
      const { lat, lon } = item.geo;
      if (!(Number.isFinite(lat) && Math.abs(lat) <= 90 && Number.isFinite(lon) && Math.abs(lon) <= 180))
        throw new RangeError(`${item.uid}: bad geo`);
      lines.push(`GEO:${Number(lat.toFixed(6))};${Number(lon.toFixed(6))}`);
    }
    if (item.status !== undefined) {
      const ok = (item.kind === 'todo' ? TODO_STATUSES : EVENT_STATUSES).has(item.status);
      if (!ok) throw new RangeError(`${item.uid}: status ${item.status} not allowed in ${comp}`);
      lines.push(`STATUS:${item.status}`);
    }
    const sequence = item.sequence ?? 0;
    if (!Number.isInteger(sequence) || sequence < 0) throw new RangeError(`${item.uid}: bad sequence`);
    lines.push(`SEQUENCE:${sequence}`);
    if (item.priority !== undefined) {
      if (!Number.isInteger(item.priority) || item.priority < 0 || item.priority > 9)
        throw new RangeError(`${item.uid}: bad priority`);
      lines.push(`PRIORITY:${item.priority}`);
    }
    if (item.rrule !== undefined) {
      if (item.start === undefined) throw new RangeError(`${item.uid}: a recurrence needs a start`);
      lines.push(`RRULE:${rruleText(item.rrule, allDay)}`);
    }
    if (item.relatedTo !== undefined) lines.push(`RELATED-TO:${escapeText(item.relatedTo)}`);
    if (item.categories !== undefined && item.categories.length > 0)
      lines.push(`CATEGORIES:${item.categories.map(escapeText).join(',')}`);
    if (item.url !== undefined) {
      if (/[\s"]/.test(item.url)) throw new RangeError(`${item.uid}: bad url`);
      lines.push(`URL:${item.url}`);
    }
    if (item.kind === 'todo') {
      if (item.completed !== undefined) lines.push(`COMPLETED:${utcStamp(item.completed)}`);
      if (item.percentComplete !== undefined) {
        if (!Number.isInteger(item.percentComplete) || item.percentComplete < 0 || item.percentComplete > 100)
          throw new RangeError(`${item.uid}: bad percentComplete`);
        lines.push(`PERCENT-COMPLETE:${item.percentComplete}`);
      }
    }
    for (const alarm of item.alarms ?? []) {
      if (!Number.isInteger(alarm.minutesBefore) || alarm.minutesBefore < 0)
        throw new RangeError(`${item.uid}: bad alarm`);
      const related = item.kind === 'todo' && item.start === undefined ? ';RELATED=END' : '';
      lines.push(
        'BEGIN:VALARM',
        'ACTION:DISPLAY',
        `TRIGGER${related}:${alarm.minutesBefore === 0 ? 'PT0M' : `-PT${alarm.minutesBefore}M`}`,
        `DESCRIPTION:${escapeText(alarm.description ?? item.summary)}`,
        'END:VALARM',
      );
    }
    lines.push(`END:${comp}`);
  }
  lines.push('END:VCALENDAR');
  return `${lines.map((l) => foldLine(l)).join('\r\n')}\r\n`;
}

/** 'YYYY-MM-DD' + 'HH:MM' in Asia/Shanghai → Date. */
export function shanghaiTime(date: string, hhmm = '09:00'): Date {
  const d = new Date(`${date}T${hhmm}:00+08:00`);
  checkDate(d, 'shanghaiTime');
  return d;
}
