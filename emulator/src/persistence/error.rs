//! What can go wrong with a state file or a state text (a state file's content, an import's
//! body): one typed error for the whole persistence layer, each variant with the path or the
//! record it concerns and, where there is one, the `io::Error` or `serde_json::Error` it came
//! from as its `source()`.
//!
//! Why the messages repeat their source: the text of each variant is the one the emulator has
//! always printed (a refused start names the cause on one line; tests and scripts match it), so a
//! variant that wraps an error writes it out as well as keeping it as `source()` for whoever
//! walks the chain.
//!
//! This type never reaches the wire. Where a persistence error becomes an API answer it is
//! converted once per boundary: an import that does not load is a `ValidationException`
//! (`service::state`), a change that could not be made durable a `ServiceUnavailable`
//! ([`StateFileError::not_durable`]).

use std::path::PathBuf;

use super::{Entry, FORMAT, VERSION};
use crate::error::ApiError;

/// A state file that cannot be opened, locked, loaded or written, or a state text that does not
/// load. Display texts are the emulator's messages (see the module's documentation).
#[derive(Debug, thiserror::Error)]
pub enum StateFileError {
    // A state text, read line by line (`reader`): the record numbers count lines from 1, the
    // header included.
    /// The text could not be read.
    #[error("reading: {0}")]
    Read(#[source] std::io::Error),
    /// The first line is not this emulator's journal header (another file, or a damaged one);
    /// the source is the JSON error when the line is hashed JSON that is not a header.
    #[error("not a {FORMAT} file (its first line is not this emulator's journal header)")]
    NotAStateText {
        #[source]
        source: Option<serde_json::Error>,
    },
    /// The header names a format version this build does not read (`None`: it names none).
    #[error(
        "written in journal format version {}, this emulator reads versions 1 to {VERSION}",
        found.map_or("?".to_string(), |v| v.to_string())
    )]
    UnsupportedVersion { found: Option<u64> },
    /// The snapshot has fewer whole lines than its header says: `record` is the first missing.
    #[error("the snapshot is incomplete (record {record})")]
    IncompleteSnapshot { record: u64 },
    /// A snapshot line whose hash matches but whose partition does not parse.
    #[error("record {record} is damaged: {source}")]
    DamagedPartition {
        record: u64,
        #[source]
        source: serde_json::Error,
    },
    /// A journal record that is not whole, fails its hash or is not an entry, with records after
    /// it (or in a text that must be whole): corruption, not a torn last write. The source is the
    /// JSON error when the line is whole and hashed but not an entry.
    #[error("record {record} is damaged")]
    DamagedRecord {
        record: u64,
        #[source]
        source: Option<serde_json::Error>,
    },
    /// The loader refused a record it was handed (a time out of range, an implausible partition
    /// in an import): `reason` is the loader's.
    #[error("record {record}: {reason}")]
    RecordRefused { record: u64, reason: String },
    /// A journal entry the service could not replay: the API's refusal is the source.
    #[error("record {record} ({entry:?}) does not replay: {}: {}", source.code(), source.message())]
    RecordDoesNotReplay {
        record: u64,
        entry: Box<Entry>,
        #[source]
        source: ApiError,
    },

    // Where a `--state-file` path leads (`state_path`): `path` as it was given.
    /// A symlink on the way could not be read.
    #[error("state file {}: reading the symlink: {source}", path.display())]
    ReadLink {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// The path ends in no file name (`/`, `..`).
    #[error("state file {}: names no file", path.display())]
    NamesNoFile { path: PathBuf },
    /// The folder of the file could not be resolved (it does not exist, or cannot be read).
    #[error("state file {}: its folder {}: {source}", path.display(), folder.display())]
    Folder {
        path: PathBuf,
        folder: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// Symlinks that lead on and on (or in a circle).
    #[error("state file {}: too many levels of symbolic links", path.display())]
    SymlinkLoop { path: PathBuf },
    /// The file has other hard links, which a compaction's rename would leave on the old
    /// content.
    #[error(
        "state file {} ({}) has {links} hard links: a compaction replaces the file by a rename, and the other links would keep its old content. Give the emulator a file with one link (a symlink is fine).",
        path.display(),
        real.display()
    )]
    HardLinks {
        path: PathBuf,
        real: PathBuf,
        links: u64,
    },

    // The lock file beside the state file (`state_path`): `path` is the real state file.
    /// The lock file could not be opened or made.
    #[error("state file {}: its lock file {}: {source}", path.display(), lock.display())]
    LockFile {
        path: PathBuf,
        lock: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// Another process holds the lock; `holder` is the pid it wrote, if any.
    #[error(
        "state file {} is in use by another emulator (pid {}); refusing to start (two emulators on one file would lose each other's changes)",
        path.display(),
        holder.as_deref().unwrap_or("unknown")
    )]
    InUse {
        path: PathBuf,
        holder: Option<String>,
    },
    /// Taking the lock failed for another reason than another holder.
    #[error("state file {}: locking {}: {source}", path.display(), lock.display())]
    Locking {
        path: PathBuf,
        lock: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// This process's id could not be written into the lock file.
    #[error("state file {}: {}: {source}", path.display(), lock.display())]
    WritingLock {
        path: PathBuf,
        lock: PathBuf,
        #[source]
        source: std::io::Error,
    },

    // The state file itself (`journal`, `writer`): `path` is the real file.
    /// The file's content does not load; it is left as it is.
    #[error("state file {}: {source}; refusing to load or overwrite it", path.display())]
    Unloadable {
        path: PathBuf,
        #[source]
        source: Box<StateFileError>,
    },
    /// Opening, reading, writing, syncing, cutting or replacing the file failed.
    #[error("state file {}: {source}", path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// The journal thread could not be started.
    #[error("state file {}: starting its journal thread: {source}", path.display())]
    JournalThread {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// A change the journal thread undid without writing it: an earlier failure's recovery
    /// rebuilt the state without it. Only the file is named: the cause was reported with the
    /// change that failed first.
    #[error("state file {}", path.display())]
    Undone { path: PathBuf },
}

impl StateFileError {
    /// An I/O failure on the state file at `path`.
    pub(crate) fn io(path: &std::path::Path, source: std::io::Error) -> Self {
        StateFileError::Io {
            path: path.to_path_buf(),
            source,
        }
    }

    /// The API's answer to a change this error kept from being made durable: `ServiceUnavailable`
    /// (HTTP 503, which the SDKs retry), and nothing was changed. The one place a failed write,
    /// sync or rewrite becomes an API error.
    pub fn not_durable(&self) -> ApiError {
        ApiError::ServiceUnavailable(format!(
            "The change could not be made durable ({self}) and was not made. Retry later."
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sources_are_kept_and_the_texts_are_the_emulators() {
        use std::error::Error as _;
        let disk_full = || std::io::Error::new(std::io::ErrorKind::StorageFull, "disk full");
        let failed = StateFileError::Io {
            path: "/tmp/s.journal".into(),
            source: disk_full(),
        };
        assert_eq!(failed.to_string(), "state file /tmp/s.journal: disk full");
        assert_eq!(failed.source().unwrap().to_string(), "disk full");
        assert_eq!(
            failed.not_durable().message(),
            "The change could not be made durable (state file /tmp/s.journal: disk full) and was not made. Retry later."
        );
        let undone = StateFileError::Undone {
            path: "/tmp/s.journal".into(),
        };
        assert_eq!(
            undone.not_durable().message(),
            "The change could not be made durable (state file /tmp/s.journal) and was not made. Retry later."
        );
        let unloadable = StateFileError::Unloadable {
            path: "/tmp/s.journal".into(),
            source: Box::new(StateFileError::DamagedRecord {
                record: 3,
                source: None,
            }),
        };
        assert_eq!(
            unloadable.to_string(),
            "state file /tmp/s.journal: record 3 is damaged; refusing to load or overwrite it"
        );
        // The source is the loader's error itself (boxed: the type is recursive).
        assert!(unloadable
            .source()
            .and_then(|s| s.downcast_ref::<Box<StateFileError>>())
            .is_some_and(|s| matches!(**s, StateFileError::DamagedRecord { record: 3, .. })));
        let in_use = StateFileError::InUse {
            path: "/s".into(),
            holder: None,
        };
        assert!(in_use.to_string().contains("(pid unknown)"), "{in_use}");
    }
}
