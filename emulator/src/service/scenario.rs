//! Scenario replay for demos (`--scenario FILE`, `POST /_emulator/scenario`): the scenario
//! fixtures of `fixtures/scenarios/` (their `_about` member is the format's reference) played
//! against the emulator's own clock, so that a class watches one unfold at `--time-scale 600`.
//!
//! This module is pure: it parses a scenario, substitutes `${Name}` variables and says which call
//! is due at a given instant. Applying a call is the service's job
//! ([`Service::call_at`](crate::service::Service::call_at)).
//!
//! # Lazy replay
//!
//! Nothing runs in the background (statuses are derived when read), so a scenario is applied
//! lazily: before anything reads or changes the state, the service runs every call due by `now`,
//! in order, each *as of its scheduled instant* (`T0 + AtSeconds`). Since they run in order and
//! before anything observes the state, the result is exactly as if each had happened on time, at
//! any time scale and however seldom the emulator is asked: the seed's bill comes out exact to the
//! second.
//!
//! # What is replayed
//!
//! - `Setup`: each call in order at T0 (the clock's `now` when the scenario is loaded). `Await` is
//!   not waited for: nothing moves the clock, so with slow `--delays` the setup's resources are
//!   still `Pending` when the first steps run, which the API accepts (a pending domain takes user
//!   profiles and apps) and a demo shows as it is.
//! - `Steps`: the seed-notebooks format (`AtSeconds` relative to T0, non-decreasing, same
//!   `AtSeconds` in file order) or the walkthrough format (`{"AdvanceSeconds": n}` moves the
//!   replay's time forward; a call without `AtSeconds` runs at the time reached so far). `Expect`
//!   and `Comment` are ignored; a call that fails is logged and the replay goes on.
//! - `ExpectedUsage` (for tests) and `Teardown` are not run: the class wants to see the bill.
//! - `AccountId` and `Region` (optional: else the emulator's defaults) name the partition every
//!   call runs in; `${AccountId}` and `${Region}` are predefined, and `${QuickSetupStamp}`, T0
//!   as the console stamps a Quick setup (`20260101T000000`: a replayed Quick setup domain is
//!   named from the emulator's clock, not from the day the scenario was written); `Save` adds
//!   variables from a call's output (`{"Name": "Dotted.Path.0"}`).

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex, MutexGuard};

use serde_json::{json, Map, Value};

use crate::sim::clock::Timestamp;

/// The longest time a scenario may span (about 317 years), so that offsets never overflow.
const MAX_SECONDS: f64 = 1e10;

/// Why a scenario cannot be loaded: names the member at fault, e.g.
/// `Steps[3].AtSeconds: 60 comes after 120: AtSeconds must not decrease`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct ScenarioError(pub String);

/// One API call of a scenario.
#[derive(Debug, Clone, PartialEq)]
pub struct ScenarioCall {
    /// Where it is in the file, e.g. `Steps[2]` (for logs and errors).
    pub label: String,
    /// The operation, e.g. `CreateApp`.
    pub operation: String,
    /// The input, with `${Name}` placeholders.
    pub input: Map<String, Value>,
    /// Variables to save from a successful output: (name, dotted path).
    pub save: Vec<(String, String)>,
    /// When it runs, in milliseconds after T0.
    pub offset_millis: i64,
}

/// A parsed scenario.
#[derive(Debug, Clone, PartialEq)]
pub struct Scenario {
    /// `Name`, else `scenario`.
    pub name: String,
    /// `AccountId` the calls run as, if the scenario names one.
    pub account_id: Option<String>,
    /// `Region` the calls run in, if the scenario names one.
    pub region: Option<String>,
    /// Setup then steps, in the order they run (offsets never decrease).
    pub calls: Vec<ScenarioCall>,
    /// How many of `calls` are Setup.
    pub setup_len: usize,
}

fn is_variable_name(name: &str) -> bool {
    !name.is_empty() && name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
}

/// `text` with each `${Name}` (Name: letters, digits, `_`) replaced by `lookup(Name)`; anything
/// else, a lone `${` included, is kept as it is.
fn expand(
    text: &str,
    lookup: &mut impl FnMut(&str) -> Result<String, String>,
) -> Result<String, String> {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find("${") {
        out.push_str(&rest[..start]);
        let after = &rest[start + 2..];
        match after.find('}') {
            Some(end) if is_variable_name(&after[..end]) => {
                out.push_str(&lookup(&after[..end])?);
                rest = &after[end + 1..];
            }
            _ => {
                out.push_str("${");
                rest = after;
            }
        }
    }
    out.push_str(rest);
    Ok(out)
}

fn err(message: String) -> ScenarioError {
    ScenarioError(message)
}

impl Scenario {
    /// Parses a scenario file's text.
    pub fn parse(text: &str) -> Result<Self, ScenarioError> {
        let value: Value =
            serde_json::from_str(text).map_err(|e| err(format!("not valid JSON: {e}")))?;
        Self::from_value(&value)
    }

    /// Reads a scenario from its JSON; every problem is named with the member at fault, and every
    /// `Call` must be an operation the emulator serves.
    pub fn from_value(value: &Value) -> Result<Self, ScenarioError> {
        let root = value
            .as_object()
            .ok_or_else(|| err("a scenario is a JSON object".into()))?;
        let name = optional_string(root, "Name")?
            .unwrap_or("scenario")
            .to_string();
        let account_id = optional_string(root, "AccountId")?.map(str::to_string);
        if let Some(account) = &account_id {
            if account.len() != 12 || !account.bytes().all(|b| b.is_ascii_digit()) {
                return Err(err(format!("AccountId: '{account}' is not 12 digits")));
            }
        }
        let region = optional_string(root, "Region")?.map(str::to_string);
        if region.as_deref() == Some("") {
            return Err(err("Region: must not be empty".into()));
        }
        let setup = optional_array(root, "Setup")?;
        let steps = match root.get("Steps") {
            Some(Value::Array(steps)) => steps.as_slice(),
            Some(_) => return Err(err("Steps: must be an array".into())),
            None => return Err(err("Steps: missing (an array of calls)".into())),
        };
        let mut defined: Vec<String> = vec![
            "AccountId".into(),
            "Region".into(),
            "QuickSetupStamp".into(),
        ];
        let mut calls = Vec::new();
        for (i, item) in setup.iter().enumerate() {
            let label = format!("Setup[{i}]");
            let obj = item
                .as_object()
                .ok_or_else(|| err(format!("{label}: must be an object")))?;
            calls.push(read_call(label, obj, 0, &mut defined)?);
        }
        let setup_len = calls.len();
        let mut offset_millis: i64 = 0;
        for (i, item) in steps.iter().enumerate() {
            let label = format!("Steps[{i}]");
            let obj = item
                .as_object()
                .ok_or_else(|| err(format!("{label}: must be an object")))?;
            if let Some(advance) = obj.get("AdvanceSeconds") {
                let millis = seconds_to_millis(&format!("{label}.AdvanceSeconds"), advance)?;
                offset_millis = offset_millis.saturating_add(millis);
                continue;
            }
            if let Some(at) = obj.get("AtSeconds") {
                let at_millis = seconds_to_millis(&format!("{label}.AtSeconds"), at)?;
                if at_millis < offset_millis {
                    return Err(err(format!(
                        "{label}.AtSeconds: {} comes after {}: AtSeconds must not decrease",
                        at_millis as f64 / 1000.0,
                        offset_millis as f64 / 1000.0
                    )));
                }
                offset_millis = at_millis;
            }
            calls.push(read_call(label, obj, offset_millis, &mut defined)?);
        }
        Ok(Scenario {
            name,
            account_id,
            region,
            calls,
            setup_len,
        })
    }
}

fn optional_string<'a>(
    obj: &'a Map<String, Value>,
    member: &str,
) -> Result<Option<&'a str>, ScenarioError> {
    match obj.get(member) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s)),
        Some(_) => Err(err(format!("{member}: must be a string"))),
    }
}

fn optional_array<'a>(
    obj: &'a Map<String, Value>,
    member: &str,
) -> Result<&'a [Value], ScenarioError> {
    match obj.get(member) {
        None | Some(Value::Null) => Ok(&[]),
        Some(Value::Array(items)) => Ok(items),
        Some(_) => Err(err(format!("{member}: must be an array"))),
    }
}

fn seconds_to_millis(label: &str, value: &Value) -> Result<i64, ScenarioError> {
    match value.as_f64() {
        Some(s) if s.is_finite() && (0.0..=MAX_SECONDS).contains(&s) => {
            Ok((s * 1000.0).round() as i64)
        }
        _ => Err(err(format!(
            "{label}: must be a number of seconds between 0 and {MAX_SECONDS}"
        ))),
    }
}

/// Reads one call: `Call` names a served operation, `Input` is an object whose placeholders are
/// all defined by now, `Save` names variables (defined from here on).
fn read_call(
    label: String,
    obj: &Map<String, Value>,
    offset_millis: i64,
    defined: &mut Vec<String>,
) -> Result<ScenarioCall, ScenarioError> {
    let operation = match obj.get("Call") {
        Some(Value::String(op)) => op.clone(),
        Some(_) => return Err(err(format!("{label}.Call: must be a string"))),
        None => {
            return Err(err(format!(
            "{label}: no Call (an operation name such as CreateApp), AtSeconds or AdvanceSeconds"
        )))
        }
    };
    if crate::service::dispatch::handler(&operation).is_none() {
        return Err(err(format!(
            "{label}.Call: '{operation}' is not an operation this emulator serves"
        )));
    }
    let input = match obj.get("Input") {
        None | Some(Value::Null) => Map::new(),
        Some(Value::Object(input)) => input.clone(),
        Some(_) => return Err(err(format!("{label}.Input: must be an object"))),
    };
    let mut undefined = Vec::new();
    visit_strings(&Value::Object(input.clone()), &mut |s| {
        let _ = expand(s, &mut |name| {
            if !defined.iter().any(|d| d == name) && !undefined.iter().any(|u| u == name) {
                undefined.push(name.to_string());
            }
            Ok(String::new())
        });
    });
    if let Some(name) = undefined.first() {
        return Err(err(format!(
            "{label}.Input: ${{{name}}} is not defined by then (predefined: AccountId, Region; others come from an earlier call's Save)"
        )));
    }
    let mut save = Vec::new();
    match obj.get("Save") {
        None | Some(Value::Null) => {}
        Some(Value::Object(members)) => {
            for (name, path) in members {
                let Some(path) = path.as_str() else {
                    return Err(err(format!(
                        "{label}.Save.{name}: must be a dotted path string such as 'DomainId'"
                    )));
                };
                if !is_variable_name(name) {
                    return Err(err(format!(
                        "{label}.Save: '{name}' is not a variable name (letters, digits, _)"
                    )));
                }
                save.push((name.clone(), path.to_string()));
                if !defined.contains(name) {
                    defined.push(name.clone());
                }
            }
        }
        Some(_) => return Err(err(format!("{label}.Save: must be an object"))),
    }
    Ok(ScenarioCall {
        label,
        operation,
        input,
        save,
        offset_millis,
    })
}

fn visit_strings(value: &Value, f: &mut impl FnMut(&str)) {
    match value {
        Value::String(s) => f(s),
        Value::Array(items) => items.iter().for_each(|v| visit_strings(v, f)),
        Value::Object(members) => members.values().for_each(|v| visit_strings(v, f)),
        _ => {}
    }
}

/// Replaces every `${Name}` in the strings of `value` (member names are left alone); an undefined
/// variable is an error naming it.
pub fn substitute(value: &Value, variables: &BTreeMap<String, String>) -> Result<Value, String> {
    Ok(match value {
        Value::String(s) => Value::String(expand(s, &mut |name| {
            variables
                .get(name)
                .cloned()
                .ok_or_else(|| format!("variable ${{{name}}} is undefined (its Save failed?)"))
        })?),
        Value::Array(items) => Value::Array(
            items
                .iter()
                .map(|v| substitute(v, variables))
                .collect::<Result<_, _>>()?,
        ),
        Value::Object(members) => Value::Object(
            members
                .iter()
                .map(|(k, v)| Ok((k.clone(), substitute(v, variables)?)))
                .collect::<Result<_, String>>()?,
        ),
        other => other.clone(),
    })
}

/// The member at a dotted path (`Apps.0.Status`) of a call's output.
pub fn at_path<'a>(output: &'a Value, path: &str) -> Option<&'a Value> {
    path.split('.').try_fold(output, |node, part| match node {
        Value::Array(items) => part.parse::<usize>().ok().and_then(|i| items.get(i)),
        Value::Object(members) => members.get(part),
        _ => None,
    })
}

/// A call due now, ready to run.
#[derive(Debug, Clone, PartialEq)]
pub struct DueCall {
    /// Where it is in the file.
    pub label: String,
    /// When it is scheduled: T0 + its offset.
    pub at: Timestamp,
    /// The operation.
    pub operation: String,
    /// The input with variables substituted, or why it cannot be (an undefined variable).
    pub input: Result<Map<String, Value>, String>,
}

/// A loaded scenario being replayed: T0, the cursor and the variables.
#[derive(Debug, Clone)]
pub struct Replay {
    scenario: Scenario,
    t0: Timestamp,
    /// Index of the next call to run.
    cursor: usize,
    variables: BTreeMap<String, String>,
    /// Calls that failed so far.
    failures: usize,
}

impl Replay {
    /// Starts replaying `scenario` from `t0`; `${AccountId}` and `${Region}` are the scenario's or
    /// the given defaults.
    pub fn new(scenario: Scenario, t0: Timestamp, account_id: &str, region: &str) -> Self {
        let mut variables = BTreeMap::new();
        variables.insert(
            "AccountId".to_string(),
            scenario
                .account_id
                .clone()
                .unwrap_or_else(|| account_id.to_string()),
        );
        variables.insert(
            "Region".to_string(),
            scenario
                .region
                .clone()
                .unwrap_or_else(|| region.to_string()),
        );
        variables.insert(
            "QuickSetupStamp".to_string(),
            crate::service::quick_setup::stamp(t0.as_epoch_seconds()),
        );
        Replay {
            scenario,
            t0,
            cursor: 0,
            variables,
            failures: 0,
        }
    }

    /// The account every call runs as.
    pub fn account_id(&self) -> &str {
        self.variables.get("AccountId").map_or("", String::as_str)
    }

    /// The region every call runs in.
    pub fn region(&self) -> &str {
        self.variables.get("Region").map_or("", String::as_str)
    }

    /// T0: when the scenario was loaded.
    pub fn t0(&self) -> Timestamp {
        self.t0
    }

    /// The variables so far.
    pub fn variables(&self) -> &BTreeMap<String, String> {
        &self.variables
    }

    /// The next call if it is due by `now` (T0 + offset ≤ now), with its input substituted.
    pub fn next_due(&self, now: Timestamp) -> Option<DueCall> {
        let call = self.scenario.calls.get(self.cursor)?;
        let at = self.t0.plus_millis(call.offset_millis);
        if at > now {
            return None;
        }
        let input = match substitute(&Value::Object(call.input.clone()), &self.variables) {
            Ok(Value::Object(input)) => Ok(input),
            Ok(_) => Err("the input is not an object".to_string()),
            Err(e) => Err(e),
        };
        Some(DueCall {
            label: call.label.clone(),
            at,
            operation: call.operation.clone(),
            input,
        })
    }

    /// Records the outcome of the call `next_due` gave (its output, or `None` if it failed):
    /// saves its variables and moves the cursor on. Returns the `Save` paths that were missing.
    pub fn complete(&mut self, output: Option<&Value>) -> Vec<String> {
        let Some(call) = self.scenario.calls.get(self.cursor) else {
            return Vec::new();
        };
        let mut missing = Vec::new();
        match output {
            Some(output) => {
                for (name, path) in &call.save {
                    match at_path(output, path) {
                        Some(Value::String(s)) => {
                            self.variables.insert(name.clone(), s.clone());
                        }
                        Some(Value::Null) | None => missing.push(path.clone()),
                        Some(other) => {
                            self.variables.insert(name.clone(), other.to_string());
                        }
                    }
                }
            }
            None => self.failures += 1,
        }
        self.cursor += 1;
        missing
    }

    /// Where the replay is, for the dashboard: `{"Name", "T0", "Done", "Total", "Failed",
    /// "NextAt"|null}` (times in epoch seconds).
    pub fn progress(&self) -> Value {
        let next_at = self
            .scenario
            .calls
            .get(self.cursor)
            .map(|c| self.t0.plus_millis(c.offset_millis));
        json!({
            "Name": self.scenario.name,
            "T0": self.t0,
            "Done": self.cursor,
            "Total": self.scenario.calls.len(),
            "Failed": self.failures,
            "NextAt": next_at,
        })
    }
}

/// The service's slot for the scenario being replayed (`None`: no scenario). Shared by clones.
pub type ReplaySlot = Arc<Mutex<Option<Replay>>>;

/// Locks the slot (a poisoned lock is taken over: the replay's state is consistent between calls).
pub fn lock_slot(slot: &Mutex<Option<Replay>>) -> MutexGuard<'_, Option<Replay>> {
    slot.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;

    const SEED: &str = include_str!("../../../fixtures/scenarios/seed-notebooks.json");
    const WALKTHROUGH: &str = include_str!("../../../fixtures/scenarios/walkthrough.json");

    #[test]
    fn the_seed_parses_setup_then_steps_at_their_offsets() {
        let scenario = Scenario::parse(SEED).unwrap();
        assert_eq!(scenario.name, "seed-notebooks");
        assert_eq!(scenario.account_id.as_deref(), Some("000000000000"));
        assert_eq!(scenario.region.as_deref(), Some("us-east-1"));
        assert_eq!(scenario.setup_len, 2);
        let offsets: Vec<i64> = scenario
            .calls
            .iter()
            .map(|c| c.offset_millis / 1000)
            .collect();
        assert_eq!(
            offsets,
            [0, 0, 0, 0, 3600, 7200, 10800, 10800, 10800, 10800]
        );
        assert_eq!(scenario.calls[0].operation, "CreateDomain");
        assert_eq!(
            scenario.calls[0].save,
            [("DomainId".into(), "DomainId".into())]
        );
        assert_eq!(scenario.calls[9].label, "Steps[7]");
    }

    #[test]
    fn the_walkthrough_format_advances_time_between_calls() {
        let scenario = Scenario::parse(WALKTHROUGH).unwrap();
        assert_eq!(scenario.setup_len, 0);
        assert_eq!(scenario.calls[0].offset_millis, 0);
        // {"AdvanceSeconds": 1} after the first two calls.
        assert_eq!(scenario.calls[2].offset_millis, 1000);
        assert!(scenario
            .calls
            .windows(2)
            .all(|w| w[0].offset_millis <= w[1].offset_millis));
    }

    fn problem(text: &str) -> String {
        Scenario::parse(text).unwrap_err().0
    }

    #[test]
    fn bad_scenarios_name_the_member_at_fault() {
        assert!(problem("{").starts_with("not valid JSON"));
        assert_eq!(problem("[]"), "a scenario is a JSON object");
        assert_eq!(problem("{}"), "Steps: missing (an array of calls)");
        assert_eq!(
            problem(
                r#"{"Steps": [{"AtSeconds": 5, "Call": "CreateDomain"}, {"AtSeconds": 1, "Call": "ListDomains"}]}"#
            ),
            "Steps[1].AtSeconds: 1 comes after 5: AtSeconds must not decrease"
        );
        assert_eq!(
            problem(r#"{"Steps": [{"AtSeconds": -1, "Call": "ListDomains"}]}"#),
            "Steps[0].AtSeconds: must be a number of seconds between 0 and 10000000000"
        );
        assert_eq!(
            problem(r#"{"Steps": [{"AtSeconds": 0, "Call": "LaunchRocket"}]}"#),
            "Steps[0].Call: 'LaunchRocket' is not an operation this emulator serves"
        );
        assert!(problem(r#"{"Steps": [{"AtSeconds": 0, "Call": "DescribeDomain", "Input": {"DomainId": "${DomainId}"}}]}"#)
            .starts_with("Steps[0].Input: ${DomainId} is not defined by then"));
        assert_eq!(
            problem(r#"{"AccountId": "42", "Steps": []}"#),
            "AccountId: '42' is not 12 digits"
        );
        assert_eq!(
            problem(r#"{"Setup": [{"Input": {}}], "Steps": []}"#),
            "Setup[0]: no Call (an operation name such as CreateApp), AtSeconds or AdvanceSeconds"
        );
        assert_eq!(
            problem(r#"{"Steps": [{"Call": "CreateDomain", "Save": {"A-B": "DomainId"}}]}"#),
            "Steps[0].Save: 'A-B' is not a variable name (letters, digits, _)"
        );
    }

    #[test]
    fn substitution_replaces_placeholders_in_strings_only() {
        let vars: BTreeMap<String, String> = [("DomainId".to_string(), "d-abc".to_string())]
            .into_iter()
            .collect();
        let input = json!({"DomainId": "${DomainId}", "Arn": "x/${DomainId}/y", "N": 3, "L": ["${DomainId}"], "${DomainId}": 1});
        assert_eq!(
            substitute(&input, &vars).unwrap(),
            json!({"DomainId": "d-abc", "Arn": "x/d-abc/y", "N": 3, "L": ["d-abc"], "${DomainId}": 1})
        );
        assert_eq!(
            substitute(&json!("$ ${ ${a-b} ${} ${DomainId"), &vars).unwrap(),
            json!("$ ${ ${a-b} ${} ${DomainId")
        );
        assert_eq!(
            substitute(&json!("${Nope}"), &vars).unwrap_err(),
            "variable ${Nope} is undefined (its Save failed?)"
        );
    }

    #[test]
    fn due_calls_come_in_order_up_to_now_and_saves_feed_later_inputs() {
        let scenario = Scenario::parse(SEED).unwrap();
        let t0 = Timestamp(1_000_000);
        let mut replay = Replay::new(scenario, t0, "111111111111", "eu-west-1");
        assert_eq!(replay.account_id(), "000000000000");
        assert_eq!(replay.region(), "us-east-1");
        let first = replay.next_due(t0).unwrap();
        assert_eq!((first.label.as_str(), first.at), ("Setup[0]", t0));
        let missing = replay.complete(Some(&json!({"DomainId": "d-0123456789ab"})));
        assert!(missing.is_empty());
        let second = replay.next_due(t0).unwrap();
        assert_eq!(second.input.unwrap()["DomainId"], "d-0123456789ab");
        // Setup[1] and the two calls at 0 s, then nothing until 3600 s.
        for _ in 0..3 {
            assert!(replay.next_due(t0).is_some());
            replay.complete(Some(&json!({})));
        }
        assert_eq!(replay.next_due(t0.plus_millis(3_599_999)), None);
        let at_one_hour = replay.next_due(t0.plus_millis(4 * 3_600_000)).unwrap();
        assert_eq!(at_one_hour.at, t0.plus_millis(3_600_000));
        assert_eq!(replay.progress()["Done"], 4);
        assert_eq!(replay.progress()["Total"], 10);
    }

    /// The lazy replay's promise: however late the state is first looked at, each call happened
    /// at its scheduled time, so the seed's bill is exact to the second.
    #[test]
    fn the_seed_replayed_lazily_in_one_jump_bills_exactly() {
        use crate::protocol::Defaults;
        use crate::service::{Service, UsageFilter};
        use crate::sim::clock::Clock;
        use crate::sim::lifecycle::{DelayPreset, DelayProfile};

        let t0 = Timestamp(1_767_225_600_000);
        let clock = Clock::manual_at(t0);
        let service = Service::new(
            clock.clone(),
            DelayProfile::new(DelayPreset::Realistic),
            Defaults {
                account_id: "111111111111".into(),
                region: "eu-west-1".into(),
            },
        );
        let progress = service.load_scenario(Scenario::parse(SEED).unwrap());
        // Setup and the two calls at 0 s ran at load.
        assert_eq!(progress["Done"], 4);
        assert_eq!(progress["Failed"], 0);
        clock.advance(std::time::Duration::from_secs(4 * 3600));
        let report = service.usage(&UsageFilter::default());
        let billed: Vec<(&str, u64, f64, Option<f64>)> = report
            .instances
            .iter()
            .map(|i| {
                (
                    i.instance_type.as_str(),
                    i.billed_seconds,
                    i.start_time - t0.as_epoch_seconds(),
                    i.end_time.map(|e| e - t0.as_epoch_seconds()),
                )
            })
            .collect();
        assert_eq!(
            billed,
            [
                ("ml.t3.medium", 10_800, 0.0, Some(10_800.0)),
                ("ml.m5.large", 3_600, 7_200.0, Some(10_800.0)),
            ]
        );
        assert_eq!(report.total_cost_usd, 0.265);
        assert_eq!(report.instances[0].account_id, "000000000000");
        assert_eq!(report.instances[0].region, "us-east-1");
        let tree = service.resources(&crate::service::ResourcesFilter::default());
        assert_eq!(tree["Scenario"]["Done"], 10);
        assert_eq!(tree["Scenario"]["NextAt"], Value::Null);
        let apps = &tree["Domains"][0]["UserProfiles"][0]["Apps"];
        assert_eq!(apps.as_array().map(Vec::len), Some(4));
        assert!(apps
            .as_array()
            .unwrap()
            .iter()
            .all(|a| a["Status"] == "Deleted"));
        // Reset forgets the scenario: nothing more is replayed.
        service.reset().unwrap();
        assert_eq!(
            service.resources(&crate::service::ResourcesFilter::default())["Scenario"],
            Value::Null
        );
        assert!(service.usage(&UsageFilter::default()).instances.is_empty());
    }

    #[test]
    fn a_failed_save_leaves_later_inputs_unresolvable() {
        let mut replay = Replay::new(Scenario::parse(SEED).unwrap(), Timestamp(0), "a", "r");
        assert!(replay.next_due(Timestamp(0)).is_some());
        assert_eq!(replay.complete(Some(&json!({}))), ["DomainId"]);
        let next = replay.next_due(Timestamp(0)).unwrap();
        assert!(next.input.unwrap_err().contains("${DomainId}"));
        replay.complete(None);
        assert_eq!(replay.progress()["Failed"], 1);
    }
}
