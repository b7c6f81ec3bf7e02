import assert from 'node:assert/strict';
import type { TestApp } from './app.ts';
import { VILLAGE_A1 } from './app.ts';

export const HOUR = 3600_000;

export const newCase = (over: Record<string, unknown> = {}) => ({
  kind: 'complaint',
  channel: 'hotline',
  categoryCode: '0605',
  description: '锦绣花园3幢电梯本月已停运3次，有一次困人20分钟',
  place: { address: '甲一村锦绣花园3幢', regionId: VILLAGE_A1 },
  parties: [{ role: 'applicant', name: '张三', phone: '13812345678' }],
  ...over,
});

export async function submit(
  t: TestApp,
  as: string | undefined,
  body = newCase(),
  headers: Record<string, string> = {},
) {
  const r = await t.call({ method: 'POST', url: '/api/v1/cases', payload: body, as, headers });
  assert.equal(r.statusCode, 201, r.body);
  return r.json() as { id: string; version: number; trackingCode: string; status: string };
}

export async function get(t: TestApp, as: string, id: string) {
  return t.call({ method: 'GET', url: `/api/v1/cases/${id}`, as });
}

/** Takes one step as the given user, reading the current version first as a client would. */
export async function act(
  t: TestApp,
  as: string,
  id: string,
  action: string,
  payload: object = {},
  expect = 200,
) {
  const current = await get(t, 'dispatcher', id);
  const version = current.json().version;
  const r = await t.call({
    method: 'POST',
    url: `/api/v1/cases/${id}/actions/${action}`,
    payload: { version, ...payload },
    as,
  });
  assert.equal(r.statusCode, expect, `${as} ${action}: ${r.body}`);
  return r.json();
}
