import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createWeekendCalendar } from '../time/calendar.ts';
import { acceptDeadline, PETITION_DAYS } from './deadlines.ts';
import { actors, caseIn, ctx, NOW } from './fixtures.test-support.ts';
import { applyTransition } from './lifecycle.ts';

const DAY = 86_400_000;
const days = (iso: string | null) => (Date.parse(iso!) - NOW.getTime()) / DAY;

describe('petitions (信访) run on their statutory limits', () => {
  it('15 calendar days to decide on acceptance; other kinds keep 8 working hours', () => {
    const cal = createWeekendCalendar();
    assert.equal(acceptDeadline(false, 'petition', NOW, cal).getTime() - NOW.getTime(), 15 * DAY);
    assert.equal(
      acceptDeadline(false, 'complaint', NOW, cal).toISOString(),
      cal.addWorkingHours(NOW, 8).toISOString(),
    );
    assert.equal(acceptDeadline(true, 'petition', NOW, cal).getTime() - NOW.getTime(), 30 * 60_000);
  });

  it('60 days to settle instead of the yellow default; a stricter colour keeps its own limit', () => {
    const triage = (colour: string, extra = {}) =>
      applyTransition(
        caseIn('accepted', { kind: 'petition' }),
        'triage',
        { complexity: colour === 'green' ? 'simple' : 'complex', colour, ...extra },
        actors.dispatcher,
        ctx(),
      ).state.resolveBy;
    assert.equal(days(triage('yellow')), PETITION_DAYS.resolve);
    assert.equal(days(triage('red')), 1);
    assert.ok(days(triage('green'))! < 2);
    // an orange commitment of 60 working days would run past the statutory 60 calendar days
    assert.equal(days(triage('orange', { committedWorkingDays: 60 })), 60);
    assert.ok(days(triage('orange', { committedWorkingDays: 5 }))! < 10);
    const complaint = applyTransition(
      caseIn('accepted'),
      'triage',
      { complexity: 'complex', colour: 'yellow' },
      actors.dispatcher,
      ctx(),
    ).state.resolveBy;
    assert.equal(complaint, createWeekendCalendar().addWorkingDays(NOW, 10).toISOString());
  });

  it('an extension adds at most 30 calendar days', () => {
    const resolveBy = new Date(NOW.getTime() + 60 * DAY).toISOString();
    const granted = (kind: 'petition' | 'complaint') =>
      applyTransition(
        caseIn('extension_requested', {
          kind,
          resolveBy,
          extensionRequest: { workingDays: 60, reason: '需要调查取证', requestedAt: NOW.toISOString() },
        } as never),
        'grantExtension',
        {},
        actors.dispatcher,
        ctx(),
      ).state.resolveBy;
    assert.equal((Date.parse(granted('petition')!) - Date.parse(resolveBy)) / DAY, 30);
    assert.ok((Date.parse(granted('complaint')!) - Date.parse(resolveBy)) / DAY > 80);
  });
});
