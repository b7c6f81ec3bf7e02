import {
  type Actor,
  applyTransition,
  type CaseAction,
  type CaseEvent,
  type CaseKind,
  type CaseState,
  type Channel,
  type Colour,
  HeweiError,
  openCase,
  type WorkingCalendar,
} from '@hewei/domain';
import { trackingCode, uuidv7 } from '../lib/ids.ts';
import { demoPlacer } from '../modules/org/org.seed.ts';
import { CATEGORY_GROUPS } from './categories.ts';
import { departmentId, type OrgSpec, regionId } from './org.ts';
import { type Rng, rngBytes } from './rng.ts';
import { DEMO_RESIDENT_PHONE } from './spec.ts';
import { describe, personName, TEXT_CATEGORIES } from './texts.ts';
import { fireTimer, syncTimers, type TimedCase } from './timers.ts';

const HOUR = 3600_000;
const DAY = 24 * HOUR;

export interface SimulatedCase extends TimedCase {
  state: CaseState;
  events: CaseEvent[];
  parties: { role: string; name: string; phone: string | null }[];
}

interface Live extends SimulatedCase {
  town: OrgSpec['towns'][number];
  village: OrgSpec['towns'][number]['villages'][number];
  handled: number;
  extended: boolean;
  verifyFailed: boolean;
}

/**
 * A county's last months, lived step by step: cases arrive, and each step is taken through the
 * lifecycle's own rules by the person whose job it is, in time order, until the anchor.
 */
export function simulateCounty(
  spec: OrgSpec,
  opts: { rng: Rng; calendar: WorkingCalendar; anchor: Date; days: number; perDay: number },
) {
  const { rng, calendar, anchor } = opts;
  const county = regionId(spec.county.code);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rng() * xs.length)];
  const chance = (p: number) => rng() < p;
  const between = (lo: number, hi: number) => lo + rng() * (hi - lo);
  const bytes = rngBytes(rng);
  const idAt = (at: number) => () => uuidv7(at, bytes);
  const placeIn = demoPlacer(spec);

  const actor = (
    username: string,
    role: Actor['role'],
    region: string | null,
    dept: string | null = null,
  ): Actor => ({
    userId: `u-${username}`,
    role,
    regionId: region ? regionId(region) : null,
    departmentId: dept ? departmentId(spec.county.code, dept) : null,
  });
  const operator = actor('operator', 'operator', spec.county.code);
  const countyDispatcher = actor('dispatcher', 'dispatcher', spec.county.code);
  const resident = { ...actor('resident', 'resident', null) };
  const t0 = spec.towns[0];
  const dispatcherFor = (c: Live) =>
    c.state.ownerRegionId === county
      ? countyDispatcher
      : actor(`dispatcher-${c.town.code}`, 'dispatcher', c.town.code);
  const gridWorkerFor = (c: Live) =>
    c.village.code === t0.villages[0].code
      ? actor('gridworker', 'grid_worker', c.village.code)
      : actor(`gw-${c.village.code}`, 'grid_worker', c.village.code);
  const mediatorFor = (c: Live) =>
    c.town.code === t0.code
      ? actor('mediator', 'mediator', t0.code)
      : actor(`mediator-${c.town.code}`, 'mediator', c.town.code);
  const handlerOf = (deptId: string) => {
    const key = deptId.slice(`d-${spec.county.code}-`.length);
    return actor(key === 'zhujian' ? 'handler' : `handler-${key}`, 'handler', null, key);
  };
  const leadFor = (categoryCode: string) => {
    const g = categoryCode.slice(0, 2);
    const d =
      spec.departments.find((x) => x.groups.includes(g)) ??
      spec.departments.find((x) => x.key === 'minzheng')!;
    return departmentId(spec.county.code, d.key);
  };
  const otherDept = (not: string) => {
    const ds = spec.departments.map((d) => departmentId(spec.county.code, d.key)).filter((d) => d !== not);
    return pick(ds);
  };

  type Step = { action: CaseAction; by: Actor; payload: object; delay: number };
  type Timer = Live['timers'][number];
  const queue: { at: number; c: Live; step: Step | null; timer?: Timer }[] = [];
  const schedule = (from: number, c: Live) => {
    const step = plan(c);
    if (!step) return;
    const due = from + Math.max(60_000, step.delay || between(0.2, 3) * HOUR);
    // Staff act in working time: what comes in at night waits for the morning.
    const at =
      step.by.role === 'resident'
        ? due
        : calendar.nextWorkingInstant(new Date(due)).getTime() + between(0, 1.5) * HOUR;
    push(at, c, step);
  };
  const push = (at: number, c: Live, step: Step | null, timer?: Timer) => {
    queue.push({ at, c, step, timer });
    let i = queue.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (queue[p].at <= queue[i].at) break;
      [queue[p], queue[i]] = [queue[i], queue[p]];
      i = p;
    }
  };
  const pop = () => {
    const top = queue[0];
    const last = queue.pop()!;
    if (queue.length) {
      queue[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < queue.length && queue[l].at < queue[m].at) m = l;
        if (r < queue.length && queue[r].at < queue[m].at) m = r;
        if (m === i) break;
        [queue[m], queue[i]] = [queue[i], queue[m]];
        i = m;
      }
    }
    return top;
  };

  const all: Live[] = [];
  // the deadlines hook after every write: new timers are queued and fire when due, as the job fires them
  const scheduleTimers = (c: Live, before: CaseState | null, event: CaseEvent) => {
    for (const t of syncTimers(c, before, event, calendar)) push(t.fireAt.getTime(), c, null, t);
  };
  const start = anchor.getTime() - opts.days * DAY;
  function arrive(at: number) {
    const town = pick(spec.towns);
    const village = pick(town.villages);
    const point = placeIn(village.code);
    const categoryCode = pick(TEXT_CATEGORIES);
    const group = CATEGORY_GROUPS.find((g) => g.code === categoryCode.slice(0, 2))!;
    const hazardFound = ['0603', '0801', '0805', '0307'].includes(categoryCode) && chance(0.6);
    const kind: CaseKind = hazardFound ? 'hazard' : (group.kinds[0] as CaseKind);
    const channel: Channel = hazardFound
      ? 'grid_report'
      : kind === 'petition'
        ? pick(['walk_in', 'letter'] as const)
        : pick(['hotline', 'hotline', 'hotline', 'app', 'web', 'walk_in', 'online_forum'] as const);
    const byDemoResident = !hazardFound && (channel === 'app' || channel === 'web') && chance(0.04);
    const phone = byDemoResident
      ? DEMO_RESIDENT_PHONE
      : `1${pick(['3', '5', '7', '8', '9'])}${String(Math.floor(rng() * 1e9)).padStart(9, '0')}`;
    const parties: SimulatedCase['parties'] = hazardFound
      ? []
      : [{ role: 'applicant', name: byDemoResident ? '张先生' : personName(rng), phone }];
    if (kind === 'dispute') parties.push({ role: 'respondent', name: personName(rng), phone: null });
    const submitter = hazardFound
      ? gridWorkerFor({ village } as Live)
      : byDemoResident
        ? resident
        : channel === 'app' || channel === 'web'
          ? { ...resident, userId: 'anonymous' }
          : operator;
    const { state, event } = openCase(
      {
        id: idAt(at)(),
        countyId: county,
        trackingCode: trackingCode(new Date(at), bytes),
        kind,
        channel,
        categoryCode,
        description: describe(categoryCode, rng, { village: village.name, town: town.name }),
        urgent: !hazardFound && chance(0.03),
        address: `${town.name}${village.name}`,
        lat: point?.lat ?? null,
        lon: point?.lon ?? null,
        regionPath: [county, regionId(town.code), regionId(village.code)],
        gridId: point?.gridId ?? null,
        ownerRegionId: regionId(village.code),
        applicantUserId: byDemoResident ? resident.userId : null,
        hasContactPhone: !hazardFound,
      },
      submitter,
      { now: new Date(at), calendar, newId: idAt(at) },
    );
    const c: Live = {
      state,
      events: [event],
      timers: [],
      supervisions: [],
      parties,
      town,
      village,
      handled: 0,
      extended: false,
      verifyFailed: false,
    };
    all.push(c);
    scheduleTimers(c, null, event);
    // The first step is decided when it is taken, so it sees the county as it is then.
    push(calendar.nextWorkingInstant(new Date(at + between(0.2, 6) * HOUR)).getTime(), c, null);
  }

  const colourFor = (c: Live): Colour => {
    if (c.state.colour) return c.state.colour;
    const r = rng();
    if (c.state.kind === 'consultation' || c.state.kind === 'suggestion') return r < 0.6 ? 'green' : 'yellow';
    return r < 0.3 ? 'green' : r < 0.82 ? 'yellow' : r < 0.93 ? 'orange' : 'red';
  };

  // The last days before the anchor show the rarer branches too, so the demo has every status.
  const recent = (c: Live) => anchor.getTime() - Date.parse(c.state.createdAt) < 4 * DAY;

  function plan(c: Live): Step | null {
    const s = c.state;
    const disp = dispatcherFor(c);
    const lead = s.assignments.find(
      (a) =>
        a.role === 'lead' &&
        (a.status === 'pending' || a.status === 'acknowledged' || a.status === 'objected'),
    );
    const coPending = s.assignments.find((a) => a.role === 'co' && a.status === 'pending');
    const speed = s.colour === 'red' ? 0.15 : s.colour === 'green' ? 0.4 : s.colour === 'orange' ? 3 : 1;
    switch (s.status) {
      case 'submitted':
        if (chance(0.03))
          return {
            action: 'reject',
            by: disp,
            payload: { reason: '不属于本平台受理范围，已告知群众向相关渠道反映' },
            delay: 0,
          };
        if (s.applicantUserId && chance(0.02))
          return { action: 'withdraw', by: resident, payload: { reason: '已与对方自行协商解决' }, delay: 0 };
        if (chance(0.02))
          return { action: 'withdraw', by: disp, payload: { reason: '群众来电撤回诉求' }, delay: 0 };
        {
          const target = all.find(
            (o) =>
              o !== c &&
              o.town === c.town &&
              o.state.categoryCode === s.categoryCode &&
              ['accepted', 'triaged', 'dispatched', 'in_progress'].includes(o.state.status) &&
              Date.parse(s.createdAt) - Date.parse(o.state.createdAt) < 7 * DAY,
          );
          if (target && chance(0.15))
            return {
              action: 'merge',
              by: disp,
              payload: { targetCaseId: target.state.id, reason: '同一事项重复反映' },
              delay: 0,
            };
        }
        return { action: 'accept', by: disp, payload: {}, delay: 0 };
      case 'accepted':
        if (s.ownerRegionId === regionId(c.village.code) && chance(0.03))
          return {
            action: 'escalate',
            by: disp,
            payload: { reason: '涉及多个村，村级无法协调，上报镇街' },
            delay: between(1, 8) * HOUR,
          };
        if (s.kind === 'dispute' && chance(0.45))
          return {
            action: 'startMediation',
            by: disp,
            payload: { note: '当事人同意调解' },
            delay: between(0.5, 4) * HOUR,
          };
        {
          const colour = colourFor(c);
          return {
            action: 'triage',
            by: disp,
            payload: {
              colour,
              complexity: colour === 'green' ? 'simple' : 'complex',
              committedWorkingDays: colour === 'orange' ? Math.floor(between(20, 45)) : undefined,
            },
            delay: between(1, 12) * HOUR,
          };
        }
      case 'triaged':
        if (s.colour === 'green' && chance(0.5))
          return {
            action: 'resolveOnSpot',
            by: gridWorkerFor(c),
            payload: { note: '网格员到场协调，当场解决' },
            delay: between(1, 6) * HOUR,
          };
        if (chance(recent(c) ? 0.25 : 0.08)) {
          const a = leadFor(s.categoryCode);
          return {
            action: 'publishToPool',
            by: disp,
            payload: { departmentIds: [a, otherDept(a)] },
            delay: between(0.5, 3) * HOUR,
          };
        }
        {
          const a = leadFor(s.categoryCode);
          const co = chance(0.25) ? [otherDept(a)] : [];
          return {
            action: 'dispatch',
            by: disp,
            payload: { leadDepartmentId: a, coDepartmentIds: co, note: '请按时限办理并反馈' },
            delay: between(1, 10) * HOUR,
          };
        }
      case 'in_pool':
        return {
          action: 'claim',
          by: handlerOf(s.poolDepartmentIds[0]),
          payload: {},
          delay: between(3, 30) * HOUR,
        };
      case 'dispatched':
        if (!lead) return null;
        if (c.handled === 0 && chance(recent(c) ? 0.35 : 0.06))
          return {
            action: 'object',
            by: handlerOf(lead.departmentId),
            payload: { reason: '该事项不属于本单位职责范围' },
            delay: between(0.5, 3) * HOUR,
          };
        return {
          action: 'acknowledge',
          by: handlerOf(lead.departmentId),
          payload: {},
          delay: between(2, 16) * HOUR,
        };
      case 'objected': {
        if (!lead) return null;
        return chance(0.5)
          ? {
              action: 'redispatch',
              by: disp,
              payload: { leadDepartmentId: otherDept(lead.departmentId), reason: '异议成立，改派' },
              delay: between(8, 40) * HOUR,
            }
          : {
              action: 'overrule',
              by: disp,
              payload: { reason: '经核实属于该单位职责，维持原派单' },
              delay: between(8, 40) * HOUR,
            };
      }
      case 'in_progress':
        if (coPending)
          return {
            action: 'acknowledge',
            by: handlerOf(coPending.departmentId),
            payload: {},
            delay: between(0.5, 4) * HOUR,
          };
        if (!lead) return null;
        if (!c.extended && s.colour !== 'red' && chance(0.05)) {
          c.extended = true;
          return {
            action: 'requestExtension',
            by: handlerOf(lead.departmentId),
            payload: { workingDays: 5, reason: '需等待第三方检测结果' },
            delay: between(1, 3) * DAY * speed,
          };
        }
        if (c.handled < 1 + Math.floor(rng() * 2)) {
          c.handled++;
          return {
            action: 'handle',
            by: handlerOf(lead.departmentId),
            payload: {
              note: pick([
                '已电话联系当事人了解情况',
                '已到现场查看',
                '已约谈相关责任方',
                '已组织双方见面沟通',
              ]),
            },
            delay: between(2, 30) * HOUR * speed,
          };
        }
        return {
          action: 'reportResult',
          by: handlerOf(lead.departmentId),
          payload: {
            result: pick([
              '问题已整改到位',
              '已督促责任方完成维修',
              '经协调双方达成一致',
              '已依法查处并责令整改',
              '已答复并解释相关政策',
            ]),
          },
          delay: between(0.5, 4) * DAY * speed,
        };
      case 'extension_requested':
        return chance(0.7)
          ? {
              action: 'grantExtension',
              by: disp,
              payload: { reason: '理由充分，同意延期' },
              delay: between(6, 40) * HOUR,
            }
          : {
              action: 'refuseExtension',
              by: disp,
              payload: { reason: '时限内可以办结，不予延期' },
              delay: between(6, 40) * HOUR,
            };
      case 'resolved':
        if (!c.verifyFailed && chance(0.06)) {
          c.verifyFailed = true;
          return {
            action: 'verify',
            by: gridWorkerFor(c),
            payload: { passed: false, note: '现场核查发现问题未整改到位' },
            delay: between(3, 30) * HOUR,
          };
        }
        return {
          action: 'verify',
          by: gridWorkerFor(c),
          payload: { passed: true, note: '现场核查，情况属实，已解决' },
          delay: between(3, 30) * HOUR,
        };
      case 'verified':
        if (!s.hasContactPhone)
          return {
            action: 'skipCallback',
            by: operator,
            payload: { reason: '网格巡查发现的隐患，无申请人' },
            delay: between(1, 12) * HOUR,
          };
        {
          const r = rng();
          const satisfaction =
            s.reopenCount === 0 && r < 0.07 ? 'dissatisfied' : r < 0.2 ? 'partly' : 'satisfied';
          return {
            action: 'callback',
            by: operator,
            payload: { satisfaction, note: '电话回访' },
            delay: between(2, 48) * HOUR,
          };
        }
      case 'called_back':
        if (s.satisfaction === 'dissatisfied')
          return {
            action: 'reopen',
            by: disp,
            payload: { reason: '群众对办理结果不满意，重新交办' },
            delay: between(1, 8) * HOUR,
          };
        return { action: 'close', by: disp, payload: { note: '办结归档' }, delay: between(1, 24) * HOUR };
      case 'in_mediation': {
        const r = rng();
        const outcome = r < 0.75 ? 'agreement' : r < 0.9 ? 'failed' : 'referred';
        const note = {
          agreement: '经调解双方达成协议',
          failed: '调解未能达成一致',
          referred: '引导当事人向法院起诉',
        }[outcome];
        return {
          action: 'recordMediationOutcome',
          by: mediatorFor(c),
          payload: { outcome, note },
          delay: between(1, 10) * DAY,
        };
      }
      case 'closed':
        if (s.applicantUserId === resident.userId && c.events.at(-1)?.type === 'case.closed')
          return {
            action: 'rate',
            by: resident,
            payload: { satisfaction: 'satisfied', comment: '处理及时，非常满意' },
            delay: between(2, 48) * HOUR,
          };
        return null;
      default:
        return null;
    }
  }

  // Arrivals: weekdays busier than weekends, a summer rise, office hours busiest.
  for (let d = 0; d < opts.days; d++) {
    const day = start + d * DAY;
    const dow = new Date(day + 8 * HOUR).getUTCDay();
    const season = 1 + 0.25 * Math.sin(((d + 60) / 365) * 2 * Math.PI);
    const count = Math.round(
      opts.perDay * season * (dow === 0 || dow === 6 ? 0.55 : 1.15) * between(0.7, 1.3),
    );
    for (let k = 0; k < count; k++) {
      const at = day + between(7.5, 21) * HOUR + (k % 3) * 60_000;
      arrive(at);
    }
  }

  const end = anchor.getTime();
  while (queue.length) {
    const { at, c, step: planned, timer } = pop();
    if (at >= end) continue;
    if (timer) {
      const fired = fireTimer(c, timer, { calendar, newId: idAt(at) });
      if (fired) scheduleTimers(c, fired.before, fired.event);
      continue;
    }
    let step = planned ?? plan(c);
    if (!step) continue;
    const before = c.state;
    const take = (s: Step) =>
      applyTransition(c.state, s.action, s.payload, s.by, { now: new Date(at), calendar, newId: idAt(at) });
    let r: ReturnType<typeof applyTransition>;
    try {
      r = take(step);
    } catch (e) {
      // a timer escalated the case since this step was planned: whoever acts now decides again
      if (!planned || !(e instanceof HeweiError)) throw e;
      step = plan(c);
      if (!step) continue;
      r = take(step);
    }
    c.state = r.state;
    c.events.push(r.event);
    scheduleTimers(c, before, r.event);
    if (step.action === 'merge') {
      const target = all.find((o) => o.state.id === (step.payload as { targetCaseId: string }).targetCaseId)!;
      const d = applyTransition(target.state, 'attachDuplicate', { duplicateCaseId: c.state.id }, step.by, {
        now: new Date(at),
        calendar,
        newId: idAt(at),
      });
      const targetBefore = target.state;
      target.state = d.state;
      target.events.push(d.event);
      scheduleTimers(target, targetBefore, d.event);
    }
    schedule(at, c);
  }
  return all.map(({ state, events, parties, timers, supervisions }) => ({
    state,
    events,
    parties,
    timers,
    supervisions,
  }));
}
