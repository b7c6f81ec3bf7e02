// A small A4 layout writer on top of pdfkit for Chinese legal documents: title, headings,
// paragraphs, bordered grids, signature images, seal placeholder, page footers.
// Output is deterministic for the same input (fixed CreationDate, no random IDs), so re-rendering
// a stored document reproduces its SHA-256.
import PDFDocument from 'pdfkit';
import { loadCjkFonts } from './fonts.ts';

export interface PdfMeta {
  title: string;
  subject?: string;
  author?: string;
  keywords?: string;
  /** Fixed creation date written into the PDF (keeps the bytes reproducible). */
  createdAt: Date;
  /** Footer text left of the page number, e.g. the document number. */
  footer?: string;
  locale?: 'zh-CN' | 'en';
}

export interface Cell {
  text: string;
  /** Fraction of the content width; the cells of a row add up to 1. */
  width: number;
  /** A label cell: shaded, bold. */
  label?: boolean;
  align?: 'left' | 'center' | 'right';
}

const FONT = 'NotoSansSC';
const FONT_BOLD = 'NotoSansSC-Bold';
const BODY_SIZE = 11.5;
const LINE_GAP = 3.5;
const CELL_PAD = 5;
const INK = '#111111';
const RULE = '#555555';
const SHADE = '#efefef';

export class PdfWriter {
  readonly doc: PDFKit.PDFDocument;
  readonly left: number;
  readonly width: number;
  readonly locale: 'zh-CN' | 'en';
  /** '：' in Chinese, ': ' in English. */
  readonly colon: string;

  constructor(doc: PDFKit.PDFDocument, locale: 'zh-CN' | 'en' = 'zh-CN') {
    this.doc = doc;
    this.locale = locale;
    this.colon = locale === 'en' ? ': ' : '：';
    this.left = doc.page.margins.left;
    this.width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  }

  get bottom(): number {
    return this.doc.page.height - this.doc.page.margins.bottom;
  }

  /** Starts a new page when fewer than `height` points are left. */
  ensureSpace(height: number): void {
    if (this.doc.y + height > this.bottom) this.doc.addPage();
  }

  space(points: number): void {
    this.doc.y += points;
  }

  title(text: string): void {
    const spaced = [...text].join(text.length <= 8 ? ' ' : '');
    this.doc.font(FONT_BOLD).fontSize(22).fillColor(INK);
    this.doc.text(spaced, this.left, this.doc.y, { width: this.width, align: 'center' });
    this.space(10);
  }

  /** A short line aligned to the right (document number, date). */
  right(text: string, size = BODY_SIZE): void {
    this.doc.font(FONT).fontSize(size).fillColor(INK);
    this.doc.text(text, this.left, this.doc.y, { width: this.width, align: 'right' });
  }

  center(text: string, size = BODY_SIZE, bold = false): void {
    this.doc
      .font(bold ? FONT_BOLD : FONT)
      .fontSize(size)
      .fillColor(INK);
    this.doc.text(text, this.left, this.doc.y, { width: this.width, align: 'center' });
  }

  /** A section heading, kept with at least `keepWith` points of what follows. */
  heading(text: string, keepWith = 60): void {
    this.ensureSpace(keepWith);
    this.space(6);
    this.doc.font(FONT_BOLD).fontSize(12.5).fillColor(INK);
    this.doc.text(text, this.left, this.doc.y, { width: this.width });
    this.space(3);
  }

  /** Body text; `indent` gives the first line the customary two-character indent. */
  paragraph(
    text: string,
    opts: {
      indent?: boolean;
      bold?: boolean;
      size?: number;
      gap?: number;
      x?: number;
      align?: 'left' | 'justify';
    } = {},
  ): void {
    const size = opts.size ?? BODY_SIZE;
    const x = opts.x ?? this.left;
    this.doc
      .font(opts.bold ? FONT_BOLD : FONT)
      .fontSize(size)
      .fillColor(INK);
    this.ensureSpace(size * 2);
    this.doc.text(text, x, this.doc.y, {
      width: this.width - (x - this.left),
      indent: opts.indent === false ? 0 : size * 2,
      lineGap: LINE_GAP,
      // Left, not justified: pdfkit justifies by stretching spaces only, which in Chinese text
      // opens gaps at the few spaces there are; CJK lines come out nearly flush anyway.
      align: opts.align ?? 'left',
      paragraphGap: opts.gap ?? 3,
    });
  }

  /** A line of 'label：value' pairs indented like a list item. */
  item(label: string, value: string, x = this.left + 24): void {
    this.doc.fontSize(BODY_SIZE).fillColor(INK);
    this.ensureSpace(BODY_SIZE * 2);
    this.doc.font(FONT_BOLD).text(`${label}${this.colon}`, x, this.doc.y, {
      continued: true,
      width: this.width - (x - this.left),
      lineGap: LINE_GAP,
    });
    this.doc.font(FONT).text(value, { lineGap: LINE_GAP });
  }

  /**
   * A bordered grid. A row too tall for the rest of the page moves to the next; with `header`,
   * the first row is kept with the row after it and repeated at the top of each new page.
   */
  grid(rows: Cell[][], opts: { size?: number; header?: boolean } = {}): void {
    const size = opts.size ?? 10.5;
    const measure = (row: Cell[]) =>
      Math.max(
        ...row.map((c) => {
          this.doc.font(c.label ? FONT_BOLD : FONT).fontSize(size);
          return this.doc.heightOfString(c.text || ' ', {
            width: c.width * this.width - 2 * CELL_PAD,
            lineGap: 2,
          });
        }),
      ) +
      2 * CELL_PAD;
    const header = opts.header === true && rows.length > 0 ? rows[0] : undefined;
    const headerH = header === undefined ? 0 : measure(header);
    rows.forEach((row, index) => {
      const h = measure(row);
      if (header !== undefined && index === 0) {
        this.ensureSpace(h + (rows.length > 1 ? measure(rows[1]) : 0));
      } else if (this.doc.y + h > this.bottom) {
        this.doc.addPage();
        if (header !== undefined) this.drawRow(header, headerH, size);
      }
      this.drawRow(row, h, size);
    });
    this.space(6);
  }

  private drawRow(row: Cell[], h: number, size: number): void {
    const y = this.doc.y;
    let x = this.left;
    for (const c of row) {
      const w = c.width * this.width;
      if (c.label) this.doc.save().rect(x, y, w, h).fill(SHADE).restore();
      this.doc.save().lineWidth(0.6).strokeColor(RULE).rect(x, y, w, h).stroke().restore();
      this.doc
        .font(c.label ? FONT_BOLD : FONT)
        .fontSize(size)
        .fillColor(INK)
        .text(c.text, x + CELL_PAD, y + CELL_PAD, {
          width: w - 2 * CELL_PAD,
          align: c.align ?? (c.label ? 'center' : 'left'),
          lineGap: 2,
        });
      x += w;
    }
    this.doc.x = this.left;
    this.doc.y = y + h;
  }

  /**
   * One signer: a caption, then the drawn signature (or a blank line to sign on paper), the
   * printed name and when it was signed. Drawn inside a box of the given width at (x, y).
   */
  signature(
    x: number,
    y: number,
    w: number,
    s: { caption: string; name: string; imagePng?: Buffer; note?: string },
  ): number {
    const doc = this.doc;
    doc.font(FONT_BOLD).fontSize(10.5).fillColor(INK).text(s.caption, x, y, { width: w });
    const imgTop = doc.y + 2;
    const imgH = 44;
    if (s.imagePng !== undefined) {
      doc.image(s.imagePng, x, imgTop, { fit: [Math.min(w, 150), imgH], valign: 'center' });
    } else {
      doc
        .save()
        .lineWidth(0.6)
        .strokeColor(RULE)
        .moveTo(x, imgTop + imgH - 4)
        .lineTo(x + Math.min(w, 150), imgTop + imgH - 4)
        .stroke()
        .restore();
    }
    doc
      .font(FONT)
      .fontSize(9.5)
      .fillColor(INK)
      .text(s.name, x, imgTop + imgH + 2, { width: w });
    if (s.note !== undefined) doc.fontSize(8.5).fillColor('#444444').text(s.note, x, doc.y, { width: w });
    doc.fillColor(INK);
    return doc.y - y;
  }

  /** Signers laid out in columns, rows added as needed. */
  signatures(list: { caption: string; name: string; imagePng?: Buffer; note?: string }[], columns = 2): void {
    const gap = 18;
    const w = (this.width - gap * (columns - 1)) / columns;
    for (let i = 0; i < list.length; i += columns) {
      this.ensureSpace(110);
      const y = this.doc.y;
      let tallest = 0;
      list.slice(i, i + columns).forEach((s, j) => {
        tallest = Math.max(tallest, this.signature(this.left + j * (w + gap), y, w, s));
      });
      this.doc.x = this.left;
      this.doc.y = y + tallest + 12;
    }
  }

  /**
   * The committee's name and date over a dashed circle where the seal goes; the seal itself is
   * affixed on paper or by the e-seal service, so the PDF only marks its place and whether it was.
   */
  sealBlock(organisation: string, dateText: string, sealLabel: string, sealNote?: string): void {
    this.ensureSpace(130);
    const doc = this.doc;
    const boxW = 230;
    const x = this.left + this.width - boxW;
    const y = doc.y + 8;
    const cx = x + boxW / 2;
    const cy = y + 50;
    doc
      .save()
      .lineWidth(1)
      .dash(4, { space: 3 })
      .strokeColor('#b22222')
      .circle(cx, cy, 46)
      .stroke()
      .undash()
      .restore();
    doc
      .font(FONT)
      .fontSize(8)
      .fillColor('#c04040')
      .text(sealLabel, cx - 40, cy - 3, { width: 80, align: 'center', lineBreak: false });
    doc
      .font(FONT_BOLD)
      .fontSize(11)
      .fillColor(INK)
      .text(organisation, x, cy - 22, { width: boxW, align: 'center' });
    doc
      .font(FONT)
      .fontSize(11)
      .text(dateText, x, cy + 20, { width: boxW, align: 'center' });
    if (sealNote !== undefined)
      doc
        .fontSize(8.5)
        .fillColor('#444444')
        .text(sealNote, x, cy + 52, { width: boxW, align: 'center' });
    doc.fillColor(INK);
    doc.x = this.left;
    doc.y = cy + 70;
  }
}

/** Render a document and collect it into a Buffer. Footers carry 'page n / N'. */
export async function buildPdf(meta: PdfMeta, draw: (w: PdfWriter) => void): Promise<Buffer> {
  const fonts = loadCjkFonts();
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 64, bottom: 64, left: 68, right: 68 },
    bufferPages: true,
    autoFirstPage: true,
    lang: meta.locale ?? 'zh-CN',
    displayTitle: true,
    info: {
      Title: meta.title,
      Subject: meta.subject ?? '',
      Author: meta.author ?? '',
      Keywords: meta.keywords ?? '',
      Creator: 'Hewei (和为贵)',
      Producer: 'Hewei documents / PDFKit',
      CreationDate: meta.createdAt,
    },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont(FONT, fonts.regular);
  doc.registerFont(FONT_BOLD, fonts.bold);
  doc.font(FONT);
  const writer = new PdfWriter(doc, meta.locale ?? 'zh-CN');
  draw(writer);

  const range = doc.bufferedPageRange();
  const en = meta.locale === 'en';
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    const y = doc.page.height - 42;
    const pageText = en ? `Page ${i + 1} of ${range.count}` : `第 ${i + 1} 页 共 ${range.count} 页`;
    doc.save().lineWidth(0.4).strokeColor('#999999');
    doc
      .moveTo(writer.left, y - 6)
      .lineTo(writer.left + writer.width, y - 6)
      .stroke();
    doc.restore();
    doc.font(FONT).fontSize(8).fillColor('#555555');
    if (meta.footer !== undefined)
      doc.text(meta.footer, writer.left, y, { width: writer.width * 0.7, lineBreak: false });
    doc.text(pageText, writer.left, y, { width: writer.width, align: 'right', lineBreak: false });
    doc.page.margins.bottom = bottom;
  }
  doc.end();
  return done;
}
