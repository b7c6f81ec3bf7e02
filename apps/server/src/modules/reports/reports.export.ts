import ExcelJS from 'exceljs';
import { buildPdf, type Cell } from '../../documents/pdf.ts';
import type { Locale } from '../../http/messages.ts';

/** A table to export: a title, column headers, and rows of plain values. */
export interface Table {
  title: string;
  subtitle: string;
  columns: { header: string; width: number }[];
  rows: (string | number | null)[][];
}

export async function toXlsx(t: Table): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Hewei (和为贵)';
  const ws = wb.addWorksheet(t.title.slice(0, 31));
  ws.addRow([t.title]).font = { bold: true, size: 14 };
  ws.addRow([t.subtitle]);
  const header = ws.addRow(t.columns.map((c) => c.header));
  header.font = { bold: true };
  header.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEFEFEF' } };
    cell.border = { bottom: { style: 'thin' } };
  });
  for (const r of t.rows) ws.addRow(r.map((v) => v ?? ''));
  t.columns.forEach((c, i) => {
    ws.getColumn(i + 1).width = Math.max(6, Math.round(c.width * 120));
  });
  ws.views = [{ state: 'frozen', ySplit: 3 }];
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export function toPdf(t: Table, locale: Locale, at: Date): Promise<Buffer> {
  const total = t.columns.reduce((s, c) => s + c.width, 0);
  const cells = (values: (string | number | null)[], label = false): Cell[] =>
    values.map((v, i) => ({
      text: v === null ? '' : String(v),
      width: t.columns[i].width / total,
      label,
      align: typeof v === 'number' ? 'right' : 'left',
    }));
  return buildPdf({ title: t.title, createdAt: at, locale, footer: t.subtitle }, (w) => {
    w.title(t.title);
    w.center(t.subtitle, 10);
    w.space(8);
    w.grid(
      [
        cells(
          t.columns.map((c) => c.header),
          true,
        ),
        ...t.rows.map((r) => cells(r)),
      ],
      { size: 8.5, header: true },
    );
  });
}

export const percent = (x: number | null) => (x === null ? '—' : `${(x * 100).toFixed(1)}%`);
