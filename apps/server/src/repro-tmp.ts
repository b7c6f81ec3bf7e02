import { buildTestApp } from './test/app.ts';
const t = await buildTestApp();
const cookie = await t.login('admin');
for (const url of ['/open311/v2/%24valueOfZ%20?code=A%3Fg0%7D%3C%3Fb%23', '/open311/v2/valueOf', '/open311/v2/constructor', '/open311/v2/x.constructor'])
for (const [type, payload] of [['application/json', 'true'], [undefined, undefined], ['text/plain','true'],['application/x-www-form-urlencoded','true'],['application/xml','true']] as const) {
  const r = await t.app.inject({ method: 'POST', url, payload, headers: { cookie, ...(type ? { 'content-type': type } : {}) } });
  if (r.statusCode >= 500) console.log(url, type, payload, r.statusCode, r.body.slice(0, 100));
}
await t.close();
