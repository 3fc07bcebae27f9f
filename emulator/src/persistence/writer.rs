//! The journal thread: the one owner of the state file (see [`super::journal`]). It takes what
//! the inbox holds, appends the changes with one write, syncs once for all of them (group
//! commit) and answers them; it installs the new files of compactions and rewrites in the order
//! they were asked for; and it alone recovers from a failed write or sync.
//!
//! Why one owner: appends, syncs, installs and recovery all move the same two numbers (the
//! file's length and what of it is synced). Owned by one thread they need no lock and cannot
//! race, and the async workers that run calls never wait on the disk.

use std::fs::{File, OpenOptions};
use std::io::{BufReader, Read, Write};
use std::path::PathBuf;
use std::sync::atomic::Ordering;
use std::sync::{mpsc, Arc};
use std::time::Duration;

use super::journal::{not_durable, sync_directory_of, Item, Shared};
use super::StateFileError;
use crate::error::{ApiError, ApiResult};

/// How long a recovery waits at a time for calls to be held off before it checks whether a
/// rewrite (which holds them off itself, waiting for this thread) is asking.
const HOLD_CALLS_WAIT: Duration = Duration::from_millis(5);

/// The journal thread's own state.
struct Writer {
    shared: Arc<Shared>,
    /// The state file, opened for appending.
    file: File,
    /// Bytes of whole records written.
    len: u64,
    /// Bytes of the file known durable (`len` once a sync succeeded). A change nobody waits
    /// for (a scenario's replayed call, an in-process call that drops its ticket) is written
    /// but not synced on its own: the next sync that someone waits for covers it.
    synced: u64,
    /// A failed write or sync may have left bytes after `synced` that could not be cut off
    /// yet: cut before the next write.
    cut_pending: bool,
    /// The lines appended since the running compaction took its snapshot.
    compaction_tail: Option<Vec<u8>>,
    /// Tickets up to here were undone by a recovery: answered 503, never written.
    lost_through: u64,
    /// The lock file, held until the thread has written its last record.
    _lock: File,
}

/// Starts the journal thread on `file` (`len` bytes of whole records, all synced).
pub(super) fn start(shared: Arc<Shared>, file: File, len: u64, lock: File) -> std::io::Result<()> {
    let writer = Writer {
        shared,
        file,
        len,
        synced: len,
        cut_pending: false,
        compaction_tail: None,
        lost_through: 0,
        _lock: lock,
    };
    std::thread::Builder::new()
        .name("state-file-journal".into())
        .spawn(move || writer.run())
        .map(drop)
}

fn injected_full_disk() -> std::io::Error {
    std::io::Error::new(
        std::io::ErrorKind::StorageFull,
        "No space left on device (injected)",
    )
}

/// Takes one injected failure, if any is left.
fn take_injected(counter: &std::sync::atomic::AtomicU64) -> bool {
    counter
        .fetch_update(Ordering::SeqCst, Ordering::SeqCst, |n| n.checked_sub(1))
        .is_ok()
}

/// The changes of one group commit and their waiters.
#[derive(Default)]
struct Batch {
    bytes: Vec<u8>,
    waiters: Vec<tokio::sync::oneshot::Sender<ApiResult<()>>>,
}

impl Writer {
    fn run(mut self) {
        let mut batch = Batch::default();
        loop {
            let items = {
                let mut inbox = self.shared.inbox();
                while inbox.items.is_empty() && !inbox.closed {
                    inbox = self
                        .shared
                        .wake
                        .wait(inbox)
                        .unwrap_or_else(|p| p.into_inner());
                }
                if inbox.items.is_empty() {
                    return; // closed, and everything written
                }
                std::mem::take(&mut inbox.items)
            };
            for item in items {
                match item {
                    Item::Record {
                        ticket,
                        line,
                        reply,
                    } => {
                        if ticket <= self.lost_through {
                            let _ = reply.send(Err(self.undone()));
                        } else {
                            batch.bytes.extend_from_slice(line.as_bytes());
                            batch.waiters.push(reply);
                        }
                    }
                    Item::BeginCompaction => {
                        self.commit(&mut batch);
                        self.compaction_tail = Some(Vec::new());
                    }
                    Item::Install {
                        tmp,
                        snapshot_len,
                        compaction,
                        reply,
                    } => {
                        self.commit(&mut batch);
                        self.install(tmp, snapshot_len, compaction, reply);
                    }
                }
            }
            self.commit(&mut batch);
        }
    }

    /// The answer to a change a recovery undid.
    fn undone(&self) -> ApiError {
        StateFileError::Undone {
            path: self.shared.path.clone(),
        }
        .not_durable()
    }

    /// Writes and syncs a batch, then answers its waiters: durable, or (after a recovery) undone.
    fn commit(&mut self, batch: &mut Batch) {
        if batch.waiters.is_empty() {
            return;
        }
        // Only a change someone awaits needs its sync now (see `synced`).
        let awaited = batch.waiters.iter().any(|waiter| !waiter.is_closed());
        let answer = match self.write_and_sync(&batch.bytes, awaited) {
            Ok(()) => {
                self.len += batch.bytes.len() as u64;
                self.shared
                    .journal_len
                    .fetch_add(batch.bytes.len() as u64, Ordering::SeqCst);
                if let Some(tail) = &mut self.compaction_tail {
                    tail.extend_from_slice(&batch.bytes);
                }
                Ok(())
            }
            Err(e) => {
                let answer = not_durable(&self.shared.path, e);
                self.recover();
                Err(answer)
            }
        };
        for waiter in batch.waiters.drain(..) {
            let _ = waiter.send(answer.clone());
        }
        batch.bytes.clear();
    }

    fn write_and_sync(&mut self, bytes: &[u8], sync: bool) -> std::io::Result<()> {
        drop(
            self.shared
                .inject
                .stall
                .lock()
                .unwrap_or_else(|p| p.into_inner()),
        );
        if self.cut_pending {
            self.file.set_len(self.synced)?;
            self.file.sync_all()?;
            self.len = self.synced;
            self.cut_pending = false;
        }
        if take_injected(&self.shared.inject.writes) {
            // A full disk takes part of a line: the torn part must not stay.
            let _ = self.file.write_all(&bytes[..bytes.len() / 2]);
            return Err(injected_full_disk());
        }
        self.file.write_all(bytes)?;
        if !sync {
            return Ok(());
        }
        if take_injected(&self.shared.inject.syncs) {
            return Err(injected_full_disk());
        }
        // After a failed sync the kernel may have dropped the dirty pages (and not report it
        // again): what was written since the last good sync is then cut off, never trusted.
        self.file.sync_data()?;
        self.synced = self.len + bytes.len() as u64;
        Ok(())
    }

    /// After a failed write or sync: cuts the file back to what was last synced, then, with
    /// every call held off, has the whole state rebuilt from it and marks every change issued
    /// until then undone (those still queued are answered 503, never written).
    fn recover(&mut self) {
        self.cut_pending = true;
        self.len = self.synced;
        if self
            .file
            .set_len(self.synced)
            .and_then(|()| self.file.sync_all())
            .is_ok()
        {
            self.cut_pending = false;
        }
        // A running compaction's snapshot may hold undone changes: it is abandoned.
        self.compaction_tail = None;
        let shared = Arc::clone(&self.shared);
        let Some(owner) = shared.owner.get() else {
            self.lost_through = shared.inbox().issued;
            tracing::error!(
                "state file: a write failed before the state had an owner; nothing was rebuilt"
            );
            return;
        };
        let mut rebuilt = Ok(());
        loop {
            let held = owner.hold_calls_for(HOLD_CALLS_WAIT, &mut || {
                self.lost_through = shared.inbox().issued;
                rebuilt = self
                    .read_synced()
                    .and_then(|mut input| owner.replace_state(&mut input));
            });
            if held {
                break;
            }
            if shared.rewrite_waiting.load(Ordering::SeqCst) {
                // A reset or an import holds calls off and waits for this thread: its new
                // file replaces the state anyway. (Nothing is issued while it holds them off.)
                self.lost_through = shared.inbox().issued;
                break;
            }
        }
        match rebuilt {
            Ok(()) => {
                tracing::warn!(path = %shared.path.display(), kept_bytes = self.synced, "state file: recovered from a failed write or sync; changes after the last good sync were undone")
            }
            Err(e) => {
                tracing::error!(error = %e, "state file: recovery failed; the state in memory may hold changes the file does not")
            }
        }
    }

    /// The state file up to its last synced record.
    fn read_synced(&self) -> Result<BufReader<std::io::Take<File>>, StateFileError> {
        File::open(&self.shared.path)
            .map(|f| BufReader::with_capacity(1 << 20, f.take(self.synced)))
            .map_err(|e| StateFileError::io(&self.shared.path, e))
    }

    /// Puts `tmp` in place of the state file (see [`Item::Install`]) and answers `reply`.
    fn install(
        &mut self,
        tmp: PathBuf,
        snapshot_len: u64,
        compaction: bool,
        reply: mpsc::SyncSender<std::io::Result<()>>,
    ) {
        let tail = if compaction {
            match self.compaction_tail.take() {
                Some(tail) => tail,
                None => {
                    let _ = std::fs::remove_file(&tmp);
                    let _ = reply.send(Err(std::io::Error::other(
                        "abandoned: a recovery ran meanwhile",
                    )));
                    return;
                }
            }
        } else {
            // A rewrite replaces everything, a running compaction's snapshot too.
            self.compaction_tail = None;
            Vec::new()
        };
        let result = self.replace_file(&tmp, snapshot_len, &tail);
        if result.is_err() {
            let _ = std::fs::remove_file(&tmp);
        }
        let _ = reply.send(result);
    }

    fn replace_file(
        &mut self,
        tmp: &std::path::Path,
        snapshot_len: u64,
        tail: &[u8],
    ) -> std::io::Result<()> {
        // Opened before the rename: the handle follows the file to its new name.
        let mut file = OpenOptions::new().append(true).open(tmp)?;
        if !tail.is_empty() {
            file.write_all(tail)?;
            file.sync_all()?;
        }
        std::fs::rename(tmp, &self.shared.path)?;
        // From here the new file is the state file, whatever follows.
        self.file = file;
        self.len = snapshot_len + tail.len() as u64;
        self.synced = self.len;
        self.cut_pending = false;
        self.shared
            .snapshot_len
            .store(snapshot_len, Ordering::SeqCst);
        self.shared
            .journal_len
            .store(tail.len() as u64, Ordering::SeqCst);
        // The rename is done and seen by every reader; only its surviving a crash is in doubt
        // if the folder cannot be synced, and a crash would then bring back the old file, whole.
        if let Err(e) = sync_directory_of(&self.shared.path) {
            tracing::warn!(path = %self.shared.path.display(), error = %e, "state file: the folder could not be synced after the file was replaced");
        }
        Ok(())
    }
}
