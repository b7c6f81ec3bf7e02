export { DEMO_PASSWORD } from '../../apps/server/src/demo/seed.ts';

/** The demo spec's handler account of a department id `d-<county>-<key>`. */
export const DEPARTMENT_HANDLER = (deptId: string) => {
  const key = deptId.split('-').slice(2).join('-');
  return key === 'zhujian' ? 'handler' : `handler-${key}`;
};
