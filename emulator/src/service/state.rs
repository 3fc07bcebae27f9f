//! The service's side of the state file and the state export: loading a state text (snapshot,
//! then journal replay), exporting a snapshot, import, reset, compaction, and undoing what could
//! not be made durable. The file format and its durability are `persistence`'s.
//!
//! Every call holds the [`Gate`] shared; what must see or replace the whole state at once holds
//! it exclusively, so no call ever sees half of a reset, an import or a recovery, and a snapshot
//! is one instant of every partition. The exclusive holds are short: a snapshot copies the
//! tables (the compaction's pause), then writes them with the gate open again.
//!
//! The locks, outermost first: a thread that holds one takes only locks further down the list,
//! so no two threads can wait on each other.
//! 1. The [`Gate`] (`RwLock`): shared by every call, exclusive for a snapshot's copy, an import,
//!    a reset and a recovery.
//! 2. A partition's `Mutex<Tables>` (`resources::lock`), one partition at a time; the store's
//!    `DashMap` guard is dropped before it is taken (`Store::partition`).
//! 3. The journal's inbox (`persistence::journal`): a call pushes its record while it still
//!    holds its partition, so the file's order is each partition's order. Held for a push or a
//!    take, never across I/O.
//!
//! The state file itself belongs to the journal thread (`persistence::writer`), which holds
//! none of these while it writes or syncs. It takes the gate exclusively only to recover from a
//! failed write or sync, and then with a timeout: a reset or an import holds the gate while it
//! waits for the journal thread to install its file, and the recovery gives way to it. Calls
//! wait for their acknowledgement with no lock held.

use std::io::BufRead;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use parking_lot::{RwLock, RwLockReadGuard, RwLockWriteGuard};

use crate::error::{ApiError, ApiResult};
use crate::persistence::{
    self, Entry, Journal, Record, StateFileError, StateOwner, Summary, Ticket,
};
use crate::protocol::ApiRequest;
use crate::resources::{app, lock, PartitionKey, Store, Tables};
use crate::service::{parse_app_arn, scenario, Determinants, Origin, Service};
use crate::sim::clock::{Timestamp, LATEST};

/// See the module's documentation. Also whether an import is running (one at a time: each
/// holds a whole new state in memory).
#[derive(Debug, Clone, Default)]
pub struct Gate(Arc<RwLock<()>>, Arc<AtomicBool>);

/// Another import holds the permit (see [`Service::import_permit`]). Not an [`ApiError`]: one
/// import at a time is a rule of the admin API, which answers it `ConflictException` (409) with
/// this text; the service only knows that the permit is taken.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("Another import of the state is in progress; retry when it has finished.")]
pub struct ImportInProgress;

/// The right to run the one import allowed at a time; released when dropped.
#[derive(Debug)]
pub struct ImportPermit(Arc<AtomicBool>);

impl Drop for ImportPermit {
    fn drop(&mut self) {
        self.0.store(false, Ordering::SeqCst);
    }
}

impl Gate {
    /// Held by a call for its duration.
    pub(crate) fn open(&self) -> RwLockReadGuard<'_, ()> {
        self.0.read()
    }

    fn close(&self) -> RwLockWriteGuard<'_, ()> {
        self.0.write()
    }
}

/// The state's owner as the journal thread sees it (see [`StateOwner`]): the service without
/// its journal (which owns the journal thread: no cycle keeps either alive).
struct Rebuilder(Service);

impl StateOwner for Rebuilder {
    fn hold_calls_for(&self, wait: std::time::Duration, work: &mut dyn FnMut()) -> bool {
        match self.0.gate.0.try_write_for(wait) {
            Some(_closed) => {
                work();
                true
            }
            None => false,
        }
    }

    fn replace_state(&self, input: &mut dyn BufRead) -> Result<(), StateFileError> {
        let staging = self.0.staging();
        staging.load(input, StateSource::OwnFile)?;
        self.0.store.put_all(staging.store.take_all());
        Ok(())
    }
}

impl Service {
    /// A service like this one on an empty store, with no journal, a gate of its own and a
    /// manual clock at this one's now: where an import or a rebuild is replayed before it
    /// replaces anything (a refused import must not have moved the clock either).
    fn staging(&self) -> Service {
        Service {
            store: Store::new(),
            clock: crate::sim::clock::Clock::manual_at(self.clock.now()),
            journal: Journal::in_memory(),
            gate: Gate::default(),
            scenario: Default::default(),
            ..self.clone()
        }
    }

    /// Loads a state text (see `persistence`) into this service's store: the snapshot's
    /// partitions, then the journal's changes replayed. Every time must lie in 0..=LATEST; an import
    /// must also name plausible partitions only (the emulator's own file holds what its callers
    /// made, e.g. a `--region` of the user's choosing).
    pub fn load(
        &self,
        input: &mut dyn BufRead,
        source: StateSource,
    ) -> Result<Summary, StateFileError> {
        let allow_torn_tail = source == StateSource::OwnFile;
        let mut number = 1u64;
        let mut sink = |record: Record| -> Result<(), StateFileError> {
            number += 1;
            let refused = |reason| StateFileError::RecordRefused {
                record: number,
                reason,
            };
            match record {
                Record::Partition { key, tables } => {
                    if source == StateSource::Import {
                        check_partition(&key).map_err(refused)?;
                    }
                    *lock(&self.store.partition(&key)) = *tables;
                    Ok(())
                }
                Record::Entry(entry) => {
                    check_entry(&entry, source).map_err(refused)?;
                    self.replay_entry(&entry).map_err(|source| {
                        StateFileError::RecordDoesNotReplay {
                            record: number,
                            entry: Box::new(entry),
                            source,
                        }
                    })
                }
            }
        };
        persistence::read(input, allow_torn_tail, &mut sink)
    }

    /// Replays one journal entry into this service's store.
    fn replay_entry(&self, entry: &Entry) -> ApiResult<()> {
        match entry {
            Entry::Call {
                account_id,
                region,
                operation,
                input,
                at,
                seed,
                failure,
            } => {
                let request = ApiRequest {
                    operation: operation.clone(),
                    account_id: account_id.clone(),
                    region: region.clone(),
                    input: input.clone(),
                };
                let determinants = Determinants {
                    seed: *seed,
                    failure: failure.clone(),
                };
                self.execute(&request, Timestamp(*at), &determinants, Origin::Replay)
                    .map(|_| ())
            }
            Entry::Activity { app_arn, at } => {
                let (region, account_id) = parse_app_arn(app_arn)?;
                let partition = self.store.partition(&PartitionKey { account_id, region });
                let mut tables = lock(&partition);
                tables.settle(Timestamp(*at), &self.delays);
                app::record_activity(&mut tables, Timestamp(*at), app_arn).map(|_| ())
            }
            Entry::Clock { now } => {
                // `now` is within 0..=LATEST (`check_entry`), the clock too: no overflow.
                let behind = now.saturating_sub(self.clock.now().0);
                if behind > 0 {
                    self.clock
                        .advance(std::time::Duration::from_millis(behind.unsigned_abs()));
                }
                Ok(())
            }
        }
    }

    /// The clock and a copy of every partition, at one instant (calls are held off while the
    /// tables are copied).
    fn snapshot(&self) -> (Timestamp, Vec<(PartitionKey, Tables)>) {
        let _closed = self.gate.close();
        (self.clock.now(), self.store.copy_all())
    }

    /// `GET /_emulator/state`: the current state as a state text (a snapshot, no history).
    pub fn export(&self) -> ApiResult<Vec<u8>> {
        self.catch_up(); // the scenario's calls due by now belong in the export
        let (now, partitions) = self.snapshot();
        let mut text = Vec::new();
        persistence::snapshot::write(&mut text, now.0, &partitions)
            .map_err(|e| ApiError::Internal(format!("export: {e}")))?;
        Ok(text)
    }

    /// The permit to import now, or [`ImportInProgress`] while another import runs.
    pub fn import_permit(&self) -> Result<ImportPermit, ImportInProgress> {
        let running = &self.gate.1;
        running
            .compare_exchange(false, true, Ordering::SeqCst, Ordering::SeqCst)
            .map(|_| ImportPermit(Arc::clone(running)))
            .map_err(|_| ImportInProgress)
    }

    /// Replaces all state with a state text (`PUT /_emulator/state`), read from `input` as it
    /// arrives: it is loaded into a staging store first, so a text that does not load changes
    /// nothing; then the state file is rewritten (a failure there changes nothing either) and
    /// the store replaced, with calls held off.
    pub fn import(&self, input: &mut dyn BufRead) -> ApiResult<()> {
        let staging = self.staging();
        staging.load(input, StateSource::Import).map_err(|e| {
            ApiError::validation(format!(
                "The state is not a {} that loads: {e}",
                persistence::FORMAT
            ))
        })?;
        let partitions = staging.store.take_all();
        let _closed = self.gate.close();
        // The imported state's clock, if it is ahead: its resources were made up to then.
        let now = self.clock.now().max(staging.clock.now());
        self.journal
            .rewrite(|out| persistence::snapshot::write(out, now.0, &partitions))?;
        self.store.put_all(partitions);
        let behind = now.0 - self.clock.now().0;
        if behind > 0 {
            self.clock
                .advance(std::time::Duration::from_millis(behind.unsigned_abs()));
        }
        Ok(())
    }

    /// Empties all state, pending faults and the scenario (admin reset); the configuration stays.
    /// The state file is emptied first: if that fails, nothing changes.
    pub fn reset(&self) -> ApiResult<()> {
        let mut slot = scenario::lock_slot(&self.scenario);
        let _closed = self.gate.close();
        let now = self.clock.now();
        self.journal
            .rewrite(|out| persistence::snapshot::write(out, now.0, &[]))?;
        self.store.clear();
        *slot = None;
        self.faults.clear();
        Ok(())
    }

    /// Waits until `ticket`'s change is durable (the acknowledgement of a change): answered by
    /// the journal thread, which has undone the change if it could not be made durable.
    pub async fn acknowledge(&self, ticket: Option<Ticket>) -> ApiResult<()> {
        self.journal.durable(ticket).await
    }

    /// Makes this service the owner the journal thread rebuilds after a failed write or sync
    /// (call once its journal is open).
    pub fn own_journal(&self) {
        let owner = Service {
            journal: Journal::in_memory(),
            ..self.clone()
        };
        self.journal.set_owner(Arc::new(Rebuilder(owner)));
    }

    /// Starts a compaction on a thread of its own (see `persistence::journal`).
    pub(crate) fn start_compaction(&self) {
        let service = self.clone();
        let started = std::thread::Builder::new()
            .name("state-file-compaction".into())
            .spawn(move || service.compact());
        if let Err(e) = started {
            tracing::warn!(error = %e, "state file: could not start a compaction");
        }
    }

    /// Rewrites the state file as a snapshot of now plus the changes made while it was written.
    pub fn compact(&self) {
        let (now, partitions) = {
            let _closed = self.gate.close();
            self.journal.begin_compaction();
            (self.clock.now(), self.store.copy_all())
        };
        match self
            .journal
            .finish_compaction(|out| persistence::snapshot::write(out, now.0, &partitions))
        {
            Ok(()) => {
                let (snapshot, journal) = self.journal.sizes().unwrap_or_default();
                tracing::info!(
                    snapshot_bytes = snapshot,
                    journal_bytes = journal,
                    "state file compacted"
                );
            }
            Err(e) => {
                tracing::warn!(error = %e, "state file: compaction failed; the journal goes on and it is tried again later")
            }
        }
    }
}

/// A time a state text may hold: 0 (1970) to the clock's [`LATEST`] (9999-12-31T23:59:59Z).
fn check_time(what: &str, millis: i64) -> Result<(), String> {
    if (0..=LATEST.0).contains(&millis) {
        Ok(())
    } else {
        Err(format!(
            "{what} {millis} is outside 0..={} (1970 to 9999-12-31T23:59:59Z, in epoch milliseconds)",
            LATEST.0
        ))
    }
}

/// A partition a state text may hold (see [`PartitionKey::is_plausible`]).
fn check_partition(key: &PartitionKey) -> Result<(), String> {
    if key.is_plausible() {
        Ok(())
    } else {
        Err(format!(
            "account {:?} and region {:?} name no AWS partition (a 12-digit account and a region such as us-east-1)",
            key.account_id, key.region
        ))
    }
}

/// Where a state text comes from: the emulator's own state file (a torn last record is cut off;
/// its partitions are what its callers made) or an import (whole, plausible partitions only).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StateSource {
    OwnFile,
    Import,
}

/// The bounds of one journal entry: its times, and for an import its partition.
fn check_entry(entry: &Entry, source: StateSource) -> Result<(), String> {
    match entry {
        Entry::Call {
            account_id,
            region,
            at,
            ..
        } => {
            check_time("At", *at)?;
            if source == StateSource::Import {
                check_partition(&PartitionKey {
                    account_id: account_id.clone(),
                    region: region.clone(),
                })?;
            }
            Ok(())
        }
        Entry::Activity { at, .. } => check_time("At", *at),
        Entry::Clock { now } => check_time("Now", *now),
    }
}

#[cfg(test)]
mod tests {
    use std::path::{Path, PathBuf};

    use serde_json::{json, Value};

    use super::*;
    use crate::persistence::CompactionRule;
    use crate::protocol::Defaults;
    use crate::sim::clock::Clock;
    use crate::sim::lifecycle::{DelayPreset, DelayProfile};

    const ACCOUNT: &str = "111111111111";
    const REGION: &str = "eu-west-1";

    /// A state file's path in a fresh temporary folder, removed when the guard is dropped (also
    /// when the test fails).
    fn scratch(name: &str) -> (tempfile::TempDir, PathBuf) {
        let dir = tempfile::Builder::new()
            .prefix(&format!("smse-state-{name}-"))
            .tempdir()
            .unwrap();
        let path = dir.path().join("state.journal");
        (dir, path)
    }

    /// A service without a state file, its manual clock at `millis`.
    fn service_at(millis: i64) -> Service {
        Service::new(
            Clock::manual_at(Timestamp(millis)),
            DelayProfile::new(DelayPreset::Instant),
            Defaults {
                account_id: ACCOUNT.into(),
                region: REGION.into(),
            },
        )
    }

    /// A service on `path` (loaded from it), as the server starts one.
    fn open(path: &Path, rule: CompactionRule) -> Service {
        let mut service = service_at(1_767_225_600_000);
        let now = service.clock.now().0;
        service.journal = Journal::open(path, rule, now, |input| {
            service.load(input, StateSource::OwnFile)
        })
        .expect("the state file loads");
        service.own_journal();
        service
    }

    fn call(
        service: &Service,
        operation: &str,
        input: Value,
    ) -> ApiResult<(Value, Option<Ticket>)> {
        let request = ApiRequest {
            operation: operation.into(),
            account_id: ACCOUNT.into(),
            region: REGION.into(),
            input: input.as_object().cloned().unwrap_or_default(),
        };
        let (output, ticket) = service.execute(
            &request,
            service.catch_up(),
            &Determinants::fresh(None),
            Origin::Live,
        )?;
        Ok((output.to_value()?, ticket))
    }

    /// A call acknowledged as the HTTP edge does it: answered only once durable.
    fn acknowledged(service: &Service, operation: &str, input: Value) -> ApiResult<Value> {
        let (output, ticket) = call(service, operation, input)?;
        let runtime = tokio::runtime::Builder::new_current_thread()
            .build()
            .unwrap();
        runtime.block_on(service.acknowledge(ticket))?;
        Ok(output)
    }

    fn create_domain(service: &Service) -> String {
        let output = acknowledged(
            service,
            "CreateDomain",
            json!({"DomainName": "d", "AuthMode": "IAM", "SubnetIds": ["subnet-1"], "VpcId": "vpc-1",
                   "DefaultUserSettings": {"ExecutionRole": "arn:aws:iam::111111111111:role/r"}}),
        )
        .unwrap();
        output["DomainArn"]
            .as_str()
            .unwrap()
            .rsplit('/')
            .next()
            .unwrap()
            .to_string()
    }

    /// The domain's user profiles, oldest first.
    fn profile_names(service: &Service, domain: &str) -> Vec<String> {
        let (output, _) = call(
            service,
            "ListUserProfiles",
            json!({"DomainIdEquals": domain, "SortOrder": "Ascending"}),
        )
        .unwrap();
        output["UserProfiles"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p["UserProfileName"].as_str().unwrap().to_string())
            .collect()
    }

    #[test]
    fn a_write_that_fails_changes_nothing_and_the_file_keeps_every_acknowledged_change() {
        let (_dir, path) = scratch("write");
        let service = open(&path, CompactionRule::default());
        let domain = create_domain(&service);
        acknowledged(
            &service,
            "CreateUserProfile",
            json!({"DomainId": domain, "UserProfileName": "before"}),
        )
        .unwrap();
        service.journal.inject_failures(1, 0);
        let refused = acknowledged(
            &service,
            "CreateUserProfile",
            json!({"DomainId": domain, "UserProfileName": "lost"}),
        )
        .unwrap_err();
        assert_eq!(
            (refused.code(), refused.status()),
            ("ServiceUnavailable", 503)
        );
        // No phantom: the refused change is not in memory, and the retry succeeds once.
        assert_eq!(profile_names(&service, &domain), ["before"]);
        acknowledged(
            &service,
            "CreateUserProfile",
            json!({"DomainId": domain, "UserProfileName": "lost"}),
        )
        .unwrap();
        acknowledged(
            &service,
            "CreateUserProfile",
            json!({"DomainId": domain, "UserProfileName": "after"}),
        )
        .unwrap();
        drop(service);
        let text = std::fs::read_to_string(&path).unwrap();
        assert_eq!(
            text.matches("\"UserProfileName\":\"lost\"").count(),
            1,
            "the torn half line was cut off"
        );
        let restarted = open(&path, CompactionRule::default());
        assert_eq!(
            profile_names(&restarted, &domain),
            ["before", "lost", "after"]
        );
    }

    #[test]
    fn a_failed_sync_undoes_every_change_after_the_last_good_sync() {
        let (_dir, path) = scratch("sync");
        let service = open(&path, CompactionRule::default());
        let domain = create_domain(&service);
        service.journal.inject_failures(0, 1);
        let refused = acknowledged(
            &service,
            "CreateUserProfile",
            json!({"DomainId": domain, "UserProfileName": "unsynced"}),
        )
        .unwrap_err();
        assert_eq!(refused.code(), "ServiceUnavailable");
        assert!(profile_names(&service, &domain).is_empty());
        acknowledged(
            &service,
            "CreateUserProfile",
            json!({"DomainId": domain, "UserProfileName": "synced"}),
        )
        .unwrap();
        drop(service);
        let restarted = open(&path, CompactionRule::default());
        assert_eq!(profile_names(&restarted, &domain), ["synced"]);
    }

    /// Runs `work` on a thread of its own; its answer within a minute (a hang fails the test
    /// instead of hanging it).
    fn on_thread<T: Send + 'static>(
        work: impl FnOnce() -> T + Send + 'static,
    ) -> std::sync::mpsc::Receiver<T> {
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let _ = tx.send(work());
        });
        rx
    }

    const HANG: std::time::Duration = std::time::Duration::from_secs(60);

    #[test]
    fn a_call_never_waits_on_the_disk_while_it_holds_a_lock() {
        // The journal thread owns the file: with the disk stalled, changes wait for their
        // acknowledgement only, with no lock held, so the same partition is read and changed
        // meanwhile (the handler runs, its record is queued) and nothing is acknowledged early.
        let (_dir, path) = scratch("stall");
        let service = open(&path, CompactionRule::default());
        let domain = create_domain(&service);
        let stalled = service.journal.stall_writes();
        let (first, first_ticket) = call(
            &service,
            "CreateUserProfile",
            json!({"DomainId": domain, "UserProfileName": "first"}),
        )
        .unwrap();
        assert!(first["UserProfileArn"].is_string());
        let waiting = {
            let service = service.clone();
            on_thread(move || {
                tokio::runtime::Builder::new_current_thread()
                    .build()
                    .unwrap()
                    .block_on(service.acknowledge(first_ticket))
            })
        };
        // The same partition, read and changed while the first change waits for the disk.
        assert_eq!(profile_names(&service, &domain), ["first"]);
        let (_, second_ticket) = call(
            &service,
            "CreateUserProfile",
            json!({"DomainId": domain, "UserProfileName": "second"}),
        )
        .unwrap();
        assert!(
            waiting.try_recv().is_err(),
            "nothing is acknowledged before it is written"
        );
        drop(stalled);
        waiting.recv_timeout(HANG).unwrap().unwrap();
        tokio::runtime::Builder::new_current_thread()
            .build()
            .unwrap()
            .block_on(service.acknowledge(second_ticket))
            .unwrap();
        drop(service);
        let restarted = open(&path, CompactionRule::default());
        assert_eq!(profile_names(&restarted, &domain), ["first", "second"]);
    }

    #[test]
    fn a_failed_write_while_a_reset_waits_undoes_the_change_and_the_reset_goes_through() {
        // The recovery holds calls off with a timeout: a reset holds them off itself and waits
        // for the journal thread to install its file; the recovery gives way to it.
        let (_dir, path) = scratch("reset");
        let service = open(&path, CompactionRule::default());
        let domain = create_domain(&service);
        let stalled = service.journal.stall_writes();
        service.journal.inject_failures(1, 0);
        let (_, ticket) = call(
            &service,
            "CreateUserProfile",
            json!({"DomainId": domain, "UserProfileName": "lost"}),
        )
        .unwrap();
        let reset = {
            let service = service.clone();
            on_thread(move || service.reset())
        };
        while !service.journal.rewrite_waiting() {
            std::thread::yield_now();
        }
        drop(stalled);
        reset.recv_timeout(HANG).expect("no deadlock").unwrap();
        let refused = tokio::runtime::Builder::new_current_thread()
            .build()
            .unwrap()
            .block_on(service.acknowledge(ticket))
            .unwrap_err();
        assert_eq!(refused.code(), "ServiceUnavailable");
        assert!(
            service.store.partition_keys().is_empty(),
            "the reset emptied the state"
        );
        let again = create_domain(&service);
        drop(service);
        let restarted = open(&path, CompactionRule::default());
        assert!(profile_names(&restarted, &again).is_empty());
        assert_eq!(restarted.store.partition_keys().len(), 1);
    }

    #[test]
    fn churn_is_compacted_away_and_a_restart_loads_the_state_not_the_history() {
        let (_dir, path) = scratch("churn");
        let rule = CompactionRule {
            ratio: 1.0,
            min_journal_bytes: 16 * 1024,
        };
        let service = open(&path, rule);
        let domain = create_domain(&service);
        for _ in 0..1_000 {
            acknowledged(
                &service,
                "CreateUserProfile",
                json!({"DomainId": domain, "UserProfileName": "churn"}),
            )
            .unwrap();
            acknowledged(
                &service,
                "DeleteUserProfile",
                json!({"DomainId": domain, "UserProfileName": "churn"}),
            )
            .unwrap();
        }
        acknowledged(
            &service,
            "CreateUserProfile",
            json!({"DomainId": domain, "UserProfileName": "kept"}),
        )
        .unwrap();
        service.journal.wait_for_compaction();
        let (snapshot, journal) = service.journal.sizes().unwrap();
        let file = std::fs::metadata(&path).unwrap().len();
        // 2,001 changes of ~300 bytes each were written; the file holds the state and at most
        // the rule's journal (plus the records of the last compaction's run).
        assert!(
            file < 64 * 1024,
            "file {file} bytes (snapshot {snapshot}, journal {journal})"
        );
        assert_eq!(file, snapshot + journal);
        drop(service);
        let restarted = open(&path, rule);
        assert_eq!(profile_names(&restarted, &domain), ["kept"]);
        // Ids and the clock carry over: the restarted service goes on from the same state.
        acknowledged(
            &restarted,
            "CreateUserProfile",
            json!({"DomainId": domain, "UserProfileName": "next"}),
        )
        .unwrap();
        assert_eq!(profile_names(&restarted, &domain), ["kept", "next"]);
    }

    #[test]
    fn without_a_state_file_nothing_keeps_past_calls_and_the_export_is_the_state() {
        let service = service_at(1_767_225_600_000);
        let domain = create_domain(&service);
        for _ in 0..200 {
            acknowledged(&service, "AddTags", json!({"ResourceArn": format!("arn:aws:sagemaker:{REGION}:{ACCOUNT}:domain/{domain}"), "Tags": [{"Key": "k", "Value": "v"}]})).unwrap();
        }
        let export = service.export().unwrap();
        let text = String::from_utf8(export.clone()).unwrap();
        assert_eq!(
            text.lines().count(),
            2,
            "a header and one partition: {text}"
        );
        // The export loads into another service as the same state.
        let other = service.staging();
        other
            .load(&mut export.as_slice(), StateSource::Import)
            .unwrap();
        let (tags, _) = call(
            &other,
            "ListTags",
            json!({"ResourceArn": format!("arn:aws:sagemaker:{REGION}:{ACCOUNT}:domain/{domain}")}),
        )
        .unwrap();
        assert_eq!(tags["Tags"], json!([{"Key": "k", "Value": "v"}]));
    }

    #[test]
    fn a_refused_import_leaves_the_clock_and_an_accepted_one_brings_its_own() {
        let service = service_at(1_000_000);
        let mut later = Vec::new();
        persistence::snapshot::write(&mut later, 9_000_000, &[]).unwrap();
        let mut damaged = later.clone();
        damaged.extend_from_slice(b"{\"Kind\":\"Clock\"} 0000000000000000\n{}\n");
        let refused = service.import(&mut damaged.as_slice()).unwrap_err();
        assert_eq!(refused.code(), "ValidationException");
        assert_eq!(
            service.clock.now(),
            Timestamp(1_000_000),
            "a refused import moves nothing"
        );
        service.import(&mut later.as_slice()).unwrap();
        assert_eq!(service.clock.now(), Timestamp(9_000_000));
    }

    #[test]
    fn one_import_at_a_time() {
        let service = service_at(0);
        let first = service.import_permit().unwrap();
        // The admin API's answer to it (the service's refusal is not an API error).
        let second = crate::http::EdgeRefusal::from(service.import_permit().unwrap_err());
        assert_eq!((second.code(), second.status()), ("ConflictException", 409));
        drop(first);
        assert!(service.import_permit().is_ok());
    }

    #[test]
    fn an_import_out_of_time_or_naming_no_plausible_partition_changes_nothing() {
        // The issue's reproduction: a header `Now` of i64::MIN (checksum valid) was accepted and
        // the clock read year 292,278,994; impossible partitions were accepted too.
        let service = service_at(1_000_000);
        let key = |account: &str, region: &str| PartitionKey {
            account_id: account.into(),
            region: region.into(),
        };
        let cases = [
            (i64::MIN, key(ACCOUNT, REGION)),
            (-1, key(ACCOUNT, REGION)),
            (LATEST.0 + 1, key(ACCOUNT, REGION)),
            (5_000_000, key("<b>acct</b>", REGION)),
            (5_000_000, key(ACCOUNT, "{{CONFIG}}<script>")),
        ];
        for (now, partition) in cases {
            let mut text = Vec::new();
            persistence::snapshot::write(&mut text, now, &[(partition, Tables::default())])
                .unwrap();
            let refused = service.import(&mut text.as_slice()).unwrap_err();
            assert_eq!(refused.code(), "ValidationException", "{now}");
            assert_eq!(service.clock.now(), Timestamp(1_000_000), "{now}");
            assert!(service.store.partition_keys().is_empty());
        }
        // A time inside a snapshot's tables out of range: refused the same way.
        let source = service_at(1_767_225_600_000);
        create_domain(&source);
        let export = String::from_utf8(source.export().unwrap()).unwrap();
        let mut lines: Vec<String> = export.lines().map(str::to_string).collect();
        let json = lines[1].rsplit_once(' ').unwrap().0.to_string();
        assert!(json.contains("1767225600"), "{json}");
        lines[1] = persistence::line_of(&json.replace("1767225600", "-1767225600"))
            .trim_end()
            .to_string();
        let refused = service
            .import(&mut (lines.join("\n") + "\n").as_bytes())
            .unwrap_err();
        assert_eq!(refused.code(), "ValidationException");
        assert!(
            refused.message().contains("outside"),
            "{}",
            refused.message()
        );
        assert!(service.store.partition_keys().is_empty());
        // At the limit itself, accepted.
        let mut text = Vec::new();
        persistence::snapshot::write(
            &mut text,
            LATEST.0,
            &[(key(ACCOUNT, REGION), Tables::default())],
        )
        .unwrap();
        service.import(&mut text.as_slice()).unwrap();
        assert_eq!(service.clock.now(), LATEST);
    }
}
