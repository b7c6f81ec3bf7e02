// Deadline computations per second, in process, over random inputs from a fixed seed.
// Run: ./node_modules/.bin/node bench/calendar.bench.ts   → bench/results/calendar.json
// Goal (issue): >= 100,000 computeDeadline calls per second.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type {
  DeadlineColour,
  DeadlinePolicy,
  DeadlineRequest,
  DeadlineStage,
} from '../packages/domain/src/time/index.ts';
import {
  computeDeadline,
  createWorkingCalendar,
  defaultDeadlinePolicies,
} from '../packages/domain/src/time/index.ts';

const SEED = 20241001;
const INPUTS = 100_000;
const RUN_MS = 1_000;
const RUNS = 3;

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const rand = mulberry32(SEED);
const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)];

// ~120 categories and 40 regions, with overrides the way an administrator would add them.
const categories = Array.from({ length: 120 }, (_, i) => `cat-${i}`);
const regions = Array.from({ length: 40 }, (_, i) => `region-${i}`);
const policies: DeadlinePolicy[] = [...defaultDeadlinePolicies];
for (const categoryCode of categories.slice(0, 60)) {
  policies.push({
    colour: 'yellow',
    stage: 'resolve',
    categoryCode,
    amount: 1 + Math.floor(rand() * 15),
    unit: 'working_days',
  });
}
for (const regionId of regions.slice(0, 20)) {
  policies.push({
    colour: 'green',
    stage: 'resolve',
    regionId,
    amount: 4 + Math.floor(rand() * 8),
    unit: 'working_hours',
  });
}
for (let i = 0; i < 20; i++) {
  policies.push({
    colour: 'yellow',
    stage: 'resolve',
    categoryCode: pick(categories),
    regionId: pick(regions),
    amount: 1 + Math.floor(rand() * 10),
    unit: 'working_days',
  });
}

const colours: DeadlineColour[] = ['red', 'orange', 'yellow', 'green'];
const laterStages: DeadlineStage[] = ['resolve', 'verify', 'callback', 'objection'];
const start = Date.UTC(2020, 0, 1);
const span = Date.UTC(2027, 0, 1) - start;
const requests: DeadlineRequest[] = Array.from({ length: INPUTS }, () => {
  const colour = pick(colours);
  const stage: DeadlineStage = colour === 'red' && rand() < 0.2 ? 'accept' : pick(laterStages);
  return {
    colour,
    stage,
    categoryCode: pick(categories),
    regionId: pick(regions),
    from: new Date(start + Math.floor((rand() * span) / 60_000) * 60_000),
    committedWorkingDays: 1 + Math.floor(rand() * 60),
  };
});

const calendar = createWorkingCalendar();

function measure(op: (i: number) => number): number {
  let sink = 0;
  for (let i = 0; i < INPUTS; i++) sink += op(i); // warm-up pass
  const rates: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    let ops = 0;
    const t0 = performance.now();
    let elapsed = 0;
    while (elapsed < RUN_MS) {
      for (let i = 0; i < INPUTS; i++) sink += op(i);
      ops += INPUTS;
      elapsed = performance.now() - t0;
    }
    rates.push((ops / elapsed) * 1000);
  }
  if (sink === 42) console.log('unlikely'); // keep the work observable
  rates.sort((a, b) => a - b);
  return Math.round(rates[Math.floor(RUNS / 2)]);
}

const deadlineOps = measure((i) => computeDeadline(requests[i], policies, calendar).getTime());
const hoursOps = measure((i) => calendar.addWorkingHours(requests[i].from, (i % 200) / 4).getTime());
const daysOps = measure((i) => calendar.addWorkingDays(requests[i].from, i % 61).getTime());
const betweenOps = measure((i) =>
  calendar.workingMsBetween(requests[i].from, requests[(i + 1) % INPUTS].from),
);

const result = {
  name: 'calendar.computeDeadline',
  opsPerSec: deadlineOps,
  node: process.version,
  date: new Date().toISOString(),
  goal: 100_000,
  seed: SEED,
  inputs: INPUTS,
  policies: policies.length,
  method: `median of ${RUNS} runs of >= ${RUN_MS} ms each after one warm-up pass`,
  details: {
    addWorkingHoursOpsPerSec: hoursOps,
    addWorkingDaysOpsPerSec: daysOps,
    workingMsBetweenOpsPerSec: betweenOps,
  },
};

const out = join(dirname(fileURLToPath(import.meta.url)), 'results', 'calendar.json');
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
console.log(JSON.stringify(result, null, 2));
