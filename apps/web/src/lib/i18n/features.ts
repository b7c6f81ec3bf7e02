// Each feature keeps its own strings in `features/<name>/messages.ts`, exporting a zh-CN catalogue
// and an en catalogue with the same keys; this file merges them into the app's catalogues.
// Add one import and one spread per feature.
import { analysisEn, analysisZh } from '../../features/analysis/messages.ts';
import { fieldEn, fieldZh } from '../../features/field/messages.ts';
import { mediationEn, mediationZh } from '../../features/mediation/messages.ts';
import { overviewEn, overviewZh } from '../../features/overview/messages.ts';
import { reportsEn, reportsZh } from '../../features/reports/messages.ts';

export const featureZh = {
  ...analysisZh,
  ...overviewZh,
  ...reportsZh,
  ...fieldZh,
  ...mediationZh,
};

export const featureEn: Record<keyof typeof featureZh, string> = {
  ...analysisEn,
  ...overviewEn,
  ...reportsEn,
  ...fieldEn,
  ...mediationEn,
};
