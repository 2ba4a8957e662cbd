// What the search page keeps across page loads (IndexedDB): the outcome of each search made,
// by the index's build and the search's parameters, so a new load of a search made before
// shows its results without reading a shard or evaluating anything. The build is read from
// the doc table's bytes as fetched (buildIdOf): every build that changes a file of the index
// changes the doc table (a full build's table names a hash of all its other files,
// DocTable.build; an incremental build names a new delta file), so a result of an older build
// is never read. When the page meets another build, everything kept is dropped; past
// KEPT_RESULTS entries too. Storage refused or broken (private mode, quota): nothing is kept,
// the search runs as without it.

const DB_NAME = 'katsudo-static-search';
const STORE = 'results';
/** The key of the build whose results the store holds. */
const BUILD_KEY = 'build';
const KEPT_RESULTS = 200;

/** FNV-1a over the bytes in two lanes, with the length: the doc table as fetched, named. */
export function buildIdOf(bytes: Uint8Array): string {
  let a = 0x811c9dc5;
  let b = 0x050c5d1f;
  for (let i = 0; i < bytes.length; i++) {
    a = Math.imul(a ^ bytes[i]!, 0x01000193);
    b = Math.imul(b ^ bytes[i]!, 0x01000193) ^ (b >>> 15);
  }
  return `${bytes.length.toString(36)}-${(a >>> 0).toString(36)}-${(b >>> 0).toString(36)}`;
}

const done = <T>(request: IDBRequest<T>) =>
  new Promise<T>((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB'));
  });

export interface ResultStore<T> {
  /** The outcome kept for `key` under `build`, if any. */
  read(build: string, key: string): Promise<T | undefined>;
  /** Keeps `value` (in the background: a failure is ignored). */
  write(build: string, key: string, value: T): void;
}

/** Opens the store (started at once: the page asks it beside the doc table's fetch). */
export function openResultStore<T>(): ResultStore<T> {
  const opened = new Promise<IDBDatabase | undefined>((resolve) => {
    try {
      const request = indexedDB.open(DB_NAME, 1);
      request.onupgradeneeded = () => request.result.createObjectStore(STORE);
      request.onsuccess = () => resolve(request.result);
      request.onerror = request.onblocked = () => resolve(undefined);
    } catch {
      resolve(undefined);
    }
  });
  const entryKey = (build: string, key: string) => `${build}\n${key}`;
  return {
    async read(build, key) {
      try {
        const db = await opened;
        if (!db) return undefined;
        const store = db.transaction(STORE).objectStore(STORE);
        const [kept, value] = await Promise.all([done(store.get(BUILD_KEY)), done(store.get(entryKey(build, key)))]);
        return kept === build ? (value as T | undefined) : undefined;
      } catch {
        return undefined;
      }
    },
    write(build, key, value) {
      void opened
        .then((db) => {
          if (!db) return;
          // Callbacks, not awaits: the transaction stays open only while a request's callback runs.
          const store = db.transaction(STORE, 'readwrite').objectStore(STORE);
          const kept = store.get(BUILD_KEY);
          const count = store.count();
          count.onsuccess = () => {
            if (kept.result !== build || count.result > KEPT_RESULTS) {
              store.clear();
              store.put(build, BUILD_KEY);
            }
            store.put(value, entryKey(build, key));
          };
        })
        .catch(() => undefined);
    },
  };
}
