//! Who handed in a file, read from the name a learning platform gives it in its download of all
//! submissions. Text in, text out: no file is opened.
//!
//! The layouts, as each platform's own code writes its download:
//! - Brightspace: `<number>-<number> - Firstname Lastname - <date time> - <original name>`, flat,
//!   beside an `index.html` (from teachers' downloads; D2L's documentation does not spell it out);
//! - Canvas: `<sortable name, lower case, only letters>[_LATE]_<user id>_<file id>_<original
//!   name>` (canvas-lms `lib/content_zipper.rb`, `get_filename` and `add_upload_submission`);
//! - Moodle: `Firstname Lastname_<participant id>_assignsubmission_file_<original name>`, or that
//!   prefix (without the last `_`) as a folder per student holding the original names, the
//!   default since Moodle 3.1 (moodle `mod/assign/classes/downloader.php`).

/// The learning platform whose download a file name comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Platform {
    Brightspace,
    Canvas,
    Moodle,
}

/// What a download's file name says of its submission.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Origin {
    pub platform: Platform,
    /// The student's name as the platform writes it (Canvas: `lastnamefirstname`).
    pub student: String,
    /// The platform's id of the student in its download (Canvas: the user id, Moodle: the
    /// participant id, Brightspace: the number pair, which is no id its grade import takes).
    /// Canvas's second number is the file's id, which its re-upload of feedback needs too: it is
    /// kept in `prefix`.
    pub id: String,
    /// Handed in after the deadline, as the platform marks it (Canvas only).
    pub late: bool,
    /// The file's name as the student handed it in.
    pub original: String,
    /// What the platform put before that name (`vriesjande_4711_90210_`, `Jan de
    /// Vries_501_assignsubmission_file_`): Canvas finds a feedback file's student by it.
    pub prefix: String,
}

impl Platform {
    pub const ALL: [Platform; 3] = [Platform::Brightspace, Platform::Canvas, Platform::Moodle];

    /// The platform as `--lms` and the file names say it.
    pub fn key(self) -> &'static str {
        match self {
            Platform::Brightspace => "brightspace",
            Platform::Canvas => "canvas",
            Platform::Moodle => "moodle",
        }
    }

    /// The platform named `key` (any case).
    pub fn from_key(key: &str) -> Option<Platform> {
        Platform::ALL
            .into_iter()
            .find(|p| p.key().eq_ignore_ascii_case(key.trim()))
    }
}

/// The origin of a path inside a download (`/` between folders), when it is one of the
/// platforms' layouts; `None` for any other name.
pub fn origin(path: &str) -> Option<Origin> {
    let mut parts = path.rsplit('/');
    let name = parts.next()?;
    let folder = parts.next();
    folder
        .and_then(|folder| moodle_folder(folder, name))
        .or_else(|| moodle(name))
        .or_else(|| brightspace(name))
        .or_else(|| canvas(name))
}

const MOODLE_MARK: &str = "_assignsubmission_file";

fn moodle(name: &str) -> Option<Origin> {
    let (prefix, original) = name.split_once(&format!("{MOODLE_MARK}_"))?;
    moodle_prefix(prefix, original, format!("{prefix}{MOODLE_MARK}_"))
}

fn moodle_folder(folder: &str, name: &str) -> Option<Origin> {
    let prefix = folder
        .strip_suffix(&format!("{MOODLE_MARK}_"))
        .or_else(|| folder.strip_suffix(MOODLE_MARK))?;
    moodle_prefix(prefix, name, format!("{folder}/"))
}

fn moodle_prefix(prefix: &str, original: &str, before: String) -> Option<Origin> {
    let (student, id) = prefix.rsplit_once('_')?;
    (digits(id) && !student.trim().is_empty() && !original.is_empty()).then(|| Origin {
        platform: Platform::Moodle,
        student: student.trim().to_string(),
        id: id.to_string(),
        late: false,
        original: original.to_string(),
        prefix: before,
    })
}

fn brightspace(name: &str) -> Option<Origin> {
    let mut parts = name.splitn(4, " - ");
    let (numbers, student, _date, original) =
        (parts.next()?, parts.next()?, parts.next()?, parts.next()?);
    let (first, second) = numbers.split_once('-')?;
    (digits(first) && digits(second) && !student.trim().is_empty() && !original.is_empty()).then(
        || Origin {
            platform: Platform::Brightspace,
            student: student.trim().to_string(),
            id: numbers.to_string(),
            late: false,
            original: original.to_string(),
            prefix: name[..name.len() - original.len()].to_string(),
        },
    )
}

fn canvas(name: &str) -> Option<Origin> {
    let mut parts = name.splitn(5, '_');
    let student = parts.next()?;
    let mut next = parts.next()?;
    let late = next == "late" || next == "LATE";
    if late {
        next = parts.next()?;
    }
    let (user, file) = (next, parts.next()?);
    let original = if late {
        // splitn(5) left the original name's own underscores in the last part.
        parts.next()?.to_string()
    } else {
        parts.collect::<Vec<_>>().join("_")
    };
    let plain = !student.is_empty() && student.chars().all(|c| c.is_alphanumeric() || c == '-');
    (plain && digits(user) && digits(file) && !original.is_empty()).then(|| Origin {
        platform: Platform::Canvas,
        student: student.to_string(),
        id: user.to_string(),
        late,
        prefix: name[..name.len() - original.len()].to_string(),
        original,
    })
}

fn digits(text: &str) -> bool {
    !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn of(path: &str) -> (Platform, String, String, bool, String) {
        let o = origin(path).unwrap_or_else(|| panic!("no platform in {path}"));
        (o.platform, o.student, o.id, o.late, o.original)
    }

    #[test]
    fn each_platform_s_names_give_the_student_and_the_id() {
        assert_eq!(
            of("148723-301244 - Jan de Vries - Dec 7, 2026 1423 - opdracht - def.pdf"),
            (
                Platform::Brightspace,
                "Jan de Vries".into(),
                "148723-301244".into(),
                false,
                "opdracht - def.pdf".into()
            )
        );
        assert_eq!(
            of("vriesjande_4711_90210_mijn_case.yaml"),
            (
                Platform::Canvas,
                "vriesjande".into(),
                "4711".into(),
                false,
                "mijn_case.yaml".into()
            )
        );
        assert_eq!(
            of("vriesjande_late_4711_90211_mijn_case-1.pdf"),
            (
                Platform::Canvas,
                "vriesjande".into(),
                "4711".into(),
                true,
                "mijn_case-1.pdf".into()
            )
        );
        assert_eq!(
            of("Zoë Çelik_123456_assignsubmission_file_case.yaml"),
            (
                Platform::Moodle,
                "Zoë Çelik".into(),
                "123456".into(),
                false,
                "case.yaml".into()
            )
        );
        assert_eq!(
            of("Zoë Çelik_123456_assignsubmission_file/case.pdf").1,
            "Zoë Çelik"
        );
    }

    #[test]
    fn other_names_are_no_platform_s() {
        for name in [
            "jan/opdracht.yaml",
            "opdracht.yaml",
            "index.html",
            "a_b_c.yaml",
        ] {
            assert_eq!(origin(name), None, "{name}");
        }
    }
}
