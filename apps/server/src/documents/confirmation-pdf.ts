// 司法确认申请书 (application for judicial confirmation of a mediation agreement), per
// 法释〔2011〕5号 Art. 3 and standards.md §3.3: joint applicants with 送达地址 and phone, the agreement,
// the mediation organisation, the court, the request, the declaration, materials, signatures.
import {
  CONFIRMATION_DECLARATION,
  type ConfirmationApplicant,
  type JudicialConfirmationApplication,
} from '@hewei/domain/mediation/index.ts';
import { chineseNumeral, formatDate, formatInstant, maskIdNumber } from './format.ts';
import { buildPdf } from './pdf.ts';
import { flattenSignaturePng } from './signature-ink.ts';

export interface ConfirmationPdfOptions {
  maskIdNumbers?: boolean;
}

const ID_LABEL: Record<string, string> = {
  resident_id: '公民身份号码',
  passport: '护照号码',
  hk_macao_permit: '港澳居民来往内地通行证号码',
  taiwan_permit: '台湾居民来往大陆通行证号码',
  credit_code: '统一社会信用代码',
  other: '证件号码',
};

function applicantParagraph(a: ConfirmationApplicant, mask: boolean): string {
  const id = mask && a.kind === 'person' ? maskIdNumber(a.idNumber) : a.idNumber;
  const idLabel = ID_LABEL[a.idType ?? (a.kind === 'organisation' ? 'credit_code' : 'resident_id')];
  if (a.kind === 'organisation')
    return `${a.name}，住所地：${a.address}，${idLabel}：${id}。法定代表人：${a.legalRepresentative ?? ''}。送达地址：${a.serviceAddress}。联系电话：${a.phone}。`;
  const parts = [a.name];
  if (a.gender) parts.push(a.gender === 'male' ? '男' : '女');
  if (a.ethnicity) parts.push(a.ethnicity);
  if (a.birthDate) parts.push(`${formatDate(a.birthDate)}出生`);
  return `${parts.join('，')}，${idLabel}：${id}，住${a.address}。送达地址：${a.serviceAddress}。联系电话：${a.phone}。`;
}

/** The application as a PDF. */
export async function renderConfirmationApplicationPdf(
  app: JudicialConfirmationApplication,
  options: ConfirmationPdfOptions = {},
): Promise<Buffer> {
  const mask = options.maskIdNumbers === true;
  const names = app.applicants.map((a) => a.name).join('、');
  const lastSigned = app.signatures
    .map((s) => s.signedAt)
    .sort()
    .at(-1);
  const createdAt = new Date(lastSigned ?? `${app.date}T00:00:00+08:00`);
  return buildPdf(
    {
      title: '司法确认申请书',
      subject: `调解协议 ${app.agreement.number ?? app.agreement.id}`,
      author: names,
      keywords: `confirmation:${app.id} agreement:${app.agreement.id} version:${app.agreement.version}`,
      createdAt,
      footer: `司法确认申请书 · 调解协议 ${app.agreement.number ?? app.agreement.id}`,
    },
    (w) => {
      w.title('司法确认申请书');
      w.space(4);
      app.applicants.forEach((a, i) => {
        w.paragraph(`申请人（${chineseNumeral(i + 1)}）：${applicantParagraph(a, mask)}`, { indent: false });
        if (a.agent !== undefined) {
          const agent = [a.agent.name, a.agent.relation, a.agent.phone ? `联系电话：${a.agent.phone}` : '']
            .filter(Boolean)
            .join('，');
          w.paragraph(`委托代理人：${agent}（授权委托书附后）。`, { indent: false });
        }
      });

      w.heading('请求事项');
      w.paragraph(app.request);

      w.heading('事实与理由');
      const ag = app.agreement;
      const mediators = app.mediators.map((m) => m.name).join('、');
      w.paragraph(
        `申请人${names}因${app.disputeTitle ?? '纠纷'}，于${formatDate(ag.date)}经${app.organisation.name}主持调解（人民调解员：${mediators}），` +
          `自愿达成调解协议${ag.number ? `（编号：${ag.number}）` : ''}，该协议已于${formatDate(ag.effectiveDate)}生效。`,
      );
      if (app.factsAndReasons.trim() !== '') w.paragraph(app.factsAndReasons);
      w.paragraph(
        '为使调解协议具有强制执行力，根据《中华人民共和国人民调解法》第三十三条、《中华人民共和国民事诉讼法》关于确认调解协议案件的规定以及《最高人民法院关于人民调解协议司法确认程序的若干规定》，申请人在调解协议生效之日起三十日内，共同向贵院申请司法确认。',
      );

      w.heading('申请人声明');
      CONFIRMATION_DECLARATION.forEach((line, i) => {
        w.paragraph(`${i + 1}. ${line}`, { indent: false });
      });

      w.space(6);
      w.paragraph('此致', { indent: true });
      w.paragraph(app.court.name, { indent: false, bold: true });
      w.space(4);

      w.heading('附：提交材料清单');
      w.grid(
        [
          [
            { text: '序号', width: 0.1, label: true },
            { text: '材料名称', width: 0.6, label: true },
            { text: '份数', width: 0.15, label: true },
            { text: '页数', width: 0.15, label: true },
          ],
          ...app.materials.map((m, i) => [
            { text: String(i + 1), width: 0.1, align: 'center' as const },
            { text: m.title, width: 0.6 },
            { text: String(m.copies), width: 0.15, align: 'center' as const },
            { text: m.pages === undefined ? '' : String(m.pages), width: 0.15, align: 'center' as const },
          ]),
        ],
        { header: true },
      );

      w.heading('申请人签名');
      w.signatures(
        app.applicants.map((a) => {
          const s = app.signatures.find((x) => x.partyId === a.partyId);
          return {
            caption: `申请人：${a.name}`,
            name: s?.signerName ?? a.name,
            imagePng: s?.imagePngBase64 ? (flattenSignaturePng(s.imagePngBase64) ?? undefined) : undefined,
            note: s === undefined ? '（待签名）' : `签署时间：${formatInstant(s.signedAt)}`,
          };
        }),
      );
      w.right(formatDate(app.date));
      if (app.tracking?.caseNumber) w.right(`法院案号：${app.tracking.caseNumber}`, 9);
    },
  );
}
