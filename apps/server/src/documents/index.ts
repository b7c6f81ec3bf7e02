export { type AgreementPdfOptions, renderAgreementPdf } from './agreement-pdf.ts';
export { type ConfirmationPdfOptions, renderConfirmationApplicationPdf } from './confirmation-pdf.ts';
export { agreementFollowUps, type FollowUpOptions } from './followups.ts';
export { fontPackageDir, loadCjkFonts } from './fonts.ts';
export { formatDate, formatInstant, formatYuan, maskIdNumber, yuanInWords } from './format.ts';
export { documentHash, verifyDocumentHash } from './hash.ts';
export {
  type CalendarAlarm,
  type CalendarItem,
  type CalendarOptions,
  escapeText,
  foldLine,
  ICS_CONTENT_TYPE,
  type RecurrenceRule,
  shanghaiTime,
  toICalendar,
} from './icalendar.ts';
export {
  type ReferralOptions,
  type ReferralPackage,
  type ReferralPackageJson,
  renderReferralPackage,
} from './referral.ts';
export { MAX_SIGNATURE_PIXELS, measurePngInk, validateSignatureImage } from './signature-ink.ts';
