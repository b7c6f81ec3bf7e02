import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { grids, regions } from '../../db/schema/index.ts';
import { dept, type TestApp, VILLAGE_A1 } from '../../test/app.ts';
import { act, submit } from '../../test/flow.ts';

const square = (x0: number, y0: number, x1: number, y1: number) => ({
  type: 'Polygon' as const,
  coordinates: [
    [
      [x0, y0],
      [x1, y0],
      [x1, y1],
      [x0, y1],
      [x0, y0],
    ],
  ],
});

/** Village A1 drawn as a 3 × 2 km block of six micro grids, as a grid import would leave it. */
export async function mapVillageA1(t: TestApp) {
  await t.deps.db
    .update(regions)
    .set({ geometry: square(120, 30, 120.03, 30.02) })
    .where(eq(regions.id, VILLAGE_A1));
  for (let s = 1; s <= 3; s++)
    for (let m = 1; m <= 2; m++) {
      const x = 120 + (s - 1) * 0.01;
      const y = 30 + (m - 1) * 0.01;
      await t.deps.db
        .update(grids)
        .set({ geometry: square(x, y, x + 0.01, y + 0.01) })
        .where(eq(grids.id, `g-330001101201-${s}-${m}`));
    }
  await t.deps.org.refresh();
}

/** A case in village A1 taken to `resolved`, waiting for the grid worker's verification. */
export async function resolvedCase(t: TestApp) {
  const { id } = await submit(t, 'operator');
  await act(t, 'dispatcher-a', id, 'accept');
  await act(t, 'dispatcher-a', id, 'triage', { complexity: 'complex', colour: 'yellow' });
  await act(t, 'dispatcher-a', id, 'dispatch', { leadDepartmentId: dept('zhujian') });
  await act(t, 'handler-lead', id, 'acknowledge');
  return act(t, 'handler-lead', id, 'reportResult', { result: '已修复路灯' });
}

export const photo = (n: number) => {
  const bytes = Buffer.alloc(n);
  for (let i = 0; i < n; i++) bytes[i] = (i * 31 + 7) & 255;
  return { bytes, sha256: createHash('sha256').update(bytes).digest('hex') };
};

/** Uploads a photo in chunks, as the app does. */
export async function upload(t: TestApp, as: string, p: { bytes: Buffer; sha256: string }, chunk = 40_000) {
  await t.call({
    method: 'POST',
    url: '/api/v1/field/uploads',
    as,
    payload: { sha256: p.sha256, size: p.bytes.length, mime: 'image/jpeg' },
  });
  for (let o = 0; o < p.bytes.length; o += chunk)
    await t.call({
      method: 'PATCH',
      url: `/api/v1/field/uploads/${p.sha256}`,
      as,
      headers: { 'content-type': 'application/offset+octet-stream', 'upload-offset': String(o) },
      payload: p.bytes.subarray(o, o + chunk),
    });
}
