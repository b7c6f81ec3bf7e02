import type { AppDeps } from '../../deps.ts';
import { keyringFile, keyringMtime, loadKeyring } from './keyring.ts';
import { rekeyBatch } from './rekey.ts';

/**
 * The background half of key rotation: picks up a changed keyring file (an added or activated
 * key) and re-seals a batch of values under the current key. See docs/operations/security.md.
 */
export function piiRekeyJob(deps: AppDeps, dataDir = process.env.HEWEI_DATA_DIR ?? 'data') {
  const file = keyringFile(dataDir);
  let seen = keyringMtime(file);
  return async () => {
    const mtime = keyringMtime(file);
    if (file && mtime !== seen) {
      deps.pii.reload(loadKeyring(dataDir));
      seen = mtime;
    }
    return rekeyBatch(deps.db, deps.pii, 200);
  };
}
