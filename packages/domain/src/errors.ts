export type ErrorCode =
  | 'VALIDATION_FAILED'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'VERSION_CONFLICT'
  | 'CONFLICT'
  | 'ILLEGAL_TRANSITION'
  | 'RULE_VIOLATION'
  | 'IDEMPOTENCY_KEY_REUSED'
  | 'RATE_LIMITED'
  | 'OVERLOADED'
  | 'PAYLOAD_TOO_LARGE'
  | 'DATA_DIR_LOCKED'
  | 'INTERNAL';

const STATUS: Record<ErrorCode, number> = {
  VALIDATION_FAILED: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  VERSION_CONFLICT: 409,
  CONFLICT: 409,
  ILLEGAL_TRANSITION: 422,
  RULE_VIOLATION: 422,
  IDEMPOTENCY_KEY_REUSED: 422,
  RATE_LIMITED: 429,
  OVERLOADED: 503,
  PAYLOAD_TOO_LARGE: 413,
  DATA_DIR_LOCKED: 500,
  INTERNAL: 500,
};

/** The one coded error of Hewei. `rule` names the broken rule (for 422), `field` the bad input. */
export class HeweiError extends Error {
  readonly code: ErrorCode;
  readonly field?: string;
  readonly rule?: string;
  readonly params: Record<string, string | number>;
  constructor(
    code: ErrorCode,
    opts: { field?: string; rule?: string; params?: Record<string, string | number>; detail?: string } = {},
  ) {
    super(opts.detail ?? opts.rule ?? code);
    this.code = code;
    this.field = opts.field;
    this.rule = opts.rule;
    this.params = opts.params ?? {};
  }
  get status(): number {
    return STATUS[this.code];
  }
}

export const ruleViolation = (rule: string, params?: Record<string, string | number>) =>
  new HeweiError('RULE_VIOLATION', { rule, params });
