/** What a file is, judged by its bytes alone: the name and the declared type are not trusted. */
export interface Sniffed {
  mime: string;
  ext: string;
  kind: 'image' | 'audio' | 'document';
}

const at = (b: Buffer, offset: number, sig: string | number[]) =>
  typeof sig === 'string'
    ? b.subarray(offset, offset + sig.length).toString('latin1') === sig
    : sig.every((x, i) => b[offset + i] === x);

const BRANDS_AUDIO = ['M4A ', 'M4B ', 'mp42', 'isom', 'iso2', 'dash'];

export function sniff(b: Buffer): Sniffed | null {
  if (b.length < 12) return null;
  if (at(b, 0, [0xff, 0xd8, 0xff])) return { mime: 'image/jpeg', ext: 'jpg', kind: 'image' };
  if (at(b, 0, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
    return { mime: 'image/png', ext: 'png', kind: 'image' };
  if (at(b, 0, 'GIF87a') || at(b, 0, 'GIF89a')) return { mime: 'image/gif', ext: 'gif', kind: 'image' };
  if (at(b, 0, 'RIFF') && at(b, 8, 'WEBP')) return { mime: 'image/webp', ext: 'webp', kind: 'image' };
  if (at(b, 0, 'RIFF') && at(b, 8, 'WAVE')) return { mime: 'audio/wav', ext: 'wav', kind: 'audio' };
  if (at(b, 0, '%PDF-')) return { mime: 'application/pdf', ext: 'pdf', kind: 'document' };
  if (at(b, 0, '#!AMR')) return { mime: 'audio/amr', ext: 'amr', kind: 'audio' };
  if (at(b, 0, 'OggS')) return { mime: 'audio/ogg', ext: 'ogg', kind: 'audio' };
  if (at(b, 0, [0x1a, 0x45, 0xdf, 0xa3])) return { mime: 'audio/webm', ext: 'webm', kind: 'audio' };
  if (at(b, 0, 'ID3') || (b[0] === 0xff && (b[1] & 0xe0) === 0xe0 && (b[1] & 0x06) !== 0))
    return { mime: 'audio/mpeg', ext: 'mp3', kind: 'audio' };
  if (at(b, 4, 'ftyp') && BRANDS_AUDIO.includes(b.subarray(8, 12).toString('latin1')))
    return { mime: 'audio/mp4', ext: 'm4a', kind: 'audio' };
  if (at(b, 0, [0x50, 0x4b, 0x03, 0x04])) return officeDocument(b);
  return null;
}

/** DOCX/XLSX are zip files; any other zip (or one hiding macros) is refused. */
function officeDocument(b: Buffer): Sniffed | null {
  const head = b.subarray(0, Math.min(b.length, 64 * 1024)).toString('latin1');
  if (!head.includes('[Content_Types].xml') || head.includes('vbaProject.bin')) return null;
  if (head.includes('word/'))
    return {
      mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      ext: 'docx',
      kind: 'document',
    };
  if (head.includes('xl/'))
    return {
      mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      ext: 'xlsx',
      kind: 'document',
    };
  return null;
}

/** A name safe to show and to put in a header: no path, no control or markup characters. */
export function safeFileName(raw: string | undefined, ext: string): string {
  const base = (raw ?? '')
    .split(/[\\/]/)
    .pop()!
    .split('')
    .filter((ch) => ch.charCodeAt(0) >= 0x20 && ch.charCodeAt(0) !== 0x7f && !'<>:"|?*`$&;{}'.includes(ch))
    .join('')
    .replace(/\.[^.]*$/, '')
    .trim()
    .slice(0, 100);
  return `${base || 'file'}.${ext}`;
}
