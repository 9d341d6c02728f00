//! The one date a PDF carries (its creation timestamp and typst's `today()`): the case's own date,
//! else `SOURCE_DATE_EPOCH`, else none at all. Never the clock, so two builds are byte-identical.

use typst::foundations::Datetime;

/// The date of a document: `case_date` (`YYYY-MM-DD`) when it is a valid date, else the
/// `source_date_epoch` value when it is a valid number of seconds.
pub fn document_date(case_date: Option<&str>, source_date_epoch: Option<&str>) -> Option<Datetime> {
    case_date
        .and_then(parse_ymd)
        .or_else(|| source_date_epoch.and_then(parse_epoch))
}

/// The day `seconds` after 1970-01-01 UTC falls on, as `YYYY-MM-DD`.
pub fn ymd_of_epoch(seconds: i64) -> String {
    let (year, month, day) = civil_from_days(seconds.div_euclid(86_400)).unwrap_or((1970, 1, 1));
    format!("{year:04}-{month:02}-{day:02}")
}

fn parse_ymd(text: &str) -> Option<Datetime> {
    let mut parts = text.trim().splitn(3, '-');
    let year = parts.next()?.parse().ok()?;
    let month = parts.next()?.parse().ok()?;
    let day = parts.next()?.parse().ok()?;
    Datetime::from_ymd(year, month, day)
}

fn parse_epoch(text: &str) -> Option<Datetime> {
    let seconds: i64 = text.trim().parse().ok()?;
    let days = seconds.div_euclid(86_400);
    let of_day = seconds.rem_euclid(86_400);
    let (year, month, day) = civil_from_days(days)?;
    Datetime::from_ymd_hms(
        year,
        month,
        day,
        u8::try_from(of_day / 3600).ok()?,
        u8::try_from(of_day % 3600 / 60).ok()?,
        u8::try_from(of_day % 60).ok()?,
    )
}

/// Days since 1970-01-01 to a proleptic Gregorian date (H. Hinnant's `civil_from_days`).
fn civil_from_days(days: i64) -> Option<(i32, u8, u8)> {
    let z = days.checked_add(719_468)?;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    Some((
        i32::try_from(year).ok()?,
        u8::try_from(month).ok()?,
        u8::try_from(day).ok()?,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_case_date_wins_over_the_epoch() {
        assert_eq!(
            document_date(Some("2024-09-01"), Some("0")),
            Datetime::from_ymd(2024, 9, 1)
        );
    }

    #[test]
    fn the_epoch_is_used_when_the_case_has_no_valid_date() {
        assert_eq!(
            document_date(Some("1 september"), Some("1700000000")),
            Datetime::from_ymd_hms(2023, 11, 14, 22, 13, 20)
        );
        assert_eq!(
            document_date(None, Some("951782400")),
            Datetime::from_ymd_hms(2000, 2, 29, 0, 0, 0)
        );
    }

    #[test]
    fn no_date_at_all_gives_none() {
        assert_eq!(document_date(None, None), None);
        assert_eq!(document_date(Some("2024-02-30"), Some("soon")), None);
    }
}
