import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import {
  createAgreement,
  type JudicialConfirmationApplication,
  type Referral,
} from '@hewei/domain/mediation/index.ts';
import { LI_ID, sampleDraft, sampleParties, ZHANG_ID } from '@hewei/domain/mediation/testdata.ts';
import { extractText, getDocumentProxy } from 'unpdf';
import { renderAgreementPdf } from './agreement-pdf.ts';
import { renderConfirmationApplicationPdf } from './confirmation-pdf.ts';
import { maskIdNumber } from './format.ts';
import { documentHash, verifyDocumentHash } from './hash.ts';
import { renderReferralPackage } from './referral.ts';
import { signatureBase64, signedSampleAgreement } from './testing.ts';

/** Set HEWEI_DOC_OUT=/some/dir to keep the generated PDFs for a look (pdftoppm -png …). */
function keep(name: string, pdf: Buffer): void {
  const dir = process.env.HEWEI_DOC_OUT;
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, name), pdf);
}

/** All text of a PDF with whitespace removed (line breaks fall anywhere in Chinese text). */
async function textOf(pdf: Buffer): Promise<string> {
  const doc = await getDocumentProxy(new Uint8Array(pdf));
  const { text } = await extractText(doc, { mergePages: true });
  return text.replace(/\s+/g, '');
}

function confirmationApplication(): JudicialConfirmationApplication {
  return {
    id: 'jc-1',
    applicants: [
      {
        partyId: 'p-zhang',
        kind: 'person',
        name: '张桂兰',
        gender: 'female',
        ethnicity: '汉族',
        birthDate: '1967-05-12',
        idNumber: ZHANG_ID,
        address: '云南省曲靖市马龙区青石镇柳湾村三组12号',
        serviceAddress: '云南省曲靖市马龙区青石镇柳湾村三组12号',
        phone: '13812345678',
      },
      {
        partyId: 'p-li',
        kind: 'person',
        name: '李建国',
        gender: 'male',
        ethnicity: '彝族',
        birthDate: '1980-02-03',
        idNumber: LI_ID,
        address: '云南省曲靖市马龙区青石镇柳湾村三组15号',
        serviceAddress: '云南省曲靖市马龙区通泉街道建国建材经营部',
        phone: '13987654321',
        agent: { name: '李强', relation: '兄弟', phone: '13700000000', powerOfAttorney: true },
      },
    ],
    agreement: {
      id: 'agr-1',
      number: '（2025）青调字第 012 号',
      version: 1,
      date: '2025-06-18',
      effectiveDate: '2025-06-18',
    },
    organisation: { id: 'org-liuwan', name: '马龙区青石镇柳湾村人民调解委员会' },
    mediators: [{ id: 'm-wang', name: '王明德' }],
    court: { id: 'c-malong', name: '曲靖市马龙区人民法院' },
    disputeTitle: '相邻关系纠纷',
    request: '请求确认申请人于2025年6月18日经马龙区青石镇柳湾村人民调解委员会主持调解达成的调解协议有效。',
    factsAndReasons: '调解协议约定李建国分两期赔偿张桂兰围墙损失8000元并修复排水沟，双方均同意申请司法确认。',
    declarationAccepted: true,
    materials: [
      { kind: 'application', title: '司法确认申请书', copies: 1, pages: 2 },
      { kind: 'agreement', title: '人民调解协议书', copies: 1, pages: 3 },
      { kind: 'identity', title: '申请人身份证复印件', copies: 2 },
      { kind: 'power_of_attorney', title: '授权委托书及代理人身份证明', copies: 1 },
    ],
    signatures: [
      {
        partyId: 'p-zhang',
        signerName: '张桂兰',
        imagePngBase64: signatureBase64(1),
        signedAt: '2025-06-25T09:00:00+08:00',
      },
      {
        partyId: 'p-li',
        signerName: '李建国',
        imagePngBase64: signatureBase64(2),
        signedAt: '2025-06-25T09:02:00+08:00',
      },
    ],
    date: '2025-06-25',
  };
}

function referral(): Referral {
  return {
    id: 'ref-1',
    caseId: 'case-77',
    caseCode: 'MLQS-2025-0077',
    to: 'court',
    receivingBody: '曲靖市马龙区人民法院',
    caseSummary: {
      title: '相邻关系纠纷',
      category: '邻里纠纷',
      place: '马龙区青石镇柳湾村三组',
      receivedAt: '2025-06-03T09:30:00+08:00',
      description: '李建国建房时挖掘机碰撞张桂兰家围墙致倒塌约六米，并堵塞两户之间的排水沟。',
      claims: '张桂兰要求赔偿围墙损失12000元并修复排水沟；李建国仅同意赔偿5000元。',
      stepsTaken: ['on_site', 'diverted', 'town_joint'],
      failureReason: '双方对赔偿数额分歧较大，经三次调解未能达成一致，张桂兰表示将提起诉讼。',
    },
    parties: sampleParties(),
    evidence: [
      {
        id: 'e1',
        title: '围墙倒塌现场照片（6张）',
        kind: '视听资料',
        submittedByPartyId: 'p-zhang',
        receivedAt: '2025-06-03T09:40:00+08:00',
        pages: 6,
        sha256: 'a'.repeat(64),
        purpose: '证明围墙损毁情况',
      },
      {
        id: 'e2',
        title: '围墙修复工程报价单',
        kind: '书证',
        submittedByPartyId: 'p-zhang',
        receivedAt: '2025-06-10T15:00:00+08:00',
        pages: 1,
        purpose: '证明修复费用',
      },
      {
        id: 'e3',
        title: '现场勘验笔录',
        kind: '勘验笔录',
        receivedAt: '2025-06-05T10:00:00+08:00',
        pages: 2,
      },
    ],
    minutes: [
      {
        sessionId: 's1',
        at: '2025-06-05T10:00:00+08:00',
        mode: 'in_person',
        place: '柳湾村现场',
        attendees: ['张桂兰', '李建国', '王明德'],
        content: '调解员现场查看围墙和排水沟，听取双方陈述，双方同意先行疏通排水沟。',
        recordedBy: '赵小红',
      },
      {
        sessionId: 's2',
        at: '2025-06-12T15:00:00+08:00',
        mode: 'video',
        attendees: ['张桂兰', '李建国', '王明德', '刘律师（受邀专家）'],
        content: '在线视频调解，专家解释相邻关系法律规定，双方就赔偿数额仍未达成一致。',
      },
    ],
    timeline: [
      {
        at: '2025-06-03T09:30:00+08:00',
        actor: '村网格员 陈亮',
        action: '登记受理',
        detail: '张桂兰到村委会申请调解',
      },
      { at: '2025-06-05T10:00:00+08:00', actor: '王明德', action: '现场调解' },
      { at: '2025-06-08T09:00:00+08:00', actor: '青石镇综治中心', action: '分流调解', detail: '转镇调委会' },
      { at: '2025-06-20T17:00:00+08:00', actor: '王明德', action: '调解终结', detail: '调解不成，引导诉讼' },
    ],
    organisation: { id: 'org-qingshi', name: '马龙区青石镇人民调解委员会' },
    mediators: [{ id: 'm-wang', name: '王明德' }],
    preparedOn: '2025-06-21',
    preparedBy: '赵小红',
  };
}

describe('renderAgreementPdf', () => {
  it('writes real, extractable Chinese text: parties, terms, clauses', async () => {
    const pdf = await renderAgreementPdf(signedSampleAgreement());
    keep('agreement.pdf', pdf);
    assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-');
    const text = await textOf(pdf);
    for (const expected of [
      '人民调解协议书',
      '张桂兰',
      '李建国',
      '彝族',
      ZHANG_ID,
      '纠纷的主要事实',
      '争议事项',
      '各方责任',
      '李建国赔偿张桂兰围墙损失人民币捌仟元整',
      '履行方式：银行转账至张桂兰指定账户',
      '履行地点：青石镇柳湾村村民委员会',
      '履行期限：2025年8月31日前履行完毕',
      '第一期：2025年6月30日前支付¥5,000.00',
      '本协议一式三份',
      '三十日内共同向人民法院申请司法确认',
      '王明德',
      '马龙区青石镇柳湾村人民调解委员会',
      '签署时间：2025年6月18日10:05',
      '本协议已于2025年6月18日10:20生效',
    ])
      assert.ok(text.includes(expected.replace(/\s+/g, '')), `missing ${expected}`);
  });

  it('embeds a subset of the CJK font (no system font needed)', async () => {
    const pdf = await renderAgreementPdf(signedSampleAgreement());
    const raw = pdf.toString('latin1');
    assert.match(raw, /\/BaseFont \/[A-Z]{6}\+NotoSansSC-Regular/);
    assert.match(raw, /\/FontFile2 /);
    assert.match(raw, /\/ToUnicode /);
    assert.ok(pdf.length < 400_000, `subset keeps it small (${pdf.length} bytes)`);
  });

  it('renders the same bytes for the same agreement, so the sealed hash can be checked again', async () => {
    const a = await renderAgreementPdf(signedSampleAgreement());
    const b = await renderAgreementPdf(signedSampleAgreement());
    assert.ok(a.equals(b));
    const hash = documentHash(a);
    assert.match(hash, /^[0-9a-f]{64}$/);
    assert.equal(hash, documentHash(b));
    assert.ok(verifyDocumentHash(a, hash));
    assert.ok(verifyDocumentHash(a, hash.toUpperCase()));
    const tampered = Buffer.from(a);
    tampered[Math.floor(tampered.length / 2)] ^= 1;
    assert.ok(!verifyDocumentHash(tampered, hash));
    assert.ok(!verifyDocumentHash(a, 'not-a-hash'));
  });

  it('renders an unsigned draft with places to sign, masks IDs on request, and has an English form', async () => {
    const created = createAgreement(sampleDraft());
    assert.ok(created.ok);
    const draftPdf = await renderAgreementPdf(created.value, { maskIdNumbers: true });
    keep('agreement-draft.pdf', draftPdf);
    const text = await textOf(draftPdf);
    assert.ok(text.includes('（待签名）'));
    assert.ok(!text.includes(ZHANG_ID));
    assert.ok(text.includes(maskIdNumber(ZHANG_ID)));
    assert.ok(!text.includes('本协议已于'), 'not effective yet');
    const en = await textOf(await renderAgreementPdf(signedSampleAgreement(), { locale: 'en' }));
    assert.ok(en.includes("People'sMediationAgreement"));
    assert.ok(en.includes('Methodofperformance:银行转账至张桂兰指定账户'));
  });
});

describe('renderConfirmationApplicationPdf', () => {
  it('has the joint applicants with service addresses and phones, the request, declaration, court and materials', async () => {
    const pdf = await renderConfirmationApplicationPdf(confirmationApplication());
    keep('confirmation.pdf', pdf);
    const text = await textOf(pdf);
    for (const expected of [
      '司法确认申请书',
      '申请人（一）：张桂兰',
      '申请人（二）：李建国',
      '送达地址：云南省曲靖市马龙区通泉街道建国建材经营部',
      '联系电话：13987654321',
      '委托代理人：李强',
      '请求事项',
      '申请人张桂兰、李建国因相邻关系纠纷，于2025年6月18日',
      '（编号：（2025）青调字第012号），该协议已于2025年6月18日生效',
      '没有恶意串通',
      '此致',
      '曲靖市马龙区人民法院',
      '授权委托书及代理人身份证明',
      '签署时间：2025年6月25日09:02',
    ])
      assert.ok(text.includes(expected.replace(/\s+/g, '')), `missing ${expected}`);
  });
});

describe('renderReferralPackage', () => {
  it('returns a PDF and JSON that points at it by hash', async () => {
    const { pdf, json } = await renderReferralPackage(referral());
    keep('referral.pdf', pdf);
    assert.equal(json.format, 'hewei.referral-package');
    assert.equal(json.pdf.sha256, documentHash(pdf));
    assert.equal(json.pdf.bytes, pdf.length);
    assert.equal(json.referral.evidence.length, 3);
    assert.deepEqual(JSON.parse(JSON.stringify(json)), json, 'plain JSON');
    const text = await textOf(pdf);
    for (const expected of [
      '纠纷移送函（诉讼）',
      '曲靖市马龙区人民法院：',
      '张桂兰与李建国相邻关系纠纷一案',
      '现场调解→分流调解→乡镇联合调解',
      '证据清单',
      '围墙修复工程报价单',
      '调解记录',
      '在线视频调解',
      '办理经过',
      '调解终结',
    ])
      assert.ok(text.includes(expected.replace(/\s+/g, '')), `missing ${expected}`);
  });

  it('refuses an incomplete referral', async () => {
    const r = referral();
    r.caseSummary.failureReason = '';
    await assert.rejects(renderReferralPackage(r), /caseSummary.failureReason required/);
  });

  it('says arbitration when it goes to an arbitration commission', async () => {
    const r = { ...referral(), to: 'arbitration' as const, receivingBody: '曲靖仲裁委员会' };
    const text = await textOf((await renderReferralPackage(r)).pdf);
    assert.ok(text.includes('纠纷移送函（仲裁）'));
    assert.ok(text.includes('移送贵委'));
  });
});
