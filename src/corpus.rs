//! Batch processing of many files on all cores: streaming, in order, nothing lost.
//!
//! ```no_run
//! let corpus = planmine::Corpus::open("corpus/")?.jobs(2);
//! for doc in corpus.par_extract() {
//!     println!("{} goals in {}", doc.goals.len(), doc.source);
//! }
//! # Ok::<(), planmine::Error>(())
//! ```
//!
//! Every input yields exactly one [`Document`], in path order whatever the number of threads:
//! a file that cannot be read, is empty, binary or larger than the size limit comes back with
//! its `error` set, and so does a document whose processing panicked (caught here, at the batch
//! boundary). Documents are processed by a rayon pool and handed out in order while at most a
//! few of them (bounded by count and by input bytes) are in flight, so memory stays flat however
//! large the corpus is.

use std::collections::{BTreeMap, HashSet};
use std::fmt::Write as _;
use std::io::{BufRead, Read};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{channel, Receiver, Sender};
use std::sync::{Arc, Condvar, Mutex};
use std::thread::JoinHandle;
use std::time::Duration;

use base64::Engine as _;

use crate::decode::{DecodeOptions, Decoder};
use crate::error::{Error, ErrorKind};
use crate::records::{Document, ErrorRecord};

/// Default per-document size limit: 64 MiB.
pub const DEFAULT_MAX_BYTES: u64 = 64 * 1024 * 1024;

/// `error.kind` of a document whose processing panicked (a bug in planmine, reported as data).
pub const KIND_INTERNAL: &str = "internal";

/// `error.kind` of a `--stdin-jsonl` line that is not a valid input object.
pub const KIND_INVALID_INPUT: &str = "invalid_input";

/// How a batch runs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Options {
    /// Worker threads; 0 means one per available core.
    pub jobs: usize,
    /// Inputs larger than this many bytes yield a `too_large` error record unread.
    pub max_bytes: u64,
    /// At most this many documents are in flight (being processed or waiting for their turn to
    /// be handed out); 0 means four per worker thread (at least 8).
    pub max_in_flight: usize,
    /// At most this many input bytes are in flight (one document is always let through, however
    /// large), which bounds memory when files are big.
    pub max_in_flight_bytes: u64,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            jobs: 0,
            max_bytes: DEFAULT_MAX_BYTES,
            max_in_flight: 0,
            max_in_flight_bytes: 8 * 1024 * 1024,
        }
    }
}

impl Options {
    /// The number of worker threads this resolves to.
    pub fn threads(&self) -> usize {
        if self.jobs > 0 {
            self.jobs
        } else {
            std::thread::available_parallelism().map_or(1, |n| n.get())
        }
    }

    fn in_flight(&self) -> usize {
        if self.max_in_flight > 0 {
            self.max_in_flight
        } else {
            (4 * self.threads()).max(8)
        }
    }
}

/// One input found by discovery.
#[derive(Debug, Clone)]
struct Entry {
    path: PathBuf,
    /// Size in bytes, or why the path could not even be examined (kept to report it).
    size: Result<u64, Error>,
    /// The file's identity (device, inode) where the platform gives one: one file named
    /// twice (`a.txt`, `./a.txt`, a link) is read once.
    id: Option<(u64, u64)>,
}

/// The identity of the file `meta` describes, on platforms that have one.
fn file_id(meta: &std::fs::Metadata) -> Option<(u64, u64)> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt as _;
        Some((meta.dev(), meta.ino()))
    }
    #[cfg(not(unix))]
    {
        let _ = meta;
        None
    }
}

/// A sorted list of input files and how to process them.
#[derive(Debug, Clone, Default)]
pub struct Corpus {
    entries: Vec<Entry>,
    options: Options,
}

impl Corpus {
    /// Discovers the files under `path` (a file, or a folder searched recursively).
    ///
    /// # Errors
    /// [`ErrorKind::Io`] when `path` itself does not exist or cannot be examined. Problems
    /// below it (an unreadable sub-folder, a dangling link) become error records instead.
    pub fn open(path: impl AsRef<Path>) -> Result<Corpus, Error> {
        let path = path.as_ref();
        std::fs::metadata(path).map_err(|e| io_error(path, &e))?;
        Ok(Corpus::from_paths([path]))
    }

    /// Discovers the files under each of `paths` (files or folders, recursively), sorted by path
    /// and without duplicates. Never fails: a path that cannot be read is kept and yields an
    /// error record, so every input the user named shows up in the output.
    pub fn from_paths<I, P>(paths: I) -> Corpus
    where
        I: IntoIterator<Item = P>,
        P: AsRef<Path>,
    {
        let mut entries = Vec::new();
        for path in paths {
            discover(path.as_ref(), true, &mut entries);
        }
        entries.sort_by(|a, b| a.path.cmp(&b.path));
        entries.dedup_by(|a, b| a.path == b.path);
        let mut ids = HashSet::new();
        entries.retain(|e| e.id.is_none_or(|id| ids.insert(id)));
        Corpus {
            entries,
            options: Options::default(),
        }
    }

    /// Drops `path` from the inputs if discovery found it (by any spelling of the same file),
    /// e.g. the output file of a previous run written inside the folder being read.
    pub fn exclude(mut self, path: impl AsRef<Path>) -> Self {
        let path = path.as_ref();
        let Some(name) = path.file_name() else {
            return self;
        };
        let Ok(target) = std::fs::canonicalize(path) else {
            return self;
        };
        // Only same-named entries can be the file: canonicalise just those.
        self.entries.retain(|e| {
            e.path.file_name() != Some(name)
                || std::fs::canonicalize(&e.path).map_or(true, |p| p != target)
        });
        self
    }

    /// Replaces all options.
    pub fn with_options(mut self, options: Options) -> Self {
        self.options = options;
        self
    }

    /// Sets the number of worker threads (0: one per core).
    pub fn jobs(mut self, jobs: usize) -> Self {
        self.options.jobs = jobs;
        self
    }

    /// Sets the per-document size limit in bytes.
    pub fn max_bytes(mut self, max_bytes: u64) -> Self {
        self.options.max_bytes = max_bytes;
        self
    }

    /// The options in force.
    pub fn options(&self) -> &Options {
        &self.options
    }

    /// The input paths, in processing (= output) order.
    pub fn paths(&self) -> impl Iterator<Item = &Path> {
        self.entries.iter().map(|e| e.path.as_path())
    }

    /// Number of inputs.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// True when there is no input.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Sum of the inputs' sizes in bytes, as found by discovery.
    pub fn total_bytes(&self) -> u64 {
        self.entries
            .iter()
            .filter_map(|e| e.size.as_ref().ok())
            .sum()
    }

    /// Processes all inputs on a rayon pool and yields one [`Document`] per input, in path
    /// order. Processing runs ahead of the consumer by a bounded number of documents; dropping
    /// the iterator stops it.
    pub fn par_extract(&self) -> DocumentStream {
        self.par_map(|doc| doc)
    }

    /// Like [`Corpus::par_extract`], but runs `finish` on each document on the worker threads
    /// (e.g. serialising it), so the consumer only receives the results, in path order.
    ///
    /// Should `finish` panic, it is called again with an `internal` error record instead; a
    /// second panic ends the stream early.
    pub fn par_map<T, F>(&self, finish: F) -> Ordered<T>
    where
        T: Send + 'static,
        F: Fn(Document) -> T + Send + Sync + 'static,
    {
        let max_bytes = self.options.max_bytes;
        let jobs = self
            .entries
            .clone()
            .into_iter()
            .map(move |entry| FileJob { entry, max_bytes });
        Ordered::spawn(jobs, &self.options, finish)
    }
}

fn io_error(path: &Path, err: &std::io::Error) -> Error {
    Error::new(ErrorKind::Io, format!("{}: {err}", path.display()))
}

/// Adds the files at `path` to `out`. A `root` (named by the user) may be any readable file,
/// a pipe included; inside folders only regular files are read — a FIFO or device found there
/// would block or never end — and anything else becomes an error record. Folders are walked
/// by `walkdir`, links followed; a link back to a folder being walked (a loop) names no file
/// and is passed over, and a file reachable twice is kept once (by its file id, later).
fn discover(path: &Path, root: bool, out: &mut Vec<Entry>) {
    let meta = match std::fs::metadata(path) {
        Ok(meta) => meta,
        Err(err) => {
            out.push(Entry {
                path: path.to_owned(),
                size: Err(io_error(path, &err)),
                id: None,
            });
            return;
        }
    };
    if !meta.is_dir() {
        let size = if root || meta.is_file() {
            Ok(meta.len())
        } else {
            Err(Error::new(
                ErrorKind::Io,
                format!("{}: not a regular file", path.display()),
            ))
        };
        out.push(Entry {
            path: path.to_owned(),
            size,
            id: file_id(&meta),
        });
        return;
    }
    for item in walkdir::WalkDir::new(path).follow_links(true).min_depth(1) {
        match item {
            Ok(item) if item.file_type().is_dir() => {}
            Ok(item) => {
                let (size, id) = match item.metadata() {
                    Ok(meta) if meta.is_file() => (Ok(meta.len()), file_id(&meta)),
                    Ok(_) => (
                        Err(Error::new(
                            ErrorKind::Io,
                            format!("{}: not a regular file", item.path().display()),
                        )),
                        None,
                    ),
                    Err(err) => (Err(walk_error(item.path(), &err)), None),
                };
                out.push(Entry {
                    path: item.into_path(),
                    size,
                    id,
                });
            }
            Err(err) if err.loop_ancestor().is_some() => {}
            Err(err) => {
                let at = err.path().unwrap_or(path).to_owned();
                out.push(Entry {
                    size: Err(walk_error(&at, &err)),
                    path: at,
                    id: None,
                });
            }
        }
    }
}

/// An error of the folder walk as an `io` error naming its path.
fn walk_error(path: &Path, err: &walkdir::Error) -> Error {
    match err.io_error() {
        Some(io) => io_error(path, io),
        None => Error::new(ErrorKind::Io, format!("{}: {err}", path.display())),
    }
}

/// A document that failed before or during processing, as its one output record.
pub fn error_document(source: &str, error: ErrorRecord) -> Document {
    Document {
        source: source.to_owned(),
        error: Some(error),
        ..Document::default()
    }
}

/// Runs the pipeline on `bytes` after the batch-level checks (size, empty, binary), turning a
/// panic into an `internal` error record. This is what every batch input goes through.
///
/// Given the bytes by value (a `Vec<u8>`), it frees them once decoded, before the later
/// stages run: a big document's input does not stay in memory beside its text.
pub fn process_checked<'a>(
    source: &str,
    bytes: impl Into<std::borrow::Cow<'a, [u8]>>,
    max_bytes: u64,
) -> Document {
    let bytes = bytes.into();
    if bytes.len() as u64 > max_bytes {
        return error_document(source, too_large(bytes.len() as u64, max_bytes).to_record());
    }
    if bytes.is_empty() {
        return error_document(
            source,
            Error::new(ErrorKind::Empty, "the input has no bytes").to_record(),
        );
    }
    if let Some(what) = sniff_binary(&bytes) {
        return error_document(
            source,
            Error::new(ErrorKind::Binary, format!("not text: {what}")).to_record(),
        );
    }
    // The decoder gets the batch's limit, so `--max-size` above its default is honoured.
    let decoder = Decoder::with_options(DecodeOptions {
        max_bytes: usize::try_from(max_bytes).unwrap_or(usize::MAX),
        ..DecodeOptions::default()
    });
    guarded(source, move || {
        let decoded = decoder.decode(&bytes);
        drop(bytes);
        match decoded {
            Ok(decoded) => crate::process_decoded(source, &decoded),
            Err(err) => error_document(source, err.to_record()),
        }
    })
}

fn too_large(size: u64, max_bytes: u64) -> Error {
    Error::new(
        ErrorKind::TooLarge,
        format!("{size} bytes exceeds the limit of {max_bytes} bytes"),
    )
}

/// Calls `f`, turning a panic into an `internal` error record for `source`.
fn guarded(source: &str, f: impl FnOnce() -> Document) -> Document {
    catch_unwind(AssertUnwindSafe(f)).unwrap_or_else(|payload| internal_error(source, &*payload))
}

/// The `internal` error record for a panic with `payload`.
fn internal_error(source: &str, payload: &(dyn std::any::Any + Send)) -> Document {
    let what = payload
        .downcast_ref::<&str>()
        .map(|s| (*s).to_owned())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "unknown panic".to_owned());
    error_document(
        source,
        ErrorRecord {
            kind: KIND_INTERNAL.to_owned(),
            message: format!("processing panicked (a bug in planmine): {what}"),
        },
    )
}

/// Reads and processes one file with the batch-level checks: `too_large` is decided from the
/// file's size before reading it.
pub fn process_file(path: &Path, max_bytes: u64) -> Document {
    named(path, |source| match read_file(path, max_bytes) {
        Ok(bytes) => process_checked(source, bytes, max_bytes),
        Err(err) => error_document(source, err.to_record()),
    })
}

/// The document `make` gives for the source name of `path`, with the path's exact bytes
/// attached when that name had to escape them.
fn named(path: &Path, make: impl FnOnce(&str) -> Document) -> Document {
    let (source, source_bytes) = source_name(path);
    let mut doc = make(&source);
    doc.source_bytes = source_bytes;
    doc
}

/// A path as the output's `source`, and its raw bytes (base64) when it is not UTF-8.
///
/// The invalid bytes of such a name are written `\xNN`, so two names that differ only there
/// stay distinct; `source_bytes` gives the exact name back.
pub fn source_name(path: &Path) -> (String, Option<String>) {
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt as _;
        let bytes = path.as_os_str().as_bytes();
        if std::str::from_utf8(bytes).is_err() {
            let mut name = String::with_capacity(bytes.len() + 8);
            for chunk in bytes.utf8_chunks() {
                name.push_str(chunk.valid());
                for b in chunk.invalid() {
                    let _ = write!(name, "\\x{b:02X}");
                }
            }
            return (
                name,
                Some(base64::engine::general_purpose::STANDARD.encode(bytes)),
            );
        }
    }
    (path.display().to_string(), None)
}

/// Reads the file at `path`, refusing more than `max_bytes` (`too_large`) without reading
/// them: the one guarded read behind [`process_file`] and the CLI's `decode`.
///
/// A FIFO or device is opened without waiting for a writer, and read until its end: a pipe
/// nobody writes to is an empty input, not a hang.
///
/// # Errors
/// [`ErrorKind::Io`] when the file cannot be opened or read, or is a folder;
/// [`ErrorKind::TooLarge`] beyond `max_bytes`.
pub fn read_file(path: &Path, max_bytes: u64) -> Result<Vec<u8>, Error> {
    let file = open_no_wait(path).map_err(|e| io_error(path, &e))?;
    let meta = file.metadata().map_err(|e| io_error(path, &e))?;
    if meta.is_dir() {
        return Err(Error::new(
            ErrorKind::Io,
            format!("{}: is a directory", path.display()),
        ));
    }
    if meta.len() > max_bytes {
        return Err(too_large(meta.len(), max_bytes));
    }
    // The file may grow between the size check and the read: never read past the limit.
    read_capped(file, max_bytes, meta.len() as usize).map_err(|e| e.at(path, max_bytes))
}

/// Why [`read_capped`] stopped.
enum Capped {
    Io(std::io::Error),
    TooLarge(u64),
}

impl Capped {
    /// The error, naming where the bytes came from.
    fn at(self, source: &Path, max_bytes: u64) -> Error {
        match self {
            Capped::Io(e) => io_error(source, &e),
            Capped::TooLarge(len) => too_large(len, max_bytes),
        }
    }
}

/// Reads `reader` to its end, but never more than `max_bytes` + 1 bytes. A reader opened
/// without waiting (a pipe whose writer has not written yet) is waited for here.
fn read_capped(reader: impl Read, max_bytes: u64, expected: usize) -> Result<Vec<u8>, Capped> {
    let mut bytes = Vec::with_capacity(expected);
    let mut limited = reader.take(max_bytes.saturating_add(1));
    loop {
        match limited.read_to_end(&mut bytes) {
            Ok(_) => break,
            Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => {
                std::thread::sleep(Duration::from_millis(2));
            }
            Err(e) => return Err(Capped::Io(e)),
        }
    }
    if bytes.len() as u64 > max_bytes {
        return Err(Capped::TooLarge(bytes.len() as u64));
    }
    Ok(bytes)
}

/// Reads one document from standard input, refusing more than `max_bytes` (`too_large`).
///
/// # Errors
/// [`ErrorKind::Io`] when standard input cannot be read; [`ErrorKind::TooLarge`] beyond
/// `max_bytes`.
pub fn read_stdin(max_bytes: u64) -> Result<Vec<u8>, Error> {
    read_capped(std::io::stdin().lock(), max_bytes, 0)
        .map_err(|e| e.at(Path::new("standard input"), max_bytes))
}

/// Opens `path` for reading; on Unix without blocking on a FIFO that has no writer.
fn open_no_wait(path: &Path) -> std::io::Result<std::fs::File> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt as _;
        options.custom_flags(libc::O_NONBLOCK);
    }
    options.open(path)
}

/// Why `bytes` are not text, or `None` when they may be.
///
/// Deliberately conservative (the decode stage judges everything else): a known binary file
/// signature (images, executables, compressed archives; document formats — `.docx`, `.doc`,
/// PDF — are the decode stage's to read or name), or many C0 control bytes — which no text encoding planmine reads produces, except
/// UTF-16/32, so those are tried first.
pub fn sniff_binary(bytes: &[u8]) -> Option<&'static str> {
    const MAGIC: &[(&[u8], &str)] = &[
        (b"\x89PNG\r\n\x1a\n", "PNG image"),
        (b"GIF87a", "GIF image"),
        (b"GIF89a", "GIF image"),
        (b"\xff\xd8\xff", "JPEG image"),
        (b"\x7fELF", "ELF executable"),
        (b"\x1f\x8b", "gzip archive"),
        (b"BZh", "bzip2 archive"),
        (b"\xfd7zXZ\x00", "xz archive"),
        (b"7z\xbc\xaf\x27\x1c", "7-Zip archive"),
        (b"Rar!\x1a\x07", "RAR archive"),
        (b"\x28\xb5\x2f\xfd", "zstd archive"),
    ];
    if let Some((_, what)) = MAGIC.iter().find(|(magic, _)| bytes.starts_with(magic)) {
        return Some(what);
    }
    const DOCUMENTS: [&[u8]; 3] = [b"PK\x03\x04", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", b"%PDF-"];
    if DOCUMENTS.iter().any(|m| bytes.starts_with(m)) {
        return None;
    }
    let sample = &bytes[..bytes.len().min(64 * 1024)];
    let controls = sample
        .iter()
        .filter(|&&b| matches!(b, 0x00..=0x08 | 0x0e..=0x1a | 0x1c..=0x1f))
        .count();
    // A stray NUL or form feed happens in real files; binary data has ~12% control bytes.
    if controls * 50 <= sample.len() {
        return None;
    }
    if plausible_wide_text(sample) {
        return None;
    }
    Some("binary data (many control bytes)")
}

/// True when `sample` reads as UTF-16 (either byte order) or UTF-32 text: nearly all code units
/// are ASCII, CJK or common punctuation — random data gives about a third.
fn plausible_wide_text(sample: &[u8]) -> bool {
    fn texty(c: u32) -> bool {
        matches!(c, 0x09 | 0x0a | 0x0d | 0x20..=0x7e | 0xa0..=0x24f | 0x2000..=0x206f
            | 0x2460..=0x24ff | 0x2500..=0x257f | 0x3000..=0x303f | 0x3400..=0x4dbf
            | 0x4e00..=0x9fff | 0xf900..=0xfaff | 0xfe30..=0xfe4f | 0xff00..=0xffef
            | 0xfeff | 0x20000..=0x3134f)
    }
    fn share(units: impl Iterator<Item = u32>) -> bool {
        let (mut good, mut all) = (0usize, 0usize);
        for u in units {
            all += 1;
            good += usize::from(texty(u));
        }
        all > 0 && good * 10 >= all * 9
    }
    let u16le = sample
        .chunks_exact(2)
        .map(|c| u32::from(u16::from_le_bytes([c[0], c[1]])));
    let u16be = sample
        .chunks_exact(2)
        .map(|c| u32::from(u16::from_be_bytes([c[0], c[1]])));
    // Surrogates (U+D800–DFFF) count as not texty, slightly penalising rare-character text,
    // which the 90% share absorbs.
    let u32le = sample
        .chunks_exact(4)
        .map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]]));
    let u32be = sample
        .chunks_exact(4)
        .map(|c| u32::from_be_bytes([c[0], c[1], c[2], c[3]]));
    share(u16le) || share(u16be) || share(u32le) || share(u32be)
}

/// One unit of batch work: knows its name and weight before running.
trait Job: Send + 'static {
    fn source(&self) -> String;
    /// Input bytes, for the in-flight budget and throughput figures.
    fn weight(&self) -> u64;
    fn run(self) -> Document;
}

struct FileJob {
    entry: Entry,
    max_bytes: u64,
}

impl Job for FileJob {
    fn source(&self) -> String {
        source_name(&self.entry.path).0
    }
    fn weight(&self) -> u64 {
        self.entry.size.as_ref().map_or(0, |s| *s)
    }
    fn run(self) -> Document {
        match self.entry.size {
            Ok(_) => process_file(&self.entry.path, self.max_bytes),
            Err(err) => named(&self.entry.path, |source| {
                error_document(source, err.to_record())
            }),
        }
    }
}

/// Admission control shared by the workers and the consumer: a worker may start document `i`
/// only while it is within a window ahead of the next document to hand out.
struct Gate {
    state: Mutex<GateState>,
    changed: Condvar,
    max_items: usize,
    max_bytes: u64,
}

struct GateState {
    next_out: usize,
    bytes_in_flight: u64,
    cancelled: bool,
}

impl Gate {
    /// Blocks until document `i` (of `weight` bytes) may start; false when cancelled.
    fn enter(&self, i: usize, weight: u64) -> bool {
        let Ok(mut state) = self.state.lock() else {
            return false;
        };
        loop {
            if state.cancelled {
                return false;
            }
            // The next document to hand out always passes, so the window can never deadlock:
            // documents are numbered in the order workers take them.
            let fits = i < state.next_out + self.max_items
                && state.bytes_in_flight.saturating_add(weight) <= self.max_bytes;
            if i == state.next_out || fits {
                state.bytes_in_flight = state.bytes_in_flight.saturating_add(weight);
                return true;
            }
            state = match self.changed.wait(state) {
                Ok(s) => s,
                Err(_) => return false,
            };
        }
    }

    fn handed_out(&self, weight: u64) {
        if let Ok(mut state) = self.state.lock() {
            state.next_out += 1;
            state.bytes_in_flight = state.bytes_in_flight.saturating_sub(weight);
        }
        self.changed.notify_all();
    }

    fn cancel(&self) {
        if let Ok(mut state) = self.state.lock() {
            state.cancelled = true;
        }
        self.changed.notify_all();
    }
}

/// The in-order output of a batch: an iterator of [`Document`]s, one per input.
pub type DocumentStream = Ordered<Document>;

/// The in-order results of a batch, one per input, computed ahead on worker threads.
pub struct Ordered<T> {
    results: Receiver<(usize, u64, T)>,
    pending: BTreeMap<usize, (u64, T)>,
    next: usize,
    bytes_out: u64,
    gate: Arc<Gate>,
    producer: Option<JoinHandle<()>>,
}

impl<T: Send + 'static> Ordered<T> {
    fn spawn<I, J, F>(jobs: I, options: &Options, finish: F) -> Ordered<T>
    where
        I: Iterator<Item = J> + Send + 'static,
        J: Job,
        F: Fn(Document) -> T + Send + Sync + 'static,
    {
        let threads = options.threads();
        let gate = Arc::new(Gate {
            state: Mutex::new(GateState {
                next_out: 0,
                bytes_in_flight: 0,
                cancelled: false,
            }),
            changed: Condvar::new(),
            max_items: options.in_flight(),
            max_bytes: options.max_in_flight_bytes,
        });
        let (tx, rx) = channel();
        let producer_gate = Arc::clone(&gate);
        let producer = std::thread::spawn(move || {
            let queue = Mutex::new((0usize, jobs));
            let work = |tx: Sender<(usize, u64, T)>| worker(&queue, &producer_gate, &tx, &finish);
            match rayon::ThreadPoolBuilder::new().num_threads(threads).build() {
                Ok(pool) => pool.scope(|scope| {
                    for _ in 0..threads {
                        let tx = tx.clone();
                        scope.spawn(|_| work(tx));
                    }
                }),
                // No threads to be had: do the work on this one rather than lose it.
                Err(_) => work(tx.clone()),
            }
        });
        Ordered {
            results: rx,
            pending: BTreeMap::new(),
            next: 0,
            bytes_out: 0,
            gate,
            producer: Some(producer),
        }
    }
}

impl<T> Ordered<T> {
    /// Input bytes of the results handed out so far.
    pub fn bytes_done(&self) -> u64 {
        self.bytes_out
    }
}

fn worker<I, J, T, F>(
    queue: &Mutex<(usize, I)>,
    gate: &Gate,
    tx: &Sender<(usize, u64, T)>,
    finish: &F,
) where
    I: Iterator<Item = J>,
    J: Job,
    F: Fn(Document) -> T,
{
    loop {
        // Numbering under the queue's lock makes the numbers follow the input order.
        let (i, job) = {
            let Ok(mut queue) = queue.lock() else { return };
            // A panicking input iterator ends the batch early rather than poisoning it.
            let Ok(Some(job)) = catch_unwind(AssertUnwindSafe(|| queue.1.next())) else {
                return;
            };
            let i = queue.0;
            queue.0 += 1;
            (i, job)
        };
        let weight = job.weight();
        if !gate.enter(i, weight) {
            return;
        }
        let source = job.source();
        let doc = guarded(&source, || job.run());
        let result = match catch_unwind(AssertUnwindSafe(|| finish(doc))) {
            Ok(result) => result,
            Err(payload) => {
                let failed = internal_error(&source, &*payload);
                match catch_unwind(AssertUnwindSafe(|| finish(failed))) {
                    Ok(result) => result,
                    Err(_) => return,
                }
            }
        };
        if tx.send((i, weight, result)).is_err() {
            return;
        }
    }
}

impl<T> Iterator for Ordered<T> {
    type Item = T;

    fn next(&mut self) -> Option<T> {
        loop {
            if let Some((weight, doc)) = self.pending.remove(&self.next) {
                self.next += 1;
                self.bytes_out += weight;
                self.gate.handed_out(weight);
                return Some(doc);
            }
            match self.results.recv() {
                Ok((i, weight, doc)) => {
                    self.pending.insert(i, (weight, doc));
                }
                Err(_) => return None,
            }
        }
    }
}

impl<T> Drop for Ordered<T> {
    fn drop(&mut self) {
        self.gate.cancel();
        // Drain so no worker blocks on a full channel (it is unbounded, but be explicit), then
        // wait for the workers to finish the documents they hold.
        while self.results.try_recv().is_ok() {}
        if let Some(producer) = self.producer.take() {
            let _ = producer.join();
        }
    }
}

/// One line of `--stdin-jsonl` input: `{"source": …, "text": …}` or `{"source": …, "base64": …}`.
#[derive(Debug, serde::Deserialize)]
struct InputLine {
    source: Option<String>,
    text: Option<String>,
    base64: Option<String>,
}

struct LineJob {
    number: usize,
    line: Line,
    max_bytes: u64,
}

/// What reading one input line gave.
enum Line {
    /// The line's bytes.
    Bytes(Vec<u8>),
    /// Its length, beyond the limit (the bytes were not kept).
    TooLong(u64),
    /// The input failed here (the reading ends with this).
    Failed(std::io::Error),
}

impl LineJob {
    fn fallback_source(&self) -> String {
        format!("<stdin>:{}", self.number)
    }
}

impl Job for LineJob {
    fn source(&self) -> String {
        self.fallback_source()
    }
    fn weight(&self) -> u64 {
        match &self.line {
            Line::Bytes(line) => line.len() as u64,
            _ => 0,
        }
    }
    fn run(self) -> Document {
        let fallback = self.fallback_source();
        let failed = match self.line {
            Line::Bytes(line) => Ok(line),
            Line::TooLong(len) => Err(Error::new(
                ErrorKind::TooLarge,
                format!("input line of {len}+ bytes exceeds the line limit"),
            )),
            Line::Failed(err) => Err(Error::new(
                ErrorKind::Io,
                format!("reading the input failed here, so it ends: {err}"),
            )),
        };
        let line = match failed {
            Ok(line) => line,
            Err(err) => return error_document(&fallback, err.to_record()),
        };
        let invalid = |source: &str, message: String| {
            error_document(
                source,
                ErrorRecord {
                    kind: KIND_INVALID_INPUT.to_owned(),
                    message,
                },
            )
        };
        // Hadoop Streaming may hand a mapper `key<TAB>value`: read the JSON after the tab.
        let json = match line.iter().position(|&b| b == b'{') {
            Some(start) => &line[start..],
            None => &line[..],
        };
        let input: InputLine = match serde_json::from_slice(json) {
            Ok(input) => input,
            Err(err) => return invalid(&fallback, format!("not a JSON input object: {err}")),
        };
        let source = input.source.unwrap_or(fallback);
        let bytes = match (input.text, input.base64) {
            (Some(text), None) => text.into_bytes(),
            (None, Some(b64)) => {
                let engine = base64::engine::GeneralPurpose::new(
                    &base64::alphabet::STANDARD,
                    base64::engine::GeneralPurposeConfig::new()
                        .with_decode_padding_mode(base64::engine::DecodePaddingMode::Indifferent),
                );
                let cleaned: Vec<u8> = b64.bytes().filter(|b| !b.is_ascii_whitespace()).collect();
                match engine.decode(cleaned) {
                    Ok(bytes) => bytes,
                    Err(err) => return invalid(&source, format!("bad base64: {err}")),
                }
            }
            (Some(_), Some(_)) => {
                return invalid(
                    &source,
                    "give either \"text\" or \"base64\", not both".into(),
                )
            }
            (None, None) => return invalid(&source, "no \"text\" or \"base64\" field".into()),
        };
        process_checked(&source, bytes, self.max_bytes)
    }
}

/// Processes JSON Lines input (`{"source", "text" | "base64"}` per line, blank lines skipped)
/// in parallel and yields one [`Document`] per line, in input order: the mapper side of
/// Hadoop Streaming or Spark's `RDD.pipe`. A line that is not such an object yields an
/// `invalid_input` error record; a line longer than the size limit allows (base64 included)
/// yields `too_large` without being held in memory.
pub fn par_extract_jsonl<R: BufRead + Send + 'static>(
    reader: R,
    options: &Options,
) -> DocumentStream {
    par_map_jsonl(reader, options, |doc| doc)
}

/// Like [`par_extract_jsonl`], running `finish` on each document on the worker threads (see
/// [`Corpus::par_map`]).
pub fn par_map_jsonl<R, T, F>(reader: R, options: &Options, finish: F) -> Ordered<T>
where
    R: BufRead + Send + 'static,
    T: Send + 'static,
    F: Fn(Document) -> T + Send + Sync + 'static,
{
    // Base64 takes 4/3 of the bytes, JSON escapes may double text: allow room for both.
    let line_limit = options
        .max_bytes
        .saturating_mul(2)
        .saturating_add(64 * 1024);
    let max_bytes = options.max_bytes;
    let mut lines = BoundedLines {
        reader,
        limit: line_limit,
        number: 0,
        failed: false,
    };
    let jobs = std::iter::from_fn(move || lines.next_line()).map(move |(number, line)| LineJob {
        number,
        line,
        max_bytes,
    });
    Ordered::spawn(jobs, options, finish)
}

/// Reads lines without ever holding more than `limit` bytes of one.
struct BoundedLines<R> {
    reader: R,
    limit: u64,
    number: usize,
    /// A read failed: it was reported as one line, and the input ends there.
    failed: bool,
}

impl<R: BufRead> BoundedLines<R> {
    /// The next non-blank line with its 1-based number: its bytes, or its length when it
    /// exceeds the limit. A read error is reported once, as a line of its own, and ends the
    /// input; `None` at the end of input.
    fn next_line(&mut self) -> Option<(usize, Line)> {
        if self.failed {
            return None;
        }
        loop {
            let mut line = Vec::new();
            let mut len: u64 = 0;
            let mut any = false;
            loop {
                let buf = match self.reader.fill_buf() {
                    Ok(buf) => buf,
                    Err(err) if err.kind() == std::io::ErrorKind::Interrupted => continue,
                    Err(err) => {
                        self.failed = true;
                        self.number += 1;
                        return Some((self.number, Line::Failed(err)));
                    }
                };
                if buf.is_empty() {
                    break;
                }
                any = true;
                let (chunk, done) = match buf.iter().position(|&b| b == b'\n') {
                    Some(end) => (&buf[..end], true),
                    None => (buf, false),
                };
                len += chunk.len() as u64;
                if len <= self.limit {
                    line.extend_from_slice(chunk);
                } else {
                    line = Vec::new();
                }
                let used = chunk.len() + usize::from(done);
                self.reader.consume(used);
                if done {
                    break;
                }
            }
            if !any {
                return None;
            }
            self.number += 1;
            if len > self.limit {
                return Some((self.number, Line::TooLong(len)));
            }
            if line.iter().all(|b| b.is_ascii_whitespace()) {
                continue;
            }
            return Some((self.number, Line::Bytes(line)));
        }
    }
}

/// Counts of what a batch produced, for the end-of-run summary.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Summary {
    /// Documents (inputs) seen.
    pub documents: usize,
    /// Input bytes.
    pub bytes: u64,
    /// Numeric goals.
    pub goals: usize,
    /// Deadlines.
    pub deadlines: usize,
    /// Responsibilities.
    pub responsibilities: usize,
    /// Targets.
    pub targets: usize,
    /// Error records by kind.
    pub errors: BTreeMap<String, usize>,
}

impl Summary {
    /// Counts one document of `bytes` input bytes.
    pub fn add(&mut self, doc: &Document, bytes: u64) {
        self.documents += 1;
        self.bytes += bytes;
        self.goals += doc.goals.len();
        self.deadlines += doc.deadlines.len();
        self.responsibilities += doc.responsibilities.len();
        self.targets += doc.targets.len();
        if let Some(error) = &doc.error {
            *self.errors.entry(error.kind.clone()).or_default() += 1;
        }
    }

    /// Adds the counts of `other` (e.g. one document's, computed on a worker thread).
    pub fn merge(&mut self, other: &Summary) {
        self.documents += other.documents;
        self.bytes += other.bytes;
        self.goals += other.goals;
        self.deadlines += other.deadlines;
        self.responsibilities += other.responsibilities;
        self.targets += other.targets;
        for (kind, n) in &other.errors {
            *self.errors.entry(kind.clone()).or_default() += n;
        }
    }

    /// Number of error records.
    pub fn error_count(&self) -> usize {
        self.errors.values().sum()
    }

    /// A one-paragraph report; MB are 10^6 bytes.
    pub fn report(&self, elapsed: Duration) -> String {
        let mb = self.bytes as f64 / 1e6;
        let secs = elapsed.as_secs_f64();
        let rate = if secs > 0.0 { mb / secs } else { 0.0 };
        let mut out = format!(
            "{} files, {mb:.2} MB in {secs:.2} s ({rate:.2} MB/s); records: {} goals, {} deadlines, \
             {} responsibilities, {} targets; {} errors",
            self.documents,
            self.goals,
            self.deadlines,
            self.responsibilities,
            self.targets,
            self.error_count()
        );
        if !self.errors.is_empty() {
            let kinds: Vec<String> = self
                .errors
                .iter()
                .map(|(k, n)| format!("{k} {n}"))
                .collect();
            let _ = write!(out, " ({})", kinds.join(", "));
        }
        out
    }
}

pub use crate::output::goals::{csv_header, csv_rows, GoalsCsv, CSV_COLUMNS};

#[cfg(test)]
mod tests {
    use super::*;

    /// A job that panics when told to, standing in for a bug in a stage.
    struct Boom {
        n: usize,
        panic: bool,
    }

    impl Job for Boom {
        fn source(&self) -> String {
            format!("doc{}", self.n)
        }
        fn weight(&self) -> u64 {
            1
        }
        fn run(self) -> Document {
            if self.panic {
                panic!("stage bug on {}", self.n);
            }
            error_document(
                &self.source(),
                ErrorRecord {
                    kind: "none".into(),
                    message: String::new(),
                },
            )
        }
    }

    #[test]
    fn a_panicking_document_becomes_an_internal_error_and_the_run_goes_on() {
        let jobs = (0..20).map(|n| Boom {
            n,
            panic: n % 7 == 3,
        });
        let options = Options {
            jobs: 2,
            max_in_flight: 4,
            ..Options::default()
        };
        let docs: Vec<Document> = Ordered::spawn(jobs, &options, |d| d).collect();
        assert_eq!(docs.len(), 20);
        for (n, doc) in docs.iter().enumerate() {
            assert_eq!(doc.source, format!("doc{n}"));
            let error = doc.error.as_ref().expect("record");
            if n % 7 == 3 {
                assert_eq!(error.kind, KIND_INTERNAL);
                assert!(error.message.contains(&format!("stage bug on {n}")));
            } else {
                assert_eq!(error.kind, "none");
            }
        }
    }

    #[test]
    fn a_panicking_finish_is_retried_with_an_internal_error_record() {
        let jobs = (0..10).map(|n| Boom { n, panic: false });
        let options = Options {
            jobs: 3,
            ..Options::default()
        };
        let finish = |doc: Document| {
            let kind = doc.error.map(|e| e.kind).unwrap_or_default();
            if doc.source == "doc4" && kind != KIND_INTERNAL {
                panic!("renderer bug");
            }
            format!("{}:{kind}", doc.source)
        };
        let got: Vec<String> = Ordered::spawn(jobs, &options, finish).collect();
        let want: Vec<String> = (0..10)
            .map(|n| match n {
                4 => "doc4:internal".to_owned(),
                _ => format!("doc{n}:none"),
            })
            .collect();
        assert_eq!(got, want);
    }

    #[test]
    fn guarded_passes_results_through() {
        let doc = guarded("a", || {
            error_document("a", Error::new(ErrorKind::Io, "x").to_record())
        });
        assert_eq!(doc.error.map(|e| e.kind), Some("io".to_owned()));
    }

    #[test]
    fn bounded_lines_cuts_overlong_lines_and_skips_blank_ones() {
        let input = b"abc\n\n  \nxxxxxxxxxx\nlast".to_vec();
        let mut lines = BoundedLines {
            reader: std::io::BufReader::with_capacity(4, std::io::Cursor::new(input)),
            limit: 5,
            number: 0,
            failed: false,
        };
        let mut next = || match lines.next_line() {
            Some((n, Line::Bytes(b))) => format!("{n}:{}", String::from_utf8_lossy(&b)),
            Some((n, Line::TooLong(len))) => format!("{n}:too long {len}"),
            Some((n, Line::Failed(_))) => format!("{n}:failed"),
            None => "end".to_owned(),
        };
        let got: Vec<String> = (0..4).map(|_| next()).collect();
        assert_eq!(got, ["1:abc", "4:too long 10", "5:last", "end"]);
    }

    /// Gives `good` then fails on every read.
    struct FailingReader {
        good: std::io::Cursor<Vec<u8>>,
    }

    impl std::io::Read for FailingReader {
        fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
            match self.good.read(buf)? {
                0 => Err(std::io::Error::other("disk on fire")),
                n => Ok(n),
            }
        }
    }

    #[test]
    fn a_read_error_in_jsonl_input_is_an_error_record_and_ends_the_input() {
        let good = r#"{"source": "a", "text": "一、目标"}"#.as_bytes().to_vec();
        let mut input = good.clone();
        input.push(b'\n');
        let reader = std::io::BufReader::new(FailingReader {
            good: std::io::Cursor::new(input),
        });
        let docs: Vec<Document> = par_extract_jsonl(reader, &Options::default()).collect();
        assert_eq!(docs.len(), 2, "{docs:?}");
        assert!(docs[0].error.is_none(), "{:?}", docs[0].error);
        let error = docs[1]
            .error
            .as_ref()
            .expect("an error record for the failed read");
        assert_eq!(error.kind, "io");
        assert!(error.message.contains("disk on fire"), "{}", error.message);
    }
}
