//! A learning platform's download of all submissions, read in memory: the files of a zip with
//! their paths, within a budget of entries and bytes, refusing whatever could write outside the
//! folder it is meant for. Bytes in, files out: nothing is written anywhere.

use std::io::Read;

/// At most this many entries (a class of a few hundred, several files each).
pub const MAX_ENTRIES: usize = 10_000;
/// At most this many bytes unpacked, all files together (a zip bomb stops here).
pub const MAX_BYTES: u64 = 512 * 1024 * 1024;

/// One file of the zip: its path inside it (with `/`), its bytes and its date as the zip stores
/// it (`YYYYMMDDhhmmss`, sortable), when it has one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    pub path: String,
    pub bytes: Vec<u8>,
    pub modified: Option<u64>,
}

/// Why a zip was not read: one error for the whole download, before anything is graded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Refused {
    /// Not a zip, or a damaged one.
    Corrupt,
    /// A file in it is protected by a password.
    Encrypted,
    /// More entries or more unpacked bytes than the budget.
    TooLarge,
    /// An entry whose path leaves the folder (`../`, an absolute path): the name is given.
    Climbs(String),
}

/// The files of `zip` (folders left out), in the zip's own order.
pub fn files(zip: &[u8]) -> Result<Vec<Entry>, Refused> {
    files_within(zip, MAX_ENTRIES, MAX_BYTES)
}

fn files_within(zip: &[u8], max_entries: usize, max_bytes: u64) -> Result<Vec<Entry>, Refused> {
    let mut archive =
        zip::ZipArchive::new(std::io::Cursor::new(zip)).map_err(|_| Refused::Corrupt)?;
    if archive.len() > max_entries {
        return Err(Refused::TooLarge);
    }
    let mut left = max_bytes;
    let mut entries = Vec::new();
    for index in 0..archive.len() {
        let mut file = archive.by_index(index).map_err(|err| match err {
            zip::result::ZipError::UnsupportedArchive(zip::result::ZipError::PASSWORD_REQUIRED) => {
                Refused::Encrypted
            }
            _ => Refused::Corrupt,
        })?;
        if file.encrypted() {
            return Err(Refused::Encrypted);
        }
        let name = file.name().replace('\\', "/");
        if file.enclosed_name().is_none() || name.split('/').any(|part| part == "..") {
            return Err(Refused::Climbs(name));
        }
        if file.is_dir() {
            continue;
        }
        // The sizes in the zip's header can lie: what is unpacked is counted, not what is said.
        let mut bytes = Vec::new();
        let read = (&mut file)
            .take(left + 1)
            .read_to_end(&mut bytes)
            .map_err(|_| Refused::Corrupt)?;
        left = left.checked_sub(read as u64).ok_or(Refused::TooLarge)?;
        let modified = file.last_modified().map(|t| {
            u64::from(t.year()) * 10_000_000_000
                + u64::from(t.month()) * 100_000_000
                + u64::from(t.day()) * 1_000_000
                + u64::from(t.hour()) * 10_000
                + u64::from(t.minute()) * 100
                + u64::from(t.second())
        });
        entries.push(Entry {
            path: name,
            bytes,
            modified,
        });
    }
    Ok(entries)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn zip_of(files: &[(&str, &[u8])]) -> Vec<u8> {
        let mut writer = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        let options = zip::write::SimpleFileOptions::default();
        for (name, bytes) in files {
            writer.start_file(*name, options).expect("an entry");
            writer.write_all(bytes).expect("its bytes");
        }
        writer.finish().expect("a zip").into_inner()
    }

    #[test]
    fn a_zip_gives_its_files_and_refuses_a_bomb_a_climb_and_garbage() {
        let zip = zip_of(&[("a/b.yaml", b"x: 1"), ("c.pdf", b"%PDF-")]);
        let names: Vec<String> = files(&zip)
            .expect("read")
            .into_iter()
            .map(|e| e.path)
            .collect();
        assert_eq!(names, ["a/b.yaml", "c.pdf"]);
        // Two megabytes of zeros pack into a few kilobytes; the budget counts what unpacks.
        let bomb = zip_of(&[("bom.yaml", &vec![0u8; 2 << 20])]);
        assert!(bomb.len() < 20_000);
        assert_eq!(files_within(&bomb, 10, 1 << 20), Err(Refused::TooLarge));
        assert_eq!(files_within(&zip, 1, 1 << 20), Err(Refused::TooLarge));
        let climb = zip_of(&[("../../.bashrc", b"x")]);
        assert_eq!(files(&climb), Err(Refused::Climbs("../../.bashrc".into())));
        assert_eq!(files(b"PK no zip"), Err(Refused::Corrupt));
    }
}
