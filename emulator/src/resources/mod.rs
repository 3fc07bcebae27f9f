//! The Studio resource families, one file each. Handlers are plain functions named after their
//! operation: `fn(&mut Tables, &Ctx, &Input) -> ApiResult<Value>`. They see no HTTP, never await,
//! and take the time from `Ctx::now`, so they are unit-testable without a runtime.
//!
//! This module holds what the families share: the call context, the life record every resource
//! carries, readers for input members, and id generation.

pub mod app;
pub mod app_image_config;
pub mod domain;
pub mod image;
pub mod lifecycle_config;
pub mod pagination;
pub mod presigned_url;
pub mod space;
pub mod tags;
pub mod user_profile;

use serde_json::{Map, Value};

use crate::clock::Timestamp;
use crate::error::{ApiError, ApiResult};
use crate::lifecycle::{DelayProfile, Phase, Status, Transition};
use crate::resources::pagination::Pager;

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
    pub quotas: &'a crate::quotas::QuotaLimits,
}

impl Ctx<'_> {
    /// When a transition started now finishes.
    pub fn finish_of(&self, transition: Transition) -> Timestamp {
        self.now.plus(self.delays.delay(transition))
    }

    /// One page of a listing, its NextToken bound to this caller's account and region.
    pub fn page(
        &self,
        operation: &str,
        input: &Input,
        order: pagination::Order,
        default_max: usize,
        items: Vec<(String, Value)>,
    ) -> ApiResult<pagination::Page> {
        self.pager
            .page(&self.scope(operation), input, order, default_max, items)
    }

    /// The NextToken's cursor of a listing (see [`Pager::cursor`]), bound to this caller.
    pub fn cursor(&self, operation: &str, input: &Input) -> ApiResult<Option<String>> {
        self.pager.cursor(&self.scope(operation), input)
    }

    /// One page of already-ordered entries (see [`Pager::take_page`]), bound to this caller.
    pub fn take_page<T>(
        &self,
        operation: &str,
        input: &Input,
        default_max: usize,
        entries: impl Iterator<Item = (String, T)>,
        render: impl FnMut(T) -> Value,
    ) -> pagination::Page {
        self.pager
            .take_page(&self.scope(operation), input, default_max, entries, render)
    }

    /// A page of a Studio listing kept in creation order by the store's indexes (user
    /// profiles, spaces, apps). With `SortBy` `CreationTime` (the default) the page is read
    /// straight from the index: O(log n + page). With `LastModifiedTime`, which moves with the
    /// clock and so cannot be indexed, the kept entries are sorted by (modified, sequence) keys
    /// and only the page is rendered. `walk(after, order)` yields (sequence, entry) from the
    /// index; `keep` applies the filters.
    #[allow(clippy::too_many_arguments)]
    pub fn list_in_creation_order<'a, T: 'a>(
        &self,
        operation: &str,
        input: &Input,
        default_max: usize,
        order: pagination::Order,
        walk: impl Fn(Option<u64>, pagination::Order) -> Box<dyn Iterator<Item = (u64, &'a T)> + 'a>,
        keep: impl Fn(&T) -> bool,
        modified: impl Fn(&T) -> Timestamp,
        render: impl FnMut(&T) -> Value,
    ) -> ApiResult<pagination::Page> {
        if input.get("SortBy").and_then(Value::as_str) == Some("LastModifiedTime") {
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
            // splitmix64: a small, well-mixed generator; the seed is what makes replay exact.
            let mut z = self.rng.get().wrapping_add(0x9E37_79B9_7F4A_7C15);
            self.rng.set(z);
            z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
            z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
            z ^= z >> 31;
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
#[derive(Debug, Clone, PartialEq, Eq)]
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

/// A required string member.
pub fn required_str<'a>(input: &'a Input, member: &str) -> ApiResult<&'a str> {
    optional_str(input, member)?.ok_or_else(|| missing(member))
}

/// An optional string member (`null` counts as absent, as both SDKs' parsers treat it).
pub fn optional_str<'a>(input: &'a Input, member: &str) -> ApiResult<Option<&'a str>> {
    match input.get(member) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s)),
        Some(_) => Err(ApiError::Serialization(format!(
            "Expected a string for member {member}"
        ))),
    }
}

/// An optional member of any JSON type (`null` counts as absent).
pub fn optional_value<'a>(input: &'a Input, member: &str) -> Option<&'a Value> {
    input.get(member).filter(|v| !v.is_null())
}

/// Copies the members named in `members` from `from` into `to` when present.
pub fn copy_members(from: &Input, to: &mut Input, members: &[&str]) {
    for member in members {
        if let Some(value) = optional_value(from, member) {
            to.insert((*member).to_string(), value.clone());
        }
    }
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

/// The status and time members every Describe and List output shares.
pub fn status_members(out: &mut Input, life: &Life, now: Timestamp, gone: Status) {
    out.insert("Status".into(), life.status(now, gone).as_str().into());
    out.insert("CreationTime".into(), json_time(life.created));
    out.insert(
        "LastModifiedTime".into(),
        json_time(life.last_modified(now)),
    );
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

/// `FailureReason` of a Describe output, once a failing transition has ended (List items carry
/// no `FailureReason` in the model).
pub fn failure_member(out: &mut Input, life: &Life, now: Timestamp) {
    if let Some(reason) = life.failure_reason(now) {
        out.insert("FailureReason".into(), reason.into());
    }
}

/// A timestamp as the awsJson protocol writes it: epoch seconds.
pub fn json_time(t: Timestamp) -> Value {
    serde_json::Number::from_f64(t.as_epoch_seconds())
        .map(Value::Number)
        .unwrap_or(Value::Null)
}

#[cfg(test)]
mod tests {
    use super::*;

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
