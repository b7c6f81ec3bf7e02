import { it } from 'node:test';
import { buildTestApp } from '/work/main/apps/server/src/test/app.ts';
it('probe', async () => {
  const t = await buildTestApp();
  for (const [ct, payload] of [[undefined, 'service_code=0204'], ['text/plain', 'x'], ['application/json', '{"service_code":"0204"}'], ['application/json', '{bad'], ['application/xml', '<a/>'], ['multipart/form-data', 'zz'], ['multipart/form-data; boundary=abc', '--abc\r\nbad']] as const) {
    const headers: Record<string,string> = {}; if (ct) headers['content-type'] = ct;
    const r = await t.call({ method: 'POST', url: '/open311/v2/requests.json', payload, headers });
    console.log(ct, r.statusCode, r.body.slice(0, 200));
  }
  const r = await t.call({ method: 'POST', url: '/open311/v2/requests.json' });
  console.log('nobody', r.statusCode, r.body.slice(0,200));
  await t.close();
});
