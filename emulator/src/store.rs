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
use crate::resources::app_image_config::AppImageConfig;
use crate::resources::domain::Domain;
use crate::resources::image::{Image, ImageVersion};
use crate::resources::lifecycle_config::LifecycleConfig;
use crate::resources::pagination::{walk_domain_index, walk_index, Order};
use crate::resources::space::Space;
use crate::resources::tags::TagList;
use crate::resources::user_profile::UserProfile;

/// Identifies a world: nothing is visible across partitions (docs/contract.md §2).
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
    Image(String),
    ImageVersion(String, u64),
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
    /// Deleted apps replaced by a new app of the same name, or whose owner is gone: kept
    /// because they were billed.
    pub retired_apps: Vec<App>,
    /// Tags by resource ARN.
    pub tags: BTreeMap<String, TagList>,
    /// Creation-ordered indexes, so that a List page costs O(log n + page) whatever the size of
    /// the domain (no sort per call): (domain id, sequence) → key, and sequence → key.
    profiles_by_domain: BTreeMap<(String, u64), (String, String)>,
    profiles_in_order: BTreeMap<u64, (String, String)>,
    spaces_by_domain: BTreeMap<(String, u64), (String, String)>,
    spaces_in_order: BTreeMap<u64, (String, String)>,
    apps_by_domain: BTreeMap<(String, u64), AppKey>,
    apps_in_order: BTreeMap<u64, AppKey>,
    /// Studio lifecycle configurations by name.
    pub lifecycle_configs: BTreeMap<String, LifecycleConfig>,
    /// App image configurations by name.
    pub app_image_configs: BTreeMap<String, AppImageConfig>,
    /// Custom images by name.
    pub images: BTreeMap<String, Image>,
    /// Image versions by (image name, version number).
    pub image_versions: BTreeMap<(String, u64), ImageVersion>,
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

    /// Stores a new user profile and indexes it.
    pub fn insert_user_profile(&mut self, key: (String, String), profile: UserProfile) {
        self.profiles_by_domain
            .insert((key.0.clone(), profile.sequence), key.clone());
        self.profiles_in_order.insert(profile.sequence, key.clone());
        self.user_profiles.insert(key, profile);
    }

    /// Stores a new space and indexes it.
    pub fn insert_space(&mut self, key: (String, String), space: Space) {
        self.spaces_by_domain
            .insert((key.0.clone(), space.sequence), key.clone());
        self.spaces_in_order.insert(space.sequence, key.clone());
        self.spaces.insert(key, space);
    }

    /// Stores a new app and indexes it; a `Deleted` app of the same name is retired.
    pub fn insert_app(&mut self, key: AppKey, app: App) {
        self.apps_by_domain
            .insert((key.0.clone(), app.sequence), key.clone());
        self.apps_in_order.insert(app.sequence, key.clone());
        if let Some(replaced) = self.apps.insert(key, app) {
            self.unindex_app(&replaced);
            self.retired_apps.push(replaced);
        }
    }

    fn unindex_app(&mut self, app: &App) {
        self.apps_by_domain
            .remove(&(app.domain_id.clone(), app.sequence));
        self.apps_in_order.remove(&app.sequence);
    }

    /// User profiles in creation order (of one domain, or all), after `after`, in `order`.
    pub fn user_profiles_in_order<'a>(
        &'a self,
        domain_id: Option<&str>,
        after: Option<u64>,
        order: Order,
    ) -> Box<dyn Iterator<Item = (u64, &'a UserProfile)> + 'a> {
        in_order(
            &self.user_profiles,
            &self.profiles_by_domain,
            &self.profiles_in_order,
            domain_id,
            after,
            order,
        )
    }

    /// Spaces in creation order (of one domain, or all), after `after`, in `order`.
    pub fn spaces_in_order<'a>(
        &'a self,
        domain_id: Option<&str>,
        after: Option<u64>,
        order: Order,
    ) -> Box<dyn Iterator<Item = (u64, &'a Space)> + 'a> {
        in_order(
            &self.spaces,
            &self.spaces_by_domain,
            &self.spaces_in_order,
            domain_id,
            after,
            order,
        )
    }

    /// Apps in creation order (of one domain, or all), after `after`, in `order`.
    pub fn apps_in_order<'a>(
        &'a self,
        domain_id: Option<&str>,
        after: Option<u64>,
        order: Order,
    ) -> Box<dyn Iterator<Item = (u64, &'a App)> + 'a> {
        in_order(
            &self.apps,
            &self.apps_by_domain,
            &self.apps_in_order,
            domain_id,
            after,
            order,
        )
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
        while self.removals.first().is_some_and(|(at, _)| *at <= now) {
            let Some((at, removal)) = self.removals.pop_first() else {
                break;
            };
            self.remove_if_still_deleting(at, removal);
        }
    }

    /// Removes what a finished deletion names, unless the resource was re-created since (its
    /// deletion time differs); its tags go with it, and the apps of a removed owner are retired.
    fn remove_if_still_deleting(&mut self, at: Timestamp, removal: Removal) {
        let arn = match &removal {
            Removal::Domain(id) => take_if(&mut self.domains, id, at, |d| &d.life).map(|d| d.arn),
            Removal::UserProfile(domain, name) => {
                let key = (domain.clone(), name.clone());
                let removed = take_if(&mut self.user_profiles, &key, at, |p| &p.life);
                if let Some(profile) = &removed {
                    self.profiles_by_domain
                        .remove(&(domain.clone(), profile.sequence));
                    self.profiles_in_order.remove(&profile.sequence);
                }
                let arn = removed.map(|p| p.arn);
                if arn.is_some() {
                    self.retire_apps(domain, &Owner::UserProfile(name.clone()));
                }
                arn
            }
            Removal::Space(domain, name) => {
                let key = (domain.clone(), name.clone());
                let removed = take_if(&mut self.spaces, &key, at, |s| &s.life);
                if let Some(space) = &removed {
                    self.spaces_by_domain
                        .remove(&(domain.clone(), space.sequence));
                    self.spaces_in_order.remove(&space.sequence);
                }
                let arn = removed.map(|s| s.arn);
                if arn.is_some() {
                    self.retire_apps(domain, &Owner::Space(name.clone()));
                }
                arn
            }
            Removal::Image(name) => take_if(&mut self.images, name, at, |i| &i.life).map(|i| i.arn),
            Removal::ImageVersion(name, version) => {
                let key = (name.clone(), *version);
                take_if(&mut self.image_versions, &key, at, |v| &v.life).map(|v| v.arn)
            }
        };
        if let Some(arn) = arn {
            self.tags.remove(&arn);
        }
    }

    /// Moves the apps of a removed owner out of the current tables (a new owner of the same name
    /// starts with no apps) into the retired ones, which are still metered.
    fn retire_apps(&mut self, domain_id: &str, owner: &Owner) {
        let keys: Vec<AppKey> = self
            .apps
            .range(
                (
                    domain_id.to_string(),
                    owner.clone(),
                    String::new(),
                    String::new(),
                )..,
            )
            .take_while(|(key, _)| key.0 == domain_id && key.1 == *owner)
            .map(|(key, _)| key.clone())
            .collect();
        for key in keys {
            if let Some(app) = self.apps.remove(&key) {
                self.unindex_app(&app);
                self.tags.remove(&app.arn);
                self.retired_apps.push(app);
            }
        }
    }
}

/// The values of `map` in creation order through its indexes: one domain's (`by_domain`) or
/// all (`all`), after the sequence `after`, in `order`.
fn in_order<'a, K: Ord, V>(
    map: &'a BTreeMap<K, V>,
    by_domain: &'a BTreeMap<(String, u64), K>,
    all: &'a BTreeMap<u64, K>,
    domain_id: Option<&str>,
    after: Option<u64>,
    order: Order,
) -> Box<dyn Iterator<Item = (u64, &'a V)> + 'a> {
    let keys = match domain_id {
        Some(domain_id) => walk_domain_index(by_domain, domain_id, after, order),
        None => walk_index(all, after, order),
    };
    Box::new(keys.filter_map(move |(seq, key)| map.get(key).map(|v| (seq, v))))
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

    /// Takes over every partition of `other` (an import replayed into a staging store).
    pub fn replace_with(&self, other: &Store) {
        self.partitions.clear();
        for entry in other.partitions.iter() {
            self.partitions
                .insert(entry.key().clone(), Arc::clone(entry.value()));
        }
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
