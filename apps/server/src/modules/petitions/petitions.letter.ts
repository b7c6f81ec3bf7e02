// 信访事项处理意见书: the written reply a petitioner receives (信访工作条例 2022, the 60-day limit,
// the 30-day window to ask the next authority up for a review).

import { formatInstant } from '../../documents/format.ts';
import { buildPdf } from '../../documents/pdf.ts';

export interface PetitionReply {
  trackingCode: string;
  petitioners: string[];
  form: 'letter' | 'visit';
  receivedAt: string;
  acceptedAt: string | null;
  categoryName: string;
  description: string;
  result: string;
  center: string;
  issuedAt: Date;
  reviewDays: number;
}

export function renderPetitionReply(r: PetitionReply): Promise<Buffer> {
  const day = (at: string | Date) => formatInstant(at).split(' ')[0];
  const names = r.petitioners.join('、') || '信访人';
  return buildPdf(
    {
      title: '信访事项处理意见书',
      subject: `信访事项 ${r.trackingCode}`,
      author: r.center,
      keywords: `petition:${r.trackingCode}`,
      createdAt: r.issuedAt,
      footer: `信访事项处理意见书 · ${r.trackingCode}`,
    },
    (w) => {
      w.title('信访事项处理意见书');
      w.right(`编号：${r.trackingCode}`);
      w.space(10);
      w.paragraph(`${names}：`, { indent: false });
      w.paragraph(
        `你（们）于${day(r.receivedAt)}以${r.form === 'letter' ? '来信' : '来访'}形式反映的${r.categoryName}问题，` +
          `${r.acceptedAt ? `本机关已于${day(r.acceptedAt)}依法受理。` : '本机关已依法登记。'}现将处理意见告知如下：`,
      );
      w.heading('一、反映的主要问题');
      w.paragraph(r.description);
      w.heading('二、调查核实情况及处理意见');
      w.paragraph(r.result);
      w.heading('三、救济途径');
      w.paragraph(
        `如对本处理意见不服，可以自收到本意见书之日起${r.reviewDays}日内，向原办理机关的上一级机关书面提出复查请求。`,
      );
      w.space(20);
      w.sealBlock(r.center, day(r.issuedAt), '（印章）');
    },
  );
}
