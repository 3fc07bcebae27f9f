//! Service quotas: the account-level limits AWS applies to Studio resources, refused with AWS's
//! `ResourceLimitExceeded` text. A quota is configuration, not state: it is set per run
//! (`--quota NAME=LIMIT`, `--quotas PRESET`) or through the admin API (`/_emulator/quotas`), kept
//! across a reset, and not journaled; replaying a journal ignores quotas (every journaled call was
//! accepted when it was made).
//!
//! Names (what `--quota` takes; each counts within one account and region, as AWS's do), with the
//! quota's name in AWS Service Quotas that the refusal quotes:
//! - `domains`: domains, a failed one included ("Total domains");
//! - `user-profiles`: user profiles ("Maximum number of Studio user profiles allowed per
//!   account");
//! - `spaces`: spaces ("Maximum number of Studio spaces allowed per account");
//! - `apps:APPTYPE:INSTANCETYPE`: apps of that type running (`Pending` or `InService`) on that
//!   instance type ("Studio KernelGateway Apps running on ml.g5.48xlarge instance", "Studio
//!   JupyterLab Apps running on ml.p3.2xlarge instances"), e.g.
//!   `apps:KernelGateway:ml.g5.48xlarge`; `*` as the instance type covers every type that has no
//!   limit of its own (`apps:JupyterLab:*`).
//!
//! The default is no limit at all: AWS publishes no table of a new account's defaults (they
//! differ per account and change over time), and a limit a test did not ask for would only
//! surprise it. See docs/fidelity.md for the sources.

use std::collections::BTreeMap;
use std::fmt;
use std::str::FromStr;
use std::sync::{Arc, RwLock};

use crate::error::ApiError;

/// One quota's name.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum QuotaName {
    /// Domains per account and region.
    Domains,
    /// User profiles per account and region.
    UserProfiles,
    /// Spaces per account and region.
    Spaces,
    /// Running apps of one type on one instance type (`None`: every type without its own limit).
    Apps {
        app_type: String,
        instance_type: Option<String>,
    },
}

impl fmt::Display for QuotaName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            QuotaName::Domains => f.write_str("domains"),
            QuotaName::UserProfiles => f.write_str("user-profiles"),
            QuotaName::Spaces => f.write_str("spaces"),
            QuotaName::Apps {
                app_type,
                instance_type,
            } => write!(
                f,
                "apps:{app_type}:{}",
                instance_type.as_deref().unwrap_or("*")
            ),
        }
    }
}

impl FromStr for QuotaName {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "domains" => return Ok(QuotaName::Domains),
            "user-profiles" => return Ok(QuotaName::UserProfiles),
            "spaces" => return Ok(QuotaName::Spaces),
            _ => {}
        }
        let bad = || {
            format!(
                "unknown quota '{s}': expected domains, user-profiles, spaces or apps:APPTYPE:INSTANCETYPE (e.g. apps:KernelGateway:ml.g5.48xlarge, apps:JupyterLab:*)"
            )
        };
        let mut parts = s.splitn(3, ':');
        match (parts.next(), parts.next(), parts.next()) {
            (Some("apps"), Some(app_type), Some(instance_type))
                if crate::model::enum_values("AppType")
                    .is_some_and(|types| types.iter().any(|t| t == app_type))
                    && (instance_type == "*"
                        || crate::model::enum_values("AppInstanceType")
                            .is_some_and(|types| types.iter().any(|t| t == instance_type))) =>
            {
                Ok(QuotaName::Apps {
                    app_type: app_type.to_string(),
                    instance_type: (instance_type != "*").then(|| instance_type.to_string()),
                })
            }
            _ => Err(bad()),
        }
    }
}

impl QuotaName {
    /// The quota's name in AWS Service Quotas, as `ResourceLimitExceeded` quotes it, and the unit.
    fn aws_name(&self, instance_type: Option<&str>) -> (String, &'static str) {
        match self {
            QuotaName::Domains => ("Total domains".into(), "Domains"),
            QuotaName::UserProfiles => (
                "Maximum number of Studio user profiles allowed per account".into(),
                "UserProfiles",
            ),
            QuotaName::Spaces => (
                "Maximum number of Studio spaces allowed per account".into(),
                "Spaces",
            ),
            QuotaName::Apps {
                app_type,
                instance_type: own,
            } => {
                let instance = own.as_deref().or(instance_type).unwrap_or("*");
                // Service Quotas names the space apps' quotas in the plural ("instances"), the
                // Studio Classic ones in the singular.
                let name = match app_type.as_str() {
                    "JupyterLab" | "CodeEditor" => {
                        format!("Studio {app_type} Apps running on {instance} instances")
                    }
                    "KernelGateway" => {
                        format!("Studio KernelGateway Apps running on {instance} instance")
                    }
                    _ => format!("{app_type} Apps running on {instance} instance"),
                };
                (name, "Apps")
            }
        }
    }
}

/// Parses `NAME=LIMIT` of `--quota`.
pub fn parse_quota(s: &str) -> Result<(QuotaName, u64), String> {
    let (name, limit) = s.split_once('=').ok_or_else(|| {
        format!("'{s}': expected NAME=LIMIT, e.g. apps:KernelGateway:ml.g5.48xlarge=0")
    })?;
    let limit = limit
        .trim()
        .parse::<u64>()
        .map_err(|_| format!("'{s}': the limit must be a whole number ≥ 0"))?;
    Ok((name.trim().parse()?, limit))
}

/// A set of limits (absent: no limit).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct QuotaLimits {
    limits: BTreeMap<QuotaName, u64>,
}

impl QuotaLimits {
    /// No limits.
    pub fn unlimited() -> Self {
        Self::default()
    }

    /// Sets one limit.
    pub fn set(&mut self, name: QuotaName, limit: u64) {
        self.limits.insert(name, limit);
    }

    /// Every limit set, by name.
    pub fn iter(&self) -> impl Iterator<Item = (&QuotaName, u64)> {
        self.limits.iter().map(|(name, limit)| (name, *limit))
    }

    /// The limit on running apps of `app_type` on `instance_type`: its own, else the type's `*`.
    fn app_limit(&self, app_type: &str, instance_type: &str) -> Option<(&QuotaName, u64)> {
        let own = QuotaName::Apps {
            app_type: app_type.into(),
            instance_type: Some(instance_type.into()),
        };
        let any = QuotaName::Apps {
            app_type: app_type.into(),
            instance_type: None,
        };
        self.limits
            .get_key_value(&own)
            .or_else(|| self.limits.get_key_value(&any))
            .map(|(name, limit)| (name, *limit))
    }

    /// Refuses one more of `name` when `current` already reach its limit.
    pub fn check(&self, name: &QuotaName, current: u64) -> Result<(), ApiError> {
        match self.limits.get(name) {
            Some(limit) if current >= *limit => Err(exceeded(name, None, *limit, current)),
            _ => Ok(()),
        }
    }

    /// Like [`QuotaLimits::check_app`], counting the running apps only when a limit applies
    /// (counting walks the partition's apps).
    pub fn check_app_with(
        &self,
        app_type: &str,
        instance_type: &str,
        count: impl FnOnce() -> u64,
    ) -> Result<(), ApiError> {
        match self.app_limit(app_type, instance_type) {
            Some(_) => self.check_app(app_type, instance_type, count()),
            None => Ok(()),
        }
    }

    /// Refuses one more running app of `app_type` on `instance_type` when `current` already
    /// reach its limit.
    pub fn check_app(
        &self,
        app_type: &str,
        instance_type: &str,
        current: u64,
    ) -> Result<(), ApiError> {
        match self.app_limit(app_type, instance_type) {
            Some((name, limit)) if current >= limit => {
                Err(exceeded(name, Some(instance_type), limit, current))
            }
            _ => Ok(()),
        }
    }
}

/// AWS's text for a refused request over a quota (a request delta of 1: every Create adds one).
fn exceeded(name: &QuotaName, instance_type: Option<&str>, limit: u64, current: u64) -> ApiError {
    let (aws_name, unit) = name.aws_name(instance_type);
    ApiError::ResourceLimitExceeded(format!(
        "The account-level service limit '{aws_name}' is {limit} {unit}, with current utilization of {current} {unit} and a request delta of 1 {unit}. Please use AWS Service Quotas to request an increase for this quota. If AWS Service Quotas is not available, contact AWS support to request an increase for this quota."
    ))
}

/// The quotas of a running server, shared by its clones and changed by the admin API.
#[derive(Debug, Clone, Default)]
pub struct Quotas {
    current: Arc<RwLock<Arc<QuotaLimits>>>,
}

impl Quotas {
    /// Quotas starting at `limits`.
    pub fn new(limits: QuotaLimits) -> Self {
        Quotas {
            current: Arc::new(RwLock::new(Arc::new(limits))),
        }
    }

    /// The limits in force now (a cheap handle: a call keeps the limits it started with).
    pub fn current(&self) -> Arc<QuotaLimits> {
        Arc::clone(
            &self
                .current
                .read()
                .unwrap_or_else(|poisoned| poisoned.into_inner()),
        )
    }

    /// Replaces every limit.
    pub fn replace(&self, limits: QuotaLimits) {
        *self
            .current
            .write()
            .unwrap_or_else(|poisoned| poisoned.into_inner()) = Arc::new(limits);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_parse_and_print_back() {
        for name in [
            "domains",
            "user-profiles",
            "spaces",
            "apps:KernelGateway:ml.g5.48xlarge",
            "apps:JupyterLab:*",
        ] {
            assert_eq!(name.parse::<QuotaName>().unwrap().to_string(), name);
        }
        for bad in [
            "",
            "apps",
            "apps:KernelGateway",
            "apps:Notebook:ml.t3.medium",
            "apps:KernelGateway:ml.t3.huge",
            "domain",
        ] {
            assert!(bad.parse::<QuotaName>().is_err(), "{bad}");
        }
        assert_eq!(
            parse_quota("apps:KernelGateway:ml.m5.large=0").unwrap().1,
            0
        );
        assert!(parse_quota("domains=-1").is_err());
        assert!(parse_quota("domains").is_err());
    }

    #[test]
    fn a_refusal_quotes_aws_words_with_limit_and_utilization() {
        let mut limits = QuotaLimits::unlimited();
        limits.set("apps:KernelGateway:ml.m5.12xlarge".parse().unwrap(), 0);
        let error = limits
            .check_app("KernelGateway", "ml.m5.12xlarge", 0)
            .unwrap_err();
        assert_eq!(error.code(), "ResourceLimitExceeded");
        assert!(error.message().starts_with(
            "The account-level service limit 'Studio KernelGateway Apps running on ml.m5.12xlarge instance' is 0 Apps, with current utilization of 0 Apps and a request delta of 1 Apps. Please use AWS Service Quotas to request an increase for this quota."
        ));
        assert!(limits.check_app("KernelGateway", "ml.m5.large", 5).is_ok());
    }

    #[test]
    fn a_wildcard_covers_types_without_their_own_limit_and_space_apps_say_instances() {
        let mut limits = QuotaLimits::unlimited();
        limits.set("apps:JupyterLab:*".parse().unwrap(), 0);
        limits.set("apps:JupyterLab:ml.t3.medium".parse().unwrap(), 2);
        assert!(limits.check_app("JupyterLab", "ml.t3.medium", 1).is_ok());
        assert!(limits.check_app("JupyterLab", "ml.t3.medium", 2).is_err());
        let error = limits
            .check_app("JupyterLab", "ml.p3.2xlarge", 0)
            .unwrap_err();
        assert!(error
            .message()
            .contains("'Studio JupyterLab Apps running on ml.p3.2xlarge instances' is 0 Apps"));
        assert!(limits.check_app("CodeEditor", "ml.p3.2xlarge", 9).is_ok());
        assert!(QuotaLimits::unlimited()
            .check(&QuotaName::Domains, 1_000_000)
            .is_ok());
        let mut domains = QuotaLimits::unlimited();
        domains.set(QuotaName::Domains, 1);
        assert!(domains
            .check(&QuotaName::Domains, 1)
            .unwrap_err()
            .message()
            .starts_with("The account-level service limit 'Total domains' is 1 Domains, with current utilization of 1 Domains and a request delta of 1 Domains."));
    }
}
