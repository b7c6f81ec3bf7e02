import { randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { PROVIDERS } from './providers.ts';

export interface KeySpec {
  id: string;
  provider: string;
  /** base64 key material */
  key: string;
}
export interface KeyringSpec {
  /** the key new values are sealed with; every listed key still opens what it sealed */
  current: string;
  keys: KeySpec[];
  /** the blind-index key never rotates with the data keys: digests must stay comparable */
  blind: { provider: string; key: string };
  /** signs short-lived download links */
  links: string;
}

/** Field-level protection of personal data: seal/open, blind index, link signatures. */
export interface Pii {
  seal(value: string | null | undefined, purpose: string): string | null;
  /** plaintext left by older code or imports passes through unchanged, so reads never break */
  open(value: string | null | undefined, purpose: string): string | null;
  blind(kind: string, value: string): string;
  /** the key a stored value is sealed with, or null for plaintext */
  keyIdOf(value: string): string | null;
  currentKeyId(): string;
  sign(data: string): string;
  verify(data: string, signature: string): boolean;
  /** adopts a newer spec (a rotated key): what is already sealed stays readable */
  reload(spec: KeyringSpec): void;
  spec(): KeyringSpec;
}

const PREFIX = 'enc1:';
const ID = /^[A-Za-z0-9_-]{1,32}$/;

export function newKey(id: string, provider = 'aes-256-gcm'): KeySpec {
  const p = PROVIDERS[provider];
  if (!p) throw new Error(`unknown cipher provider ${provider}`);
  return { id, provider, key: randomBytes(p.keyBytes).toString('base64') };
}

export function newKeyringSpec(provider = 'aes-256-gcm'): KeyringSpec {
  const first = newKey('k1', provider);
  return {
    current: first.id,
    keys: [first],
    blind: { provider, key: randomBytes(32).toString('base64') },
    links: randomBytes(32).toString('base64'),
  };
}

export function createPii(initial: KeyringSpec): Pii {
  let spec = initial;
  let keys = new Map<string, { provider: (typeof PROVIDERS)[string]; key: Buffer }>();
  const load = (s: KeyringSpec) => {
    const next = new Map<string, { provider: (typeof PROVIDERS)[string]; key: Buffer }>();
    for (const k of s.keys) {
      const provider = PROVIDERS[k.provider];
      if (!provider || !ID.test(k.id)) throw new Error(`bad key ${k.id} (${k.provider})`);
      const key = Buffer.from(k.key, 'base64');
      if (key.length !== provider.keyBytes) throw new Error(`key ${k.id}: ${provider.keyBytes} bytes needed`);
      next.set(k.id, { provider, key });
    }
    if (!next.has(s.current)) throw new Error(`current key ${s.current} is not in the keyring`);
    if (!PROVIDERS[s.blind.provider]) throw new Error('unknown blind-index provider');
    spec = s;
    keys = next;
  };
  load(initial);
  const blindKey = () => Buffer.from(spec.blind.key, 'base64');
  const linkKey = () => Buffer.from(spec.links, 'base64');

  return {
    seal(value, purpose) {
      if (value === null || value === undefined) return null;
      const k = keys.get(spec.current)!;
      const sealed = k.provider.seal(k.key, Buffer.from(value, 'utf8'), Buffer.from(purpose));
      return `${PREFIX}${spec.current}:${sealed.toString('base64url')}`;
    },
    open(value, purpose) {
      if (value === null || value === undefined) return null;
      if (!value.startsWith(PREFIX)) return value;
      const [, id, body] = value.split(':');
      const k = keys.get(id);
      if (!k) throw new Error(`personal data sealed with unknown key ${id}`);
      return k.provider.open(k.key, Buffer.from(body, 'base64url'), Buffer.from(purpose)).toString('utf8');
    },
    blind(kind, value) {
      const p = PROVIDERS[spec.blind.provider];
      return p
        .mac(blindKey(), Buffer.from(`${kind}\u0000${value}`))
        .subarray(0, 16)
        .toString('base64url');
    },
    keyIdOf: (value) => (value.startsWith(PREFIX) ? value.split(':')[1] : null),
    currentKeyId: () => spec.current,
    sign(data) {
      return PROVIDERS['aes-256-gcm'].mac(linkKey(), Buffer.from(data)).toString('base64url');
    },
    verify(data, signature) {
      const want = Buffer.from(this.sign(data));
      const got = Buffer.from(signature);
      return want.length === got.length && timingSafeEqual(want, got);
    },
    reload: load,
    spec: () => spec,
  };
}

/**
 * Where the keyring comes from: HEWEI_PII_KEYRING (JSON), HEWEI_PII_KEYRING_FILE, or a file in
 * the data directory made on first start (mode 0600). Several instances must share one keyring.
 */
export function keyringFile(dataDir: string, env: NodeJS.ProcessEnv = process.env): string | null {
  if (env.HEWEI_PII_KEYRING) return null;
  return env.HEWEI_PII_KEYRING_FILE ?? `${dataDir}/keys/pii-keyring.json`;
}

export function loadKeyring(dataDir: string, env: NodeJS.ProcessEnv = process.env): KeyringSpec {
  if (env.HEWEI_PII_KEYRING) return JSON.parse(env.HEWEI_PII_KEYRING);
  const file = keyringFile(dataDir, env)!;
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8'));
  const spec = newKeyringSpec(env.HEWEI_PII_PROVIDER || 'aes-256-gcm');
  saveKeyring(file, spec);
  return spec;
}

export function saveKeyring(file: string, spec: KeyringSpec) {
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  writeFileSync(`${file}.tmp`, JSON.stringify(spec, null, 2), { mode: 0o600, flush: true });
  renameSync(`${file}.tmp`, file);
}

export const keyringMtime = (file: string | null) => (file && existsSync(file) ? statSync(file).mtimeMs : 0);

export function createPiiFromDataDir(dataDir: string): Pii {
  return createPii(loadKeyring(dataDir));
}
