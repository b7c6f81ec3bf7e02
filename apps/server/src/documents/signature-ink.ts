// Decodes a drawn signature (PNG) and measures its ink, so the domain rule can refuse an empty pad.
import {
  DEFAULT_INK_RULES,
  type FieldIssue,
  type InkRules,
  type InkStats,
  pngBase64Payload,
  type Signature,
  validateSignature,
} from '@hewei/domain/mediation/index.ts';
import { PNG } from 'pngjs';

/** Largest image accepted (pixels), so a hostile upload cannot make us allocate gigabytes. */
export const MAX_SIGNATURE_PIXELS = 4_000_000;
/** Largest base64 payload accepted (about 3 MB of PNG). */
export const MAX_SIGNATURE_BASE64 = 4_000_000;

const PNG_MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/**
 * Ink of a base64 PNG: pixels that are not (nearly) transparent and not (nearly) white. Null when
 * it is not a readable PNG or is too large.
 */
export function measurePngInk(pngBase64: string): InkStats | null {
  const payload = pngBase64Payload(pngBase64);
  if (payload.length === 0 || payload.length > MAX_SIGNATURE_BASE64) return null;
  const bytes = Buffer.from(payload, 'base64');
  if (bytes.length < 33 || !bytes.subarray(0, 8).equals(PNG_MAGIC)) return null;
  // IHDR: width and height at bytes 16..23; refuse huge images before inflating them.
  const width = bytes.readUInt32BE(16);
  const height = bytes.readUInt32BE(20);
  if (width === 0 || height === 0 || width * height > MAX_SIGNATURE_PIXELS) return null;
  let png: PNG;
  try {
    png = PNG.sync.read(bytes);
  } catch {
    return null;
  }
  const { data } = png;
  let inkPixels = 0;
  let x0 = png.width;
  let y0 = png.height;
  let x1 = -1;
  let y1 = -1;
  for (let y = 0; y < png.height; y++) {
    for (let x = 0; x < png.width; x++) {
      const i = (y * png.width + x) * 4;
      const alpha = data[i + 3];
      if (alpha < 64) continue;
      const lightness = (data[i] + data[i + 1] + data[i + 2]) / 3;
      if (lightness > 224) continue;
      inkPixels++;
      if (x < x0) x0 = x;
      if (x > x1) x1 = x;
      if (y < y0) y0 = y;
      if (y > y1) y1 = y;
    }
  }
  return {
    width: png.width,
    height: png.height,
    inkPixels,
    inkBox: inkPixels === 0 ? null : { x0, y0, x1, y1 },
  };
}

/** validateSignature with the real PNG decoder. */
export function validateSignatureImage(sig: Signature, rules: InkRules = DEFAULT_INK_RULES): FieldIssue[] {
  return validateSignature(sig, measurePngInk, rules);
}

/**
 * The signature as an opaque RGB PNG on white, ready for pdfkit. pdfkit splits an alpha channel
 * asynchronously, which makes object order (and so the document hash) vary between renders;
 * an opaque image is embedded synchronously. Null when the bytes are not a readable PNG.
 */
export function flattenSignaturePng(pngBase64: string): Buffer | null {
  if (measurePngInk(pngBase64) === null) return null;
  const png = PNG.sync.read(Buffer.from(pngBase64Payload(pngBase64), 'base64'));
  const { data } = png;
  for (let i = 0; i < data.length; i += 4) {
    const a = data[i + 3] / 255;
    data[i] = Math.round(data[i] * a + 255 * (1 - a));
    data[i + 1] = Math.round(data[i + 1] * a + 255 * (1 - a));
    data[i + 2] = Math.round(data[i + 2] * a + 255 * (1 - a));
    data[i + 3] = 255;
  }
  return PNG.sync.write(png, { colorType: 2, inputColorType: 6, inputHasAlpha: true });
}
