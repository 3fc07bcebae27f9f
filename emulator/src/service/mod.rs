//! The emulator's core, shared by the API and the admin routes: the store, the clock, the delay
//! profile and the defaults. `call` runs one operation: look it up in the dispatch table, validate
//! its input against the SageMaker model (so no handler sees an invalid input), then run its
//! handler under the partition's lock with one `now`, and journal what changed state.

use serde_json::Value;

pub mod config;
pub mod dispatch;
pub mod quick_setup;
pub mod scenario;
pub(crate) mod snapshot;
pub mod state;

use crate::error::{ApiError, ApiResult};
use crate::model::{self, InputError};
pub use crate::persistence::Determinants;
use crate::persistence::{Entry, Journal, Ticket};
use crate::protocol::{ApiRequest, Defaults};
use crate::resources::pagination::Pager;
use crate::resources::{app, Ctx};
use crate::resources::{lock, PartitionKey, Store};
use crate::service::scenario::{Replay, ReplaySlot, Scenario};
use crate::sim::clock::{Clock, Timestamp};
use crate::sim::faults::Faults;
use crate::sim::lifecycle::DelayProfile;
use crate::sim::metering::{self, UsageReport};
use crate::sim::prices;
use crate::sim::quotas::{QuotaLimits, Quotas};
pub use dispatch::Output;

/// The state, the clock, the journal and the rules: everything a call needs below the HTTP edge
/// (who may call, and how, is the edge's: `http::server`). Cheap to clone (the store and clock
/// are shared handles).
#[derive(Debug, Clone)]
pub struct Service {
    pub store: Store,
    pub clock: Clock,
    pub delays: DelayProfile,
    pub defaults: Defaults,
    pub pager: Pager,
    /// Faults queued through `/_emulator/faults`.
    pub faults: Faults,
    /// `--studio-base-url`: presigned URLs point here (the emulator's Studio page) when set.
    pub studio_base_url: Option<String>,
    /// The journal of state changes in `--state-file` (none without one).
    pub journal: Journal,
    /// Held shared by every call for its duration, exclusively by what must see or replace the
    /// whole state at once (a snapshot, an import, a reset, a recovery).
    pub(crate) gate: state::Gate,
    /// The scenario being replayed (`--scenario`, `POST /_emulator/scenario`), applied lazily
    /// by [`Service::catch_up`].
    pub scenario: ReplaySlot,
    /// Service quotas (`--quota`, `/_emulator/quotas`).
    pub quotas: Quotas,
    /// Whether every output is checked against the model's output shape (a mismatch is a 500
    /// naming it): on in debug builds (every test), `--check-output-shapes` in release builds.
    pub check_output_shapes: bool,
}

/// Whether a call is made now by a client (quotas apply) or replayed from the journal (it was
/// accepted when it was made: quotas do not apply again).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    Live,
    Replay,
}

impl Service {
    /// A service with an empty store.
    pub fn new(clock: Clock, delays: DelayProfile, defaults: Defaults) -> Self {
        Service {
            store: Store::new(),
            clock,
            delays,
            defaults,
            pager: Pager::new(),
            faults: Faults::default(),
            studio_base_url: None,
            journal: Journal::in_memory(),
            gate: state::Gate::default(),
            scenario: ReplaySlot::default(),
            quotas: Quotas::default(),
            check_output_shapes: cfg!(debug_assertions),
        }
    }

    /// The grant a presigned URL's token carries, if this service sealed it (see
    /// `resources::presigned_url`): what opening the URL checks first.
    pub fn open_presigned_url(
        &self,
        token: &str,
    ) -> Option<crate::resources::presigned_url::Grant> {
        crate::resources::presigned_url::open(&self.pager, token)
    }

    /// Runs one API call now (after the scenario's calls due by now).
    pub fn call(&self, request: &ApiRequest) -> ApiResult<Value> {
        self.call_at(request, self.catch_up())
    }

    /// Applies the loaded scenario's calls due by now, each as of its scheduled time, and answers
    /// that now: what every reader and writer of the state calls first (lazy replay, see
    /// [`scenario`]).
    pub fn catch_up(&self) -> Timestamp {
        let mut slot = scenario::lock_slot(&self.scenario);
        let now = self.clock.now();
        if let Some(replay) = slot.as_mut() {
            self.apply_due(replay, now);
        }
        now
    }

    fn apply_due(&self, replay: &mut Replay, now: Timestamp) {
        while let Some(due) = replay.next_due(now) {
            let outcome = due.input.map_err(ApiError::Validation).and_then(|input| {
                let request = ApiRequest {
                    operation: due.operation.clone(),
                    account_id: replay.account_id().to_string(),
                    region: replay.region().to_string(),
                    input,
                };
                self.call_at(&request, due.at)
            });
            match &outcome {
                Ok(_) => {
                    tracing::info!(step = %due.label, operation = %due.operation, at = due.at.as_epoch_seconds(), "scenario call")
                }
                Err(e) => {
                    tracing::warn!(step = %due.label, operation = %due.operation, code = e.code(), message = %e.message(), "scenario call failed")
                }
            }
            for path in replay.complete(outcome.as_ref().ok()) {
                tracing::warn!(step = %due.label, path = %path, "scenario Save: no such member in the output");
            }
        }
    }

    /// Starts replaying `scenario` from now (T0), replacing the one loaded (whose calls due by
    /// now run first), and runs its Setup and the calls at T0; answers its progress.
    pub fn load_scenario(&self, scenario: Scenario) -> Value {
        let mut slot = scenario::lock_slot(&self.scenario);
        let now = self.clock.now();
        if let Some(previous) = slot.as_mut() {
            self.apply_due(previous, now);
        }
        let mut replay = Replay::new(
            scenario,
            now,
            &self.defaults.account_id,
            &self.defaults.region,
        );
        self.apply_due(&mut replay, now);
        let progress = replay.progress();
        *slot = Some(replay);
        progress
    }

    /// The Studio tree at now of the partitions and domain that `filter` selects, for the
    /// dashboard: `{"Now", "Domains": [...] (see `snapshot`), "DomainCount", "MaxItems",
    /// "Scenario": progress|null}`. At most `MaxItems` domains, and as many user profiles and
    /// spaces per domain (with their counts), so that a poll costs the same at any size.
    pub fn resources(&self, filter: &ResourcesFilter) -> Value {
        let now = self.catch_up();
        let limit = filter.limit();
        let mut domains = Vec::new();
        let mut domain_count = 0;
        self.visit_partitions(&filter.partitions(), now, |key, tables| {
            domain_count += match &filter.domain_id {
                Some(id) => usize::from(tables.domains.contains_key(id)),
                None => tables.domains.len(),
            };
            if domains.len() < limit {
                domains.extend(snapshot::domains(
                    tables,
                    key,
                    filter.domain_id.as_deref(),
                    limit - domains.len(),
                    now,
                ));
            }
        });
        let progress = scenario::lock_slot(&self.scenario)
            .as_ref()
            .map(Replay::progress);
        serde_json::json!({"Now": now, "Domains": domains, "DomainCount": domain_count, "MaxItems": limit, "Scenario": progress})
    }

    /// Runs one API call as of `at` (now, or a scenario step's scheduled time: steps run in order
    /// before anything observes the state, so the outcome is as if they had happened on time).
    pub fn call_at(&self, request: &ApiRequest, at: Timestamp) -> ApiResult<Value> {
        self.execute(request, at, &Determinants::fresh(None), Origin::Live)
            .and_then(|(output, _)| output.to_value())
    }

    /// Runs one API call as of `at` with its [`Determinants`], and records it in the journal
    /// when it changed state; answers the output (serialized: see [`Output`]) and the journal
    /// ticket to wait for before acknowledging (see `persistence`).
    pub fn execute(
        &self,
        request: &ApiRequest,
        at: Timestamp,
        determinants: &Determinants,
        origin: Origin,
    ) -> ApiResult<(Output, Option<Ticket>)> {
        let handler = dispatch::handler(&request.operation).ok_or_else(|| {
            ApiError::UnknownOperation(format!(
                "Operation {} is not supported by this emulator.",
                request.operation
            ))
        })?;
        model::validate_input(&request.operation, &request.input).map_err(|e| match e {
            InputError::Validation(message) => ApiError::Validation(message),
            InputError::Serialization(message) => ApiError::Serialization(message),
        })?;
        // Serialized before the handler runs: a change that cannot be recorded is not made.
        let record = if dispatch::changes_state(&request.operation) {
            self.journal.prepare_call(
                &request.account_id,
                &request.region,
                &request.operation,
                &request.input,
                at.0,
                determinants,
            )?
        } else {
            None
        };
        let open = self.gate.open();
        let key = PartitionKey {
            account_id: request.account_id.clone(),
            region: request.region.clone(),
        };
        let partition = self.store.partition(&key);
        let quotas = match origin {
            Origin::Live => self.quotas.current(),
            Origin::Replay => std::sync::Arc::new(QuotaLimits::unlimited()),
        };
        let mut tables = lock(&partition);
        tables.settle(at, &self.delays);
        let ctx = Ctx {
            account_id: &request.account_id,
            region: &request.region,
            now: at,
            delays: &self.delays,
            pager: &self.pager,
            studio_base_url: self.studio_base_url.as_deref(),
            rng: std::cell::Cell::new(determinants.seed),
            failure: determinants.failure.as_deref(),
            quotas: &quotas,
        };
        let answer = handler(&mut tables, &ctx, &request.input)?;
        // Handed to the journal thread while the partition is still locked: the file's order
        // is the order in which this partition's changes happened.
        let ticket = self.journal.append(record);
        drop(tables);
        drop(open);
        if ticket.is_some() && self.journal.claim_compaction() {
            self.start_compaction();
        }
        // Written outside the lock. A typed output that cannot be written is the emulator's bug
        // (the change, if any, is made and journaled: as when a handler answers it wrongly).
        let output = answer
            .output()
            .map_err(|e| ApiError::Internal(format!("{} output: {e}", request.operation)))?;
        if self.check_output_shapes {
            // A response that does not match the model is the emulator's bug: answered as a 500
            // naming the mismatch, so that the test that met it fails.
            model::check_output(&request.operation, &output.to_value()?).map_err(|problems| {
                ApiError::Internal(format!(
                    "The emulator's {} output does not match the SageMaker model:\n{problems}",
                    request.operation
                ))
            })?;
        }
        Ok((output, ticket))
    }

    /// Visits each partition `filter` selects (by account and region), settled at `now`, under its
    /// lock.
    fn visit_partitions(
        &self,
        filter: &UsageFilter,
        now: Timestamp,
        mut visit: impl FnMut(&PartitionKey, &crate::resources::Tables),
    ) {
        for key in self.store.partition_keys() {
            if filter
                .account_id
                .as_ref()
                .is_some_and(|a| *a != key.account_id)
                || filter.region.as_ref().is_some_and(|r| *r != key.region)
            {
                continue;
            }
            let _open = self.gate.open();
            let partition = self.store.partition(&key);
            let mut tables = lock(&partition);
            tables.settle(now, &self.delays);
            visit(&key, &tables);
        }
    }

    /// The usage report at `now` of the partitions and domain that `filter` selects.
    pub fn usage(&self, filter: &UsageFilter) -> UsageReport {
        let now = self.catch_up();
        let mut intervals = Vec::new();
        self.visit_partitions(filter, now, |key, tables| {
            intervals.extend(tables.app_intervals(key).into_iter().filter(|app| {
                filter
                    .domain_id
                    .as_ref()
                    .is_none_or(|d| *d == app.domain_id)
            }));
        });
        metering::meter(&intervals, now.as_epoch_seconds(), prices::usd_per_hour)
    }

    /// Marks the app `arn` active now (idle shutdown); its partition is read from the ARN.
    pub fn record_activity(&self, arn: &str) -> ApiResult<(Value, Option<Ticket>)> {
        let now = self.catch_up();
        let (region, account_id) = parse_app_arn(arn)?;
        let record = self.journal.prepare(&Entry::Activity {
            app_arn: arn.to_string(),
            at: now.0,
        })?;
        let _open = self.gate.open();
        let key = PartitionKey { account_id, region };
        let partition = self.store.partition(&key);
        let mut tables = lock(&partition);
        tables.settle(now, &self.delays);
        let output = app::record_activity(&mut tables, now, arn)?;
        Ok((output, self.journal.append(record)))
    }

    /// Moves the clock forward (admin `clock/advance`); the new time is journaled so that a
    /// restart resumes from it.
    pub fn advance_clock(&self, by: std::time::Duration) -> ApiResult<(Timestamp, Option<Ticket>)> {
        let _open = self.gate.open();
        let now = self.clock.try_advance(by).map_err(ApiError::validation)?;
        match self.journal.prepare(&Entry::Clock { now: now.0 }) {
            Ok(record) => Ok((now, self.journal.append(record))),
            Err(e) => {
                self.clock.take_back(by);
                Err(e)
            }
        }
    }

    /// Runs `read` on the tables of (`account_id`, `region`) as of now (after the scenario's
    /// calls due by now), under the partition's lock: how the HTTP edge renders a page from
    /// the state without reaching into the store.
    pub fn read_partition<R>(
        &self,
        account_id: &str,
        region: &str,
        read: impl FnOnce(&crate::resources::Tables, Timestamp) -> R,
    ) -> R {
        let now = self.catch_up();
        let _open = self.gate.open();
        let partition = self.store.partition(&PartitionKey {
            account_id: account_id.to_string(),
            region: region.to_string(),
        });
        let mut tables = lock(&partition);
        tables.settle(now, &self.delays);
        read(&tables, now)
    }
}

/// Which instances a usage report covers (`GET /_emulator/usage` query members).
#[derive(Debug, Clone, Default, serde::Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct UsageFilter {
    pub account_id: Option<String>,
    pub region: Option<String>,
    pub domain_id: Option<String>,
}

/// What `GET /_emulator/resources` shows: the usage filter's partitions and domain, and at most
/// `MaxItems` (default 100, at most 1,000) domains, user profiles and spaces per domain.
#[derive(Debug, Clone, Default, serde::Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct ResourcesFilter {
    pub account_id: Option<String>,
    pub region: Option<String>,
    pub domain_id: Option<String>,
    pub max_items: Option<usize>,
}

impl ResourcesFilter {
    /// The default number of items per level.
    pub const DEFAULT_MAX_ITEMS: usize = 100;

    fn limit(&self) -> usize {
        self.max_items
            .unwrap_or(Self::DEFAULT_MAX_ITEMS)
            .clamp(1, 1_000)
    }

    fn partitions(&self) -> UsageFilter {
        UsageFilter {
            account_id: self.account_id.clone(),
            region: self.region.clone(),
            domain_id: self.domain_id.clone(),
        }
    }
}

/// `(region, account)` of `arn:aws:sagemaker:REGION:ACCOUNT:app/…`.
pub(crate) fn parse_app_arn(arn: &str) -> ApiResult<(String, String)> {
    let mut parts = arn.splitn(6, ':');
    match (
        parts.next(),
        parts.next(),
        parts.next(),
        parts.next(),
        parts.next(),
        parts.next(),
    ) {
        (Some("arn"), Some(_), Some("sagemaker"), Some(region), Some(account), Some(resource))
            if resource.starts_with("app/") && !region.is_empty() && !account.is_empty() =>
        {
            Ok((region.to_string(), account.to_string()))
        }
        _ => Err(ApiError::validation(format!(
            "'{arn}' is not an app ARN (arn:aws:sagemaker:REGION:ACCOUNT:app/DOMAIN/OWNER/TYPE/NAME)."
        ))),
    }
}
