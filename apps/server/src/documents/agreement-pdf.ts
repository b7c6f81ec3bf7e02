// 人民调解协议书 as a PDF, following People's Mediation Law Art. 29 and the MoJ template.
import {
  type Agreement,
  type AgreementParty,
  agreementCopies,
  agreementEffectiveAt,
  missingSignatures,
  type Signature,
} from '@hewei/domain/mediation/index.ts';
import {
  chineseNumeral,
  type DocLocale,
  formatDate,
  formatInstant,
  formatYuan,
  maskIdNumber,
  partyLabel,
  yuanInWords,
} from './format.ts';
import { buildPdf, type Cell, type PdfWriter } from './pdf.ts';
import { flattenSignaturePng } from './signature-ink.ts';

export interface AgreementPdfOptions {
  locale?: DocLocale;
  /** Mask ID numbers (for copies shown outside the case file). Default false: the legal text carries them. */
  maskIdNumbers?: boolean;
}

const L = {
  'zh-CN': {
    title: '人民调解协议书',
    number: '编号',
    version: '版本',
    supersedes: '本协议替代',
    parties: '当事人基本情况',
    name: '姓名',
    gender: '性别',
    age: '年龄',
    ethnicity: '民族',
    occupation: '职业',
    workplace: '工作单位',
    address: '住所',
    idNumber: '公民身份号码',
    idOther: '身份证件号码',
    phone: '联系电话',
    orgName: '名称',
    legalRep: '法定代表人',
    creditCode: '统一社会信用代码',
    male: '男',
    female: '女',
    years: (n: number) => `${n}岁`,
    facts: '纠纷的主要事实',
    matters: '争议事项',
    responsibility: '各方责任',
    agreedIntro: (org: string) =>
      `经${org}主持调解，各方当事人在平等协商、互谅互让的基础上自愿达成如下协议：`,
    terms: '调解协议内容',
    obligor: '履行义务人',
    obligee: '权利人',
    method: '履行方式',
    place: '履行地点',
    deadline: '履行期限',
    before: (d: string) => `${d}前履行完毕`,
    amount: '金额',
    instalments: '分期履行',
    instalment: (i: number, d: string, amt: string) => `第${chineseNumeral(i)}期：${d}前支付${amt}`,
    effect: '协议效力',
    effectClauses: [
      '本协议自各方当事人签名（盖章或者按指印）、人民调解员签名并加盖人民调解委员会印章之日起生效。',
      '依据《中华人民共和国人民调解法》第三十一条，经人民调解委员会调解达成的调解协议，具有法律约束力，当事人应当按照约定履行。人民调解委员会对调解协议的履行情况进行监督，督促当事人履行约定的义务。',
      '依据该法第三十二条，当事人之间就调解协议的履行或者调解协议的内容发生争议的，一方当事人可以向人民法院提起诉讼。',
      '依据该法第三十三条，当事人可以自本协议生效之日起三十日内共同向人民法院申请司法确认；人民法院依法确认调解协议有效，一方当事人拒绝履行或者未全部履行的，对方当事人可以向人民法院申请强制执行。',
    ],
    copies: (n: number) =>
      `本协议一式${chineseNumeral(n)}份，各方当事人各执一份，人民调解委员会留存一份，具有同等效力。`,
    signing: '签署',
    partySign: (label: string) => `当事人（${label}）签名（盖章或按指印）`,
    mediatorSign: '人民调解员（签名）',
    signedAt: (t: string) => `签署时间：${t}`,
    verified: '身份已核验',
    unsigned: '（待签名）',
    seal: '（盖章处）',
    sealed: (t: string) => `印章加盖时间：${t}`,
    effectiveAt: (t: string) => `本协议已于${t}生效`,
    madeAt: (place: string) => `订立地点：${place}`,
    footer: (n: string) => `人民调解协议书 ${n}`,
  },
  en: {
    title: "People's Mediation Agreement",
    number: 'No.',
    version: 'Version',
    supersedes: 'This agreement supersedes',
    parties: 'The parties',
    name: 'Name',
    gender: 'Gender',
    age: 'Age',
    ethnicity: 'Ethnicity',
    occupation: 'Occupation',
    workplace: 'Workplace',
    address: 'Address',
    idNumber: 'Resident ID no.',
    idOther: 'ID document no.',
    phone: 'Phone',
    orgName: 'Name',
    legalRep: 'Legal representative',
    creditCode: 'Unified social credit code',
    male: 'male',
    female: 'female',
    years: (n: number) => `${n}`,
    facts: 'Main facts of the dispute',
    matters: 'Matters in dispute',
    responsibility: 'Responsibility of each party',
    agreedIntro: (org: string) =>
      `Mediated by ${org}, the parties, negotiating as equals, have voluntarily agreed as follows:`,
    terms: 'Agreed terms',
    obligor: 'To be performed by',
    obligee: 'In favour of',
    method: 'Method of performance',
    place: 'Place of performance',
    deadline: 'Time limit',
    before: (d: string) => `to be completed by ${d}`,
    amount: 'Amount',
    instalments: 'Instalments',
    instalment: (i: number, d: string, amt: string) => `instalment ${i}: ${amt} by ${d}`,
    effect: 'Effect',
    effectClauses: [
      "This agreement takes effect on the day every party has signed (sealed or fingerprinted) it, the mediator has signed it and the seal of the people's mediation committee has been affixed.",
      "Under Art. 31 of the People's Mediation Law of the PRC, an agreement reached through a people's mediation committee is legally binding and the parties shall perform it as agreed; the committee supervises its performance.",
      "Under Art. 32, a party may sue in a people's court over a dispute about the performance or content of this agreement.",
      "Under Art. 33, the parties may jointly apply to a people's court for judicial confirmation within 30 days of this agreement taking effect; once confirmed valid, a party may apply for enforcement if the other does not perform.",
    ],
    copies: (n: number) =>
      `This agreement is made in ${n} copies of equal effect: one for each party and one kept by the people's mediation committee.`,
    signing: 'Signatures',
    partySign: (label: string) => `${label} (signature, seal or fingerprint)`,
    mediatorSign: "People's mediator (signature)",
    signedAt: (t: string) => `Signed ${t}`,
    verified: 'identity verified',
    unsigned: '(not yet signed)',
    seal: '(seal)',
    sealed: (t: string) => `Seal affixed ${t}`,
    effectiveAt: (t: string) => `In effect since ${t}`,
    madeAt: (place: string) => `Made at ${place}`,
    footer: (n: string) => `People's Mediation Agreement ${n}`,
  },
};

type Labels = (typeof L)['zh-CN'];

function partyRows(p: AgreementParty, label: string, t: Labels, mask: boolean, en: boolean): Cell[][] {
  if (p.kind === 'organisation')
    return [
      [
        { text: label, width: 0.14, label: true },
        { text: t.orgName, width: 0.12, label: true },
        { text: p.name, width: 0.74 },
      ],
      [
        { text: t.legalRep, width: 0.26, label: true },
        { text: [p.legalRepresentative, p.legalRepresentativeTitle].filter(Boolean).join('，'), width: 0.24 },
        { text: t.phone, width: 0.14, label: true },
        { text: p.phone ?? '', width: 0.36 },
      ],
      [
        { text: t.address, width: 0.26, label: true },
        { text: p.address, width: 0.74 },
      ],
      ...(p.creditCode
        ? [
            [
              { text: t.creditCode, width: 0.26, label: true },
              { text: p.creditCode, width: 0.74 },
            ],
          ]
        : []),
    ];
  const id = mask ? maskIdNumber(p.idNumber) : p.idNumber;
  return [
    [
      { text: label, width: en ? 0.12 : 0.14, label: true },
      { text: t.name, width: 0.1, label: true },
      { text: p.name, width: en ? 0.15 : 0.16 },
      { text: t.gender, width: en ? 0.12 : 0.1, label: true },
      { text: p.gender === 'male' ? t.male : t.female, width: en ? 0.1 : 0.08, align: 'center' },
      { text: t.age, width: en ? 0.08 : 0.1, label: true },
      { text: t.years(p.age), width: en ? 0.07 : 0.08, align: 'center' },
      { text: t.ethnicity, width: en ? 0.14 : 0.1, label: true },
      { text: p.ethnicity, width: en ? 0.12 : 0.14, align: 'center' },
    ],
    [
      { text: t.occupation, width: en ? 0.17 : 0.14, label: true },
      { text: p.occupation, width: en ? 0.19 : 0.2 },
      { text: t.workplace, width: en ? 0.16 : 0.14, label: true },
      { text: p.workplace, width: en ? 0.48 : 0.52 },
    ],
    [
      { text: t.address, width: 0.14, label: true },
      { text: p.address, width: 0.86 },
    ],
    [
      {
        text: (p.idType ?? 'resident_id') === 'resident_id' ? t.idNumber : t.idOther,
        width: 0.2,
        label: true,
      },
      { text: id, width: 0.32 },
      { text: t.phone, width: 0.14, label: true },
      { text: p.phone ?? '', width: 0.34 },
    ],
  ];
}

function signatureImage(s: Signature | undefined): Buffer | undefined {
  if (s === undefined || !s.imagePngBase64) return undefined;
  return flattenSignaturePng(s.imagePngBase64) ?? undefined;
}

/** The agreement as a PDF with embedded Chinese text (selectable, extractable). */
export async function renderAgreementPdf(
  agreement: Agreement,
  options: AgreementPdfOptions = {},
): Promise<Buffer> {
  const locale: DocLocale = options.locale ?? 'zh-CN';
  const t = L[locale];
  const effectiveAt = agreementEffectiveAt(agreement);
  const createdAt = new Date(effectiveAt ?? agreement.sealAffixedAt ?? `${agreement.date}T00:00:00+08:00`);
  const labels = agreement.parties.map((_, i) => partyLabel(i, locale));
  const nameOf = (id: string) => agreement.parties.find((p) => p.id === id)?.name ?? id;
  const sep = locale === 'en' ? ', ' : '、';

  return buildPdf(
    {
      title: t.title,
      subject: agreement.number ?? agreement.id,
      author: agreement.organisation.name,
      keywords: `agreement:${agreement.id} version:${agreement.version} root:${agreement.rootId}`,
      createdAt,
      footer: `${t.footer(agreement.number ?? agreement.id)} · ${t.version} ${agreement.version}`,
      locale,
    },
    (w: PdfWriter) => {
      w.title(t.title);
      if (agreement.number) w.right(`${t.number}${w.colon}${agreement.number}`);
      if (agreement.previousVersionId !== undefined)
        w.right(`${t.version} ${agreement.version} · ${t.supersedes} ${agreement.previousVersionId}`, 9);
      w.space(6);

      w.heading(locale === 'en' ? `1. ${t.parties}` : `一、${t.parties}`);
      agreement.parties.forEach((p, i) => {
        w.grid(partyRows(p, labels[i], t, options.maskIdNumbers === true, locale === 'en'));
      });

      w.heading(locale === 'en' ? `2. ${t.facts}` : `二、${t.facts}`);
      w.paragraph(agreement.facts);
      w.heading(locale === 'en' ? `3. ${t.matters}` : `三、${t.matters}`);
      w.paragraph(agreement.disputedMatters);
      w.heading(locale === 'en' ? `4. ${t.responsibility}` : `四、${t.responsibility}`);
      const partyIndex = (id: string) => agreement.parties.findIndex((p) => p.id === id);
      const responsibilities = [...agreement.responsibilities].sort(
        (a, b) => partyIndex(a.partyId) - partyIndex(b.partyId),
      );
      for (const r of responsibilities) {
        const i = partyIndex(r.partyId);
        w.paragraph(
          locale === 'en'
            ? `${labels[i] ?? ''} (${nameOf(r.partyId)}): ${r.text}`
            : `${labels[i] ?? ''}（${nameOf(r.partyId)}）：${r.text}`,
        );
      }

      w.heading(locale === 'en' ? `5. ${t.terms}` : `五、${t.terms}`);
      w.paragraph(t.agreedIntro(agreement.organisation.name));
      agreement.terms.forEach((term, i) => {
        const n = locale === 'en' ? `(${i + 1}) ` : `（${chineseNumeral(i + 1)}）`;
        w.paragraph(`${n}${term.content}`, { indent: false, gap: 1 });
        w.item(t.obligor, term.obligorPartyIds.map(nameOf).join(sep));
        if (term.obligeePartyIds !== undefined && term.obligeePartyIds.length > 0)
          w.item(t.obligee, term.obligeePartyIds.map(nameOf).join(sep));
        if (term.amountCents !== undefined)
          w.item(
            t.amount,
            locale === 'en'
              ? formatYuan(term.amountCents)
              : `${yuanInWords(term.amountCents)}（${formatYuan(term.amountCents)}）`,
          );
        w.item(t.method, term.performanceMethod);
        w.item(t.place, term.place);
        w.item(t.deadline, t.before(formatDate(term.dueDate, locale)));
        if (term.instalments !== undefined && term.instalments.length > 0)
          w.item(
            t.instalments,
            term.instalments
              .map((s, j) => t.instalment(j + 1, formatDate(s.dueDate, locale), formatYuan(s.amountCents)))
              .join(locale === 'en' ? '; ' : '；'),
          );
        w.space(4);
      });

      w.heading(locale === 'en' ? `6. ${t.effect}` : `六、${t.effect}`);
      for (const c of t.effectClauses) w.paragraph(c);
      w.paragraph(t.copies(agreementCopies(agreement)));
      if (agreement.place) w.paragraph(t.madeAt(agreement.place));

      w.heading(t.signing, 200);
      const missing = missingSignatures(agreement);
      const partySigs = agreement.parties.map((p, i) => {
        const s = agreement.signatures.find((x) => x.signerRole === 'party' && x.partyId === p.id);
        return {
          caption: t.partySign(labels[i]),
          name: p.kind === 'organisation' ? `${p.name}（${p.legalRepresentative}）` : p.name,
          imagePng: signatureImage(s),
          note:
            s === undefined
              ? t.unsigned
              : `${t.signedAt(formatInstant(s.signedAt, locale))}${s.identityVerified ? ` · ${t.verified}` : ''}`,
        };
      });
      const mediatorSigs = agreement.mediators.map((m) => {
        const s = agreement.signatures.find(
          (x) =>
            x.signerRole === 'mediator' &&
            (x.mediatorId === m.id || (!x.mediatorId && x.signerName === m.name)),
        );
        return {
          caption: t.mediatorSign,
          name: m.name,
          imagePng: signatureImage(s),
          note: s === undefined ? t.unsigned : t.signedAt(formatInstant(s.signedAt, locale)),
        };
      });
      w.signatures([...partySigs, ...mediatorSigs]);
      const sealNote =
        agreement.sealAffixedAt !== undefined &&
        missing.partyIds.length === 0 &&
        missing.mediatorIds.length === 0
          ? effectiveAt !== null
            ? t.effectiveAt(formatInstant(effectiveAt, locale))
            : t.sealed(formatInstant(agreement.sealAffixedAt, locale))
          : undefined;
      w.sealBlock(agreement.organisation.name, formatDate(agreement.date, locale), t.seal, sealNote);
    },
  );
}
