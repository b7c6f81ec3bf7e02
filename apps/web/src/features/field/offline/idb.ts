// A small promise wrapper over IndexedDB: the field app's data, its queue of actions and its photos
// live on the phone so the grid worker can work with no signal.

const NAME = 'hewei-field';
const VERSION = 1;
export type StoreName = 'kv' | 'queue' | 'photos';

let opening: Promise<IDBDatabase> | null = null;

function open(): Promise<IDBDatabase> {
  opening ??= new Promise((resolve, reject) => {
    const req = indexedDB.open(NAME, VERSION);
    req.onupgradeneeded = () => {
      const db = req.result;
      if (!db.objectStoreNames.contains('kv')) db.createObjectStore('kv');
      if (!db.objectStoreNames.contains('queue'))
        db.createObjectStore('queue', { keyPath: 'seq', autoIncrement: true });
      if (!db.objectStoreNames.contains('photos')) db.createObjectStore('photos', { keyPath: 'sha256' });
    };
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => {
      opening = null;
      reject(req.error);
    };
  });
  return opening;
}

const done = <T>(req: IDBRequest<T>) =>
  new Promise<T>((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });

async function store(name: StoreName, mode: IDBTransactionMode) {
  return (await open()).transaction(name, mode).objectStore(name);
}

export const idb = {
  get: async <T>(name: StoreName, key: IDBValidKey) =>
    (await done((await store(name, 'readonly')).get(key))) as T | undefined,
  all: async <T>(name: StoreName) => (await done((await store(name, 'readonly')).getAll())) as T[],
  put: async (name: StoreName, value: unknown, key?: IDBValidKey) =>
    done((await store(name, 'readwrite')).put(value, key)),
  delete: async (name: StoreName, key: IDBValidKey) => {
    await done((await store(name, 'readwrite')).delete(key));
  },
  /** Everything the app kept on the phone goes (sign-out, a revoked account). */
  async clear() {
    const db = await open();
    for (const name of ['kv', 'queue', 'photos'] as StoreName[])
      await done(db.transaction(name, 'readwrite').objectStore(name).clear());
  },
};
