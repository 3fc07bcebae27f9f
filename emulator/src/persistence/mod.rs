//! The state file (`--state-file`) and the state export (`GET`/`PUT /_emulator/state`): a
//! snapshot of the tables followed by a journal of every acknowledged change since, replayed at
//! start.
//!
//! Why a snapshot plus a journal: a change is one short line appended (and synced) before its
//! 200 is sent, so a SIGKILL right after an acknowledged call loses nothing and the cost of a
//! change does not grow with the state; the snapshot, rewritten when the journal outgrows it
//! (compaction, see [`journal`]), keeps the file and the restart time proportional to the
//! state, not to the emulator's history. Replay is exact because handlers are deterministic given
//! the tables, the call's time and its [`Determinants`], all of which a record holds (ids like
//! `d-…` come from the seed).
//!
//! Format (text, one record a line): `JSON<space>HASH\n`, where HASH is 16 hex digits of the
//! FNV-1a hash of the JSON.
//! - Line 1, the header: `{"Format": "sagemaker-studio-emulator/journal", "Version": 2, "Now":
//!   <clock, epoch ms>, "Partitions": N}`.
//! - The next N lines, the snapshot: one per (account, region), `{"AccountId", "Region",
//!   "Tables"}` (the tables as [`Tables`](crate::resources::Tables) serializes them).
//! - Then the journal: one [`Entry`] per line, in the order the changes happened.
//!
//! Version 1 files (release 0.1.0: a header without snapshot, then the journal) load unchanged:
//! they are a version 2 file with an empty snapshot, and the first compaction rewrites them as
//! version 2. Loading:
//! - a last line that is incomplete (no newline) or fails its hash is a write torn by a crash: it
//!   was never acknowledged (acknowledgement waits for the sync), so it is cut off and the rest
//!   loads — with a warning;
//! - a bad line before the last one, or a snapshot shorter than its header says, is corruption:
//!   the emulator refuses to start and leaves the file alone;
//! - another format or a later version is refused with a clear message and never overwritten.
//!
//! Errors: every failure here is a [`StateFileError`] (see [`error`]), with the path or the
//! record it concerns and its `io::Error` or `serde_json::Error`; it becomes an API error only at
//! the boundary where an answer is due (an import's `ValidationException`, a change's
//! `ServiceUnavailable`).

pub mod error;
pub mod journal;
pub mod reader;
pub mod snapshot;
pub mod state_path;
mod writer;

pub use error::StateFileError;
pub use journal::{CompactionRule, Journal, Prepared, StateOwner, Ticket};
pub use reader::{read, Record, Summary};

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// The header's format name.
pub const FORMAT: &str = "sagemaker-studio-emulator/journal";
/// The format version this build writes (it reads this one and every earlier one).
pub const VERSION: u64 = 2;

/// One recorded change.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "Kind")]
pub enum Entry {
    /// A successful API call that changed state.
    Call {
        #[serde(rename = "AccountId")]
        account_id: String,
        #[serde(rename = "Region")]
        region: String,
        #[serde(rename = "Operation")]
        operation: String,
        #[serde(rename = "Input")]
        input: Map<String, Value>,
        /// Simulated time of the call, epoch milliseconds.
        #[serde(rename = "At")]
        at: i64,
        /// The call's random seed.
        #[serde(rename = "Seed")]
        seed: u64,
        /// The `FailureReason` a fault gave the call (its transition ends failed); absent for
        /// the ordinary call, so that files written before failures existed still load.
        #[serde(
            rename = "FailureReason",
            default,
            skip_serializing_if = "Option::is_none"
        )]
        failure: Option<String>,
    },
    /// `POST /_emulator/activity`.
    Activity {
        #[serde(rename = "AppArn")]
        app_arn: String,
        #[serde(rename = "At")]
        at: i64,
    },
    /// The clock after `POST /_emulator/clock/advance`, epoch milliseconds.
    Clock {
        #[serde(rename = "Now")]
        now: i64,
    },
}

/// What decides a call's outcome besides its input and its time: journaled with the call, so
/// that replaying the journal gives the same ids and the same failures.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Determinants {
    /// The seed of the ids the call generates.
    pub seed: u64,
    /// `FailureReason` when a fault asked the call's transition to end failed.
    pub failure: Option<String>,
}

impl Determinants {
    /// A live call's: a fresh seed, and the failure a fault asked for, if any.
    pub fn fresh(failure: Option<String>) -> Self {
        Determinants {
            seed: fresh_seed(),
            failure,
        }
    }
}

/// A random seed for a live call.
pub fn fresh_seed() -> u64 {
    crate::sim::random::next_u64()
}

/// FNV-1a, fed in pieces (a snapshot line is hashed while it is written).
#[derive(Debug, Clone, Copy)]
struct Fnv1a(u64);

impl Fnv1a {
    fn new() -> Self {
        Fnv1a(0xcbf2_9ce4_8422_2325)
    }

    fn update(&mut self, bytes: &[u8]) {
        for byte in bytes {
            self.0 = (self.0 ^ u64::from(*byte)).wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
}

fn fnv1a(bytes: &[u8]) -> u64 {
    let mut hash = Fnv1a::new();
    hash.update(bytes);
    hash.0
}

/// One record as a line.
pub(crate) fn line_of(json: &str) -> String {
    format!("{json} {:016x}\n", fnv1a(json.as_bytes()))
}

/// The header line of a file whose snapshot holds `partitions` lines, taken at `now`.
fn header_line(now: i64, partitions: usize) -> String {
    line_of(
        &serde_json::json!({"Format": FORMAT, "Version": VERSION, "Now": now, "Partitions": partitions})
            .to_string(),
    )
}

/// The JSON of a line (without its newline) if its hash matches.
fn checked(line: &[u8]) -> Option<&[u8]> {
    let split = line.iter().rposition(|b| *b == b' ')?;
    let (json, hash) = (&line[..split], &line[split + 1..]);
    if hash.len() != 16 {
        return None;
    }
    let hash = u64::from_str_radix(std::str::from_utf8(hash).ok()?, 16).ok()?;
    (hash == fnv1a(json)).then_some(json)
}
