export * from './calendar.ts';
export * from './deadlines.ts';
export * from './holiday-table.ts';
export * from './holidays-cn.ts';
