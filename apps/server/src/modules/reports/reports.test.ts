import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import { extractText, getDocumentProxy } from 'unpdf';
import { buildTestApp, type TestApp, VILLAGE_A1, VILLAGE_B1 } from '../../test/app.ts';
import { act, newCase, submit } from '../../test/flow.ts';

let t: TestApp;
let complexId: string;
let leaderId: string;
const dispute = (over = {}) =>
  newCase({ kind: 'dispute', categoryCode: '0101', description: '两户因宅基地边界争执', ...over });

before(async () => {
  t = await buildTestApp();
  complexId = (await submit(t, 'operator', dispute())).id;
  await act(t, 'dispatcher-a', complexId, 'accept');
  await act(t, 'dispatcher-a', complexId, 'triage', {
    complexity: 'complex',
    colour: 'orange',
    committedWorkingDays: 20,
  });
  const easy = (await submit(t, 'operator', dispute())).id;
  await act(t, 'dispatcher-a', easy, 'accept');
  await act(t, 'dispatcher-a', easy, 'resolveOnSpot', { note: '当场调解' });
  await submit(t, 'operator', dispute({ place: { regionId: VILLAGE_B1, address: '乙一村' } }));
  await submit(t, 'operator', newCase());
  leaderId = (await t.call({ method: 'GET', url: '/api/v1/auth/me', as: 'leader' })).json().user.id;
});
after(() => t.close());

type Row = {
  regionId: string;
  depth: number;
  screened: number;
  mediated: number;
  succeeded: number;
  successRate: number | null;
};

describe('statutory reports', () => {
  it('the screening table counts disputes screened, mediated and succeeded at every level', async () => {
    const r = await t.call({ method: 'GET', url: '/api/v1/reports/screening?of=2024-06', as: 'leader' });
    assert.equal(r.statusCode, 200, r.body);
    const rows = r.json().rows as Row[];
    const row = (id: string) => rows.find((x) => x.regionId === id)!;
    assert.deepEqual(
      [row('r-330001').screened, row('r-330001').mediated, row('r-330001').succeeded],
      [3, 2, 1],
    );
    assert.equal(row('r-330001').successRate, 0.5);
    assert.equal(row(VILLAGE_A1).screened, 2);
    assert.equal(row('r-330001102').screened, 1);
    assert.equal(row(VILLAGE_B1).depth, 2);
    const lastMonth = await t.call({ method: 'GET', url: '/api/v1/reports/screening', as: 'leader' });
    assert.equal(lastMonth.json().period, '2024-05');
    assert.equal(lastMonth.json().rows[0].screened, 0);
    const town = await t.call({
      method: 'GET',
      url: '/api/v1/reports/screening?of=2024-Q2',
      as: 'dispatcher-b',
    });
    assert.deepEqual(
      town.json().rows.map((x: Row) => [x.regionId, x.screened]),
      [
        ['r-330001102', 1],
        [VILLAGE_B1, 1],
      ],
    );
  });

  it('downloads the table as xlsx and as a PDF with Chinese text', async () => {
    const x = await t.call({
      method: 'GET',
      url: '/api/v1/reports/screening?of=2024-06&format=xlsx',
      as: 'leader',
    });
    assert.equal(x.statusCode, 200);
    assert.match(String(x.headers['content-type']), /spreadsheetml/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(x.rawPayload as never);
    const ws = wb.worksheets[0];
    assert.equal(ws.getCell('A1').value, '矛盾纠纷排查调处情况统计表');
    assert.deepEqual((ws.getRow(3).values as unknown[]).slice(1, 4), ['单位', '层级', '排查数']);
    assert.deepEqual((ws.getRow(4).values as unknown[]).slice(3, 6), [3, 2, 1]);
    const p = await t.call({
      method: 'GET',
      url: '/api/v1/reports/screening?of=2024-06&format=pdf',
      as: 'leader',
    });
    assert.equal(p.rawPayload.subarray(0, 4).toString(), '%PDF');
    const { text } = await extractText(await getDocumentProxy(new Uint8Array(p.rawPayload)), {
      mergePages: true,
    });
    assert.match(text, /排查数/);
    assert.match(text, /甲一村/);
  });

  it('the ledger lists complex disputes with the leader in charge', async () => {
    const bad = await t.call({
      method: 'POST',
      url: `/api/v1/cases/${complexId}/leader-in-charge`,
      payload: {
        leaderUserId: (await t.call({ method: 'GET', url: '/api/v1/auth/me', as: 'gw-a1' })).json().user.id,
      },
      as: 'dispatcher-a',
    });
    assert.equal(bad.statusCode, 422);
    const ok = await t.call({
      method: 'POST',
      url: `/api/v1/cases/${complexId}/leader-in-charge`,
      payload: { leaderUserId: leaderId },
      as: 'dispatcher-a',
    });
    assert.equal(ok.statusCode, 200, ok.body);
    const r = await t.call({ method: 'GET', url: '/api/v1/reports/ledger?of=2024-06', as: 'leader' });
    const rows = r.json().rows;
    assert.equal(rows.length, 1);
    assert.equal(rows[0].caseId, complexId);
    assert.equal(rows[0].leaderInCharge, '领导');
    assert.equal(rows[0].parties, '张*');
    const x = await t.call({
      method: 'GET',
      url: '/api/v1/reports/ledger?of=2024-06&format=xlsx',
      as: 'leader',
    });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(x.rawPayload as never);
    assert.equal(wb.worksheets[0].getRow(4).getCell(9).value, '领导');
    assert.equal(
      (await t.call({ method: 'GET', url: '/api/v1/reports/ledger', as: 'handler-lead' })).statusCode,
      403,
    );
  });
});
