import sharp from 'sharp';

/** A multipart/form-data upload of one file, as a browser form (with the CSRF header) sends it. */
export function multipart(name: string, bytes: Buffer, type = 'application/octet-stream') {
  const boundary = `----hewei${Date.now()}`;
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: ${type}\r\n\r\n`;
  return {
    payload: Buffer.concat([Buffer.from(head), bytes, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, 'x-hewei-csrf': '1' },
  };
}

export const photoWithExif = () =>
  sharp({ create: { width: 64, height: 48, channels: 3, background: '#3a7' } })
    .jpeg()
    .withExif({ IFD0: { Copyright: 'owner-secret-13812345678', Make: 'PhoneMaker' } })
    .toBuffer();
