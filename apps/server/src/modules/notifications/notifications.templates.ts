import type { Locale } from '../../http/messages.ts';

export interface TemplateParams {
  code: string;
  department?: string;
}

/**
 * What a resident is told at each step, by SMS, in zh-CN and en. The keys are outbox topics (the
 * case event types); a provider that needs pre-registered templates maps the same keys.
 */
export const RESIDENT_TEMPLATES: Record<string, Record<Locale, (p: TemplateParams) => string>> = {
  'case.accepted': {
    'zh-CN': (p) => `【和为贵】您的诉求（编号${p.code}）已受理，我们将尽快办理。回复TD退订`,
    en: (p) =>
      `[Hewei] Your request ${p.code} has been accepted and will be handled soon. Reply TD to opt out`,
  },
  'case.dispatched': {
    'zh-CN': (p) => `【和为贵】您的诉求（编号${p.code}）已交${p.department ?? '承办单位'}办理。回复TD退订`,
    en: (p) =>
      `[Hewei] Your request ${p.code} was sent to ${p.department ?? 'the responsible department'}. Reply TD to opt out`,
  },
  'case.rejected': {
    'zh-CN': (p) => `【和为贵】您的诉求（编号${p.code}）未予受理，原因可凭编号查询。回复TD退订`,
    en: (p) =>
      `[Hewei] Your request ${p.code} was not accepted; look it up with its code for the reason. Reply TD to opt out`,
  },
  'case.result_reported': {
    'zh-CN': (p) => `【和为贵】您的诉求（编号${p.code}）已办理完毕，稍后将向您回访。回复TD退订`,
    en: (p) =>
      `[Hewei] Your request ${p.code} has been dealt with; we will call you back. Reply TD to opt out`,
  },
  'case.resolved_on_spot': {
    'zh-CN': (p) => `【和为贵】您的诉求（编号${p.code}）已当场办结，稍后将向您回访。回复TD退订`,
    en: (p) =>
      `[Hewei] Your request ${p.code} was settled on the spot; we will call you back. Reply TD to opt out`,
  },
  'case.mediation_started': {
    'zh-CN': (p) => `【和为贵】您的纠纷（编号${p.code}）已进入调解，调解员将与您约定时间。回复TD退订`,
    en: (p) =>
      `[Hewei] Your dispute ${p.code} has gone to mediation; a mediator will arrange a time with you. Reply TD to opt out`,
  },
  'case.closed': {
    'zh-CN': (p) => `【和为贵】您的诉求（编号${p.code}）已办结，感谢您的支持。回复TD退订`,
    en: (p) => `[Hewei] Your request ${p.code} is closed. Thank you. Reply TD to opt out`,
  },
};

export function residentText(topic: string, locale: Locale, p: TemplateParams): string | null {
  return RESIDENT_TEMPLATES[topic]?.[locale](p) ?? null;
}

/**
 * The text that carries an information request's link (sent at once, not from the outbox: the
 * link's token is never stored, only its hash).
 */
export function infoRequestText(locale: Locale, p: { code: string; link: string; hours: number }): string {
  return locale === 'en'
    ? `[Hewei] We need more information about your request ${p.code}. Please answer within ${p.hours} hours: ${p.link}`
    : `【和为贵】您的诉求（编号${p.code}）需要补充信息，请在${p.hours}小时内打开链接回复：${p.link}`;
}
