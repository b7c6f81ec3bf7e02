import { coreEn } from './en.ts';
import { featureEn, featureZh } from './features.ts';
import { coreZh, type Messages } from './zh-CN.ts';

/**
 * The whole catalogues, for checks (apps/web/test/i18n.test.ts). The app itself loads them in
 * parts (lib/i18n/index.tsx): zh-CN core at once, English when chosen, feature strings with the
 * pages that use them, so the resident portal does not download the staff screens' strings.
 */
export const zhCN: Messages = { ...coreZh, ...featureZh };
export const en: Messages = { ...coreEn, ...featureEn };
