// Each feature keeps its own strings in `features/<name>/messages.ts`, exporting a zh-CN catalogue
// and an en catalogue with the same keys; this file merges them into the app's catalogues.
// Add one import and one spread per feature.
import { adminEn, adminZh } from '../../features/admin/messages.ts';
import { analysisEn, analysisZh } from '../../features/analysis/messages.ts';
import { channelsEn, channelsZh } from '../../features/channels/messages.ts';
import { deadlinesAdminEn, deadlinesAdminZh } from '../../features/deadlines-admin/messages.ts';
import { fieldEn, fieldZh } from '../../features/field/messages.ts';
import { fieldSupervisionEn, fieldSupervisionZh } from '../../features/field-supervision/messages.ts';
import { mediationEn, mediationZh } from '../../features/mediation/messages.ts';
import { overviewEn, overviewZh } from '../../features/overview/messages.ts';
import { reportsEn, reportsZh } from '../../features/reports/messages.ts';
import { superviseEn, superviseZh } from '../../features/supervise/messages.ts';

export const featureZh = {
  ...adminZh,
  ...channelsZh,
  ...deadlinesAdminZh,
  ...superviseZh,
  ...analysisZh,
  ...overviewZh,
  ...reportsZh,
  ...fieldZh,
  ...fieldSupervisionZh,
  ...mediationZh,
};

export const featureEn: Record<keyof typeof featureZh, string> = {
  ...adminEn,
  ...channelsEn,
  ...deadlinesAdminEn,
  ...superviseEn,
  ...analysisEn,
  ...overviewEn,
  ...reportsEn,
  ...fieldEn,
  ...fieldSupervisionEn,
  ...mediationEn,
};
