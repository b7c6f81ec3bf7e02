import {
  createCipheriv,
  createDecipheriv,
  createHmac,
  createSecretKey,
  type KeyObject,
  randomBytes,
  timingSafeEqual,
} from 'node:crypto';

/**
 * A field cipher. Synchronous on purpose: a county that keeps its keys in a certified device
 * (密码机) unwraps the data keys through the device at start-up (envelope encryption) and hands
 * them to one of these providers; the device never sits in the request path.
 */
export interface CipherProvider {
  readonly name: string;
  /** bytes of key material this provider needs */
  readonly keyBytes: number;
  seal(key: Buffer, plain: Buffer, aad: Buffer): Buffer;
  /** throws when the ciphertext or its context (aad) was tampered with */
  open(key: Buffer, sealed: Buffer, aad: Buffer): Buffer;
  /** keyed digest for blind indexes */
  mac(key: Buffer, data: Buffer): Buffer;
}

// One set of KeyObjects per key Buffer (the keyring holds each key's Buffer for its lifetime):
// importing the raw key on every seal/open cost ~15 % of a request that opens many phones.
const keyObjects = new WeakMap<Buffer, KeyObject[]>();
/** The key as KeyObjects: whole, or cut in two at `at` bytes. */
function keyParts(key: Buffer, at?: number): KeyObject[] {
  let parts = keyObjects.get(key);
  if (!parts) {
    parts = (at === undefined ? [key] : [key.subarray(0, at), key.subarray(at)]).map((b) =>
      createSecretKey(b),
    );
    keyObjects.set(key, parts);
  }
  return parts;
}

/** AES-256-GCM: 12-byte nonce ‖ 16-byte tag ‖ ciphertext. */
export const aes256gcm: CipherProvider = {
  name: 'aes-256-gcm',
  keyBytes: 32,
  seal(key, plain, aad) {
    const iv = randomBytes(12);
    const c = createCipheriv('aes-256-gcm', keyParts(key)[0], iv);
    c.setAAD(aad);
    const body = Buffer.concat([c.update(plain), c.final()]);
    return Buffer.concat([iv, c.getAuthTag(), body]);
  },
  open(key, sealed, aad) {
    const d = createDecipheriv('aes-256-gcm', keyParts(key)[0], sealed.subarray(0, 12));
    d.setAAD(aad);
    d.setAuthTag(sealed.subarray(12, 28));
    return Buffer.concat([d.update(sealed.subarray(28)), d.final()]);
  },
  mac: (key, data) => createHmac('sha256', key).update(data).digest(),
};

/**
 * 国密: SM4-CTR with HMAC-SM3 over (aad ‖ iv ‖ ciphertext), encrypt-then-MAC. Node's OpenSSL
 * has SM4 and SM3 but not SM4-GCM, hence the explicit MAC. Key: 16 bytes SM4 ‖ 32 bytes MAC.
 */
export const sm4ctrSm3: CipherProvider = {
  name: 'sm4-ctr-hmac-sm3',
  keyBytes: 48,
  seal(key, plain, aad) {
    const [enc, macKey] = keyParts(key, 16);
    const iv = randomBytes(16);
    const c = createCipheriv('sm4-ctr', enc, iv);
    const body = Buffer.concat([c.update(plain), c.final()]);
    const tag = createHmac('sm3', macKey).update(aad).update(iv).update(body).digest();
    return Buffer.concat([iv, tag, body]);
  },
  open(key, sealed, aad) {
    const iv = sealed.subarray(0, 16);
    const tag = sealed.subarray(16, 48);
    const body = sealed.subarray(48);
    const [enc, macKey] = keyParts(key, 16);
    const want = createHmac('sm3', macKey).update(aad).update(iv).update(body).digest();
    if (tag.length !== want.length || !timingSafeEqual(tag, want)) throw new Error('sm4: bad tag');
    const d = createDecipheriv('sm4-ctr', enc, iv);
    return Buffer.concat([d.update(body), d.final()]);
  },
  mac: (key, data) => createHmac('sm3', key).update(data).digest(),
};

export const PROVIDERS: Record<string, CipherProvider> = {
  [aes256gcm.name]: aes256gcm,
  [sm4ctrSm3.name]: sm4ctrSm3,
};
