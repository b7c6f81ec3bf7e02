// The CJK font embedded in every generated PDF: Noto Sans SC (SIL OFL 1.1), TrueType outlines,
// from the npm package @expo-google-fonts/noto-sans-sc. pdfkit subsets it, so a document only
// carries the glyphs it uses. See docs/decisions/0006-mediation-documents.md.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const FONT_PACKAGE = '@expo-google-fonts/noto-sans-sc';

export interface CjkFonts {
  regular: Buffer;
  bold: Buffer;
}

let cached: CjkFonts | undefined;

/** Directory of the font package, resolved like any dependency (no system fonts needed). */
export function fontPackageDir(): string {
  const require = createRequire(import.meta.url);
  return dirname(require.resolve(`${FONT_PACKAGE}/package.json`));
}

/** The regular and bold faces, read once per process. */
export function loadCjkFonts(): CjkFonts {
  if (cached === undefined) {
    const dir = fontPackageDir();
    cached = {
      regular: readFileSync(join(dir, '400Regular', 'NotoSansSC_400Regular.ttf')),
      bold: readFileSync(join(dir, '700Bold', 'NotoSansSC_700Bold.ttf')),
    };
  }
  return cached;
}
