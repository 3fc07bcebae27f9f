//! The emulator's state: one partition per (account, region), each a `Mutex<Tables>`.
//!
//! Why this shape: every rule that spans resources (a domain is deleted only when it has no user
//! profiles, a name is unique in its parent) is checked and applied under one lock, so concurrent
//! clients never see a half-done change and a refused call changes nothing. The lock is a std
//! `Mutex` held only for the synchronous handler (no `.await` inside). Partitions live in a
//! `DashMap`, so tests that each use their own account never contend; the DashMap guard is dropped
//! before the partition's lock is taken.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::{Arc, Mutex, MutexGuard};

use dashmap::DashMap;

use crate::clock::Timestamp;
use crate::lifecycle::DelayProfile;
use crate::metering::AppInterval;
use crate::resources::app::{shut_down_if_idle, App, AppKey, Owner};
use crate::resources::domain::Domain;
use crate::resources::space::Space;
use crate::resources::user_profile::UserProfile;

/// Identifies a world: nothing is visible across partitions (contract §2).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PartitionKey {
    /// 12-digit AWS account id.
    pub account_id: String,
    /// AWS region, e.g. `us-east-1`.
    pub region: String,
}

/// A resource whose deletion finishes at some time and must then disappear.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Removal {
    Domain(String),
    UserProfile(String, String),
    Space(String, String),
}

/// All resources of one (account, region).
#[derive(Debug, Default)]
pub struct Tables {
    /// By domain id.
    pub domains: BTreeMap<String, Domain>,
    /// By (domain id, lower-cased name): user profile names are case-insensitive.
    pub user_profiles: BTreeMap<(String, String), UserProfile>,
    /// By (domain id, space name).
    pub spaces: BTreeMap<(String, String), Space>,
    /// Current apps by (domain, owner, type, name); `Deleted` ones stay until replaced.
    pub apps: BTreeMap<AppKey, App>,
    /// Deleted apps replaced by a new app of the same name: kept because they were billed.
    pub retired_apps: Vec<App>,
    /// Deadlines of deletions in progress: `settle` drops what has finished.
    removals: BTreeSet<(Timestamp, Removal)>,
    /// Idle-shutdown deadlines of apps: `settle` deletes the apps whose deadline has passed.
    idle_checks: BTreeSet<(Timestamp, AppKey)>,
    /// Creation sequence: a total order among resources created in the same millisecond.
    sequence: u64,
}

impl Tables {
    /// The next creation sequence number.
    pub fn next_sequence(&mut self) -> u64 {
        self.sequence += 1;
        self.sequence
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
                shut_down_if_idle(app, due, delays);
            }
        }
        while let Some(first) = self.removals.first() {
            if first.0 > now {
                break;
            }
            let Some((at, removal)) = self.removals.pop_first() else {
                break;
            };
            match removal {
                Removal::Domain(id) => {
                    if self
                        .domains
                        .get(&id)
                        .is_some_and(|d| d.life.deleted_at() == Some(at))
                    {
                        self.domains.remove(&id);
                    }
                }
                Removal::UserProfile(domain, name) => {
                    let key = (domain, name);
                    if self
                        .user_profiles
                        .get(&key)
                        .is_some_and(|p| p.life.deleted_at() == Some(at))
                    {
                        self.user_profiles.remove(&key);
                    }
                }
                Removal::Space(domain, name) => {
                    let key = (domain, name);
                    if self
                        .spaces
                        .get(&key)
                        .is_some_and(|s| s.life.deleted_at() == Some(at))
                    {
                        self.spaces.remove(&key);
                    }
                }
            }
        }
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
}

/// Locks a partition. A handler that panicked while holding the lock poisons it; the tables are
/// still consistent at every await-free step we take, so the poison is cleared rather than
/// turning every later call into a 500.
pub fn lock(partition: &Mutex<Tables>) -> MutexGuard<'_, Tables> {
    partition
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}
