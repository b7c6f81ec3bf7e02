// The SHA-256 of a stored document, sealed on the case timeline when the document is issued and
// checked again whenever the stored bytes are served or re-verified.
import { createHash, timingSafeEqual } from 'node:crypto';

/** SHA-256 of the bytes, lower-case hex (64 characters). */
export function documentHash(buffer: Uint8Array): string {
  return createHash('sha256').update(buffer).digest('hex');
}

/** Whether the bytes still have the sealed hash (constant-time compare, case-insensitive hex). */
export function verifyDocumentHash(buffer: Uint8Array, expectedHex: string): boolean {
  if (!/^[0-9a-fA-F]{64}$/.test(expectedHex)) return false;
  const expected = Buffer.from(expectedHex.toLowerCase(), 'hex');
  return timingSafeEqual(createHash('sha256').update(buffer).digest(), expected);
}
