//! The journal of a state file: appends, group commit, compaction and what a failed write or
//! sync undoes. Without a state file there is no journal at all: nothing keeps past calls, and
//! memory is proportional to the state.
//!
//! - **Appends** happen under the partition's lock (so the journal's order is the order of
//!   changes); the sync after it is released: callers queue for a sync thread that takes every
//!   waiter queued, runs one `fdatasync` for all of them and answers them (group commit). A
//!   change is acknowledged only once its sync succeeded.
//! - **Compaction**: when the journal part outgrows the snapshot part ([`CompactionRule`]), the
//!   service takes a snapshot (a copy of the tables, made while calls are held off: the only
//!   pause), then writes it to `PATH.compact` while calls go on (their lines are appended to the
//!   old file and kept in memory), adds those lines, syncs, renames it over the state file and
//!   syncs the directory. A crash at any point leaves the old file or the new one, whole.
//! - **A failed write** (disk full) is cut back to the last whole record and answered
//!   `ServiceUnavailable` (503, retryable); the service then rebuilds the partition from the file,
//!   so the call changes nothing. **A failed sync** marks the journal for recovery: the file is
//!   cut back to what was last synced, the state is rebuilt from it, and every change after that
//!   point is answered 503. Once the disk has room again, appends succeed again.

use std::fs::{File, OpenOptions};
use std::io::{BufRead, BufReader, Read, Seek, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::mpsc;
use std::sync::{Arc, Mutex, MutexGuard};

use serde::Serialize;
use serde_json::{Map, Value};

use super::{line_of, Determinants, Entry, Summary};
use crate::error::{ApiError, ApiResult};

/// When a compaction starts: once the journal part holds more than `ratio` times the bytes of
/// the snapshot part, and at least `min_journal_bytes` (so a small state is not rewritten every
/// few calls). Restart replays at most `ratio` times the state's size of changes.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CompactionRule {
    pub ratio: f64,
    pub min_journal_bytes: u64,
}

impl Default for CompactionRule {
    fn default() -> Self {
        CompactionRule {
            ratio: 1.0,
            min_journal_bytes: 1024 * 1024,
        }
    }
}

/// Waits for this to be durable before acknowledging: the number of an append (it only grows,
/// across compactions and rewrites).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Ticket(u64);

/// The journal: appends to the state file when there is one, nothing otherwise. Cheap to clone.
#[derive(Debug, Clone, Default)]
pub struct Journal {
    file: Option<Arc<FileJournal>>,
}

#[derive(Debug)]
struct FileJournal {
    path: PathBuf,
    writer: Mutex<Writer>,
    sync: Arc<SyncState>,
    /// The group-commit thread's queue.
    syncer: Mutex<mpsc::Sender<Waiter>>,
    rule: CompactionRule,
    /// Bytes of the snapshot part and of the journal part (read on every append, lock-free).
    snapshot_len: AtomicU64,
    journal_len: AtomicU64,
    /// Journal bytes below which no compaction starts (raised after a failed one).
    compaction_floor: AtomicU64,
    /// A compaction is running (one at a time).
    compacting: AtomicBool,
    /// Injected failures (tests): the next N appends, or syncs, fail as a full disk does.
    inject: Arc<Injected>,
    /// The lock file held for the life of the process: two emulators on one file would each
    /// acknowledge changes the other then overwrites.
    _lock: File,
}

#[derive(Debug, Default)]
struct Injected {
    writes: AtomicU64,
    syncs: AtomicU64,
}

#[derive(Debug)]
struct Writer {
    /// Appends go here (the state file, opened for appending).
    file: File,
    /// Bytes of whole records in the file.
    len: u64,
    /// The last ticket issued.
    issued: u64,
    /// The lines appended since the running compaction took its snapshot.
    compaction: Option<Vec<u8>>,
}

/// What is durable, and the handle that syncs the file (locked only by whoever syncs, never
/// while an async task waits on it).
#[derive(Debug)]
struct SyncState {
    /// The highest ticket known durable (or lost: see `lost`).
    through: AtomicU64,
    file: Mutex<File>,
    /// Bytes of the file known durable.
    synced_len: AtomicU64,
    /// A sync failed: the service must recover (cut back to `synced_len`, rebuild).
    failed: AtomicBool,
    /// Ticket ranges (inclusive) whose changes a recovery undid: answered 503.
    lost: Mutex<Vec<(u64, u64)>>,
    /// The highest ticket in `lost` (0: none), so that acknowledging a later one, every
    /// acknowledgement but after a recovery, takes no lock.
    lost_max: AtomicU64,
}

/// A caller waiting for its ticket to be durable.
type Waiter = (u64, tokio::sync::oneshot::Sender<ApiResult<()>>);

fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(|p| p.into_inner())
}

/// The answer to a change that could not be made durable: retryable, and nothing was changed.
pub fn not_durable(path: &Path, e: &std::io::Error) -> ApiError {
    tracing::warn!(path = %path.display(), error = %e, "state file: a change could not be made durable and was undone");
    ApiError::ServiceUnavailable(format!(
        "The change could not be made durable (state file {}: {e}) and was not made. Retry later.",
        path.display()
    ))
}

fn injected_full_disk() -> std::io::Error {
    std::io::Error::new(
        std::io::ErrorKind::StorageFull,
        "No space left on device (injected)",
    )
}

impl SyncState {
    /// Whether `ticket`'s change was undone by a recovery.
    fn is_lost(&self, ticket: u64) -> bool {
        if ticket > self.lost_max.load(Ordering::SeqCst) {
            return false;
        }
        lock(&self.lost)
            .iter()
            .any(|(from, to)| (*from..=*to).contains(&ticket))
    }
}

/// The group-commit thread: takes every waiter queued, syncs once for all of them, answers them.
/// It ends when the journal is dropped (its queue closes).
fn run_syncer(queue: mpsc::Receiver<Waiter>, journal: std::sync::Weak<FileJournal>) {
    while let Ok(first) = queue.recv() {
        let mut waiters = vec![first];
        waiters.extend(queue.try_iter());
        let Some(journal) = journal.upgrade() else {
            return;
        };
        let result = journal.sync_now();
        for (ticket, reply) in waiters {
            let answer = result.clone().and_then(|()| journal.outcome(ticket));
            let _ = reply.send(answer);
        }
    }
}

impl FileJournal {
    /// Syncs the file; afterwards every append issued before is durable. A failure marks the
    /// journal for recovery.
    fn sync_now(&self) -> ApiResult<()> {
        let (issued, len) = {
            let writer = lock(&self.writer);
            (writer.issued, writer.len)
        };
        if self.sync.through.load(Ordering::SeqCst) >= issued {
            return Ok(());
        }
        let file = lock(&self.sync.file);
        let synced = if self.inject.syncs.load(Ordering::SeqCst) > 0 {
            self.inject.syncs.fetch_sub(1, Ordering::SeqCst);
            Err(injected_full_disk())
        } else {
            file.sync_data()
        };
        match synced {
            Ok(()) => {
                self.sync.synced_len.fetch_max(len, Ordering::SeqCst);
                self.sync.through.fetch_max(issued, Ordering::SeqCst);
                Ok(())
            }
            Err(e) => {
                self.sync.failed.store(true, Ordering::SeqCst);
                Err(not_durable(&self.path, &e))
            }
        }
    }

    /// The answer for `ticket` once a sync has run: durable, or undone.
    fn outcome(&self, ticket: u64) -> ApiResult<()> {
        if self.sync.is_lost(ticket) || self.sync.through.load(Ordering::SeqCst) < ticket {
            return Err(ApiError::ServiceUnavailable(format!(
                "The change could not be made durable (state file {}) and was not made. Retry later.",
                self.path.display()
            )));
        }
        Ok(())
    }

    fn append(&self, json: &str) -> ApiResult<Ticket> {
        let line = line_of(json);
        let mut writer = lock(&self.writer);
        let written = if self.inject.writes.load(Ordering::SeqCst) > 0 {
            self.inject.writes.fetch_sub(1, Ordering::SeqCst);
            // A full disk takes part of a line: the torn part must not stay.
            let _ = writer.file.write_all(&line.as_bytes()[..line.len() / 2]);
            Err(injected_full_disk())
        } else {
            writer.file.write_all(line.as_bytes())
        };
        if let Err(e) = written {
            // Cut back to the last whole record, so that later appends follow it.
            let good = writer.len;
            if writer.file.set_len(good).is_err() {
                self.sync.failed.store(true, Ordering::SeqCst);
            }
            return Err(not_durable(&self.path, &e));
        }
        writer.len += line.len() as u64;
        writer.issued += 1;
        if let Some(pending) = &mut writer.compaction {
            pending.extend_from_slice(line.as_bytes());
        }
        self.journal_len
            .fetch_add(line.len() as u64, Ordering::SeqCst);
        Ok(Ticket(writer.issued))
    }

    /// Puts the synced temporary file `tmp` (a snapshot of `snapshot_len` bytes) in place of the
    /// state file, after adding the `extra` lines to it (rename, directory sync), and appends to
    /// it from now on.
    fn install(
        &self,
        writer: &mut Writer,
        tmp: &Path,
        snapshot_len: u64,
        extra: &[u8],
    ) -> std::io::Result<()> {
        {
            let mut file = OpenOptions::new().append(true).open(tmp)?;
            file.write_all(extra)?;
            file.sync_all()?;
        }
        std::fs::rename(tmp, &self.path)?;
        sync_directory_of(&self.path)?;
        let file = OpenOptions::new().append(true).open(&self.path)?;
        *lock(&self.sync.file) = file.try_clone()?;
        writer.file = file;
        writer.len = snapshot_len + extra.len() as u64;
        // Everything issued so far is in the synced new file.
        self.sync.through.fetch_max(writer.issued, Ordering::SeqCst);
        self.sync.synced_len.store(writer.len, Ordering::SeqCst);
        self.snapshot_len.store(snapshot_len, Ordering::SeqCst);
        self.journal_len.store(extra.len() as u64, Ordering::SeqCst);
        Ok(())
    }
}

/// Writes a new state file's snapshot part to a temporary file beside `path`, synced; answers
/// its path and length.
fn write_temporary(
    path: &Path,
    suffix: &str,
    write: impl FnOnce(&mut dyn Write) -> std::io::Result<u64>,
) -> std::io::Result<(PathBuf, u64)> {
    let mut tmp = path.as_os_str().to_owned();
    tmp.push(suffix);
    let tmp = PathBuf::from(tmp);
    let written = (|| {
        let mut out = std::io::BufWriter::with_capacity(1 << 20, File::create(&tmp)?);
        let len = write(&mut out)?;
        out.into_inner().map_err(|e| e.into_error())?.sync_all()?;
        Ok(len)
    })();
    match written {
        Ok(len) => Ok((tmp, len)),
        Err(e) => {
            let _ = std::fs::remove_file(&tmp);
            Err(e)
        }
    }
}

fn sync_directory_of(path: &Path) -> std::io::Result<()> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    File::open(dir)?.sync_all()
}

/// The real file a `--state-file` path names: symlinks followed (also a dangling one: its target
/// is where the file will be made), `.`/`..` and relative spellings resolved, so that every
/// spelling of one file locks one lock file and compaction renames over the real file. A file
/// with more than one hard link is refused: a compaction replaces the file by a rename, after
/// which the other links would keep its old content (another emulator started on one of them
/// would silently lose the first one's changes).
pub fn resolve_state_file(path: &Path) -> Result<PathBuf, String> {
    let shown = path.display();
    let mut current = path.to_path_buf();
    // Follow a chain of symlinks by hand: `canonicalize` refuses a dangling one.
    for _ in 0..40 {
        match std::fs::symlink_metadata(&current) {
            Ok(meta) if meta.file_type().is_symlink() => {
                let target = std::fs::read_link(&current)
                    .map_err(|e| format!("state file {shown}: reading the symlink: {e}"))?;
                current = match current.parent() {
                    Some(dir) if target.is_relative() => dir.join(target),
                    _ => target,
                };
            }
            _ => break,
        }
    }
    let name = current
        .file_name()
        .ok_or_else(|| format!("state file {shown}: names no file"))?
        .to_owned();
    let dir = match current.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let dir = std::fs::canonicalize(&dir)
        .map_err(|e| format!("state file {shown}: its folder {}: {e}", dir.display()))?;
    let real = dir.join(name);
    if let Ok(meta) = std::fs::symlink_metadata(&real) {
        if meta.file_type().is_symlink() {
            return Err(format!(
                "state file {shown}: too many levels of symbolic links"
            ));
        }
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt as _;
            if meta.nlink() > 1 {
                return Err(format!(
                    "state file {shown} ({}) has {} hard links: a compaction replaces the file by a rename, and the other links would keep its old content. Give the emulator a file with one link (a symlink is fine).",
                    real.display(),
                    meta.nlink()
                ));
            }
        }
    }
    Ok(real)
}

/// The lock file of a state file: `PATH.lock`, beside it and never renamed (the state file itself
/// is replaced by renames, which would drop a lock held on it).
pub fn lock_path(path: &Path) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(".lock");
    PathBuf::from(name)
}

/// Takes the exclusive advisory lock of `path`'s lock file for the life of the process and writes
/// this process's id in it; refused, naming the holder's pid, when another process holds it.
fn lock_state_file(path: &Path) -> Result<File, String> {
    let lock = lock_path(path);
    let mut file = OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .open(&lock)
        .map_err(|e| {
            format!(
                "state file {}: its lock file {}: {e}",
                path.display(),
                lock.display()
            )
        })?;
    // A journal of this same process that is being dropped (its sync thread may hold it for the
    // length of one fsync) releases the lock in a moment: an in-process restart waits for it, up
    // to two seconds. Another process's lock is refused at once.
    let mut attempts = 0;
    let locked = loop {
        match file.try_lock() {
            Err(std::fs::TryLockError::WouldBlock) if attempts < 200 && held_by_us(&mut file) => {
                attempts += 1;
                std::thread::sleep(std::time::Duration::from_millis(10));
            }
            other => break other,
        }
    };
    match locked {
        Ok(()) => {}
        Err(std::fs::TryLockError::WouldBlock) => {
            let mut holder = String::new();
            let _ = file.seek(std::io::SeekFrom::Start(0));
            let _ = file.read_to_string(&mut holder);
            let holder = holder.trim();
            return Err(format!(
                "state file {} is in use by another emulator (pid {}); refusing to start (two emulators on one file would lose each other's changes)",
                path.display(),
                if holder.is_empty() { "unknown" } else { holder }
            ));
        }
        Err(std::fs::TryLockError::Error(e)) => {
            return Err(format!(
                "state file {}: locking {}: {e}",
                path.display(),
                lock.display()
            ))
        }
    }
    file.set_len(0)
        .and_then(|()| file.write_all(std::process::id().to_string().as_bytes()))
        .and_then(|()| file.sync_all())
        .map_err(|e| format!("state file {}: {}: {e}", path.display(), lock.display()))?;
    Ok(file)
}

/// Whether the pid written in a lock file is this process's.
fn held_by_us(file: &mut File) -> bool {
    let mut holder = String::new();
    file.seek(std::io::SeekFrom::Start(0)).is_ok()
        && file.read_to_string(&mut holder).is_ok()
        && holder.trim() == std::process::id().to_string()
}

impl Journal {
    /// No state file: nothing is recorded.
    pub fn in_memory() -> Self {
        Journal { file: None }
    }

    /// Opens (or creates) a state file: `load` reads it (see [`super::read`]); then the journal
    /// appends to it. A torn last record is cut off (with a warning); anything `load` refuses
    /// leaves the file untouched.
    pub fn open(
        path: &Path,
        rule: CompactionRule,
        now: i64,
        load: impl FnOnce(&mut dyn BufRead) -> Result<Summary, String>,
    ) -> Result<Journal, String> {
        // Everything below works on the real file: a symlink is followed (a compaction replaces
        // the file it points to, never the link), and any spelling of one file takes one lock.
        let real = resolve_state_file(path)?;
        let path = real.as_path();
        let shown = path.display();
        let held = lock_state_file(path)?;
        let summary = match File::open(path) {
            Ok(file) => load(&mut BufReader::with_capacity(1 << 20, file)).map_err(|e| {
                format!("state file {shown}: {e}; refusing to load or overwrite it")
            })?,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Summary {
                version: super::VERSION,
                ..Summary::default()
            },
            Err(e) => return Err(format!("state file {shown}: {e}")),
        };
        let mut summary = summary;
        if summary.good_len == 0 {
            let (tmp, len) =
                write_temporary(path, ".tmp", |out| super::snapshot::write(out, now, &[]))
                    .map_err(|e| format!("state file {shown}: {e}"))?;
            std::fs::rename(&tmp, path)
                .and_then(|()| sync_directory_of(path))
                .map_err(|e| format!("state file {shown}: {e}"))?;
            summary.good_len = len;
            summary.snapshot_len = len;
        } else if summary.torn_tail {
            let file = OpenOptions::new()
                .write(true)
                .open(path)
                .map_err(|e| format!("state file {shown}: {e}"))?;
            let total = file.metadata().map(|m| m.len()).unwrap_or(0);
            tracing::warn!(
                path = %shown,
                kept_bytes = summary.good_len,
                dropped_bytes = total.saturating_sub(summary.good_len),
                "state file ends in a record torn by a crash (never acknowledged): cutting it off"
            );
            file.set_len(summary.good_len)
                .and_then(|()| file.sync_all())
                .map_err(|e| format!("state file {shown}: {e}"))?;
        }
        let file = OpenOptions::new()
            .append(true)
            .open(path)
            .map_err(|e| format!("state file {shown}: {e}"))?;
        let sync_handle = file
            .try_clone()
            .map_err(|e| format!("state file {shown}: {e}"))?;
        let (queue, waiting) = mpsc::channel();
        let journal = Arc::new(FileJournal {
            path: path.to_path_buf(),
            writer: Mutex::new(Writer {
                file,
                len: summary.good_len,
                issued: 0,
                compaction: None,
            }),
            sync: Arc::new(SyncState {
                through: AtomicU64::new(0),
                file: Mutex::new(sync_handle),
                synced_len: AtomicU64::new(summary.good_len),
                failed: AtomicBool::new(false),
                lost: Mutex::new(Vec::new()),
                lost_max: AtomicU64::new(0),
            }),
            syncer: Mutex::new(queue),
            rule,
            snapshot_len: AtomicU64::new(summary.snapshot_len),
            journal_len: AtomicU64::new(summary.good_len - summary.snapshot_len),
            compaction_floor: AtomicU64::new(0),
            compacting: AtomicBool::new(false),
            inject: Arc::new(Injected::default()),
            _lock: held,
        });
        let weak = Arc::downgrade(&journal);
        std::thread::Builder::new()
            .name("state-file-sync".into())
            .spawn(move || run_syncer(waiting, weak))
            .map_err(|e| format!("state file {shown}: starting its sync thread: {e}"))?;
        Ok(Journal {
            file: Some(journal),
        })
    }

    /// Appends a change; answers the ticket to wait for with [`Journal::durable`] (none without
    /// a state file). A write that fails is cut back and answered `ServiceUnavailable`: the
    /// caller must undo the change (see `Service::execute`).
    pub fn record(&self, entry: &Entry) -> ApiResult<Option<Ticket>> {
        let Some(file) = &self.file else {
            return Ok(None);
        };
        let json = serde_json::to_string(entry)
            .map_err(|e| ApiError::Internal(format!("journal entry: {e}")))?;
        file.append(&json).map(Some)
    }

    /// Records an API call (as [`Entry::Call`], serialized from borrowed parts: the request
    /// path clones nothing).
    pub fn record_call(
        &self,
        account_id: &str,
        region: &str,
        operation: &str,
        input: &Map<String, Value>,
        at: i64,
        determinants: &Determinants,
    ) -> ApiResult<Option<Ticket>> {
        #[derive(Serialize)]
        #[serde(tag = "Kind", rename = "Call", rename_all = "PascalCase")]
        struct CallRef<'a> {
            account_id: &'a str,
            region: &'a str,
            operation: &'a str,
            input: &'a Map<String, Value>,
            at: i64,
            seed: u64,
            #[serde(rename = "FailureReason", skip_serializing_if = "Option::is_none")]
            failure: Option<&'a str>,
        }
        let Some(file) = &self.file else {
            return Ok(None);
        };
        let json = serde_json::to_string(&CallRef {
            account_id,
            region,
            operation,
            input,
            at,
            seed: determinants.seed,
            failure: determinants.failure.as_deref(),
        })
        .map_err(|e| ApiError::Internal(format!("journal entry: {e}")))?;
        file.append(&json).map(Some)
    }

    /// Waits (off the async runtime's threads) until `ticket` is durable; nothing to wait for
    /// without a state file. `ServiceUnavailable` if its sync failed (the caller must then run
    /// the service's recovery).
    pub async fn durable(&self, ticket: Option<Ticket>) -> ApiResult<()> {
        let (Some(ticket), Some(file)) = (ticket, &self.file) else {
            return Ok(());
        };
        if file.sync.through.load(Ordering::SeqCst) >= ticket.0 {
            return file.outcome(ticket.0);
        }
        let (reply, answer) = tokio::sync::oneshot::channel();
        lock(&file.syncer)
            .send((ticket.0, reply))
            .map_err(|_| ApiError::Internal("state file sync: the syncer stopped".into()))?;
        answer
            .await
            .map_err(|_| ApiError::Internal("state file sync: the syncer stopped".into()))?
    }

    /// Whether `ticket`'s change is durable (`ServiceUnavailable` if a recovery undid it).
    pub fn outcome(&self, ticket: Option<Ticket>) -> ApiResult<()> {
        match (ticket, &self.file) {
            (Some(ticket), Some(file)) => file.outcome(ticket.0),
            _ => Ok(()),
        }
    }

    /// Whether a failed sync left changes in memory that the file may not hold: the service
    /// must run [`Journal::recover`] before anyone reads the state.
    pub fn needs_recovery(&self) -> bool {
        self.file
            .as_ref()
            .is_some_and(|f| f.sync.failed.load(Ordering::SeqCst))
    }

    /// After a failed sync, with every call held off: cuts the file back to what was last
    /// synced, marks every later change undone (answered 503), and hands the file to `rebuild`
    /// (which must replace the whole state with it).
    pub fn recover(
        &self,
        rebuild: impl FnOnce(&mut dyn BufRead) -> Result<(), String>,
    ) -> Result<(), String> {
        let Some(file) = &self.file else {
            return Ok(());
        };
        let mut writer = lock(&file.writer);
        if !file.sync.failed.load(Ordering::SeqCst) {
            return Ok(()); // another caller recovered first
        }
        let keep = file.sync.synced_len.load(Ordering::SeqCst);
        let through = file.sync.through.load(Ordering::SeqCst);
        if writer.issued > through {
            lock(&file.sync.lost).push((through + 1, writer.issued));
            file.sync
                .lost_max
                .fetch_max(writer.issued, Ordering::SeqCst);
        }
        let shown = file.path.display().to_string();
        writer
            .file
            .set_len(keep)
            .and_then(|()| writer.file.sync_all())
            .map_err(|e| format!("state file {shown}: cutting back to {keep} bytes: {e}"))?;
        writer.len = keep;
        writer.compaction = None;
        file.sync.through.store(writer.issued, Ordering::SeqCst);
        let snapshot_len = file.snapshot_len.load(Ordering::SeqCst);
        file.journal_len
            .store(keep.saturating_sub(snapshot_len), Ordering::SeqCst);
        let mut reader = File::open(&file.path)
            .map(|f| BufReader::with_capacity(1 << 20, f.take(keep)))
            .map_err(|e| format!("state file {shown}: {e}"))?;
        rebuild(&mut reader)?;
        file.sync.failed.store(false, Ordering::SeqCst);
        tracing::warn!(path = %shown, kept_bytes = keep, "state file: recovered from a failed sync; changes after the last good sync were undone");
        Ok(())
    }

    /// Reads the state file as it is now (its whole records; appends of other partitions may be
    /// under way at its end): how a partition is rebuilt after one of its writes failed.
    pub fn read_current(
        &self,
        read: impl FnOnce(&mut dyn BufRead) -> Result<Summary, String>,
    ) -> Result<Summary, String> {
        let Some(file) = &self.file else {
            return Err("no state file".into());
        };
        let handle = File::open(&file.path)
            .map_err(|e| format!("state file {}: {e}", file.path.display()))?;
        read(&mut BufReader::with_capacity(1 << 20, handle))
    }

    /// Whether a compaction is due now; if so, the caller runs it (this claims it: one at a
    /// time). See [`CompactionRule`].
    pub fn claim_compaction(&self) -> bool {
        let Some(file) = &self.file else {
            return false;
        };
        let journal = file.journal_len.load(Ordering::Relaxed);
        let snapshot = file.snapshot_len.load(Ordering::Relaxed);
        let due = journal > file.rule.min_journal_bytes
            && journal as f64 > file.rule.ratio * snapshot as f64
            && journal > file.compaction_floor.load(Ordering::Relaxed);
        due && file
            .compacting
            .compare_exchange(false, true, Ordering::SeqCst, Ordering::SeqCst)
            .is_ok()
    }

    /// Compaction, step 1 (with every call held off, right before the tables are copied): from
    /// now on, appended lines are also kept for the new file.
    pub fn begin_compaction(&self) {
        if let Some(file) = &self.file {
            lock(&file.writer).compaction = Some(Vec::new());
        }
    }

    /// Compaction, step 2 (calls go on): `write` writes the snapshot taken in step 1 to a new
    /// file; the lines appended since are added, and the new file replaces the state file.
    /// A failure (disk full) leaves the old file in use and postpones the next attempt until
    /// the journal has doubled.
    pub fn finish_compaction(
        &self,
        write: impl FnOnce(&mut dyn Write) -> std::io::Result<u64>,
    ) -> std::io::Result<()> {
        let Some(file) = &self.file else {
            return Ok(());
        };
        let result = (|| {
            let (tmp, mut snapshot_len) = write_temporary(&file.path, ".compact", write)?;
            // The lines appended while the snapshot was written go in first, without holding
            // appends off: only those appended meanwhile are added (and synced) under the lock.
            let drained = lock(&file.writer).compaction.as_mut().map(std::mem::take);
            if let Some(lines) = drained.filter(|lines| !lines.is_empty()) {
                let appended = OpenOptions::new()
                    .append(true)
                    .open(&tmp)
                    .and_then(|mut out| out.write_all(&lines).and_then(|()| out.sync_data()));
                if let Err(e) = appended {
                    let _ = std::fs::remove_file(&tmp);
                    return Err(e);
                }
                snapshot_len += lines.len() as u64;
            }
            let mut writer = lock(&file.writer);
            let Some(pending) = writer.compaction.take() else {
                // A recovery ran meanwhile: this snapshot may hold undone changes.
                let _ = std::fs::remove_file(&tmp);
                return Err(std::io::Error::other("abandoned: a recovery ran meanwhile"));
            };
            let installed = file.install(&mut writer, &tmp, snapshot_len, &pending);
            if installed.is_err() {
                let _ = std::fs::remove_file(&tmp);
            }
            installed
        })();
        if result.is_err() {
            lock(&file.writer).compaction = None;
            let journal = file.journal_len.load(Ordering::SeqCst);
            file.compaction_floor
                .store(journal.saturating_mul(2), Ordering::SeqCst);
        } else {
            file.compaction_floor.store(0, Ordering::SeqCst);
        }
        file.compacting.store(false, Ordering::SeqCst);
        result
    }

    /// Replaces the state file with a new snapshot (reset, import), with every call held off.
    /// On failure the old file stays and the caller changes nothing.
    pub fn rewrite(
        &self,
        write: impl FnOnce(&mut dyn Write) -> std::io::Result<u64>,
    ) -> ApiResult<()> {
        let Some(file) = &self.file else {
            return Ok(());
        };
        let mut writer = lock(&file.writer);
        let (tmp, snapshot_len) =
            write_temporary(&file.path, ".tmp", write).map_err(|e| not_durable(&file.path, &e))?;
        writer.compaction = None;
        file.install(&mut writer, &tmp, snapshot_len, &[])
            .map_err(|e| {
                let _ = std::fs::remove_file(&tmp);
                not_durable(&file.path, &e)
            })
    }

    /// Waits until no compaction runs (tests and benchmarks: readiness by the compaction's own
    /// flag, which it clears when it ends).
    pub fn wait_for_compaction(&self) {
        if let Some(file) = &self.file {
            while file.compacting.load(Ordering::SeqCst) {
                std::thread::yield_now();
            }
        }
    }

    /// Tests: the next `writes` appends and the next `syncs` syncs fail as on a full disk.
    pub fn inject_failures(&self, writes: u64, syncs: u64) {
        if let Some(file) = &self.file {
            file.inject.writes.store(writes, Ordering::SeqCst);
            file.inject.syncs.store(syncs, Ordering::SeqCst);
        }
    }

    /// Bytes of the snapshot part and of the journal part of the state file.
    pub fn sizes(&self) -> Option<(u64, u64)> {
        self.file.as_ref().map(|f| {
            (
                f.snapshot_len.load(Ordering::SeqCst),
                f.journal_len.load(Ordering::SeqCst),
            )
        })
    }
}
