//! The clock, which only the command line reads (the engine never does, so two builds are
//! byte-identical): today's date for `casebook new`.

use casebook_core::render::pdf::SOURCE_DATE_EPOCH;
use casebook_pdf::date::ymd_of_epoch;

/// Today as `YYYY-MM-DD` (UTC), or the day of `SOURCE_DATE_EPOCH` when it is set: what
/// `casebook new` writes under `date`, reproducible where a build asks for it.
pub fn today() -> String {
    let seconds = std::env::var(SOURCE_DATE_EPOCH)
        .ok()
        .and_then(|s| s.trim().parse::<i64>().ok())
        .or_else(|| {
            let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH);
            now.ok().and_then(|d| i64::try_from(d.as_secs()).ok())
        })
        .unwrap_or_default();
    ymd_of_epoch(seconds)
}
