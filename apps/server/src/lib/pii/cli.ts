// Key rotation, in two steps so that several instances never meet a key they do not know:
//   node apps/server/src/lib/pii/cli.ts add [--provider sm4-ctr-hmac-sm3]   (every instance learns it)
//   node apps/server/src/lib/pii/cli.ts activate <keyId>                      (new values use it; the
//                                                                             pii-rekey job re-seals the rest)
//   node apps/server/src/lib/pii/cli.ts status
// The keyring is HEWEI_PII_KEYRING_FILE or <HEWEI_DATA_DIR>/keys/pii-keyring.json.
import { keyringFile, loadKeyring, newKey, saveKeyring } from './keyring.ts';

const [cmd, arg] = process.argv.slice(2);
const dataDir = process.env.HEWEI_DATA_DIR ?? 'data';
const file = keyringFile(dataDir);
if (!file) throw new Error('the keyring comes from HEWEI_PII_KEYRING; rotate it where it is kept');
const spec = loadKeyring(dataDir);
if (cmd === 'add') {
  const i = process.argv.indexOf('--provider');
  const id = `k${spec.keys.length + 1}${Date.now().toString(36)}`;
  spec.keys.push(newKey(id, i > 0 ? process.argv[i + 1] : 'aes-256-gcm'));
  saveKeyring(file, spec);
  console.log(`added ${id}; activate it once every instance has reloaded (within a minute)`);
} else if (cmd === 'activate') {
  if (!spec.keys.some((k) => k.id === arg)) throw new Error(`no key ${arg}`);
  saveKeyring(file, { ...spec, current: arg });
  console.log(`${arg} is current; the pii-rekey job re-seals older values in the background`);
} else {
  console.log({ file, current: spec.current, keys: spec.keys.map((k) => `${k.id} (${k.provider})`) });
}
