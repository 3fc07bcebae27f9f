//! The Studio resource families, one file each. Handlers are plain functions named after their
//! operation, from its generated input to its generated output (`crate::model::api`):
//! `fn(&mut Tables, &Ctx, api::CreateDomainRequest) -> ApiResult<api::CreateDomainResponse>`.
//! They see no HTTP, never await, and take the time from `Ctx::now`, so they are unit-testable
//! without a runtime.
//!
//! This module holds what the families share: the call context, the life record every resource
//! carries, the conversions between typed settings and the JSON the tables keep, and id
//! generation.

pub mod app;
pub mod app_image_config;
pub mod domain;
#[cfg(test)]
pub(crate) mod fixture;
pub mod image;
pub mod lifecycle_config;
pub mod pagination;
pub mod presigned_url;
pub mod settings;
pub mod space;
pub mod table;
pub mod tags;
pub mod user_profile;

use std::collections::{BTreeMap, BTreeSet};
use std::sync::{Arc, Mutex, MutexGuard};

use dashmap::DashMap;
use serde_json::{Map, Value};

use crate::error::{ApiError, ApiResult};
use crate::model::api::{EpochSeconds, WireEnum};
use crate::resources::app::{shut_down_if_idle, App, AppKey, Owner};
use crate::resources::app_image_config::AppImageConfig;
use crate::resources::domain::Domain;
use crate::resources::image::{Image, ImageVersion};
use crate::resources::lifecycle_config::LifecycleConfig;
use crate::resources::pagination::{PageRequest, Pager};
use crate::resources::space::Space;
use crate::resources::table::IndexedTable;
use crate::resources::tags::TagTable;
use crate::resources::user_profile::UserProfile;
use crate::sim::clock::Timestamp;
use crate::sim::lifecycle::{DelayProfile, Phase, Status, Transition};
use crate::sim::metering::AppInterval;

/// The body of a request: a JSON object, already validated against the model.
pub type Input = Map<String, Value>;

/// What a handler knows besides the tables: who calls, where, and when.
#[derive(Debug)]
pub struct Ctx<'a> {
    /// The caller's account (from the SigV4 credential, or `--account-id`).
    pub account_id: &'a str,
    /// The caller's region (from the SigV4 credential scope, or `--region`).
    pub region: &'a str,
    /// The clock's `now` for this call: one instant for the whole call.
    pub now: Timestamp,
    /// Transition durations.
    pub delays: &'a DelayProfile,
    /// Signs and checks NextTokens (and presigned-URL tokens).
    pub pager: &'a Pager,
    /// `--studio-base-url`: where presigned URLs point instead of AWS's Studio host.
    pub studio_base_url: Option<&'a str>,
    /// The call's random source: seeded per call and journaled, so that replaying the journal
    /// regenerates the same ids.
    pub rng: std::cell::Cell<u64>,
    /// `FailureReason` when a test asked this call's transition to end in AWS's failed state
    /// (a fault with `FailureReason`); journaled with the call, so that replay fails it again.
    pub failure: Option<&'a str>,
    /// The service quotas in force for this call (none when it is replayed from the journal).
    pub quotas: &'a crate::sim::quotas::QuotaLimits,
}

impl Ctx<'_> {
    /// When a transition started now finishes.
    pub fn finish_of(&self, transition: Transition) -> Timestamp {
        self.now.plus(self.delays.delay(transition))
    }

    /// One page of a listing, its NextToken bound to this caller's account and region.
    pub fn page<T>(
        &self,
        operation: &str,
        input: &(impl PageRequest + ?Sized),
        order: pagination::Order,
        default_max: usize,
        items: Vec<(String, T)>,
    ) -> ApiResult<pagination::Page<T>> {
        self.pager
            .page(&self.scope(operation), input, order, default_max, items)
    }

    /// The NextToken's cursor of a listing (see [`Pager::cursor`]), bound to this caller.
    pub fn cursor(
        &self,
        operation: &str,
        input: &(impl PageRequest + ?Sized),
    ) -> ApiResult<Option<String>> {
        self.pager.cursor(&self.scope(operation), input)
    }

    /// One page of already-ordered entries (see [`Pager::take_page`]), bound to this caller.
    pub fn take_page<T, U>(
        &self,
        operation: &str,
        input: &(impl PageRequest + ?Sized),
        default_max: usize,
        entries: impl Iterator<Item = (String, T)>,
        render: impl FnMut(T) -> U,
    ) -> pagination::Page<U> {
        self.pager
            .take_page(&self.scope(operation), input, default_max, entries, render)
    }

    /// A page of a Studio listing kept in creation order by the store's indexes (user
    /// profiles, spaces, apps). Sorted by creation time (`by_modified` false, AWS's default) the
    /// page is read straight from the index: O(log n + page). By `LastModifiedTime`, which moves
    /// with the clock and so cannot be indexed, the kept entries are sorted by (modified,
    /// sequence) keys and only the page is rendered. `walk(after, order)` yields (sequence,
    /// entry) from the index; `keep` applies the filters.
    #[allow(clippy::too_many_arguments)]
    pub fn list_in_creation_order<'a, T: 'a, U>(
        &self,
        operation: &str,
        input: &(impl PageRequest + ?Sized),
        by_modified: bool,
        default_max: usize,
        order: pagination::Order,
        walk: impl Fn(Option<u64>, pagination::Order) -> Box<dyn Iterator<Item = (u64, &'a T)> + 'a>,
        keep: impl Fn(&T) -> bool,
        modified: impl Fn(&T) -> Timestamp,
        render: impl FnMut(&T) -> U,
    ) -> ApiResult<pagination::Page<U>> {
        if by_modified {
            let mut entries: Vec<(String, &T)> = walk(None, pagination::Order::Ascending)
                .filter(|(_, entry)| keep(entry))
                .map(|(seq, entry)| (pagination::time_key(modified(entry).0, seq), entry))
                .collect();
            match order {
                pagination::Order::Ascending => entries.sort_by(|a, b| a.0.cmp(&b.0)),
                pagination::Order::Descending => entries.sort_by(|a, b| b.0.cmp(&a.0)),
            }
            let start = match self.cursor(operation, input)? {
                Some(cursor) => entries.partition_point(|(key, _)| match order {
                    pagination::Order::Ascending => *key <= cursor,
                    pagination::Order::Descending => *key >= cursor,
                }),
                None => 0,
            };
            return Ok(self.take_page(
                operation,
                input,
                default_max,
                entries.into_iter().skip(start),
                render,
            ));
        }
        let after = pagination::sequence_cursor(self.cursor(operation, input)?)?;
        let entries = walk(after, order)
            .filter(|(_, entry)| keep(entry))
            .map(|(seq, entry)| (pagination::sequence_key(seq), entry));
        Ok(self.take_page(operation, input, default_max, entries, render))
    }

    fn scope(&self, operation: &str) -> String {
        format!("{}/{}/{operation}", self.account_id, self.region)
    }

    /// `len` random characters of `alphabet`, from the call's seeded source (ids are random, as
    /// AWS's are: never derived from names).
    pub fn random_chars(&self, len: usize, alphabet: &[u8]) -> String {
        let mut out = String::with_capacity(len);
        while out.len() < len {
            // The seed is what makes replay exact.
            let z = crate::sim::random::splitmix64(&self.rng);
            let index = usize::try_from(z % alphabet.len() as u64).unwrap_or(0);
            out.push(char::from(alphabet[index]));
        }
        out
    }

    /// `arn:aws:sagemaker:REGION:ACCOUNT:RESOURCE`.
    pub fn arn(&self, resource: &str) -> String {
        format!(
            "arn:aws:sagemaker:{}:{}:{}",
            self.region, self.account_id, resource
        )
    }
}

/// Creation time, last modification and the transition in progress of a resource, and why it
/// failed when its transition ends in a failed state.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Life {
    /// `CreationTime`.
    pub created: Timestamp,
    /// When the last call changed the resource (before its transition finishes).
    modified: Timestamp,
    /// The transition in progress or last finished.
    pub phase: Phase,
    /// `FailureReason` of a transition that ends failed (shown once it has ended).
    failure: Option<String>,
}

impl Life {
    /// A resource created now, `Pending` until its create delay has passed, then `InService`, or
    /// `Failed` when the call was marked to fail (see [`Ctx::failure`]).
    pub fn created(ctx: &Ctx, transition: Transition) -> Self {
        Self::created_failing(ctx, transition, ctx.failure.map(str::to_string))
    }

    /// A resource created now whose creation fails with `failure` when it is set.
    pub fn created_failing(ctx: &Ctx, transition: Transition, failure: Option<String>) -> Self {
        Life {
            created: ctx.now,
            modified: ctx.now,
            phase: Phase::Creating {
                ready_at: ctx.finish_of(transition),
                fails: failure.is_some(),
            },
            failure,
        }
    }

    /// Starts an update (`Updating` until its delay has passed, then `InService` or
    /// `Update_Failed`).
    pub fn start_update(&mut self, ctx: &Ctx, transition: Transition) {
        self.modified = ctx.now;
        self.failure = ctx.failure.map(str::to_string);
        self.phase = Phase::Updating {
            ready_at: ctx.finish_of(transition),
            fails: self.failure.is_some(),
        };
    }

    /// Starts a deletion now; returns when it finishes, or `None` when it is marked to fail
    /// (`Delete_Failed`: nothing is removed).
    pub fn start_delete(&mut self, ctx: &Ctx, transition: Transition) -> Option<Timestamp> {
        self.failure = ctx.failure.map(str::to_string);
        let done_at = self.start_delete_at(ctx.now, ctx.delays.delay(transition));
        if let Phase::Deleting { fails, .. } = &mut self.phase {
            *fails = self.failure.is_some();
        }
        self.failure.is_none().then_some(done_at)
    }

    /// Starts a deletion at `at` taking `delay` (idle shutdown deletes as of its deadline).
    pub fn start_delete_at(&mut self, at: Timestamp, delay: std::time::Duration) -> Timestamp {
        let done_at = at.plus(delay);
        self.modified = at;
        self.phase = Phase::Deleting {
            done_at,
            fails: false,
        };
        done_at
    }

    /// Marks the deletion in progress to end in `Delete_Failed` with `reason` (apps, whose
    /// deletion does not go through [`Life::start_delete`]).
    pub fn fail_deletion(&mut self, reason: &str) {
        if let Phase::Deleting { fails, .. } = &mut self.phase {
            *fails = true;
            self.failure = Some(reason.to_string());
        }
    }

    /// When the transition in progress ends in a failed state, if it does.
    pub fn failing_end(&self) -> Option<Timestamp> {
        match self.phase {
            Phase::Creating {
                ready_at,
                fails: true,
            }
            | Phase::Updating {
                ready_at,
                fails: true,
            } => Some(ready_at),
            Phase::Deleting {
                done_at,
                fails: true,
            } => Some(done_at),
            _ => None,
        }
    }

    /// The status at `now`; `gone` is what a finished deletion shows.
    pub fn status(&self, now: Timestamp, gone: Status) -> Status {
        self.phase.status(now, gone)
    }

    /// `FailureReason` at `now`: set once a failing transition has ended.
    pub fn failure_reason(&self, now: Timestamp) -> Option<&str> {
        match self.phase.finished_at(now) {
            Some(_) => self.failure.as_deref(),
            None => None,
        }
    }

    /// `LastModifiedTime` at `now`: the last call, or the end of the transition it started.
    pub fn last_modified(&self, now: Timestamp) -> Timestamp {
        self.phase
            .finished_at(now)
            .map_or(self.modified, |end| end.max(self.modified))
    }

    /// When the deletion in progress finishes, if one is (and it does not fail).
    pub fn deleted_at(&self) -> Option<Timestamp> {
        match self.phase {
            Phase::Deleting {
                done_at,
                fails: false,
            } => Some(done_at),
            _ => None,
        }
    }

    /// Whether a deletion has been requested that has not failed (in progress or finished).
    pub fn is_deleting(&self) -> bool {
        matches!(self.phase, Phase::Deleting { fails: false, .. })
    }
}

/// `lowerCamel` of a PascalCase member name, as AWS writes member paths in messages.
pub fn member_path(member: &str) -> String {
    let mut chars = member.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// AWS's text for a required member that is absent.
pub fn missing(member: &str) -> ApiError {
    ApiError::validation(format!(
        "1 validation error detected: Value null at '{}' failed to satisfy constraint: Member must not be null",
        member_path(member)
    ))
}

/// An optional member of any JSON type (`null` counts as absent).
pub fn optional_value<'a>(input: &'a Input, member: &str) -> Option<&'a Value> {
    input.get(member).filter(|v| !v.is_null())
}

/// Reads `path` (PascalCase members) inside a JSON value.
pub fn lookup<'a>(value: &'a Value, path: &[&str]) -> Option<&'a Value> {
    path.iter()
        .try_fold(value, |v, member| v.get(member))
        .filter(|v| !v.is_null())
}

/// Merges `patch` into `target` member by member, recursing into objects: how the Update*
/// operations apply nested settings (a member not given keeps its value).
pub fn merge_settings(target: &mut Value, patch: &Value) {
    match (target, patch) {
        (Value::Object(target), Value::Object(patch)) => {
            for (key, value) in patch {
                if value.is_null() {
                    continue;
                }
                match target.get_mut(key) {
                    Some(existing) if existing.is_object() && value.is_object() => {
                        merge_settings(existing, value)
                    }
                    _ => {
                        target.insert(key.clone(), value.clone());
                    }
                }
            }
        }
        (target, patch) => *target = patch.clone(),
    }
}

/// Lowercase letters and digits.
pub const LOWER_ALNUM: &[u8] = b"abcdefghijklmnopqrstuvwxyz0123456789";
/// Lowercase hex digits.
pub const HEX: &[u8] = b"0123456789abcdef";

/// A resource's status as the model's enum `E` of its family (`DomainStatus`, `AppStatus`, …):
/// the families' status enums share the lifecycle's words.
pub fn wire_status<E: WireEnum>(life: &Life, now: Timestamp, gone: Status) -> Option<E> {
    E::from_wire(life.status(now, gone).as_str())
}

/// A time as awsJson1.1 writes it (epoch seconds).
pub fn epoch(t: Timestamp) -> EpochSeconds {
    t.as_epoch_seconds()
}

/// A typed value as the JSON object the tables keep (settings stored as given and echoed back).
pub fn stored_object<T: serde::Serialize>(value: &T) -> Input {
    match to_stored(value) {
        Value::Object(members) => members,
        _ => Input::new(),
    }
}

/// A typed value as the JSON the tables keep (settings stored as given and echoed back).
pub fn to_stored<T: serde::Serialize>(value: &T) -> Value {
    serde_json::to_value(value).unwrap_or(Value::Null)
}

/// Kept JSON read back as the typed value it was stored from. The tables hold only what a typed
/// value stored, so a mismatch is the emulator's bug: answered as an internal error naming it.
pub fn from_stored<T: serde::de::DeserializeOwned>(value: &Value) -> ApiResult<T> {
    T::deserialize(value)
        .map_err(|e| ApiError::Internal(format!("stored settings do not read back: {e}")))
}

/// "Because deletion failed, you might have some resources that are still running, but you
/// cannot use or update the Domain. Call the DeleteDomain API again after fixing the error
/// mentioned in FailureReason." (the `Delete_Failed` status, SageMaker developer guide; the same
/// for user profiles and spaces): an update of a `Delete_Failed` resource is refused.
pub fn refuse_update_after_failed_delete(
    life: &Life,
    now: Timestamp,
    kind: &str,
    arn: &str,
) -> ApiResult<()> {
    if life.status(now, Status::Gone) == Status::DeleteFailed {
        return Err(ApiError::validation(format!(
            "{kind} [{arn}] is in Delete_Failed state and cannot be updated: call Delete{kind} again after fixing the error mentioned in FailureReason."
        )));
    }
    Ok(())
}

/// A timestamp as the awsJson protocol writes it: epoch seconds.
pub fn json_time(t: Timestamp) -> Value {
    serde_json::Number::from_f64(t.as_epoch_seconds())
        .map(Value::Number)
        .unwrap_or(Value::Null)
}

// ---------------------------------------------------------------------------------------------
// The tables: one partition per (account, region).
//
// The emulator's state: one partition per (account, region), each a `Mutex<Tables>`.
//
// Why this shape: every rule that spans resources (a domain is deleted only when it has no user
// profiles, a name is unique in its parent) is checked and applied under one lock, so concurrent
// clients never see a half-done change and a refused call changes nothing. The lock is a std
// `Mutex` held only for the synchronous handler (no `.await` inside). Partitions live in a
// `DashMap`, so tests that each use their own account never contend; the DashMap guard is dropped
// before the partition's lock is taken.
/// Identifies a world: nothing is visible across partitions (docs/contract.md §2).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PartitionKey {
    /// 12-digit AWS account id.
    pub account_id: String,
    /// AWS region, e.g. `us-east-1`.
    pub region: String,
}

impl PartitionKey {
    /// Whether this names a world AWS could have: a 12-digit account and a region named like
    /// AWS's (`us-east-1`, `us-gov-west-1`, `ap-southeast-3`: letters, one or more dashed words,
    /// a number). What a state file or an import may hold (`<b>acct</b>` or
    /// `{{CONFIG}}<script>` may not).
    pub fn is_plausible(&self) -> bool {
        let account =
            self.account_id.len() == 12 && self.account_id.bytes().all(|b| b.is_ascii_digit());
        let parts: Vec<&str> = self.region.split('-').collect();
        let region = self.region.len() <= 32
            && parts.len() >= 3
            && parts[..parts.len() - 1]
                .iter()
                .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_lowercase()))
            && parts[parts.len() - 1].bytes().all(|b| b.is_ascii_digit())
            && !parts[parts.len() - 1].is_empty();
        account && region
    }
}

/// A resource whose deletion finishes at some time and must then disappear.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
pub enum Removal {
    Domain(String),
    UserProfile(String, String),
    Space(String, String),
    Image(String),
    ImageVersion(String, u64),
    /// An app's metadata, 24 hours after the app ended (see `app::METADATA_RETENTION`).
    AppMetadata(AppKey),
}

/// All resources of one (account, region). Serializable: the state file's snapshot is this,
/// private fields included (pending removals and idle checks, the creation sequence), so that a
/// snapshot restores exactly the tables the calls before it built.
#[derive(Debug, Default, Clone, serde::Serialize, serde::Deserialize)]
pub struct Tables {
    /// By domain id.
    pub domains: IndexedTable<String, Domain>,
    /// By (domain id, lower-cased name): user profile names are case-insensitive.
    pub user_profiles: IndexedTable<(String, String), UserProfile>,
    /// By (domain id, space name).
    pub spaces: IndexedTable<(String, String), Space>,
    /// Apps by (domain, owner, type, name); `Deleted` and `Failed` ones stay 24 hours after they
    /// ended (also when their owner or domain is gone), or until an app of the same name
    /// continues them.
    pub apps: IndexedTable<AppKey, App>,
    /// Ended apps continued by a new app of the same name, or forgotten after 24 hours: kept
    /// because they were billed.
    pub retired_apps: Vec<App>,
    /// Tags by resource ARN.
    pub tags: TagTable,
    /// Studio lifecycle configurations by name.
    pub lifecycle_configs: BTreeMap<String, LifecycleConfig>,
    /// App image configurations by name.
    pub app_image_configs: BTreeMap<String, AppImageConfig>,
    /// Custom images by name.
    pub images: BTreeMap<String, Image>,
    /// Image versions by (image name, version number).
    #[serde(with = "table::pairs")]
    pub image_versions: BTreeMap<(String, u64), ImageVersion>,
    /// Deadlines of deletions in progress: `settle` drops what has finished.
    removals: BTreeSet<(Timestamp, Removal)>,
    /// Idle-shutdown deadlines of apps: `settle` deletes the apps whose deadline has passed.
    idle_checks: BTreeSet<(Timestamp, AppKey)>,
    /// Creation sequence: a total order among resources created in the same millisecond.
    sequence: u64,
}

impl Tables {
    /// A copy for a snapshot: what it serializes, without the indexes of the indexed tables
    /// (see [`IndexedTable::copy_rows`]).
    pub fn copy_for_snapshot(&self) -> Tables {
        Tables {
            domains: self.domains.copy_rows(),
            user_profiles: self.user_profiles.copy_rows(),
            spaces: self.spaces.copy_rows(),
            apps: self.apps.copy_rows(),
            retired_apps: self.retired_apps.clone(),
            tags: self.tags.clone(),
            lifecycle_configs: self.lifecycle_configs.clone(),
            app_image_configs: self.app_image_configs.clone(),
            images: self.images.clone(),
            image_versions: self.image_versions.clone(),
            removals: self.removals.clone(),
            idle_checks: self.idle_checks.clone(),
            sequence: self.sequence,
        }
    }

    /// The next creation sequence number.
    pub fn next_sequence(&mut self) -> u64 {
        self.sequence += 1;
        self.sequence
    }

    /// Stores a new app; an ended app of the same name is retired (it was billed). The old row
    /// leaves the indexes first: the new one may take over its creation sequence.
    pub fn insert_app(&mut self, key: AppKey, app: App) {
        if let Some(replaced) = self.apps.remove(&key) {
            self.retired_apps.push(replaced);
        }
        self.apps.insert(key, app);
    }

    /// These tables with the end of every ended app's metadata scheduled: a snapshot written
    /// before apps' metadata expired holds ended apps without their schedule (scheduling one
    /// twice is harmless: the removals are a set).
    pub fn with_app_expiries(mut self) -> Tables {
        let keys: Vec<AppKey> = self.apps.iter().map(|(key, _)| key.clone()).collect();
        for key in keys {
            self.schedule_app_expiry(&key);
        }
        self
    }

    /// Schedules the end of the app `key`'s metadata, if it has ended or will end.
    pub fn schedule_app_expiry(&mut self, key: &AppKey) {
        if let Some(at) = self.apps.get(key).and_then(App::metadata_expires_at) {
            self.schedule_removal(at, Removal::AppMetadata(key.clone()));
        }
    }

    /// The user profiles of a domain, by lower-cased name.
    pub fn user_profiles_of<'a>(
        &'a self,
        domain_id: &'a str,
    ) -> impl Iterator<Item = &'a UserProfile> + 'a {
        self.user_profiles
            .range((domain_id.to_string(), String::new())..)
            .take_while(move |(key, _)| key.0 == domain_id)
            .map(|(_, profile)| profile)
    }

    /// The spaces of a domain, by name.
    pub fn spaces_of<'a>(&'a self, domain_id: &'a str) -> impl Iterator<Item = &'a Space> + 'a {
        self.spaces
            .range((domain_id.to_string(), String::new())..)
            .take_while(move |(key, _)| key.0 == domain_id)
            .map(|(_, space)| space)
    }

    /// The apps of a user profile (by lower-cased name), `Deleted` ones included.
    pub fn apps_of_user_profile<'a>(
        &'a self,
        domain_id: &str,
        profile_lower: &str,
    ) -> impl Iterator<Item = &'a App> + 'a {
        self.apps_of_owner(domain_id, Owner::UserProfile(profile_lower.to_string()))
    }

    /// The apps of a space, `Deleted` ones included.
    pub fn apps_of_space<'a>(
        &'a self,
        domain_id: &str,
        space_name: &str,
    ) -> impl Iterator<Item = &'a App> + 'a {
        self.apps_of_owner(domain_id, Owner::Space(space_name.to_string()))
    }

    fn apps_of_owner<'a>(
        &'a self,
        domain_id: &str,
        owner: Owner,
    ) -> impl Iterator<Item = &'a App> + 'a {
        let start: AppKey = (
            domain_id.to_string(),
            owner.clone(),
            String::new(),
            String::new(),
        );
        let domain_id = domain_id.to_string();
        self.apps
            .range(start..)
            .take_while(move |(key, _)| key.0 == domain_id && key.1 == owner)
            .map(|(_, app)| app)
    }

    /// The app an ARN names (`app/DOMAIN/OWNER/TYPE/NAME`, OWNER a lower-cased user profile name
    /// or a space name): looked up among its owner's apps.
    pub fn app_by_arn(&self, arn: &str) -> Option<&App> {
        let resource = arn.split_once(":app/")?.1;
        let mut parts = resource.splitn(4, '/');
        let (domain, owner) = (parts.next()?, parts.next()?);
        self.apps_of_user_profile(domain, owner)
            .chain(self.apps_of_space(domain, owner))
            .find(|app| app.arn == arn)
    }

    /// Records that the app `key` may be idle-shut-down at `at`.
    pub fn schedule_idle_check(&mut self, at: Timestamp, key: AppKey) {
        self.idle_checks.insert((at, key));
    }

    /// Every app's metered interval, the replaced ones included.
    pub fn app_intervals(&self, partition: &PartitionKey) -> Vec<AppInterval> {
        self.apps
            .values()
            .chain(self.retired_apps.iter())
            .map(|app| app.interval(&partition.account_id, &partition.region))
            .collect()
    }

    /// Records that `removal` completes at `at`.
    pub fn schedule_removal(&mut self, at: Timestamp, removal: Removal) {
        self.removals.insert((at, removal));
    }

    /// Applies what has happened by `now`: idle apps are shut down as of their deadlines, and
    /// domains, user profiles and spaces whose `Deleting` phase ended are gone. Called before each
    /// operation, so that the tables only hold what exists at `now` (statuses themselves are
    /// derived when read).
    pub fn settle(&mut self, now: Timestamp, delays: &DelayProfile) {
        while self.idle_checks.first().is_some_and(|(at, _)| *at <= now) {
            let Some((due, key)) = self.idle_checks.pop_first() else {
                break;
            };
            if let Some(app) = self.apps.get_mut(&key) {
                if shut_down_if_idle(app, due, delays) {
                    self.schedule_app_expiry(&key);
                }
            }
        }
        while self.removals.first().is_some_and(|(at, _)| *at <= now) {
            let Some((at, removal)) = self.removals.pop_first() else {
                break;
            };
            self.remove_if_still_deleting(at, removal);
        }
    }

    /// Removes what a finished deletion names, unless the resource was re-created since (its
    /// deletion time differs); its tags go with it. The apps of a removed owner stay (see
    /// `apps`).
    fn remove_if_still_deleting(&mut self, at: Timestamp, removal: Removal) {
        let arn = match &removal {
            Removal::Domain(id) => self
                .domains
                .remove_if(id, |d| d.life.deleted_at() == Some(at))
                .map(|d| d.arn),
            Removal::UserProfile(domain, name) => {
                let key = (domain.clone(), name.clone());
                self.user_profiles
                    .remove_if(&key, |p| p.life.deleted_at() == Some(at))
                    .map(|p| p.arn)
            }
            Removal::Space(domain, name) => {
                let key = (domain.clone(), name.clone());
                self.spaces
                    .remove_if(&key, |s| s.life.deleted_at() == Some(at))
                    .map(|s| s.arn)
            }
            Removal::Image(name) => take_if(&mut self.images, name, at, |i| &i.life).map(|i| i.arn),
            Removal::ImageVersion(name, version) => {
                let key = (name.clone(), *version);
                take_if(&mut self.image_versions, &key, at, |v| &v.life).map(|v| v.arn)
            }
            Removal::AppMetadata(key) => {
                let forgotten = self
                    .apps
                    .remove_if(key, |app| app.metadata_expires_at() == Some(at));
                forgotten.map(|app| {
                    let arn = app.arn.clone();
                    self.retired_apps.push(app);
                    arn
                })
            }
        };
        if let Some(arn) = arn {
            self.tags.remove(&arn);
        }
    }
}

/// Removes `key` from `map` if its deletion finishes at `at`.
fn take_if<K: Ord, V>(
    map: &mut BTreeMap<K, V>,
    key: &K,
    at: Timestamp,
    life: impl Fn(&V) -> &crate::resources::Life,
) -> Option<V> {
    if map
        .get(key)
        .is_some_and(|v| life(v).deleted_at() == Some(at))
    {
        map.remove(key)
    } else {
        None
    }
}

/// Every partition. Cheap to clone.
#[derive(Debug, Clone, Default)]
pub struct Store {
    partitions: Arc<DashMap<PartitionKey, Arc<Mutex<Tables>>>>,
}

impl Store {
    /// An empty store.
    pub fn new() -> Self {
        Self::default()
    }

    /// The partition of `key`, created empty on first use.
    pub fn partition(&self, key: &PartitionKey) -> Arc<Mutex<Tables>> {
        if let Some(existing) = self.partitions.get(key) {
            return Arc::clone(existing.value());
        }
        Arc::clone(
            self.partitions
                .entry(key.clone())
                .or_insert_with(|| Arc::new(Mutex::new(Tables::default())))
                .value(),
        )
    }

    /// Every partition's key, sorted.
    pub fn partition_keys(&self) -> Vec<PartitionKey> {
        let mut keys: Vec<PartitionKey> = self.partitions.iter().map(|e| e.key().clone()).collect();
        keys.sort();
        keys
    }

    /// Empties everything (admin reset).
    pub fn clear(&self) {
        self.partitions.clear();
    }

    /// A copy of every partition's tables for a snapshot (to serialize: see
    /// [`Tables::copy_for_snapshot`]), sorted by key; the caller holds off every change meanwhile.
    pub fn copy_all(&self) -> Vec<(PartitionKey, Tables)> {
        self.partition_keys()
            .into_iter()
            .map(|key| {
                let tables = lock(&self.partition(&key)).copy_for_snapshot();
                (key, tables)
            })
            .collect()
    }

    /// Takes every partition's tables out, sorted by key, leaving the store empty.
    pub fn take_all(&self) -> Vec<(PartitionKey, Tables)> {
        let keys = self.partition_keys();
        keys.into_iter()
            .filter_map(|key| {
                let (key, partition) = self.partitions.remove(&key)?;
                let tables = std::mem::take(&mut *lock(&partition));
                Some((key, tables))
            })
            .collect()
    }

    /// Replaces every partition with `partitions` (nobody may hold a partition meanwhile).
    pub fn put_all(&self, partitions: Vec<(PartitionKey, Tables)>) {
        self.partitions.clear();
        for (key, tables) in partitions {
            self.partitions.insert(key, Arc::new(Mutex::new(tables)));
        }
    }
}

/// Locks a partition. A handler that panicked while holding the lock poisons it; the tables are
/// still consistent at every await-free step we take, so the poison is cleared rather than
/// turning every later call into a 500.
pub fn lock(partition: &Mutex<Tables>) -> MutexGuard<'_, Tables> {
    partition
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plausible_partitions_are_aws_shaped() {
        let key = |a: &str, r: &str| PartitionKey {
            account_id: a.into(),
            region: r.into(),
        };
        for region in [
            "us-east-1",
            "us-gov-west-1",
            "ap-southeast-3",
            "il-central-1",
        ] {
            assert!(key("123456789012", region).is_plausible(), "{region}");
        }
        assert!(!key("<b>acct</b>", "us-east-1").is_plausible());
        assert!(!key("12345678901", "us-east-1").is_plausible());
        for region in [
            "{{CONFIG}}<script>",
            "us-east",
            "east-1",
            "us--1",
            "US-EAST-1",
            "",
        ] {
            assert!(!key("123456789012", region).is_plausible(), "{region}");
        }
    }

    #[test]
    fn member_paths_are_lower_camel() {
        assert_eq!(member_path("DomainName"), "domainName");
        assert_eq!(member_path("AppType"), "appType");
    }

    #[test]
    fn merge_keeps_members_not_given() {
        let mut target = serde_json::json!({"A": {"B": 1, "C": 2}, "D": 3});
        merge_settings(&mut target, &serde_json::json!({"A": {"B": 9}, "E": 5}));
        assert_eq!(
            target,
            serde_json::json!({"A": {"B": 9, "C": 2}, "D": 3, "E": 5})
        );
    }
}
