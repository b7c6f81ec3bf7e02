import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import ICAL from 'ical.js';
import { agreementFollowUps } from './followups.ts';
import {
  type CalendarItem,
  escapeText,
  foldLine,
  shanghaiTime,
  stripControls,
  toICalendar,
} from './icalendar.ts';
import { signedSampleAgreement } from './testing.ts';

const stamp = new Date('2025-06-18T02:30:00Z');

function items(): CalendarItem[] {
  return [
    {
      kind: 'event',
      uid: 'visit-case-42-1@hewei.example',
      stamp,
      start: shanghaiTime('2025-07-01', '09:30'),
      end: shanghaiTime('2025-07-01', '10:30'),
      summary: '回访：张桂兰、李建国调解协议履行情况（第一期赔偿款5,000元）',
      description: '核实李建国是否已于6月30日前支付第一期赔偿款；\n查看排水沟修复进度。\\备注：带上协议副本',
      location: '云南省曲靖市马龙区青石镇柳湾村三组12号, 张桂兰家',
      geo: { lat: 25.4281, lon: 103.5786 },
      status: 'CONFIRMED',
      sequence: 2,
      categories: ['回访', '调解'],
      relatedTo: 'case-42',
      alarms: [{ minutesBefore: 60 }],
    },
    {
      kind: 'event',
      uid: 'patrol-grid-7@hewei.example',
      stamp,
      start: shanghaiTime('2025-07-07', '08:00'),
      durationMinutes: 90,
      summary: '每周走访重点户',
      rrule: { freq: 'WEEKLY', byDay: ['MO'], count: 4 },
      status: 'TENTATIVE',
    },
    {
      kind: 'todo',
      uid: 'followup-agr-1-t2-0@hewei.example',
      stamp,
      start: shanghaiTime('2025-07-16', '09:00'),
      due: shanghaiTime('2025-07-18', '18:00'),
      summary: '核查排水沟修复',
      status: 'NEEDS-ACTION',
      percentComplete: 0,
      priority: 5,
    },
  ];
}

function physicalLines(ics: string): string[] {
  return ics.split('\r\n').slice(0, -1);
}

describe('toICalendar', () => {
  it('writes CRLF lines of at most 75 octets, folded on UTF-8 boundaries', () => {
    const ics = toICalendar(items(), {
      prodId: '-//Hewei//Mediation follow-ups//ZH',
      calendarName: '王明德的回访日程',
    });
    assert.ok(ics.endsWith('\r\n'));
    assert.ok(!/[^\r]\n/.test(ics), 'no bare LF');
    assert.ok(!/\r[^\n]/.test(ics), 'no bare CR');
    const lines = physicalLines(ics);
    for (const line of lines) {
      const bytes = Buffer.from(line, 'utf8');
      assert.ok(bytes.length <= 75, `${bytes.length} octets: ${line}`);
      assert.equal(bytes.toString('utf8'), line, 'no split character');
      assert.ok(!line.includes('\uFFFD'));
    }
    assert.ok(
      lines.some((l) => l.startsWith(' ')),
      'long Chinese lines were folded',
    );
    assert.equal(lines[0], 'BEGIN:VCALENDAR');
    assert.ok(lines.includes('VERSION:2.0'));
    assert.ok(lines.includes('PRODID:-//Hewei//Mediation follow-ups//ZH'));
    assert.ok(lines.includes('TZID:Asia/Shanghai'));
    assert.ok(lines.includes('DTSTART;TZID=Asia/Shanghai:20250701T093000'));
    assert.ok(lines.includes('DTSTAMP:20250618T023000Z'));
    assert.ok(lines.includes('GEO:25.4281;103.5786'));
    assert.ok(lines.includes('RRULE:FREQ=WEEKLY;COUNT=4;BYDAY=MO'));
  });

  it('parses back with ical.js: text, times in Shanghai, recurrence, to-dos', () => {
    const ics = toICalendar(items(), { prodId: '-//Hewei//Test//ZH', calendarName: '回访, 日程; 测试' });
    const cal = new ICAL.Component(ICAL.parse(ics));
    assert.equal(cal.getFirstPropertyValue('version'), '2.0');
    // ical.js does not know NAME (RFC 7986) or X-WR-CALNAME, so it hands back the raw TEXT.
    const unText = (v: string) =>
      v.replace(/\\([\\;,nN])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
    assert.equal(unText(String(cal.getFirstPropertyValue('x-wr-calname'))), '回访, 日程; 测试');
    assert.equal(unText(String(cal.getFirstPropertyValue('name'))), '回访, 日程; 测试');
    const tz = cal.getFirstSubcomponent('vtimezone')!;
    ICAL.TimezoneService.register(tz);

    const [visit, patrol] = cal.getAllSubcomponents('vevent').map((c) => new ICAL.Event(c));
    const original = items()[0];
    assert.equal(visit.uid, original.uid);
    assert.equal(visit.summary, original.summary);
    assert.equal(visit.description, original.description);
    assert.equal(visit.location, original.location);
    assert.equal(visit.startDate.toJSDate().toISOString(), '2025-07-01T01:30:00.000Z');
    assert.equal(visit.endDate.toJSDate().toISOString(), '2025-07-01T02:30:00.000Z');
    assert.equal(visit.sequence, 2);
    assert.deepEqual(visit.component.getFirstPropertyValue('geo'), [25.4281, 103.5786]);
    assert.equal(visit.component.getFirstPropertyValue('status'), 'CONFIRMED');
    assert.deepEqual(visit.component.getFirstProperty('categories')!.getValues(), ['回访', '调解']);
    const alarm = visit.component.getFirstSubcomponent('valarm')!;
    assert.equal((alarm.getFirstPropertyValue('trigger') as ICAL.Duration).toSeconds(), -3600);

    assert.ok(patrol.isRecurring());
    const occurrences = patrol.iterator();
    const dates: string[] = [];
    for (let next = occurrences.next(); next; next = occurrences.next())
      dates.push(next.toJSDate().toISOString());
    assert.deepEqual(dates, [
      '2025-07-07T00:00:00.000Z',
      '2025-07-14T00:00:00.000Z',
      '2025-07-21T00:00:00.000Z',
      '2025-07-28T00:00:00.000Z',
    ]);
    assert.equal(patrol.duration.toSeconds(), 90 * 60);

    const todo = cal.getFirstSubcomponent('vtodo')!;
    assert.equal(todo.getFirstPropertyValue('summary'), '核查排水沟修复');
    const due = todo.getFirstPropertyValue('due') as ICAL.Time;
    assert.equal(due.toJSDate().toISOString(), '2025-07-18T10:00:00.000Z');
    assert.equal(todo.getFirstPropertyValue('status'), 'NEEDS-ACTION');
    assert.equal(todo.getFirstPropertyValue('percent-complete'), 0);
  });

  it('can write UTC times without a VTIMEZONE, all-day items, and an iTIP method', () => {
    const ics = toICalendar(
      [
        { ...items()[0], alarms: undefined },
        {
          kind: 'event',
          uid: 'd@x',
          stamp,
          start: shanghaiTime('2025-10-01', '00:30'),
          allDay: true,
          summary: '国庆值班',
        },
      ],
      { prodId: '-//x//y//EN', timeZone: 'UTC', method: 'REQUEST' },
    );
    assert.ok(!ics.includes('VTIMEZONE'));
    assert.ok(ics.includes('\r\nMETHOD:REQUEST\r\n'));
    assert.ok(ics.includes('\r\nDTSTART:20250701T013000Z\r\n'));
    assert.ok(ics.includes('\r\nDTSTART;VALUE=DATE:20251001\r\n'));
    const cal = new ICAL.Component(ICAL.parse(ics));
    const allDay = new ICAL.Event(cal.getAllSubcomponents('vevent')[1]);
    assert.ok(allDay.startDate.isDate);
  });

  it('refuses what would make an invalid calendar', () => {
    const base = items()[0];
    assert.throws(() => toICalendar([base], { prodId: '' }), /prodId/);
    assert.throws(() => toICalendar([base, base], { prodId: 'p' }), /duplicate uid/);
    assert.throws(
      () => toICalendar([{ ...base, status: 'COMPLETED' }], { prodId: 'p' }),
      /not allowed in VEVENT/,
    );
    assert.throws(() => toICalendar([{ ...base, start: undefined }], { prodId: 'p' }), /needs a start/);
    assert.throws(() => toICalendar([{ ...base, geo: { lat: 91, lon: 0 } }], { prodId: 'p' }), /bad geo/);
    assert.throws(
      () => toICalendar([{ ...base, end: new Date('2025-06-01T00:00:00Z') }], { prodId: 'p' }),
      /end before start/,
    );
    assert.throws(() => toICalendar([{ ...base, uid: 'a\r\nb' }], { prodId: 'p' }), /uid/);
    assert.throws(() => toICalendar([{ ...base, rrule: 'FREQ=WEEKLY\r\nX:1' }], { prodId: 'p' }), /RRULE/);
  });

  it('escapes TEXT and folds any text so it round-trips (property)', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', maxLength: 200 }),
        fc.string({ unit: 'binary', maxLength: 120 }),
        (a, b) => {
          const summary = `回访${a}`;
          const description = b;
          const ics = toICalendar([{ kind: 'todo', uid: 'u@x', stamp, summary, description }], {
            prodId: 'p',
          });
          for (const line of physicalLines(ics)) if (Buffer.byteLength(line, 'utf8') > 75) return false;
          const todo = new ICAL.Component(ICAL.parse(ics)).getFirstSubcomponent('vtodo')!;
          // Control characters are dropped and line ends normalised to \n, as TEXT allows.
          const clean = (s: string) => stripControls(s.replace(/\r\n?/g, '\n'));
          return (
            todo.getFirstPropertyValue('summary') === clean(summary) &&
            todo.getFirstPropertyValue('description') === clean(description)
          );
        },
      ),
      { numRuns: 300 },
    );
  });

  it('escapes and folds by the rules', () => {
    assert.equal(escapeText('a\\b;c,d\r\ne\nf'), 'a\\\\b\\;c\\,d\\ne\\nf');
    const line = `SUMMARY:${'调'.repeat(40)}`;
    const folded = foldLine(line).split('\r\n');
    assert.equal(Buffer.byteLength(folded[0]), 74, '8 + 22×3 = 74: a 23rd character would pass 75');
    assert.ok(folded.slice(1).every((l) => l.startsWith(' ') && Buffer.byteLength(l) <= 75));
    assert.equal(folded.map((l, i) => (i === 0 ? l : l.slice(1))).join(''), line);
    assert.equal(foldLine('短'), '短');
  });
});

describe('agreementFollowUps', () => {
  it('schedules a follow-up the day after each due date, with stable UIDs', () => {
    const agreement = signedSampleAgreement();
    const todos = agreementFollowUps(agreement, { uidDomain: 'hewei.example', stamp });
    assert.deepEqual(
      todos.map((t) => t.uid),
      [
        'followup-agr-1-t1-1@hewei.example',
        'followup-agr-1-t2-0@hewei.example',
        'followup-agr-1-t1-2@hewei.example',
        'followup-agr-1-t3-0@hewei.example',
      ],
    );
    assert.equal(todos[0].start?.toISOString(), '2025-07-01T01:00:00.000Z');
    const ics = toICalendar(todos, { prodId: '-//Hewei//Follow-ups//ZH', calendarName: '调解协议履行回访' });
    const cal = new ICAL.Component(ICAL.parse(ics));
    const parsed = cal.getAllSubcomponents('vtodo');
    assert.equal(parsed.length, 4);
    assert.ok(String(parsed[0].getFirstPropertyValue('description')).includes('履行义务人：李建国'));
    assert.equal(parsed[0].getFirstPropertyValue('sequence'), 0);
    // A second version keeps the UIDs and raises SEQUENCE.
    const v2 = agreementFollowUps({ ...agreement, version: 2 }, { uidDomain: 'hewei.example', stamp });
    assert.deepEqual(
      v2.map((t) => t.uid),
      todos.map((t) => t.uid),
    );
    assert.equal(v2[0].sequence, 1);
  });
});
