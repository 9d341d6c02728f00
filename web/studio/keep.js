// The grading page's one store (IndexedDB), used only when the teacher asks to keep the last
// class's results on this computer: one record, replaced by the next class kept, gone with the
// database when the teacher removes it. Nothing is opened (and so nothing created) before that:
// whether a record exists is asked of the list of databases.
const DATABASE = "casebook-nakijken";
const STORE = "results";
const KEY = "last";

const done = (request) => new Promise((resolve, reject) => {
  request.onsuccess = () => resolve(request.result);
  request.onerror = () => reject(request.error);
});

async function open() {
  const request = indexedDB.open(DATABASE, 1);
  request.onupgradeneeded = () => request.result.createObjectStore(STORE);
  return done(request);
}

// Whether results are kept on this computer.
export async function kept() {
  const names = (await indexedDB.databases?.()) ?? [];
  return names.some((db) => db.name === DATABASE);
}

// The kept results, or null.
export async function load() {
  if (!(await kept())) return null;
  const db = await open();
  try {
    return (await done(db.transaction(STORE).objectStore(STORE).get(KEY))) ?? null;
  } finally {
    db.close();
  }
}

// Keeps `results` (structured-cloneable: Blobs, strings) in place of any kept before.
export async function keep(results) {
  const db = await open();
  try {
    const transaction = db.transaction(STORE, "readwrite");
    transaction.objectStore(STORE).put(results, KEY);
    await new Promise((resolve, reject) => {
      transaction.oncomplete = resolve;
      transaction.onerror = () => reject(transaction.error);
    });
  } finally {
    db.close();
  }
}

// Removes the kept results: the whole database, so that nothing of it is left.
export function forget() {
  return done(indexedDB.deleteDatabase(DATABASE));
}
