//! The command line's threads, shared by `build` and `grade`: a pool of plain worker threads with
//! deep stacks, and the stop flag Ctrl-C sets (the cases in flight finish, no new one starts).

use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

/// Set by [`stop`] (Ctrl-C): no worker starts another case.
static STOPPING: AtomicBool = AtomicBool::new(false);

/// Asks a running build to stop: the cases in flight are finished and written, the index and
/// the manifest are written for what was built, and the others wait for the next build.
pub fn stop() {
    STOPPING.store(true, Ordering::SeqCst);
}

/// Whether [`stop`] was called.
pub fn stopped() -> bool {
    STOPPING.load(Ordering::SeqCst)
}

/// The number of worker threads (`None` or 0: one per core), with rayon's pool set up to match.
pub fn workers(jobs: Option<usize>) -> usize {
    let jobs = jobs
        .filter(|&n| n > 0)
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()));
    // typst lays out the pages of a document in parallel on rayon's global pool; its threads
    // need the same deep stacks as ours. Already set up (a second build in one process): fine.
    let _ = rayon::ThreadPoolBuilder::new()
        .num_threads(jobs)
        .stack_size(STACK_SIZE)
        .build_global();
    jobs
}

/// typst's layout recurses deeply; the default 2 MB thread stack overflows on long reports.
const STACK_SIZE: usize = 64 << 20;

/// Runs `work` on every item with `jobs` threads, each taking the next item when it is done,
/// and returns the results in the order of `items`, without those of the items not started
/// because of [`stop`]. Plain threads, not a rayon pool: a rayon
/// worker that waits for typst's own parallel layout steals the next *document*, so with 200
/// cases most of them ended up half-built at once (measured: 610 MB resident with one job).
pub fn in_parallel<T: Sync, R: Send>(
    jobs: usize,
    items: &[T],
    work: impl Fn(&T) -> R + Sync,
) -> std::io::Result<Vec<R>> {
    let next = AtomicUsize::new(0);
    let results: Mutex<Vec<Option<R>>> = Mutex::new(items.iter().map(|_| None).collect());
    std::thread::scope(|scope| {
        for _ in 0..jobs.clamp(1, items.len().max(1)) {
            std::thread::Builder::new()
                .stack_size(STACK_SIZE)
                .spawn_scoped(scope, || {
                    while !STOPPING.load(Ordering::SeqCst) {
                        let index = next.fetch_add(1, Ordering::Relaxed);
                        let Some(item) = items.get(index) else { break };
                        let result = work(item);
                        let mut slots = results.lock().unwrap_or_else(|p| p.into_inner());
                        slots[index] = Some(result);
                    }
                })?;
        }
        Ok::<(), std::io::Error>(())
    })?;
    Ok(results
        .into_inner()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
        .into_iter()
        .flatten()
        .collect())
}
