import type { ErrorCode } from '@hewei/domain';

export type Locale = 'zh-CN' | 'en';

export function localeOf(acceptLanguage: string | undefined): Locale {
  if (!acceptLanguage) return 'zh-CN';
  const first = acceptLanguage.split(',')[0].trim().toLowerCase();
  return first.startsWith('en') ? 'en' : 'zh-CN';
}

const CODES: Record<ErrorCode, [string, string]> = {
  VALIDATION_FAILED: [
    '请求内容有误：字段 {field} 不符合要求',
    'Invalid request: field {field} is not acceptable',
  ],
  UNAUTHENTICATED: ['请先登录', 'Please sign in first'],
  FORBIDDEN: ['您没有执行此操作的权限', 'You are not allowed to do this'],
  NOT_FOUND: ['未找到该记录', 'Not found'],
  VERSION_CONFLICT: [
    '该事项已被他人更新，请刷新后重试',
    'Someone else has changed this case; reload and try again',
  ],
  CONFLICT: ['与现有数据冲突', 'Conflicts with existing data'],
  ILLEGAL_TRANSITION: [
    '事项当前状态不允许此操作（{rule}）',
    'The case’s current status does not allow this ({rule})',
  ],
  RULE_VIOLATION: ['不符合业务规则：{ruleText}', 'Breaks a rule: {ruleText}'],
  IDEMPOTENCY_KEY_REUSED: [
    '该幂等键已用于另一份不同的提交',
    'This Idempotency-Key was already used for a different submission',
  ],
  RATE_LIMITED: ['请求过于频繁，请稍后再试', 'Too many requests; try again later'],
  OVERLOADED: ['系统繁忙，请稍后重试', 'The service is busy; please try again shortly'],
  PAYLOAD_TOO_LARGE: ['请求内容过大', 'The request is too large'],
  DATA_DIR_LOCKED: ['数据目录正被另一个进程使用', 'The data directory is in use by another process'],
  INTERNAL: ['服务器内部错误，请稍后再试', 'Internal error; please try again later'],
};

const RULES: Record<string, [string, string]> = {
  NO_DEADLINE_POLICY: ['未配置该颜色与环节的办理时限', 'No deadline policy for this colour and stage'],
  NOT_A_SYSTEM_ACTION: ['系统不能执行此操作', 'The system may not take this action'],
  INVALID_DEADLINE_POLICY: ['办理时限配置有误', 'A deadline policy is invalid'],
  INVALID_ESCALATION_POLICY: ['催办督办升级配置有误：{field}', 'An escalation policy is invalid: {field}'],
  INVALID_HOLIDAY_YEAR: ['节假日安排有误：{detail}', 'The holiday arrangement is invalid: {detail}'],
  CALENDAR_RANGE: ['日期范围须在 400 天以内且起止有序', 'The date range must be ordered and under 400 days'],
  CONSULTATION_CASE_ENDED: ['事项已办结，不能再会商', 'The case has ended: no consultation'],
  CONSULTATION_NEEDS_PARTIES: [
    '会商至少需要两个参加单位或人员',
    'A consultation needs at least two participants',
  ],
  CONSULTATION_CONCLUDED: ['该会商已结束', 'This consultation has already concluded'],
  ONE_ASSIGNMENT_PER_CONSULTATION: [
    '一次会商只能形成一项交办决定',
    'A consultation makes at most one assignment decision',
  ],
  WARNING_STATE: ['预警当前状态（{state}）不允许此操作', 'The warning’s state ({state}) does not allow this'],
  NOT_A_LEADER: [
    '包案领导须为本县的领导或督查人员',
    'The leader in charge must be a leader or supervisor of this county',
  ],
  ORANGE_NEEDS_COMMITMENT: ['橙色事项须承诺办理时限', 'An orange case needs a committed deadline'],
  COMMITMENT_TOO_LONG: [
    '承诺时限不得超过 {max} 个工作日',
    'The committed deadline may not exceed {max} working days',
  ],
  GREEN_IS_SIMPLE: ['绿色事项只能是简易事项', 'A green case is simple'],
  YELLOW_ORANGE_ARE_COMPLEX: ['黄色、橙色事项属于复杂事项', 'Yellow and orange cases are complex'],
  ON_SPOT_GREEN_ONLY: ['只有绿色事项可以首问办结', 'Only green cases may be resolved on the spot'],
  LEAD_NOT_CO: ['主办单位不能同时作为协办单位', 'The lead department cannot also be a co-handler'],
  DUPLICATE_CO_HANDLER: ['协办单位重复', 'A co-handler is listed twice'],
  DUPLICATE_POOL_DEPARTMENT: ['抢单部门重复', 'A pool department is listed twice'],
  ASSIGNMENT_NOT_PENDING: ['该交办已签收或已处理', 'This assignment was already acknowledged or handled'],
  OBJECTION_WINDOW_CLOSED: ['已超过异议期（截至 {until}）', 'The objection window closed at {until}'],
  LEAD_ALREADY_ACKNOWLEDGED: ['主办单位已签收', 'The lead department has already acknowledged'],
  CALLBACK_REQUIRED: [
    '申请人留有联系方式，必须回访',
    'The applicant left a phone number: the callback is required',
  ],
  REOPEN_NEEDS_DISSATISFACTION: ['仅群众不满意时可重办', 'Only a dissatisfied resident reopens a case'],
  DISSATISFIED_MUST_REOPEN: [
    '群众不满意，须重办而不能结案',
    'The resident is dissatisfied: reopen, do not close',
  ],
  MERGE_INTO_SELF: ['不能与自身合并', 'A case cannot be merged into itself'],
  MERGE_TARGET_CLOSED: ['目标事项已办结，不能合并', 'The target case has ended and cannot take a duplicate'],
  MEDIATION_DISPUTES_ONLY: ['只有矛盾纠纷可以进入调解', 'Only disputes go to mediation'],
  ALREADY_AT_TOP: ['已是最高层级，无法再上报', 'Already at the top of the ladder'],
  UNKNOWN_DEPARTMENT: ['部门不存在：{id}', 'Unknown department: {id}'],
  UNKNOWN_REGION: ['区域不存在：{id}', 'Unknown region: {id}'],
  UNKNOWN_CATEGORY: ['事项分类不存在：{code}', 'Unknown category: {code}'],
  BAD_CREDENTIALS: ['用户名或密码错误', 'Wrong username or password'],
  BAD_OTP: ['验证码错误或已过期', 'The code is wrong or has expired'],
  APPLICANT_CONTACT_REQUIRED: [
    '匿名提交须留下申请人手机号，以便查询进度',
    'An anonymous submission needs the applicant’s phone number to follow it',
  ],
  // security: files, sign-in hardening, CSRF
  FILE_TYPE_NOT_ALLOWED: [
    '不支持该文件类型（仅限照片、录音、PDF 与 Office 文档；SVG、网页不可上传）',
    'This kind of file is not accepted (photos, recordings, PDF and Office documents only; no SVG or web pages)',
  ],
  FILE_UNREADABLE: ['文件已损坏或与其类型不符', 'The file is damaged or not what it claims to be'],
  LINK_EXPIRED: ['下载链接已过期，请重新打开', 'The download link has expired; open it again'],
  CSRF: ['请求来源不可信，已拒绝', 'The request came from another site and was refused'],
  ACCOUNT_LOCKED: [
    '登录失败次数过多，请 {seconds} 秒后再试',
    'Too many failed sign-ins; try again in {seconds} seconds',
  ],
  TOTP_REQUIRED: ['请输入身份验证器中的动态码', 'Enter the code from your authenticator app'],
  BAD_TOTP: ['动态码错误或已使用', 'The code is wrong or was already used'],
  TOTP_ENROLMENT_REQUIRED: [
    '管理员须先绑定身份验证器（双因素认证）',
    'Administrators must set up an authenticator (two-factor) first',
  ],
  TOTP_ALREADY_ENABLED: ['已绑定身份验证器', 'An authenticator is already set up'],
  // org: places, maps and grids
  POINT_OUTSIDE_COUNTY: [
    '坐标（纬度 {lat}，经度 {lon}）不在本县范围内',
    'The point (lat {lat}, lon {lon}) lies outside the county',
  ],
  COORDINATES_SWAPPED: [
    '经纬度填反了：纬度 {lat}、经度 {lon} 对调后才落在本县',
    'Latitude and longitude are swapped: lat {lat}, lon {lon} only fit the county the other way round',
  ],
  COORDINATE_OUT_OF_RANGE: [
    '坐标超出范围（纬度 {lat}，经度 {lon}）',
    'Coordinates out of range (lat {lat}, lon {lon})',
  ],
  COUNTY_HAS_NO_MAP: ['本县尚未导入网格地图', 'No grid map has been imported for this county yet'],
  GEO_IMPORT_INVALID: [
    '导入文件有 {problems} 处问题，未导入任何内容',
    'The file has {problems} problems; nothing was imported',
  ],
  UNKNOWN_GRID: ['网格不存在：{id}', 'Unknown grid: {id}'],
  UNKNOWN_PERSON: ['人员不存在：{id}', 'Unknown person: {id}'],
  GRID_WORKER_NEEDS_GRID: ['网格员须指定网格', 'A grid worker needs a grid'],
  MEDIATOR_NEEDS_VILLAGE: ['村调解员须指定村（社区）', 'A village mediator needs a village'],
  VALID_TO_BEFORE_FROM: ['结束日期早于开始日期', 'The end date is before the start date'],
  CODE_TAKEN: ['代码已被使用：{code}', 'The code is already in use: {code}'],
  // mediation
  MEDIATOR_NOT_ELIGIBLE: [
    '调解员{name}不能承办本纠纷：{reason}',
    'Mediator {name} cannot take this dispute: {reason}',
  ],
  MEDIATOR_CONFLICT_DISCLOSE: [
    '调解员{name}存在须向当事人说明的关联情形：{reason}。告知当事人并经确认后方可选择',
    'Mediator {name} has a tie to disclose to the parties: {reason}. Tell them and confirm before choosing',
  ],
  UNKNOWN_MEDIATOR: ['调解员不存在或未入驻调解超市：{id}', 'No such mediator in the marketplace: {id}'],
  DUPLICATE_MEDIATOR: ['调解员重复', 'A mediator is listed twice'],
  ORGANISATION_OUT_OF_PLACE: ['{name}不受理该地的纠纷', '{name} does not serve the place of this dispute'],
  MEDIATION_ALREADY_OPEN: ['该纠纷已有进行中的调解', 'This dispute already has a mediation under way'],
  MEDIATION_NOT_OPEN: [
    '调解当前状态（{status}）不允许此操作',
    'The mediation’s status ({status}) does not allow this',
  ],
  NOT_MEDIATOR_OF_MEDIATION: ['您不是本次调解的调解员', 'You are not a mediator of this mediation'],
  ALREADY_ANSWERED: ['已答复过该邀请', 'This invitation was already answered'],
  MEDIATOR_ALREADY_ON_CASE: ['该调解员已在本次调解中', 'This mediator is already on the mediation'],
  LADDER_TOP_REFER: [
    '已到县级联合调解，无法再上一级调解，请移送仲裁或诉讼',
    'County joint mediation is the last mediation step: refer the dispute to arbitration or a court',
  ],
  AGREEMENT_NOT_EFFECTIVE: ['尚无生效的调解协议书', 'No mediation agreement has taken effect'],
  MEDIATION_NOT_CONCLUDED: ['调解尚未结束', 'The mediation has not ended'],
  ALREADY_RATED: ['已评价', 'Already rated'],
  NOT_A_MEDIATION_ROLE: [
    '该用户不是调解员、专家或心理咨询师',
    'This user is not a mediator, expert or counsellor',
  ],
  RESPONDENT_REQUIRED: [
    '请填写对方当事人（被申请人）的姓名和手机号',
    'Name the other party (respondent) with a mobile number',
  ],
  RESPONDENT_ALREADY_NAMED: ['该纠纷已有对方当事人', 'This dispute already names the other party'],
  RESPONDENT_IS_APPLICANT: [
    '对方当事人的手机号不能与申请人相同',
    'The other party’s phone cannot be the applicant’s own',
  ],
  SESSION_IN_PAST: ['调解会时间不能早于现在', 'A session cannot be scheduled in the past'],
  UNKNOWN_POOL_MEMBER: ['专家库或心理咨询师库中没有该人员：{id}', 'No such expert or counsellor: {id}'],
  SESSION_OVER: ['该调解会已结束或已取消', 'The session has ended or was cancelled'],
  AGREEMENT_EXISTS: ['已有协议书，请修改或另立新版本', 'An agreement exists: edit it or supersede it'],
  AGREEMENT_SUPERSEDED: ['该版本已被新版本替代', 'This version has been superseded'],
  AGREEMENT_SIGNED_IMMUTABLE: [
    '协议书已有人签名，不能修改，只能另立新版本替代',
    'Someone has signed: the agreement cannot be changed, only superseded',
  ],
  AGREEMENT_INCOMPLETE: [
    '协议书缺少或填错必备内容（{field}：{code}），共 {count} 处',
    'The agreement is missing or has wrong required content ({field}: {code}), {count} in all',
  ],
  SIGN_FOR_SELF_ONLY: ['只能为本人签名', 'You may sign only for yourself'],
  SIGNATURE_IDENTITY_REQUIRED: [
    '签名人身份未核验，不能签名',
    'The signer’s identity has not been checked: the signature is refused',
  ],
  SIGNATURE_EMPTY: ['签名为空或无法识别，请重新手写签名', 'The signature is empty or unreadable: sign again'],
  ALREADY_SIGNED: ['已签过名', 'Already signed'],
  SIGNATURES_MISSING: ['尚有当事人或调解员未签名', 'A party or mediator has not signed yet'],
  SIGNATURE_NAME_MISMATCH: ['签名人姓名与当事人不一致', 'The signer’s name differs from the party’s'],
  DOCUMENT_HASH_MISMATCH: [
    '文书与时间线上封存的摘要不一致，可能已被篡改',
    'The document does not match the hash sealed on the timeline; it may have been altered',
  ],
  CONFIRMATION_WINDOW_CLOSED: [
    '已超过协议生效后 30 日的司法确认申请期限',
    'The 30 days after the agreement took effect, in which confirmation may be sought, have passed',
  ],
  CONFIRMATION_NOT_EFFECTIVE: ['调解协议尚未生效', 'The agreement has not taken effect'],
  CONFIRMATION_SUPERSEDED: ['该协议版本已被替代', 'This version of the agreement has been superseded'],
  CONFIRMATION_NOT_CONFIRMABLE: [
    '该类纠纷（身份关系、收养、婚姻）不适用司法确认',
    'Matters of identity, adoption or marriage cannot be judicially confirmed',
  ],
  CONFIRMATION_INCOMPLETE: [
    '司法确认申请材料不全（{code}）',
    'The confirmation application is incomplete ({code})',
  ],
  DECISION_DATE_IN_FUTURE: ['法院决定日期不能晚于今天', 'The court’s decision cannot be dated after today'],
  DECISION_BEFORE_APPLICATION: [
    '法院决定日期不能早于申请日期',
    'The decision cannot predate the application',
  ],
  RECORDING_NEEDS_CONSENT: ['须经全体参与人同意方可录制', 'Recording needs every participant’s consent'],
  // field work and the household risk register
  RISK_REASON_REQUIRED: ['调整风险等级须说明理由', 'A change of risk level needs a reason'],
  RISK_LEVEL_UNCHANGED: ['风险等级未改变', 'The risk level is unchanged'],
  RISK_LOWER_ONE_STEP: [
    '降级须逐级进行，下一级为 {next}',
    'Lower the level one step at a time (next: {next})',
  ],
  RISK_LOWER_NEEDS_VISIT: [
    '上次定级后尚无回访记录，不能降级',
    'No visit since the level was last set: it cannot be lowered yet',
  ],
  HOUSEHOLD_IN_VILLAGE: ['家庭须登记在村（社区）', 'A household is registered in a village or community'],
  UNKNOWN_HOUSEHOLD: ['家庭不存在或不在您的网格内', 'No such household in your grid'],
  VISIT_NEEDS_HOUSEHOLD: ['走访记录须关联一户家庭', 'A visit must name the household visited'],
  PATROL_POINT_OUTSIDE_AREA: [
    '巡查位置在您负责的区域外约 {km} 公里',
    'This patrol point lies about {km} km outside your area',
  ],
  PATROL_ENDED: ['该巡查已结束', 'This patrol has already ended'],
  PHOTO_NOT_UPLOADED: [
    '照片尚未上传完成，稍后将自动重试',
    'The photo has not finished uploading; it will be retried',
  ],
  SCREENING_ALREADY_DONE: ['该户已参加本次排查', 'This household was already screened in this campaign'],
  CONCERN_NEEDS_CADENCE: [
    '重点人员须同时填写关注原因和每周走访次数',
    'A person of concern needs both the reason and visits per week',
  ],
  SYNC_DUPLICATE: [
    '该操作已同步过，未重复记录',
    'This action was already synced; nothing was recorded twice',
  ],
  UPLOAD_OFFSET_MISMATCH: [
    '上传位置不符，服务器已收到 {received} 字节',
    'Wrong offset: the server holds {received} bytes',
  ],
  UPLOAD_TOO_LONG: ['上传内容超过声明的大小', 'More bytes than the declared size'],
  UPLOAD_HASH_MISMATCH: ['文件校验失败，请重新上传', 'The file does not match its hash; upload it again'],
  // channels: webhooks, information requests, partner referrals
  WEBHOOK_INACTIVE: ['该订阅已停用', 'This subscription is no longer active'],
  INFO_LINK_UNKNOWN: ['链接无效', 'This link is not valid'],
  INFO_LINK_USED: [
    '该链接已使用过，每个链接只能回复一次',
    'This link has already been used: it answers once',
  ],
  INFO_LINK_EXPIRED: [
    '该链接已过期，请联系承办人重新发送',
    'This link has expired; ask the handler for a new one',
  ],
  INFO_REQUEST_OPEN: [
    '已有一条补充信息请求在等待群众回复',
    'A request for information is already waiting for the resident',
  ],
  REFERRAL_STAGE: [
    '转办当前状态（{status}）不允许此操作',
    'The referral’s state ({status}) does not allow this',
  ],
  REFERRAL_OPEN: [
    '该事项已转至该单位，尚未办结',
    'The case is already with this partner and not yet settled',
  ],
  NOT_A_PETITION: ['该事项不是信访事项', 'This case is not a petition'],
  PETITION_NO_RESULT: ['尚未记录处理结果，不能出具处理意见书', 'No result recorded yet: no reply letter'],
};

export function messageFor(
  locale: Locale,
  code: ErrorCode,
  opts: { field?: string; rule?: string; params?: Record<string, string | number> },
): string {
  const i = locale === 'en' ? 1 : 0;
  const known = opts.rule ? RULES[opts.rule]?.[i] : undefined;
  const ruleText = known ? fill(known, opts.params ?? {}) : (opts.rule ?? '');
  if (known && code !== 'RULE_VIOLATION') return ruleText;
  return fill(CODES[code][i], { ...opts.params, field: opts.field ?? '', rule: opts.rule ?? '', ruleText });
}

function fill(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (_, k) => String(params[k] ?? ''));
}
