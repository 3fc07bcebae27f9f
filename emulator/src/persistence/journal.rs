//! The journal of a state file: what calls hand over to be made durable, and the compactions
//! and rewrites that replace the file. Without a state file there is no journal at all: nothing
//! keeps past calls, and memory is proportional to the state.
//!
//! One thread owns the file (the journal thread, [`super::writer`]): it appends, syncs, installs
//! a compaction's or a rewrite's new file and recovers from a failed write or sync. Nothing else
//! writes the state file, and no async worker touches it:
//! - **A change** is serialized before its handler runs (so a call is refused before it changes
//!   anything if it cannot be), then handed to the journal thread's inbox while the call still
//!   holds its partition (so the file's order is each partition's order). That is a push onto a
//!   queue in memory; the call then releases its locks and awaits its [`Ticket`].
//! - **Group commit**: the journal thread takes everything queued, writes it with one `write`
//!   and makes it durable with one `fdatasync`, then answers every ticket in it. A change is
//!   acknowledged only once its sync succeeded.
//! - **Compaction**: when the journal part outgrows the snapshot part ([`CompactionRule`]), the
//!   service takes a snapshot (a copy of the tables, made while calls are held off: the only
//!   pause) and marks the point in the inbox; from then on the journal thread keeps a copy of
//!   what it appends. The snapshot is written to `PATH.compact` on a thread of its own while
//!   calls go on; the journal thread then adds the copied lines, syncs, renames it over the
//!   state file and syncs the directory. A crash at any point leaves the old file or the new
//!   one, whole.
//! - **A failed write or sync** (a full disk) has one answer: the journal thread cuts the file
//!   back to its last synced record, holds every call off through the [`StateOwner`], has the
//!   whole state rebuilt from the file, and answers every change issued until then 503
//!   (`ServiceUnavailable`, retryable): the calls change nothing. Once the disk has room again,
//!   appends succeed again.

use std::collections::VecDeque;
use std::fs::{File, OpenOptions};
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{mpsc, Arc, Condvar, Mutex, MutexGuard, OnceLock};

use serde::Serialize;
use serde_json::{Map, Value};

use super::state_path::{lock_state_file, resolve_state_file};
use super::{line_of, writer, Determinants, Entry, StateFileError, Summary};
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

/// What the journal thread needs of whoever owns the state in memory, to recover from a failed
/// write or sync: hold every call off, and replace the whole state with the file's.
pub trait StateOwner: Send + Sync + 'static {
    /// Runs `work` with every call held off, if they can be held off within `wait`; answers
    /// whether it ran. (Bounded, because whoever holds calls off may be waiting on the journal
    /// thread itself: a reset or an import waits for its rewrite.)
    fn hold_calls_for(&self, wait: std::time::Duration, work: &mut dyn FnMut()) -> bool;
    /// Replaces the whole state with the state text `input` (the file up to its last sync).
    fn replace_state(&self, input: &mut dyn BufRead) -> Result<(), StateFileError>;
}

/// A change serialized as its journal line, ready to be appended once its handler succeeded.
#[derive(Debug)]
pub struct Prepared(String);

/// The right to learn whether a change was made durable: [`Journal::durable`] answers once the
/// journal thread has synced it (or undone it).
#[derive(Debug)]
pub struct Ticket {
    answer: tokio::sync::oneshot::Receiver<ApiResult<()>>,
}

/// The journal: hands changes to the journal thread when there is a state file, nothing
/// otherwise. Cheap to clone.
#[derive(Debug, Clone, Default)]
pub struct Journal {
    file: Option<Arc<Handle>>,
}

/// The service's handle on the journal thread. When the last one is dropped, the thread writes
/// what is still queued and ends, releasing the file and its lock.
#[derive(Debug)]
struct Handle(Arc<Shared>);

impl Drop for Handle {
    fn drop(&mut self) {
        self.0.inbox().closed = true;
        self.0.wake.notify_one();
    }
}

/// What the calls and the journal thread share.
pub(super) struct Shared {
    /// The real state file (symlinks resolved).
    pub(super) path: PathBuf,
    pub(super) inbox: Mutex<Inbox>,
    /// Signalled when something is put in the inbox, or it closes.
    pub(super) wake: Condvar,
    pub(super) rule: CompactionRule,
    /// Bytes of the snapshot part and of the journal part, as the journal thread last wrote them.
    pub(super) snapshot_len: AtomicU64,
    pub(super) journal_len: AtomicU64,
    /// Journal bytes below which no compaction starts (raised after a failed one).
    compaction_floor: AtomicU64,
    /// A compaction is running (one at a time).
    compacting: AtomicBool,
    /// A rewrite (reset, import) holds every call off and waits for the journal thread: a
    /// recovery must not wait for calls to be held off then (see [`StateOwner`]).
    pub(super) rewrite_waiting: AtomicBool,
    /// Injected failures (tests): the next N writes, or syncs, fail as a full disk does.
    pub(super) inject: Injected,
    /// Who rebuilds the state after a failed write or sync (set once the service exists).
    pub(super) owner: OnceLock<Arc<dyn StateOwner>>,
}

impl std::fmt::Debug for Shared {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Shared").field("path", &self.path).finish()
    }
}

#[derive(Debug, Default)]
pub(super) struct Injected {
    pub(super) writes: AtomicU64,
    pub(super) syncs: AtomicU64,
    /// Taken by the journal thread before each write: a test holds it to stall the disk.
    pub(super) stall: Mutex<()>,
}

/// The journal thread's queue, in the order things happened.
#[derive(Default)]
pub(super) struct Inbox {
    pub(super) items: VecDeque<Item>,
    /// The last ticket issued (tickets only grow, across compactions and rewrites).
    pub(super) issued: u64,
    /// No handle is left: write what is queued, then end.
    pub(super) closed: bool,
}

/// What the journal thread is asked to do.
pub(super) enum Item {
    /// Append a change's line; answer `reply` once it is durable or undone.
    Record {
        ticket: u64,
        line: String,
        reply: tokio::sync::oneshot::Sender<ApiResult<()>>,
    },
    /// A compaction's snapshot was taken here: keep a copy of every line appended from now on.
    BeginCompaction,
    /// Put the synced file `tmp` (`snapshot_len` bytes) in place of the state file: a
    /// compaction's (the lines kept since its `BeginCompaction` are added first) or a rewrite's.
    Install {
        tmp: PathBuf,
        snapshot_len: u64,
        compaction: bool,
        reply: mpsc::SyncSender<std::io::Result<()>>,
    },
}

impl Shared {
    pub(super) fn inbox(&self) -> MutexGuard<'_, Inbox> {
        self.inbox.lock().unwrap_or_else(|p| p.into_inner())
    }

    fn send(&self, item: Item) {
        self.inbox().items.push_back(item);
        self.wake.notify_one();
    }
}

/// The answer to a change that a failed write, sync or install kept from being made durable:
/// logged, then [`StateFileError::not_durable`] (retryable, and nothing was changed).
pub(super) fn not_durable(path: &Path, source: std::io::Error) -> ApiError {
    tracing::warn!(path = %path.display(), error = %source, "state file: a change could not be made durable and was undone");
    StateFileError::io(path, source).not_durable()
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

pub(super) fn sync_directory_of(path: &Path) -> std::io::Result<()> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    File::open(dir)?.sync_all()
}

impl Journal {
    /// No state file: nothing is recorded.
    pub fn in_memory() -> Self {
        Journal { file: None }
    }

    /// Opens (or creates) a state file: `load` reads it (see [`super::read`]); then the journal
    /// thread appends to it. A torn last record is cut off (with a warning); anything `load`
    /// refuses leaves the file untouched.
    pub fn open(
        path: &Path,
        rule: CompactionRule,
        now: i64,
        load: impl FnOnce(&mut dyn BufRead) -> Result<Summary, StateFileError>,
    ) -> Result<Journal, StateFileError> {
        // Everything below works on the real file: a symlink is followed (a compaction replaces
        // the file it points to, never the link), and any spelling of one file takes one lock.
        let real = resolve_state_file(path)?;
        let path = real.as_path();
        let io = |source| StateFileError::io(path, source);
        let held = lock_state_file(path)?;
        let summary = match File::open(path) {
            Ok(file) => load(&mut BufReader::with_capacity(1 << 20, file)).map_err(|source| {
                StateFileError::Unloadable {
                    path: path.to_path_buf(),
                    source: Box::new(source),
                }
            })?,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Summary {
                version: super::VERSION,
                ..Summary::default()
            },
            Err(e) => return Err(io(e)),
        };
        let mut summary = summary;
        if summary.good_len == 0 {
            let (tmp, len) =
                write_temporary(path, ".tmp", |out| super::snapshot::write(out, now, &[]))
                    .map_err(io)?;
            std::fs::rename(&tmp, path)
                .and_then(|()| sync_directory_of(path))
                .map_err(io)?;
            summary.good_len = len;
            summary.snapshot_len = len;
        } else if summary.torn_tail {
            let file = OpenOptions::new().write(true).open(path).map_err(io)?;
            let total = file.metadata().map(|m| m.len()).unwrap_or(0);
            tracing::warn!(
                path = %path.display(),
                kept_bytes = summary.good_len,
                dropped_bytes = total.saturating_sub(summary.good_len),
                "state file ends in a record torn by a crash (never acknowledged): cutting it off"
            );
            file.set_len(summary.good_len)
                .and_then(|()| file.sync_all())
                .map_err(io)?;
        }
        let file = OpenOptions::new().append(true).open(path).map_err(io)?;
        let shared = Arc::new(Shared {
            path: path.to_path_buf(),
            inbox: Mutex::new(Inbox::default()),
            wake: Condvar::new(),
            rule,
            snapshot_len: AtomicU64::new(summary.snapshot_len),
            journal_len: AtomicU64::new(summary.good_len - summary.snapshot_len),
            compaction_floor: AtomicU64::new(0),
            compacting: AtomicBool::new(false),
            rewrite_waiting: AtomicBool::new(false),
            inject: Injected::default(),
            owner: OnceLock::new(),
        });
        writer::start(Arc::clone(&shared), file, summary.good_len, held).map_err(|source| {
            StateFileError::JournalThread {
                path: path.to_path_buf(),
                source,
            }
        })?;
        Ok(Journal {
            file: Some(Arc::new(Handle(shared))),
        })
    }

    /// Names who rebuilds the state after a failed write or sync (see [`StateOwner`]). Until
    /// then a failure undoes the changes in the file only.
    pub fn set_owner(&self, owner: Arc<dyn StateOwner>) {
        if let Some(file) = &self.file {
            let _ = file.0.owner.set(owner);
        }
    }

    /// Serializes a change (before it is made: a change that cannot be recorded is not made);
    /// `None` without a state file.
    pub fn prepare(&self, entry: &Entry) -> ApiResult<Option<Prepared>> {
        if self.file.is_none() {
            return Ok(None);
        }
        prepared(serde_json::to_string(entry))
    }

    /// Serializes an API call as [`Entry::Call`], from borrowed parts (the request path clones
    /// nothing); `None` without a state file.
    pub fn prepare_call(
        &self,
        account_id: &str,
        region: &str,
        operation: &str,
        input: &Map<String, Value>,
        at: i64,
        determinants: &Determinants,
    ) -> ApiResult<Option<Prepared>> {
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
        if self.file.is_none() {
            return Ok(None);
        }
        prepared(serde_json::to_string(&CallRef {
            account_id,
            region,
            operation,
            input,
            at,
            seed: determinants.seed,
            failure: determinants.failure.as_deref(),
        }))
    }

    /// Hands a change that was made to the journal thread (a push in memory: call it while the
    /// partition is still locked, so the file's order is the partition's). Answers the ticket
    /// to await with [`Journal::durable`].
    pub fn append(&self, prepared: Option<Prepared>) -> Option<Ticket> {
        let (Some(Prepared(line)), Some(file)) = (prepared, &self.file) else {
            return None;
        };
        let (reply, answer) = tokio::sync::oneshot::channel();
        {
            let mut inbox = file.0.inbox();
            inbox.issued += 1;
            let ticket = inbox.issued;
            inbox.items.push_back(Item::Record {
                ticket,
                line,
                reply,
            });
        }
        file.0.wake.notify_one();
        Some(Ticket { answer })
    }

    /// Waits until the ticket's change is durable; nothing to wait for without a state file.
    /// `ServiceUnavailable` if it could not be made durable: the journal thread has then undone
    /// it (see the module's documentation) before answering.
    pub async fn durable(&self, ticket: Option<Ticket>) -> ApiResult<()> {
        let Some(ticket) = ticket else {
            return Ok(());
        };
        ticket
            .answer
            .await
            .map_err(|_| ApiError::Internal("state file: the journal thread stopped".into()))?
    }

    /// Whether a compaction is due now; if so, the caller runs it (this claims it: one at a
    /// time). See [`CompactionRule`].
    pub fn claim_compaction(&self) -> bool {
        let Some(file) = &self.file else {
            return false;
        };
        let shared = &file.0;
        let journal = shared.journal_len.load(Ordering::Relaxed);
        let snapshot = shared.snapshot_len.load(Ordering::Relaxed);
        let due = journal > shared.rule.min_journal_bytes
            && journal as f64 > shared.rule.ratio * snapshot as f64
            && journal > shared.compaction_floor.load(Ordering::Relaxed);
        due && shared
            .compacting
            .compare_exchange(false, true, Ordering::SeqCst, Ordering::SeqCst)
            .is_ok()
    }

    /// Compaction, step 1 (with every call held off, right before the tables are copied): the
    /// lines appended from now on are also kept for the new file.
    pub fn begin_compaction(&self) {
        if let Some(file) = &self.file {
            file.0.send(Item::BeginCompaction);
        }
    }

    /// Compaction, step 2 (calls go on): `write` writes the snapshot taken in step 1 to a new
    /// file; the journal thread adds the lines appended since and puts it in place of the state
    /// file. A failure (disk full) leaves the old file in use and postpones the next attempt
    /// until the journal has doubled.
    pub fn finish_compaction(
        &self,
        write: impl FnOnce(&mut dyn Write) -> std::io::Result<u64>,
    ) -> std::io::Result<()> {
        let Some(file) = &self.file else {
            return Ok(());
        };
        let shared = &file.0;
        let result = write_temporary(&shared.path, ".compact", write)
            .and_then(|(tmp, snapshot_len)| install(shared, tmp, snapshot_len, true));
        if result.is_err() {
            let journal = shared.journal_len.load(Ordering::SeqCst);
            shared
                .compaction_floor
                .store(journal.saturating_mul(2), Ordering::SeqCst);
        } else {
            shared.compaction_floor.store(0, Ordering::SeqCst);
        }
        shared.compacting.store(false, Ordering::SeqCst);
        result
    }

    /// Replaces the state file with a new snapshot (reset, import), with every call held off:
    /// the journal thread first makes durable what was queued before, then installs it. On
    /// failure the old file stays and the caller changes nothing.
    pub fn rewrite(
        &self,
        write: impl FnOnce(&mut dyn Write) -> std::io::Result<u64>,
    ) -> ApiResult<()> {
        let Some(file) = &self.file else {
            return Ok(());
        };
        let shared = &file.0;
        let (tmp, snapshot_len) = write_temporary(&shared.path, ".tmp", write)
            .map_err(|e| not_durable(&shared.path, e))?;
        shared.rewrite_waiting.store(true, Ordering::SeqCst);
        let installed = install(shared, tmp, snapshot_len, false);
        shared.rewrite_waiting.store(false, Ordering::SeqCst);
        installed.map_err(|e| not_durable(&shared.path, e))
    }

    /// Waits until no compaction runs (tests and benchmarks: readiness by the compaction's own
    /// flag, which it clears when it ends).
    pub fn wait_for_compaction(&self) {
        if let Some(file) = &self.file {
            while file.0.compacting.load(Ordering::SeqCst) {
                std::thread::yield_now();
            }
        }
    }

    /// Tests: the next `writes` writes and the next `syncs` syncs fail as on a full disk.
    pub fn inject_failures(&self, writes: u64, syncs: u64) {
        if let Some(file) = &self.file {
            file.0.inject.writes.store(writes, Ordering::SeqCst);
            file.0.inject.syncs.store(syncs, Ordering::SeqCst);
        }
    }

    /// Tests: the journal thread writes nothing until the guard is dropped (a disk that hangs).
    pub fn stall_writes(&self) -> Option<MutexGuard<'_, ()>> {
        self.file
            .as_ref()
            .map(|f| f.0.inject.stall.lock().unwrap_or_else(|p| p.into_inner()))
    }

    /// Tests: whether a reset or an import is waiting for the journal thread to install its file.
    pub fn rewrite_waiting(&self) -> bool {
        self.file
            .as_ref()
            .is_some_and(|f| f.0.rewrite_waiting.load(Ordering::SeqCst))
    }

    /// Bytes of the snapshot part and of the journal part of the state file.
    pub fn sizes(&self) -> Option<(u64, u64)> {
        self.file.as_ref().map(|f| {
            (
                f.0.snapshot_len.load(Ordering::SeqCst),
                f.0.journal_len.load(Ordering::SeqCst),
            )
        })
    }
}

/// A change's journal line. A change that cannot be serialized is the emulator's fault (every
/// entry is plain JSON): `InternalFailure`, before anything was changed.
fn prepared(json: serde_json::Result<String>) -> ApiResult<Option<Prepared>> {
    let json = json.map_err(|e| ApiError::Internal(format!("journal entry: {e}")))?;
    Ok(Some(Prepared(line_of(&json))))
}

/// Asks the journal thread to put `tmp` in place of the state file, and waits for its answer
/// (on the caller's thread: a compaction's, or a reset's or an import's blocking task).
fn install(
    shared: &Shared,
    tmp: PathBuf,
    snapshot_len: u64,
    compaction: bool,
) -> std::io::Result<()> {
    let (reply, answer) = mpsc::sync_channel(1);
    shared.send(Item::Install {
        tmp: tmp.clone(),
        snapshot_len,
        compaction,
        reply,
    });
    answer.recv().unwrap_or_else(|_| {
        let _ = std::fs::remove_file(&tmp);
        Err(std::io::Error::other("the journal thread stopped"))
    })
}
