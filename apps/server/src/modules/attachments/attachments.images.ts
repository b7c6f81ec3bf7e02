import { HeweiError } from '@hewei/domain';
import sharp from 'sharp';
import type { Sniffed } from './attachments.sniff.ts';

const MAX_SIDE = 4096;

/**
 * Decodes and re-encodes a photo: what comes out holds pixels only. EXIF (GPS, device, owner),
 * XMP, ICC and comments are dropped; the orientation is applied first so nothing looks rotated.
 * A file that only pretends to be an image fails to decode and is refused.
 */
export async function reencodeImage(bytes: Buffer, type: Sniffed): Promise<{ bytes: Buffer; type: Sniffed }> {
  try {
    const img = sharp(bytes, { limitInputPixels: 50_000_000, failOn: 'error', animated: false })
      .rotate()
      .resize({ width: MAX_SIDE, height: MAX_SIDE, fit: 'inside', withoutEnlargement: true });
    if (type.mime === 'image/jpeg') return { bytes: await img.jpeg({ quality: 85 }).toBuffer(), type };
    if (type.mime === 'image/webp') return { bytes: await img.webp({ quality: 85 }).toBuffer(), type };
    // PNG and GIF become PNG (first frame)
    return {
      bytes: await img.png({ compressionLevel: 8 }).toBuffer(),
      type: { mime: 'image/png', ext: 'png', kind: 'image' },
    };
  } catch {
    throw new HeweiError('VALIDATION_FAILED', { field: 'file', rule: 'FILE_UNREADABLE' });
  }
}
