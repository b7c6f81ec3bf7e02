// Each feature keeps its own strings in `features/<name>/messages.ts`, exporting a zh-CN catalogue
// and an en catalogue with the same keys; this file merges them into the app's catalogues.
// Add one import and one spread per feature.

export const featureZh = {};

export const featureEn: Record<keyof typeof featureZh, string> = {};
