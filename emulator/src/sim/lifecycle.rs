//! Statuses derived from timestamps: a resource records when its current transition started and how
//! long it takes (the delay profile); its status is computed when read from the clock's `now`.
//! Nothing polls in the background, so a manual clock makes every transition deterministic
//! (the pattern of moto's `ManagedState`, as a pure function).
//!
//! Also the delay profiles of docs/contract.md §1 (`--delays instant|fast|realistic`, `--delay KIND=DUR`).

use std::collections::BTreeMap;
use std::fmt;
use std::str::FromStr;
use std::time::Duration;

use crate::sim::clock::Timestamp;

/// A transition whose duration the delay profile sets.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Transition {
    DomainCreate,
    DomainUpdate,
    DomainDelete,
    UserProfileCreate,
    UserProfileUpdate,
    UserProfileDelete,
    SpaceCreate,
    SpaceUpdate,
    SpaceDelete,
    AppCreate,
    AppDelete,
    ImageCreate,
    ImageUpdate,
    ImageDelete,
    ImageVersionCreate,
    ImageVersionDelete,
}

impl Transition {
    /// Every transition, in the order `--help` lists them.
    pub const ALL: [Transition; 16] = [
        Transition::DomainCreate,
        Transition::DomainUpdate,
        Transition::DomainDelete,
        Transition::UserProfileCreate,
        Transition::UserProfileUpdate,
        Transition::UserProfileDelete,
        Transition::SpaceCreate,
        Transition::SpaceUpdate,
        Transition::SpaceDelete,
        Transition::AppCreate,
        Transition::AppDelete,
        Transition::ImageCreate,
        Transition::ImageUpdate,
        Transition::ImageDelete,
        Transition::ImageVersionCreate,
        Transition::ImageVersionDelete,
    ];

    /// The name used by `--delay KIND=DURATION`, e.g. `domain.create`.
    pub fn name(self) -> &'static str {
        match self {
            Transition::DomainCreate => "domain.create",
            Transition::DomainUpdate => "domain.update",
            Transition::DomainDelete => "domain.delete",
            Transition::UserProfileCreate => "user_profile.create",
            Transition::UserProfileUpdate => "user_profile.update",
            Transition::UserProfileDelete => "user_profile.delete",
            Transition::SpaceCreate => "space.create",
            Transition::SpaceUpdate => "space.update",
            Transition::SpaceDelete => "space.delete",
            Transition::AppCreate => "app.create",
            Transition::AppDelete => "app.delete",
            Transition::ImageCreate => "image.create",
            Transition::ImageUpdate => "image.update",
            Transition::ImageDelete => "image.delete",
            Transition::ImageVersionCreate => "image_version.create",
            Transition::ImageVersionDelete => "image_version.delete",
        }
    }

    /// How long this transition takes on AWS, as seen and reported. Sources:
    /// - the Studio onboarding walk-through the project started from (a Japanese blog post on
    ///   Quick setup): after "Submit", Studio "initialises; wait a few minutes" (数分待つ) for
    ///   the domain;
    /// - Terraform's acceptance tests take 4 to 8 minutes per Studio resource;
    /// - Terraform's aws provider waiters (internal/service/sagemaker/wait.go): domain InService
    ///   and deletion waited for up to 10/20 minutes, user profiles and apps 10 minutes; polled
    ///   every ~30 s, which is why profiles and spaces typically settle in about a minute;
    /// - the Studio Classic UI's "Starting kernel… this may take a few minutes": KernelGateway apps
    ///   start in 2 to 5 minutes.
    ///
    /// The figures below are mid-range of those reports, not guarantees.
    fn realistic(self) -> Duration {
        let secs = match self {
            Transition::DomainCreate => 300,
            Transition::DomainUpdate => 60,
            Transition::DomainDelete => 240,
            Transition::UserProfileCreate => 30,
            Transition::UserProfileUpdate => 30,
            Transition::UserProfileDelete => 30,
            Transition::SpaceCreate => 30,
            Transition::SpaceUpdate => 30,
            Transition::SpaceDelete => 30,
            Transition::AppCreate => 180,
            Transition::AppDelete => 60,
            // Images only register metadata: seconds. A version copies the base image into
            // SageMaker's registry, which takes about a minute for a typical kernel image.
            Transition::ImageCreate => 5,
            Transition::ImageUpdate => 5,
            Transition::ImageDelete => 5,
            Transition::ImageVersionCreate => 60,
            Transition::ImageVersionDelete => 10,
        };
        Duration::from_secs(secs)
    }
}

impl fmt::Display for Transition {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Transition {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Transition::ALL
            .into_iter()
            .find(|t| t.name() == s)
            .ok_or_else(|| {
                let names: Vec<&str> = Transition::ALL.iter().map(|t| t.name()).collect();
                format!(
                    "unknown transition '{s}': expected one of {}",
                    names.join(", ")
                )
            })
    }
}

/// A named set of transition durations (`--delays`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DelayPreset {
    /// Every transition is immediate.
    Instant,
    /// Every transition takes one second.
    Fast,
    /// Durations seen on AWS (see [`Transition::realistic`]).
    Realistic,
}

impl FromStr for DelayPreset {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "instant" => Ok(DelayPreset::Instant),
            "fast" => Ok(DelayPreset::Fast),
            "realistic" => Ok(DelayPreset::Realistic),
            other => Err(format!(
                "unknown delay profile '{other}': expected instant, fast or realistic"
            )),
        }
    }
}

/// The duration of each transition: a preset plus `--delay` overrides.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DelayProfile {
    preset: DelayPreset,
    overrides: BTreeMap<Transition, Duration>,
}

impl DelayProfile {
    /// A profile from a preset with no overrides.
    pub fn new(preset: DelayPreset) -> Self {
        DelayProfile {
            preset,
            overrides: BTreeMap::new(),
        }
    }

    /// Overrides one transition's duration.
    pub fn with(mut self, transition: Transition, duration: Duration) -> Self {
        self.overrides.insert(transition, duration);
        self
    }

    /// The duration of `transition`.
    pub fn delay(&self, transition: Transition) -> Duration {
        if let Some(d) = self.overrides.get(&transition) {
            return *d;
        }
        match self.preset {
            DelayPreset::Instant => Duration::ZERO,
            DelayPreset::Fast => Duration::from_secs(1),
            DelayPreset::Realistic => transition.realistic(),
        }
    }
}

impl Default for DelayProfile {
    fn default() -> Self {
        DelayProfile::new(DelayPreset::Fast)
    }
}

/// Parses `KIND=DURATION` of `--delay` (`domain.create=90s`, `app.create=2m`, `space.delete=500ms`,
/// a bare number is seconds).
pub fn parse_delay_override(s: &str) -> Result<(Transition, Duration), String> {
    let (kind, value) = s
        .split_once('=')
        .ok_or_else(|| format!("'{s}': expected KIND=DURATION, e.g. domain.create=90s"))?;
    let transition: Transition = kind.trim().parse()?;
    Ok((transition, parse_duration(value.trim())?))
}

/// Parses `90s`, `2m`, `1h`, `500ms` or a bare number of seconds.
pub fn parse_duration(s: &str) -> Result<Duration, String> {
    let bad =
        || format!("'{s}': expected a duration like 90s, 2m, 1h, 500ms or a number of seconds");
    let (number, unit_millis) = if let Some(n) = s.strip_suffix("ms") {
        (n, 1.0)
    } else if let Some(n) = s.strip_suffix('s') {
        (n, 1000.0)
    } else if let Some(n) = s.strip_suffix('m') {
        (n, 60_000.0)
    } else if let Some(n) = s.strip_suffix('h') {
        (n, 3_600_000.0)
    } else {
        (s, 1000.0)
    };
    let value: f64 = number.trim().parse().map_err(|_| bad())?;
    if !value.is_finite() || value < 0.0 {
        return Err(bad());
    }
    Ok(Duration::from_millis((value * unit_millis).round() as u64))
}

/// The status a Studio resource reports (domain, user profile, space: `Pending`, `InService`,
/// `Updating`, `Deleting`, `Failed`, `Update_Failed`, `Delete_Failed`; apps: `Pending`,
/// `InService`, `Deleting`, `Deleted`, `Failed`). Images map these onto their own words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    Pending,
    InService,
    Updating,
    Deleting,
    /// Apps only: deletion finished; the app stays visible.
    Deleted,
    /// Domains, profiles, spaces: deletion finished; the resource is gone (ResourceNotFound).
    Gone,
    /// The creation failed (`FailureReason` says why).
    Failed,
    /// The update failed; the resource keeps working with what it had.
    UpdateFailed,
    /// The deletion failed; the resource is still there (apps report `Failed`).
    DeleteFailed,
}

impl Status {
    /// The wire value of the domain, user profile and space enums (apps map `DeleteFailed` to
    /// `Failed`, see `resources::app`).
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Pending => "Pending",
            Status::InService => "InService",
            Status::Updating => "Updating",
            Status::Deleting => "Deleting",
            Status::Deleted | Status::Gone => "Deleted",
            Status::Failed => "Failed",
            Status::UpdateFailed => "Update_Failed",
            Status::DeleteFailed => "Delete_Failed",
        }
    }

    /// Whether a transition is in progress (`Pending`, `Updating`, `Deleting`).
    pub fn in_transition(self) -> bool {
        matches!(self, Status::Pending | Status::Updating | Status::Deleting)
    }

    /// Whether this is one of the failed states.
    pub fn is_failed(self) -> bool {
        matches!(
            self,
            Status::Failed | Status::UpdateFailed | Status::DeleteFailed
        )
    }
}

/// Where a resource is in its life: the transition in progress and when it ends, and whether it
/// ends in the failed state (a test asked for it: fault `FailureReason`, or a failing lifecycle
/// configuration).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Phase {
    /// Created; `Pending` until `ready_at`, then `InService` (or `Failed`).
    Creating { ready_at: Timestamp, fails: bool },
    /// Updated; `Updating` until `ready_at`, then `InService` (or `Update_Failed`).
    Updating { ready_at: Timestamp, fails: bool },
    /// Deleted; `Deleting` until `done_at`, then `Deleted`/gone (or `Delete_Failed`).
    Deleting { done_at: Timestamp, fails: bool },
}

impl Phase {
    /// The status at `now`. `gone` is the status a finished deletion shows (`Deleted` for apps,
    /// `Gone` for everything else).
    pub fn status(self, now: Timestamp, gone: Status) -> Status {
        match self {
            Phase::Creating { ready_at, .. } if now < ready_at => Status::Pending,
            Phase::Updating { ready_at, .. } if now < ready_at => Status::Updating,
            Phase::Deleting { done_at, .. } if now < done_at => Status::Deleting,
            Phase::Creating { fails: true, .. } => Status::Failed,
            Phase::Updating { fails: true, .. } => Status::UpdateFailed,
            Phase::Deleting { fails: true, .. } => Status::DeleteFailed,
            Phase::Creating { .. } | Phase::Updating { .. } => Status::InService,
            Phase::Deleting { .. } => gone,
        }
    }

    /// When the current transition finished, if it has by `now` (it moves `LastModifiedTime`).
    pub fn finished_at(self, now: Timestamp) -> Option<Timestamp> {
        match self {
            Phase::Creating { ready_at, .. } | Phase::Updating { ready_at, .. }
                if ready_at <= now =>
            {
                Some(ready_at)
            }
            Phase::Deleting { done_at, .. } if done_at <= now => Some(done_at),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn creating_is_pending_until_ready_then_in_service() {
        let phase = Phase::Creating {
            ready_at: Timestamp(10_000),
            fails: false,
        };
        assert_eq!(
            phase.status(Timestamp(9_999), Status::Gone),
            Status::Pending
        );
        assert_eq!(
            phase.status(Timestamp(10_000), Status::Gone),
            Status::InService
        );
    }

    #[test]
    fn deleting_app_ends_deleted_and_other_resources_gone() {
        let phase = Phase::Deleting {
            done_at: Timestamp(5),
            fails: false,
        };
        assert_eq!(
            phase.status(Timestamp(4), Status::Deleted),
            Status::Deleting
        );
        assert_eq!(phase.status(Timestamp(5), Status::Deleted), Status::Deleted);
        assert_eq!(phase.status(Timestamp(5), Status::Gone), Status::Gone);
    }

    #[test]
    fn a_failing_transition_shows_its_failed_state_once_it_ends() {
        let at = |ms| Timestamp(ms);
        let creating = Phase::Creating {
            ready_at: at(10),
            fails: true,
        };
        assert_eq!(creating.status(at(9), Status::Gone), Status::Pending);
        assert_eq!(creating.status(at(10), Status::Gone), Status::Failed);
        let updating = Phase::Updating {
            ready_at: at(10),
            fails: true,
        };
        assert_eq!(updating.status(at(9), Status::Gone), Status::Updating);
        assert_eq!(updating.status(at(10), Status::Gone), Status::UpdateFailed);
        let deleting = Phase::Deleting {
            done_at: at(10),
            fails: true,
        };
        assert_eq!(deleting.status(at(9), Status::Deleted), Status::Deleting);
        assert_eq!(
            deleting.status(at(10), Status::Deleted),
            Status::DeleteFailed
        );
        assert_eq!(Status::UpdateFailed.as_str(), "Update_Failed");
        assert_eq!(Status::DeleteFailed.as_str(), "Delete_Failed");
    }

    #[test]
    fn presets_and_overrides() {
        let profile = DelayProfile::new(DelayPreset::Fast)
            .with(Transition::DomainCreate, Duration::from_secs(90));
        assert_eq!(
            profile.delay(Transition::DomainCreate),
            Duration::from_secs(90)
        );
        assert_eq!(profile.delay(Transition::AppCreate), Duration::from_secs(1));
        let instant = DelayProfile::new(DelayPreset::Instant);
        assert_eq!(instant.delay(Transition::DomainDelete), Duration::ZERO);
        let realistic = DelayProfile::new(DelayPreset::Realistic);
        assert!(realistic.delay(Transition::DomainCreate) >= Duration::from_secs(60));
    }

    #[test]
    fn delay_overrides_parse_with_units() {
        assert_eq!(
            parse_delay_override("domain.create=90s").unwrap(),
            (Transition::DomainCreate, Duration::from_secs(90))
        );
        assert_eq!(
            parse_delay_override("app.create=2m").unwrap().1,
            Duration::from_secs(120)
        );
        assert_eq!(
            parse_delay_override("app.delete=250ms").unwrap().1,
            Duration::from_millis(250)
        );
        assert_eq!(
            parse_delay_override("space.update=3").unwrap().1,
            Duration::from_secs(3)
        );
        assert!(parse_delay_override("domain.explode=1s").is_err());
        assert!(parse_delay_override("domain.create").is_err());
        assert!(parse_delay_override("domain.create=-1s").is_err());
        assert!(parse_delay_override("domain.create=soon").is_err());
    }
}
