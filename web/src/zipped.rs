//! The class's zip written a piece at a time, as the submissions are marked: what is finished
//! leaves the worker at once (the page keeps it as a Blob), so that the coordinator never holds
//! the class's feedback whole, nor the zip of it beside it at the end.

use std::cell::RefCell;
use std::io::{self, Seek, SeekFrom, Write};
use std::rc::Rc;

use casebook_core::grade::import;
use zip::ZipWriter;
use zip::result::ZipResult;

/// The zip's bytes not yet handed out, and where the writer is in the whole zip.
#[derive(Default)]
struct Pieces {
    /// How many bytes have been handed out: the writer never goes back before them.
    handed: u64,
    kept: Vec<u8>,
    at: u64,
}

/// The writer's side of [`Pieces`].
struct Spill(Rc<RefCell<Pieces>>);

impl Write for Spill {
    fn write(&mut self, data: &[u8]) -> io::Result<usize> {
        let mut pieces = self.0.borrow_mut();
        let start = (pieces.at - pieces.handed) as usize;
        let end = start + data.len();
        if pieces.kept.len() < end {
            pieces.kept.resize(end, 0);
        }
        pieces.kept[start..end].copy_from_slice(data);
        pieces.at += data.len() as u64;
        Ok(data.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

impl Seek for Spill {
    fn seek(&mut self, to: SeekFrom) -> io::Result<u64> {
        let mut pieces = self.0.borrow_mut();
        let end = pieces.handed + pieces.kept.len() as u64;
        let target = match to {
            SeekFrom::Start(n) => Some(n),
            SeekFrom::End(d) => end.checked_add_signed(d),
            SeekFrom::Current(d) => pieces.at.checked_add_signed(d),
        };
        match target {
            Some(target) if target >= pieces.handed => {
                pieces.at = target;
                Ok(target)
            }
            _ => Err(io::Error::other("before the part handed out")),
        }
    }
}

/// A zip laid out as [`import::zip`] stores its files, in the order they are added.
pub struct ClassZip {
    writer: ZipWriter<Spill>,
    pieces: Rc<RefCell<Pieces>>,
    /// Where the file added last begins: the bytes before it are final (a file's header is
    /// completed when the next one starts).
    settled: u64,
}

impl ClassZip {
    pub fn new() -> ClassZip {
        let pieces = Rc::new(RefCell::new(Pieces::default()));
        ClassZip {
            writer: ZipWriter::new(Spill(Rc::clone(&pieces))),
            pieces,
            settled: 0,
        }
    }

    pub fn add(&mut self, name: &str, bytes: &[u8]) -> ZipResult<()> {
        self.settled = self.pieces.borrow().at;
        self.writer.start_file(name, import::stored())?;
        self.writer.write_all(bytes)?;
        Ok(())
    }

    /// The bytes that are final and not yet handed out.
    pub fn take(&mut self) -> Vec<u8> {
        let mut pieces = self.pieces.borrow_mut();
        let count = (self.settled - pieces.handed) as usize;
        pieces.handed = self.settled;
        pieces.kept.drain(..count).collect()
    }

    /// The rest of the zip, finished.
    pub fn finish(self) -> ZipResult<Vec<u8>> {
        self.writer.finish()?;
        Ok(std::mem::take(&mut self.pieces.borrow_mut().kept))
    }
}
