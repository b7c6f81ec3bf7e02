// The referral package for a court or an arbitration commission when mediation fails: a PDF for
// people and a JSON object for machines, both from the same Referral.
import {
  type AgreementParty,
  MEDIATION_STEP_LABELS,
  type Referral,
  validateReferral,
} from '@hewei/domain/mediation/index.ts';
import { formatDate, formatInstant, maskIdNumber } from './format.ts';
import { documentHash } from './hash.ts';
import { buildPdf, type Cell } from './pdf.ts';

export interface ReferralPackage {
  pdf: Buffer;
  json: ReferralPackageJson;
}

export interface ReferralPackageJson {
  format: 'hewei.referral-package';
  formatVersion: 1;
  referral: Referral;
  /** SHA-256 hex and size of the PDF that goes with this JSON. */
  pdf: { sha256: string; bytes: number; mediaType: 'application/pdf' };
}

export interface ReferralOptions {
  /** Mask ID numbers in the PDF (the JSON keeps the data as given). Default false. */
  maskIdNumbers?: boolean;
}

function partyCells(p: AgreementParty, i: number, mask: boolean): Cell[] {
  const basics =
    p.kind === 'organisation'
      ? `法定代表人：${p.legalRepresentative}`
      : `${p.gender === 'male' ? '男' : '女'}，${p.age}岁，${p.ethnicity}，${p.occupation}`;
  const id = p.kind === 'organisation' ? (p.creditCode ?? '') : mask ? maskIdNumber(p.idNumber) : p.idNumber;
  return [
    { text: String(i + 1), width: 0.08, align: 'center' },
    { text: p.name, width: 0.14 },
    { text: basics, width: 0.22 },
    { text: p.address, width: 0.28 },
    { text: [id, p.phone].filter(Boolean).join('\n'), width: 0.28 },
  ];
}

/** Builds the PDF and the JSON of a referral. Throws on an incomplete referral. */
export async function renderReferralPackage(
  referral: Referral,
  options: ReferralOptions = {},
): Promise<ReferralPackage> {
  const issues = validateReferral(referral);
  if (issues.length > 0)
    throw new Error(`incomplete referral: ${issues.map((i) => `${i.field} ${i.code}`).join(', ')}`);
  const mask = options.maskIdNumbers === true;
  const target = referral.to === 'court' ? '诉讼' : '仲裁';
  const title = `纠纷移送函（${target}）`;
  const s = referral.caseSummary;
  const nameOf = (id: string | undefined) =>
    id === undefined ? '调解组织调取' : (referral.parties.find((p) => p.id === id)?.name ?? id);

  const pdf = await buildPdf(
    {
      title,
      subject: s.title,
      author: referral.organisation.name,
      keywords: `referral:${referral.id} case:${referral.caseId} to:${referral.to}`,
      createdAt: new Date(`${referral.preparedOn}T00:00:00+08:00`),
      footer: `${title} · ${referral.caseCode ?? referral.caseId}`,
    },
    (w) => {
      w.title(title);
      if (referral.caseCode) w.right(`案件编号：${referral.caseCode}`);
      w.space(4);
      w.paragraph(`${referral.receivingBody}：`, { indent: false, bold: true });
      w.paragraph(
        `${referral.parties.map((p) => p.name).join('与')}${s.title}一案，经${referral.organisation.name}调解，未能达成调解协议。` +
          `根据当事人意愿，现将本案有关材料移送${referral.to === 'court' ? '贵院' : '贵委'}，请依法处理。`,
      );

      w.heading('一、案件概要');
      w.grid([
        [
          { text: '案由', width: 0.18, label: true },
          { text: s.title, width: 0.82 },
        ],
        [
          { text: '纠纷类型', width: 0.18, label: true },
          { text: s.category, width: 0.32 },
          { text: '受理时间', width: 0.18, label: true },
          { text: formatInstant(s.receivedAt), width: 0.32 },
        ],
        [
          { text: '发生地点', width: 0.18, label: true },
          { text: s.place ?? '', width: 0.82 },
        ],
        [
          { text: '已经调解阶段', width: 0.18, label: true },
          { text: s.stepsTaken.map((x) => MEDIATION_STEP_LABELS[x].zh).join(' → '), width: 0.82 },
        ],
        [
          { text: '调解不成原因', width: 0.18, label: true },
          { text: s.failureReason, width: 0.82 },
        ],
      ]);
      w.paragraph(s.description);
      if (s.claims) w.paragraph(`当事人主张：${s.claims}`);

      w.heading('二、当事人');
      w.grid(
        [
          [
            { text: '序号', width: 0.08, label: true },
            { text: '姓名/名称', width: 0.14, label: true },
            { text: '基本情况', width: 0.22, label: true },
            { text: '住所', width: 0.28, label: true },
            { text: '证件号码 / 电话', width: 0.28, label: true },
          ],
          ...referral.parties.map((p, i) => partyCells(p, i, mask)),
        ],
        { header: true },
      );

      w.heading('三、证据清单');
      if (referral.evidence.length === 0) w.paragraph('无。');
      else
        w.grid(
          [
            [
              { text: '序号', width: 0.07, label: true },
              { text: '证据名称', width: 0.21, label: true },
              { text: '类型', width: 0.1, label: true },
              { text: '提交人', width: 0.12, label: true },
              { text: '接收时间', width: 0.15, label: true },
              { text: '证明目的', width: 0.18, label: true },
              { text: '页数 / 摘要', width: 0.17, label: true },
            ],
            ...referral.evidence.map((e, i): Cell[] => [
              { text: String(i + 1), width: 0.07, align: 'center' },
              { text: e.title, width: 0.21 },
              { text: e.kind, width: 0.1 },
              { text: nameOf(e.submittedByPartyId), width: 0.12 },
              { text: formatInstant(e.receivedAt), width: 0.15 },
              { text: e.purpose ?? '', width: 0.18 },
              {
                text: [
                  e.pages === undefined ? '' : `${e.pages}页`,
                  e.sha256 ? `SHA-256 ${e.sha256.slice(0, 12)}…` : '',
                ]
                  .filter(Boolean)
                  .join('\n'),
                width: 0.17,
              },
            ]),
          ],
          { size: 9, header: true },
        );

      w.heading('四、调解记录');
      if (referral.minutes.length === 0) w.paragraph('无。');
      for (const m of referral.minutes) {
        const mode = m.mode === 'video' ? '在线视频调解' : '现场调解';
        w.paragraph(
          `${formatInstant(m.at)} · ${mode}${m.place ? ` · ${m.place}` : ''} · 参加人员：${m.attendees.join('、')}${m.recordedBy ? ` · 记录人：${m.recordedBy}` : ''}`,
          { indent: false, bold: true, size: 10.5 },
        );
        w.paragraph(m.content);
      }

      w.heading('五、办理经过');
      w.grid(
        [
          [
            { text: '时间', width: 0.22, label: true },
            { text: '经办人', width: 0.16, label: true },
            { text: '事项', width: 0.22, label: true },
            { text: '说明', width: 0.4, label: true },
          ],
          ...[...referral.timeline]
            .sort((a, b) => Date.parse(a.at) - Date.parse(b.at))
            .map((e): Cell[] => [
              { text: formatInstant(e.at), width: 0.22 },
              { text: e.actor, width: 0.16 },
              { text: e.action, width: 0.22 },
              { text: e.detail ?? '', width: 0.4 },
            ]),
        ],
        { size: 9.5, header: true },
      );

      w.paragraph(
        `人民调解员：${referral.mediators.map((m) => m.name).join('、')}　经办人：${referral.preparedBy}`,
        {
          indent: false,
        },
      );
      w.sealBlock(referral.organisation.name, formatDate(referral.preparedOn), '（盖章处）');
    },
  );

  const json: ReferralPackageJson = {
    format: 'hewei.referral-package',
    formatVersion: 1,
    referral: structuredClone(referral),
    pdf: { sha256: documentHash(pdf), bytes: pdf.length, mediaType: 'application/pdf' },
  };
  return { pdf, json };
}
