//! Usage metering: turns the lifetimes of Studio apps into billed instances (docs/contract.md §4) and
//! the usage report of `GET /_emulator/usage` (docs/contract.md §5).
//!
//! This module owns the billing rule and nothing else: [`meter`] is a pure function of the apps'
//! intervals, the meter's `now` and a price function. It reads no clock, does no IO and knows no
//! store; the caller selects the apps (e.g. by account, region and domain) and passes them in.
//!
//! # The rule
//!
//! It follows AWS's *Usage Metering* page for Studio notebooks
//! (<https://docs.aws.amazon.com/sagemaker/latest/dg/notebooks-usage-metering.html>): a
//! resource runs on an instance of its instance type, re-using an instance of that type that is
//! already running, else starting a new one; each instance is billed separately, per second, from
//! its creation until the last image (app) on it is shut down.
//!
//! - **Who shares an instance.** Apps with the same *owner* and the same instance type, in the
//!   same account, region and domain. The owner is the user profile for Studio Classic apps and
//!   the space for apps in a space. For a space this is "one instance per space" as long as the
//!   space runs apps of one type at a time — always so for JupyterLab and Code Editor spaces,
//!   which run a single app. Should a space run apps of *different* types at once (a Studio
//!   Classic shared space with two KernelGateway types), each type gets its own instance, as it
//!   does for a user profile: one instance cannot be two types, nor billed at one type's price.
//! - **When.** An instance starts with the first app that needs it and ends when its last app
//!   ends. An app joins a running instance if it starts strictly before that instance's end; an
//!   app starting at or after the end (even the same second) starts a *new* instance with a new
//!   id. An app with no end is still running, and so is its instance: billing grows with `now`.
//! - **Free.** Apps on `system` (JupyterServer and the like) produce no instance.
//! - **Snapshot.** The report is the state at `now`: an app starting after `now` is not counted
//!   yet, and an end later than `now` counts as "still running" (`EndTime` null).
//!
//! # Rounding
//!
//! - Times are quantised to whole milliseconds (`round(t × 1000)`, AWS timestamps have that
//!   resolution), which absorbs the float error of epoch-second arithmetic
//!   (`(t + 10800.0) - t` may be 10799.9999998). Then `BilledSeconds = floor((end − start) / 1 s)`:
//!   whole seconds, truncated, no minimum.
//! - The hourly price is quantised to nano-dollars, then
//!   `cost = BilledSeconds × price / 3600` is computed in integers and rounded half up to a whole
//!   micro-dollar (6 decimals). `CostUsd` is that micro-dollar count ÷ 10⁶, so it prints as the
//!   exact short decimal (`0.15`, `0.115`). `TotalCostUsd` is the integer sum of the priced
//!   instances' micro-dollars ÷ 10⁶ (`0.265`, never `0.26500000000000001`): the total always
//!   equals the sum of its lines. An instance whose price is unknown (or not a finite,
//!   non-negative number) has `HourlyPriceUsd` and `CostUsd` null and is left out of the total.
//!
//! # Ids and order
//!
//! `InstanceId` is `i-0` + 16 hex digits of a FNV-1a hash of account, region, domain, owner, type,
//! the instance's ordinal among its owner's instances of that type, its start time and its first
//! app: the same history always gives the same ids, and an instance keeps its id while time
//! passes. Instances are sorted by `StartTime`, then `InstanceId`; `Apps` lists app names in
//! start order, each once. [`meter`] is O(n log n) in the number of apps and never panics: a
//! non-finite start drops the app, a NaN end means "running", an end before the start bills 0 s.

use serde::{Deserialize, Serialize};
use std::cmp::Ordering;
use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

/// The instance type of apps that run on the free, shared system instance.
pub const SYSTEM_INSTANCE_TYPE: &str = "system";

/// The currency of every figure in the report.
pub const CURRENCY: &str = "USD";

/// Who an app belongs to, which decides the instances it may share.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum AppOwner {
    /// A Studio Classic app of this user profile.
    UserProfile(String),
    /// An app in this space.
    Space(String),
}

/// One app's life as the meter sees it.
#[derive(Debug, Clone, PartialEq)]
pub struct AppInterval {
    pub account_id: String,
    pub region: String,
    pub domain_id: String,
    pub owner: AppOwner,
    pub app_name: String,
    pub app_type: String,
    /// `ResourceSpec.InstanceType`; [`SYSTEM_INSTANCE_TYPE`] is free and makes no instance.
    pub instance_type: String,
    /// Epoch seconds: when CreateApp was accepted.
    pub start: f64,
    /// Epoch seconds: when the app was deleted; `None` while it runs.
    pub end: Option<f64>,
}

/// A billed instance: one line of the usage report (docs/contract.md §5).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct Instance {
    pub instance_id: String,
    pub account_id: String,
    pub region: String,
    pub domain_id: String,
    pub user_profile_name: Option<String>,
    pub space_name: Option<String>,
    pub instance_type: String,
    /// Names of the apps that ran on it, in start order, each once.
    pub apps: Vec<String>,
    pub start_time: f64,
    /// `None` while it runs.
    pub end_time: Option<f64>,
    pub billed_seconds: u64,
    pub hourly_price_usd: Option<f64>,
    pub cost_usd: Option<f64>,
}

/// The answer of `GET /_emulator/usage`.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct UsageReport {
    pub instances: Vec<Instance>,
    pub total_cost_usd: f64,
    pub currency: &'static str,
}

/// Bills `apps` as of `now` (epoch seconds). `price(region, instance_type)` gives USD per hour,
/// or `None` when unknown (e.g. [`crate::sim::prices::usd_per_hour`]); it is called once per group of
/// apps that may share an instance (owner and type), not per app.
/// See the module documentation for the rule, the rounding and the ids.
pub fn meter(
    apps: &[AppInterval],
    now: f64,
    price: impl Fn(&str, &str) -> Option<f64>,
) -> UsageReport {
    // Billable apps that exist at `now`, each tagged with its group (account, region, domain,
    // owner, instance type). Numbering the groups by hash keeps the sort on cheap keys.
    let mut group_of: HashMap<GroupKey<'_>, usize, BuildHasherDefault<WordHasher>> =
        HashMap::default();
    let mut rows: Vec<Row> = Vec::with_capacity(apps.len());
    for (index, app) in apps.iter().enumerate() {
        // Not yet started at `now` (a NaN `now` sees nothing), free, or a start that is no time.
        let exists = app.start.is_finite() && app.start <= now;
        if !exists || app.instance_type == SYSTEM_INSTANCE_TYPE {
            continue;
        }
        let next = group_of.len();
        let group = *group_of.entry(GroupKey::of(app)).or_insert(next);
        rows.push(Row {
            group,
            start: app.start,
            end: effective_end(app, now),
            index,
        });
    }
    rows.sort_unstable_by(|x, y| {
        x.group
            .cmp(&y.group)
            .then_with(|| x.start.total_cmp(&y.start))
            .then_with(|| apps[x.index].app_name.cmp(&apps[y.index].app_name))
            .then_with(|| cmp_end(x.end, y.end))
            .then_with(|| x.index.cmp(&y.index))
    });

    // One sweep: inside a group, an app joins the open instance if it starts before that
    // instance's end, else it opens the group's next instance.
    let mut instances = Vec::new();
    let mut total_micros: u128 = 0;
    let mut open: Option<Open> = None;
    let mut hourly: Option<f64> = None;
    for row in &rows {
        if let Some(cur) = open.as_mut() {
            let same_group = cur.group == row.group;
            if same_group && cur.end.is_none_or(|e| row.start < e) {
                cur.end = match (cur.end, row.end) {
                    (Some(x), Some(y)) => Some(x.max(y)),
                    _ => None,
                };
                cur.apps.push(row.index);
                continue;
            }
        }
        let ordinal = match open.take() {
            Some(done) => {
                let next = if done.group == row.group {
                    done.ordinal + 1
                } else {
                    0
                };
                instances.push(close(apps, done, now, hourly, &mut total_micros));
                next
            }
            None => 0,
        };
        if ordinal == 0 {
            // The price is a property of the group: asked once per group.
            let first = &apps[row.index];
            hourly =
                price(&first.region, &first.instance_type).filter(|p| p.is_finite() && *p >= 0.0);
        }
        open = Some(Open {
            group: row.group,
            first: row.index,
            start: row.start,
            end: row.end,
            apps: vec![row.index],
            ordinal,
        });
    }
    if let Some(done) = open.take() {
        instances.push(close(apps, done, now, hourly, &mut total_micros));
    }

    instances.sort_unstable_by(|a, b| {
        a.start_time
            .total_cmp(&b.start_time)
            .then_with(|| a.instance_id.cmp(&b.instance_id))
    });
    UsageReport {
        instances,
        total_cost_usd: micros_to_usd(total_micros),
        currency: CURRENCY,
    }
}

/// A billable app, tagged with its group, as sorted for the sweep.
struct Row {
    group: usize,
    start: f64,
    /// `None` = running at `now`.
    end: Option<f64>,
    index: usize,
}

/// What makes apps share an instance.
#[derive(PartialEq, Eq, Hash)]
struct GroupKey<'a> {
    account_id: &'a str,
    region: &'a str,
    domain_id: &'a str,
    owner: &'a AppOwner,
    instance_type: &'a str,
}

impl<'a> GroupKey<'a> {
    fn of(app: &'a AppInterval) -> Self {
        GroupKey {
            account_id: &app.account_id,
            region: &app.region,
            domain_id: &app.domain_id,
            owner: &app.owner,
            instance_type: &app.instance_type,
        }
    }
}

/// An instance being built while sweeping one group.
struct Open {
    group: usize,
    /// Index of its first app (which also names the group).
    first: usize,
    start: f64,
    /// `None` = running at `now`.
    end: Option<f64>,
    /// Indices of its apps, in start order.
    apps: Vec<usize>,
    /// How many instances of the same group came before it.
    ordinal: u64,
}

/// Running (`None`) sorts after every end.
fn cmp_end(a: Option<f64>, b: Option<f64>) -> Ordering {
    match (a, b) {
        (Some(x), Some(y)) => x.total_cmp(&y),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    }
}

/// The app's end as seen at `now`: `None` if it still runs then (no end, an end after `now`, or
/// a NaN end); never before its start.
fn effective_end(app: &AppInterval, now: f64) -> Option<f64> {
    match app.end {
        Some(e) if e <= now => Some(e.max(app.start)),
        _ => None,
    }
}

/// Epoch seconds to whole milliseconds (saturating; NaN → 0).
fn millis(t: f64) -> i128 {
    i128::from((t * 1000.0).round() as i64)
}

fn micros_to_usd(micros: u128) -> f64 {
    micros as f64 / 1_000_000.0
}

/// Micro-dollars for `seconds` at `usd_per_hour`, rounded half up (see the module docs).
fn cost_micros(seconds: u64, usd_per_hour: f64) -> u128 {
    let nanos_per_hour = (usd_per_hour * 1e9).round() as u128;
    u128::from(seconds)
        .saturating_mul(nanos_per_hour)
        .saturating_add(1_800_000)
        / 3_600_000
}

fn close(
    apps: &[AppInterval],
    inst: Open,
    now: f64,
    hourly: Option<f64>,
    total_micros: &mut u128,
) -> Instance {
    let first = &apps[inst.first];
    let billed_to = inst.end.unwrap_or(now);
    let billed_ms = (millis(billed_to) - millis(inst.start)).max(0);
    let billed_seconds = u64::try_from(billed_ms / 1000).unwrap_or(u64::MAX);

    let cost_usd = hourly.map(|p| {
        let micros = cost_micros(billed_seconds, p);
        *total_micros = total_micros.saturating_add(micros);
        micros_to_usd(micros)
    });

    let (user_profile_name, space_name) = match &first.owner {
        AppOwner::UserProfile(name) => (Some(name.clone()), None),
        AppOwner::Space(name) => (None, Some(name.clone())),
    };
    Instance {
        instance_id: instance_id(first, inst.ordinal, inst.start),
        account_id: first.account_id.clone(),
        region: first.region.clone(),
        domain_id: first.domain_id.clone(),
        user_profile_name,
        space_name,
        instance_type: first.instance_type.clone(),
        apps: app_names(apps, &inst.apps),
        start_time: inst.start,
        end_time: inst.end,
        billed_seconds,
        hourly_price_usd: hourly,
        cost_usd,
    }
}

/// App names in start order, each once.
fn app_names(apps: &[AppInterval], indices: &[usize]) -> Vec<String> {
    let mut out: Vec<String> = Vec::with_capacity(indices.len());
    if indices.len() <= 16 {
        for &i in indices {
            let name = &apps[i].app_name;
            if !out.contains(name) {
                out.push(name.clone());
            }
        }
    } else {
        let mut seen: HashSet<&str> = HashSet::with_capacity(indices.len());
        for &i in indices {
            let name = apps[i].app_name.as_str();
            if seen.insert(name) {
                out.push(name.to_owned());
            }
        }
    }
    out
}

/// `i-0` + 16 hex digits, like an EC2 instance id; a stable function of the instance's identity.
fn instance_id(first: &AppInterval, ordinal: u64, start: f64) -> String {
    let (kind, owner) = match &first.owner {
        AppOwner::UserProfile(name) => (b"u", name),
        AppOwner::Space(name) => (b"s", name),
    };
    let mut h = Fnv1a::new();
    for field in [
        first.account_id.as_bytes(),
        first.region.as_bytes(),
        first.domain_id.as_bytes(),
        kind,
        owner.as_bytes(),
        first.instance_type.as_bytes(),
        &ordinal.to_le_bytes(),
        &start.to_bits().to_le_bytes(),
        first.app_name.as_bytes(),
    ] {
        h.field(field);
    }
    format!("i-0{:016x}", h.0)
}

/// The grouping map's hasher: unkeyed and word-at-a-time (the FxHash mix), several times
/// faster than SipHash on these short keys. Its output never leaves this module.
#[derive(Default)]
struct WordHasher(u64);

impl WordHasher {
    fn mix(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x517c_c1b7_2722_0a95);
    }
}

impl Hasher for WordHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            self.mix(u64::from_le_bytes(word));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut word = [0u8; 8];
            word[..rest.len()].copy_from_slice(rest);
            self.mix(u64::from_le_bytes(word));
        }
    }

    fn write_u8(&mut self, n: u8) {
        self.mix(u64::from(n));
    }

    fn write_usize(&mut self, n: usize) {
        self.mix(n as u64);
    }
}

/// 64-bit FNV-1a: tiny and fixed for ever, unlike `std`'s hasher whose output may change.
struct Fnv1a(u64);

impl Fnv1a {
    fn new() -> Self {
        Fnv1a(0xcbf2_9ce4_8422_2325)
    }

    fn bytes(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 ^= u64::from(b);
            self.0 = self.0.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }

    /// Length-prefixed, so that field boundaries cannot be confused.
    fn field(&mut self, bytes: &[u8]) {
        self.bytes(&(bytes.len() as u64).to_le_bytes());
        self.bytes(bytes);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const H: f64 = 3600.0;
    /// 2024-01-01T00:00:00Z, with a fraction, as a real clock would give.
    const T0: f64 = 1_704_067_200.123;

    fn app(owner: AppOwner, name: &str, itype: &str, start: f64, end: Option<f64>) -> AppInterval {
        AppInterval {
            account_id: "000000000000".into(),
            region: "us-east-1".into(),
            domain_id: "d-abcdefghijkl".into(),
            owner,
            app_name: name.into(),
            app_type: if itype == SYSTEM_INSTANCE_TYPE {
                "JupyterServer".into()
            } else {
                "KernelGateway".into()
            },
            instance_type: itype.into(),
            start,
            end,
        }
    }

    fn user(name: &str) -> AppOwner {
        AppOwner::UserProfile(name.into())
    }

    fn space(name: &str) -> AppOwner {
        AppOwner::Space(name.into())
    }

    /// Prices of the seed's region, independent of the fixture.
    fn seed_price(region: &str, itype: &str) -> Option<f64> {
        match (region, itype) {
            ("us-east-1", "ml.t3.medium") => Some(0.05),
            ("us-east-1", "ml.m5.large") => Some(0.115),
            ("eu-west-1", "ml.t3.medium") => Some(0.055),
            _ => None,
        }
    }

    fn seed_apps() -> Vec<AppInterval> {
        let end = Some(T0 + 3.0 * H);
        vec![
            app(user("alice"), "default", SYSTEM_INSTANCE_TYPE, T0, end),
            app(user("alice"), "notebook-1", "ml.t3.medium", T0, end),
            app(user("alice"), "notebook-2", "ml.t3.medium", T0 + H, end),
            app(
                user("alice"),
                "notebook-3",
                "ml.m5.large",
                T0 + 2.0 * H,
                end,
            ),
        ]
    }

    #[test]
    fn seed_example_is_exact() {
        let report = meter(&seed_apps(), T0 + 5.0 * H, seed_price);
        assert_eq!(report.instances.len(), 2);
        let t3 = &report.instances[0];
        assert_eq!(t3.instance_type, "ml.t3.medium");
        assert_eq!(t3.apps, ["notebook-1", "notebook-2"]);
        assert_eq!(t3.billed_seconds, 10_800);
        assert_eq!(t3.start_time, T0);
        assert_eq!(t3.end_time, Some(T0 + 3.0 * H));
        assert_eq!(t3.hourly_price_usd, Some(0.05));
        assert_eq!(t3.cost_usd, Some(0.15));
        assert_eq!(t3.user_profile_name.as_deref(), Some("alice"));
        assert_eq!(t3.space_name, None);
        let m5 = &report.instances[1];
        assert_eq!(m5.instance_type, "ml.m5.large");
        assert_eq!(m5.apps, ["notebook-3"]);
        assert_eq!(m5.billed_seconds, 3_600);
        assert_eq!(m5.cost_usd, Some(0.115));
        assert_eq!(report.total_cost_usd, 0.265);
        assert_eq!(report.currency, "USD");
        let json = serde_json::to_string(&report).expect("serialises");
        assert!(json.contains("\"TotalCostUsd\":0.265,"), "{json}");
        assert!(json.contains("\"CostUsd\":0.15}"), "{json}");
    }

    #[test]
    fn seed_example_with_the_fixture_prices() {
        let report = meter(&seed_apps(), T0 + 5.0 * H, crate::sim::prices::usd_per_hour);
        let costs: Vec<_> = report.instances.iter().map(|i| i.cost_usd).collect();
        assert_eq!(costs, [Some(0.15), Some(0.115)]);
        assert_eq!(report.total_cost_usd, 0.265);
    }

    #[test]
    fn json_shape_matches_the_contract() {
        let apps = [app(space("team"), "lab", "ml.g5.48xlarge", 0.0, None)];
        let report = meter(&apps, 90.5, seed_price);
        let v = serde_json::to_value(&report).expect("serialises");
        let inst = &v["Instances"][0];
        let mut keys: Vec<_> = inst.as_object().expect("object").keys().cloned().collect();
        keys.sort();
        assert_eq!(
            keys,
            [
                "AccountId",
                "Apps",
                "BilledSeconds",
                "CostUsd",
                "DomainId",
                "EndTime",
                "HourlyPriceUsd",
                "InstanceId",
                "InstanceType",
                "Region",
                "SpaceName",
                "StartTime",
                "UserProfileName"
            ]
        );
        assert!(inst["UserProfileName"].is_null());
        assert_eq!(inst["SpaceName"], "team");
        assert!(inst["EndTime"].is_null());
        assert!(inst["HourlyPriceUsd"].is_null());
        assert!(inst["CostUsd"].is_null());
        assert!(inst["BilledSeconds"].is_u64());
        assert_eq!(inst["BilledSeconds"], 90);
        assert_eq!(v["TotalCostUsd"], 0.0);
        assert_eq!(v["Currency"], "USD");
        // Instance round-trips.
        let back: Instance = serde_json::from_value(inst.clone()).expect("deserialises");
        assert_eq!(back, report.instances[0]);
    }

    #[test]
    fn two_users_on_one_type_are_two_instances() {
        let apps = [
            app(user("alice"), "a", "ml.t3.medium", T0, Some(T0 + H)),
            app(user("bob"), "b", "ml.t3.medium", T0 + 60.0, Some(T0 + H)),
        ];
        let r = meter(&apps, T0 + 2.0 * H, seed_price);
        assert_eq!(r.instances.len(), 2);
        assert_eq!(r.instances[0].user_profile_name.as_deref(), Some("alice"));
        assert_eq!(r.instances[0].billed_seconds, 3600);
        assert_eq!(r.instances[1].user_profile_name.as_deref(), Some("bob"));
        assert_eq!(r.instances[1].billed_seconds, 3540);
        assert_ne!(r.instances[0].instance_id, r.instances[1].instance_id);
        assert_eq!(r.instances[1].cost_usd, Some(0.049167));
        assert_eq!(r.total_cost_usd, 0.099167);
    }

    #[test]
    fn one_instance_per_space() {
        let apps = [
            app(space("s1"), "lab", "ml.t3.medium", T0, Some(T0 + H)),
            app(
                space("s1"),
                "lab-2",
                "ml.t3.medium",
                T0 + 10.0,
                Some(T0 + 2.0 * H),
            ),
            app(space("s2"), "lab", "ml.t3.medium", T0, None),
            // A user's app of the same type does not share a space's instance.
            app(user("s1"), "lab", "ml.t3.medium", T0, Some(T0 + H)),
        ];
        let r = meter(&apps, T0 + 3.0 * H, seed_price);
        assert_eq!(r.instances.len(), 3);
        let s1 = r
            .instances
            .iter()
            .find(|i| i.space_name.as_deref() == Some("s1"))
            .expect("s1");
        assert_eq!(s1.apps, ["lab", "lab-2"]);
        assert_eq!(s1.billed_seconds, 7200);
        assert_eq!(s1.user_profile_name, None);
        let s2 = r
            .instances
            .iter()
            .find(|i| i.space_name.as_deref() == Some("s2"))
            .expect("s2");
        assert_eq!(s2.end_time, None);
        assert_eq!(s2.billed_seconds, 10_800);
    }

    #[test]
    fn a_space_with_two_types_at_once_bills_each_type() {
        let apps = [
            app(space("s"), "kg-small", "ml.t3.medium", T0, Some(T0 + H)),
            app(space("s"), "kg-big", "ml.m5.large", T0, Some(T0 + H)),
        ];
        let r = meter(&apps, T0 + H, seed_price);
        assert_eq!(r.instances.len(), 2);
        assert_eq!(r.total_cost_usd, 0.165);
    }

    #[test]
    fn never_deleted_app_bills_until_now() {
        let apps = [app(user("u"), "nb", "ml.t3.medium", T0, None)];
        let at_1h = meter(&apps, T0 + H, seed_price);
        let at_10h = meter(&apps, T0 + 10.0 * H + 0.999, seed_price);
        assert_eq!(at_1h.instances[0].billed_seconds, 3600);
        assert_eq!(at_1h.instances[0].end_time, None);
        assert_eq!(at_10h.instances[0].billed_seconds, 36_000);
        assert_eq!(at_10h.instances[0].cost_usd, Some(0.5));
        // The id does not change as time passes.
        assert_eq!(
            at_1h.instances[0].instance_id,
            at_10h.instances[0].instance_id
        );
        // One running app keeps the instance running even when the others end.
        let apps = [
            app(user("u"), "nb", "ml.t3.medium", T0, None),
            app(user("u"), "nb2", "ml.t3.medium", T0 + 1.0, Some(T0 + 5.0)),
        ];
        let r = meter(&apps, T0 + 100.0, seed_price);
        assert_eq!(r.instances.len(), 1);
        assert_eq!(r.instances[0].end_time, None);
        assert_eq!(r.instances[0].billed_seconds, 100);
    }

    #[test]
    fn snapshot_at_now() {
        let apps = [
            app(user("u"), "late", "ml.t3.medium", T0 + 10.0, None),
            app(user("v"), "ending", "ml.t3.medium", T0, Some(T0 + 50.0)),
        ];
        let r = meter(&apps, T0 + 5.0, seed_price);
        assert_eq!(r.instances.len(), 1, "the app of T0+10 does not exist yet");
        assert_eq!(
            r.instances[0].end_time, None,
            "ends later than now: running"
        );
        assert_eq!(r.instances[0].billed_seconds, 5);
    }

    #[test]
    fn jupyter_server_on_system_is_free() {
        let apps = [app(user("u"), "default", SYSTEM_INSTANCE_TYPE, T0, None)];
        let r = meter(&apps, T0 + 100.0 * H, seed_price);
        assert!(r.instances.is_empty());
        assert_eq!(r.total_cost_usd, 0.0);
    }

    #[test]
    fn unpriced_type_is_null_and_out_of_the_total() {
        let apps = [
            app(user("u"), "a", "ml.t3.medium", T0, Some(T0 + H)),
            app(user("u"), "b", "ml.p5.48xlarge", T0, Some(T0 + H)),
        ];
        let r = meter(&apps, T0 + H, seed_price);
        let p5 = r
            .instances
            .iter()
            .find(|i| i.instance_type == "ml.p5.48xlarge")
            .expect("p5");
        assert_eq!(p5.billed_seconds, 3600);
        assert_eq!(p5.hourly_price_usd, None);
        assert_eq!(p5.cost_usd, None);
        assert_eq!(r.total_cost_usd, 0.05);
    }

    #[test]
    fn gap_between_apps_makes_two_instances() {
        let apps = [
            app(user("u"), "a", "ml.t3.medium", T0, Some(T0 + H)),
            app(
                user("u"),
                "b",
                "ml.t3.medium",
                T0 + 2.0 * H,
                Some(T0 + 3.0 * H),
            ),
            // Starting exactly when the instance ends is a new instance too.
            app(
                user("u"),
                "c",
                "ml.t3.medium",
                T0 + 3.0 * H,
                Some(T0 + 4.0 * H),
            ),
        ];
        let r = meter(&apps, T0 + 5.0 * H, seed_price);
        assert_eq!(r.instances.len(), 3);
        let ids: HashSet<_> = r.instances.iter().map(|i| &i.instance_id).collect();
        assert_eq!(ids.len(), 3);
        assert!(r.instances.iter().all(|i| i.billed_seconds == 3600));
        assert_eq!(r.instances[1].apps, ["b"]);
        assert_eq!(r.total_cost_usd, 0.15);
    }

    #[test]
    fn overlapping_chain_is_one_instance_to_the_latest_end() {
        let apps = [
            app(user("u"), "a", "ml.t3.medium", T0, Some(T0 + 10.0 * H)),
            app(user("u"), "b", "ml.t3.medium", T0 + H, Some(T0 + 2.0 * H)),
            app(
                user("u"),
                "c",
                "ml.t3.medium",
                T0 + 9.0 * H,
                Some(T0 + 11.0 * H),
            ),
        ];
        let r = meter(&apps, T0 + 12.0 * H, seed_price);
        assert_eq!(r.instances.len(), 1);
        assert_eq!(r.instances[0].end_time, Some(T0 + 11.0 * H));
        assert_eq!(r.instances[0].billed_seconds, 39_600);
    }

    #[test]
    fn regions_accounts_and_domains_are_separate() {
        let mut eu = app(user("u"), "a", "ml.t3.medium", T0, Some(T0 + H));
        eu.region = "eu-west-1".into();
        let mut other_account = app(user("u"), "a", "ml.t3.medium", T0, Some(T0 + H));
        other_account.account_id = "111111111111".into();
        let mut other_domain = app(user("u"), "a", "ml.t3.medium", T0, Some(T0 + H));
        other_domain.domain_id = "d-zzzzzzzzzzzz".into();
        let us = app(user("u"), "a", "ml.t3.medium", T0, Some(T0 + H));
        let r = meter(&[eu, us, other_account, other_domain], T0 + H, seed_price);
        assert_eq!(r.instances.len(), 4);
        let eu = r
            .instances
            .iter()
            .find(|i| i.region == "eu-west-1")
            .expect("eu");
        assert_eq!(eu.cost_usd, Some(0.055));
        assert_eq!(r.total_cost_usd, 0.205);
        let ids: HashSet<_> = r.instances.iter().map(|i| &i.instance_id).collect();
        assert_eq!(ids.len(), 4);
    }

    #[test]
    fn ids_and_order_are_deterministic() {
        let apps = seed_apps();
        let a = meter(&apps, T0 + 5.0 * H, seed_price);
        let mut reversed = apps.clone();
        reversed.reverse();
        let b = meter(&reversed, T0 + 5.0 * H, seed_price);
        assert_eq!(a, b);
        for i in &a.instances {
            assert!(i.instance_id.starts_with("i-0"));
            assert_eq!(i.instance_id.len(), 19);
            assert!(i.instance_id[2..].bytes().all(|c| c.is_ascii_hexdigit()));
        }
        // Pinned: ids must not change between builds or Rust versions.
        let one = meter(
            &[app(user("alice"), "nb", "ml.t3.medium", 0.0, None)],
            1.0,
            seed_price,
        );
        assert_eq!(one.instances[0].instance_id, "i-01222e457df5d08bd");
        assert_eq!(
            format!("{:016x}", {
                let mut h = Fnv1a::new();
                h.bytes(b"a");
                h.0
            }),
            "af63dc4c8601ec8c"
        );
    }

    #[test]
    fn duplicate_app_names_are_listed_once() {
        let apps = [
            app(user("u"), "nb", "ml.t3.medium", T0, Some(T0 + 10.0)),
            app(
                user("u"),
                "keep",
                "ml.t3.medium",
                T0 + 1.0,
                Some(T0 + 100.0),
            ),
            app(user("u"), "nb", "ml.t3.medium", T0 + 20.0, Some(T0 + 30.0)),
        ];
        let r = meter(&apps, T0 + 200.0, seed_price);
        assert_eq!(r.instances[0].apps, ["nb", "keep"]);
        let many: Vec<_> = (0..40)
            .map(|k| {
                let name = format!("nb{}", k % 20);
                app(user("u"), &name, "ml.t3.medium", T0 + k as f64, None)
            })
            .collect();
        let r = meter(&many, T0 + 100.0, seed_price);
        assert_eq!(r.instances.len(), 1);
        assert_eq!(r.instances[0].apps.len(), 20);
        assert_eq!(r.instances[0].apps[0], "nb0");
    }

    #[test]
    fn rounding() {
        // Float error in epoch arithmetic does not lose a second.
        let start = 1_704_067_200.7;
        let apps = [app(
            user("u"),
            "a",
            "ml.t3.medium",
            start,
            Some(start + 10_800.0),
        )];
        assert_eq!(
            meter(&apps, start + H * 9.0, seed_price).instances[0].billed_seconds,
            10_800
        );
        // Partial seconds are truncated; no minimum.
        let apps = [app(user("u"), "a", "ml.t3.medium", 0.0, Some(0.999))];
        let r = meter(&apps, 10.0, seed_price);
        assert_eq!(r.instances[0].billed_seconds, 0);
        assert_eq!(r.instances[0].cost_usd, Some(0.0));
        // Half a micro-dollar rounds up: 1 s at $0.0018/h = 0.5 µ$.
        assert_eq!(cost_micros(1, 0.0018), 1);
        assert_eq!(cost_micros(1, 0.0017), 0);
        assert_eq!(cost_micros(3600, 0.8218), 821_800);
        // A sum of many lines stays an exact 6-decimal figure.
        let apps: Vec<_> = (0..1000)
            .map(|k| app(user(&format!("u{k}")), "a", "ml.m5.large", 0.0, Some(1.0)))
            .collect();
        let r = meter(&apps, 1.0, seed_price);
        assert_eq!(r.instances[0].cost_usd, Some(0.000032));
        assert_eq!(r.total_cost_usd, 0.032);
    }

    #[test]
    fn garbage_never_panics() {
        let weird = [
            f64::NAN,
            f64::INFINITY,
            f64::NEG_INFINITY,
            -1e300,
            1e300,
            -0.0,
            0.0,
        ];
        let mut apps = Vec::new();
        for (k, &s) in weird.iter().enumerate() {
            for &e in &weird {
                apps.push(app(user("u"), &format!("a{k}"), "ml.t3.medium", s, Some(e)));
                apps.push(app(space(""), "", "", s, None));
            }
        }
        let prices = [f64::NAN, f64::INFINITY, -1.0, 1e300, 0.0];
        for &now in &weird {
            for &p in &prices {
                let r = meter(&apps, now, |_, _| Some(p));
                assert!(r.total_cost_usd.is_finite());
                for i in &r.instances {
                    assert!(i.cost_usd.is_none_or(f64::is_finite));
                }
                let _ = serde_json::to_string(&r).expect("serialises");
            }
        }
        let r = meter(&[], 0.0, seed_price);
        assert!(r.instances.is_empty());
        // End before start bills 0 s.
        let apps = [app(user("u"), "a", "ml.t3.medium", 100.0, Some(50.0))];
        let r = meter(&apps, 200.0, seed_price);
        assert_eq!(r.instances[0].billed_seconds, 0);
        assert_eq!(r.instances[0].end_time, Some(100.0));
    }

    #[test]
    fn ten_thousand_apps_are_quick_enough_in_debug() {
        let apps: Vec<_> = (0..10_000)
            .map(|k| {
                let owner = if k % 5 == 0 {
                    space(&format!("s{}", k % 50))
                } else {
                    user(&format!("u{}", k % 200))
                };
                let itype = ["ml.t3.medium", "ml.m5.large", SYSTEM_INSTANCE_TYPE][k % 3];
                let start = T0 + (k * 7) as f64;
                let end = (k % 4 != 0).then_some(start + (k % 13) as f64 * 600.0);
                app(owner, &format!("app-{k}"), itype, start, end)
            })
            .collect();
        let r = meter(&apps, T0 + 100_000.0, seed_price);
        assert!(!r.instances.is_empty());
        let apps_listed: usize = r.instances.iter().map(|i| i.apps.len()).sum();
        assert!(apps_listed <= 10_000);
    }
}
