import { createReadStream } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Readable } from 'node:stream';

/** Where attachment bytes live: the data directory by default, an object store in a cluster. */
export interface FileStorage {
  put(key: string, bytes: Buffer): Promise<void>;
  get(key: string): Readable;
  /** Removes the bytes for good (retention); a key already gone is not an error. */
  delete(key: string): Promise<void>;
}

export function directoryStorage(root: string): FileStorage {
  return {
    async put(key, bytes) {
      const path = join(root, key);
      await mkdir(dirname(path), { recursive: true });
      const tmp = `${path}.tmp`;
      await writeFile(tmp, bytes, { flush: true });
      await rename(tmp, path);
    },
    get: (key) => createReadStream(join(root, key)),
    delete: (key) => rm(join(root, key), { force: true }),
  };
}
