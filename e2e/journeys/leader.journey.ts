// Issue #10 "Done when": the leader opens the overview on the demo county and clicks from the county down
// through a town and a village to one grid's overdue cases; sees this week's hot topics and a warning with
// its evidence; downloads last month's statutory table; and a new case that repeats an open one is offered
// for merging with the reasons shown. zh-CN and en; screenshots checked by eye.
// The case page shows a dispatcher the possible duplicates (GET /cases/:id/duplicates) with score and reasons,
// merges in one click, and the dispatch form offers the routing suggestion (建议主办/协办).
// Gap: the intake desk does not call POST /duplicates/check yet.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { ApiSession } from '../lib/api.ts';
import { launch, newContext, shot, signIn, type UiLocale } from '../lib/browser.ts';

const BASE = process.env.E2E_BASE_URL ?? 'http://127.0.0.1:3000';
const API = process.env.E2E_API_URL ?? BASE;

interface Child {
  kind: 'region' | 'grid';
  id: string;
  name: string;
  level: string;
  overdue: number;
}
interface Figures {
  node: { kind: string; id: string; name: string; level: string };
  due: { overdue: number };
  children: Child[];
}

let browser: Browser;
const leader = new ApiSession(API);
const operator = new ApiSession(API);
before(async () => {
  browser = await launch();
  await leader.signIn('leader');
  await operator.signIn('operator');
  await leader.call('POST', '/warnings/scan', {});
});
after(async () => {
  await browser?.close();
});

/** county → town → village → grid, always through a child with overdue work. */
async function overduePath(): Promise<Child[]> {
  const walk = async (query: string, depth: number): Promise<Child[] | null> => {
    const f = await leader.call<Figures>('GET', `/overview${query}`);
    for (const c of [...f.children].filter((x) => x.overdue > 0).sort((a, b) => b.overdue - a.overdue)) {
      if (c.kind === 'grid') return depth === 2 ? [c] : null;
      const rest = await walk(`?regionId=${c.id}`, depth + 1);
      if (rest) return [c, ...rest];
    }
    return null;
  };
  const path = await walk('', 0);
  assert.ok(path, 'some grid of the demo county has overdue cases under a town and a village');
  return path;
}

/** The node's children as a list (the card may re-render with the map while the node's figures load). */
async function showList(page: Page) {
  const card = page.locator('.overview-regions-card');
  const rows = card.locator('.overview-regions .ant-table-row');
  await page.waitForLoadState('networkidle');
  for (let i = 0; i < 20 && !(await rows.first().isVisible()); i++) {
    const views = card.locator('.ant-segmented').nth(1);
    if (await views.count()) await views.locator('.ant-segmented-item').last().click();
    await page.waitForTimeout(500);
  }
  await rows.first().waitFor();
}

for (const locale of ['zh-CN', 'en'] as UiLocale[]) {
  test(`the leader drills to a grid's overdue cases, reads topics and warnings, downloads a table (${locale})`, async () => {
    const path = await overduePath();
    const context = await newContext(browser, BASE, { locale });
    const page = await context.newPage();
    await page.setViewportSize({ width: 1920, height: 1080 });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await signIn(page, 'leader');
    await page.goto('/overview');
    await page.locator('[data-kpi="overdue"]').waitFor();

    // county → town → village → grid, by the list of the node's children
    for (const [i, step] of path.entries()) {
      await showList(page);
      await page.locator(`.overview-regions tr[data-row-key="${step.id}"] a`).click();
      const param = step.kind === 'grid' ? 'gridId' : 'regionId';
      await page.waitForURL((url) => url.searchParams.get(param) === step.id);
      if (locale === 'zh-CN') await page.locator('.overview-path').getByText(step.name).waitFor();
      assert.equal(
        (await page.locator('.overview-path li, .overview-path .ant-breadcrumb-item').count()) > i,
        true,
      );
    }
    await page.locator('.overview-page canvas').first().waitFor();
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(800);
    await page.screenshot({ path: await shot(page, `${locale}-leader-grid`), fullPage: false });

    // the grid's overdue figure opens its overdue cases
    const grid = await leader.call<Figures>('GET', `/overview?gridId=${path.at(-1)!.id}`);
    assert.ok(grid.due.overdue > 0, 'the grid has overdue cases');
    await page.locator('[data-kpi="overdue"]').click();
    const drawer = page.locator('.ant-drawer');
    await drawer.locator('.ant-table-row').first().waitFor();
    assert.equal(await drawer.locator('.ant-table-row').count(), Math.min(grid.due.overdue, 50));
    await page.screenshot({ path: await shot(page, `${locale}-leader-grid-overdue`), fullPage: false });
    await page.keyboard.press('Escape');

    // this week's hot topics with their sample cases, and a warning with its evidence
    await page.goto('/analysis?tab=hotTopics&days=7');
    const topic = page.locator('.topics-table .ant-table-row').first();
    await topic.waitFor();
    await topic.locator('.ant-table-row-expand-icon').click();
    await page.locator('.topics-table .ant-table-expanded-row').first().waitFor();
    await page.waitForLoadState('networkidle');
    await page.screenshot({ path: await shot(page, `${locale}-leader-topics`), fullPage: false });
    await page.goto('/analysis?tab=warnings');
    const warning = page.locator('.warnings-table .ant-table-row').first();
    await warning.waitFor();
    await warning.locator('.ant-table-row-expand-icon').click();
    const evidence = page.locator('.warnings-table .ant-table-expanded-row').first();
    await evidence.locator('li a').first().waitFor();
    await page.screenshot({ path: await shot(page, `${locale}-leader-warning-evidence`), fullPage: false });

    // last month's statutory table arrives as a spreadsheet
    await page.goto('/reports?tab=screening');
    await page.locator('.report-table .ant-table-row').first().waitFor();
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('button:has(.anticon-file-excel)').click(),
    ]);
    const now = new Date();
    const last = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 15));
    const month = last.toISOString().slice(0, 7);
    assert.equal(file.suggestedFilename(), `screening-${month}.xlsx`);
    const bytes = await file.createReadStream().then(async (s) => {
      const parts: Buffer[] = [];
      for await (const p of s) parts.push(p as Buffer);
      return Buffer.concat(parts);
    });
    assert.ok(bytes.length > 1000, 'the spreadsheet arrived');
    assert.equal(bytes.subarray(0, 2).toString(), 'PK', 'an xlsx (zip) file');

    assert.deepEqual(errors, [], 'no script errors');
    assert.deepEqual(context.offsite, [], 'no request left the machine');
    await context.close();
  });
}

test('a new case repeating an open one is offered for merging, with the reasons, and merged from the case page', async () => {
  const body = {
    kind: 'complaint',
    channel: 'hotline',
    categoryCode: '0605',
    description: '锦绣花园3幢电梯本月已停运3次，有一次困人20分钟，物业不管',
    place: { address: '锦绣花园3幢', regionId: (await leader.call<Figures>('GET', '/overview')).node.id },
    parties: [{ role: 'applicant', name: '王五', phone: '13812349876' }],
  };
  const first = await operator.call<{ id: string; trackingCode: string }>('POST', '/cases', body);
  const again = await operator.call<{ id: string }>('POST', '/cases', {
    ...body,
    channel: 'app',
    description: '锦绣花园3幢的电梯又停了，困人，物业一直不管',
  });
  const { items } = await operator.call<{
    items: { case: { id: string }; score: number; reasons: { code: string; text: string }[] }[];
  }>('GET', `/cases/${again.id}/duplicates`);
  const hit = items.find((x) => x.case.id === first.id);
  assert.ok(hit, `the open case ${first.trackingCode} is suggested`);
  assert.ok(hit.score > 0);
  assert.ok(hit.reasons.length >= 2, `reasons given: ${JSON.stringify(hit.reasons)}`);
  assert.ok(hit.reasons.every((r) => r.text.length > 0));

  // the dispatcher sees the suggestion on the case page, in both languages, and merges it there
  const dispatcher = new ApiSession(API);
  await dispatcher.signIn('dispatcher');
  const firstCase = await dispatcher.call<{ version: number }>('GET', `/cases/${first.id}`);
  const accepted = await dispatcher.call<{ version: number }>('POST', `/cases/${first.id}/actions/accept`, {
    version: firstCase.version,
  });
  await dispatcher.call('POST', `/cases/${first.id}/actions/triage`, {
    version: accepted.version,
    complexity: 'simple',
    colour: 'green',
  });
  for (const locale of ['zh-CN', 'en'] as UiLocale[]) {
    const context = await newContext(browser, BASE, { locale });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await signIn(page, 'dispatcher');
    await page.goto(`/cases/${again.id}`);
    const item = page.locator(`[data-testid="duplicate-item"][data-tracking-code="${first.trackingCode}"]`);
    await item.waitFor();
    assert.ok((await item.locator('.ant-tag').count()) >= 3, 'score and reasons shown');
    await page.screenshot({ path: await shot(page, `${locale}-dispatcher-duplicates`), fullPage: false });

    // the dispatch form on the open case offers the routing suggestion and fills the lead from it
    await page.goto(`/cases/${first.id}`);
    await page.locator('[data-action="dispatch"]').click();
    const panel = page.locator('.ant-modal [data-testid="routing-suggestion"]');
    await panel.waitFor();
    const use = panel.locator('[data-testid="routing-use"]');
    if (await use.count()) {
      await use.click();
      await page.locator('.ant-modal .ant-select-selection-item').first().waitFor();
    }
    await page.screenshot({ path: await shot(page, `${locale}-dispatcher-routing`), fullPage: false });
    await page.keyboard.press('Escape');

    if (locale === 'en') {
      await page.goto(`/cases/${again.id}`);
      await item.locator('[data-testid="duplicate-merge"]').click();
      await page.locator('.ant-popconfirm .ant-btn-primary').click();
      await page.locator('[data-testid="case-panel"][data-status="merged"]').waitFor();
    }
    assert.deepEqual(errors, [], 'no script errors');
    await context.close();
  }
});
