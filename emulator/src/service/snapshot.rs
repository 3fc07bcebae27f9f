//! The Studio tree of one partition as plain JSON, for the dashboard
//! (`GET /_emulator/resources`): domains with their status, their user profiles and spaces, and
//! each owner's apps with status, type and instance type. Read-only: a function of settled
//! [`Tables`] and `now`; [`Service::resources`](crate::service::Service::resources) walks the
//! partitions.

use serde_json::{json, Value};

use crate::resources::app::{App, Owner};
use crate::resources::domain::Domain;
use crate::resources::pagination::Order;
use crate::resources::{json_time, Life};
use crate::resources::{PartitionKey, Tables};
use crate::sim::clock::Timestamp;
use crate::sim::lifecycle::Status;

fn status(life: &Life, now: Timestamp) -> &'static str {
    life.status(now, Status::Gone).as_str()
}

fn app_json(app: &App, now: Timestamp) -> Value {
    let (profile, space) = match &app.owner {
        Owner::UserProfile(_) => (Some(app.owner_name.as_str()), None),
        Owner::Space(name) => (None, Some(name.as_str())),
    };
    json!({
        "AppName": app.app_name,
        "AppType": app.app_type,
        "AppArn": app.arn,
        "Status": app.status(now).as_str(),
        "InstanceType": app.instance_type,
        "UserProfileName": profile,
        "SpaceName": space,
        "CreationTime": json_time(app.life.created),
        "DeletedTime": app.delete_requested_at.map(json_time),
    })
}

/// Apps in creation order.
fn apps_json<'a>(apps: impl Iterator<Item = &'a App>, now: Timestamp) -> Vec<Value> {
    let mut apps: Vec<&App> = apps.collect();
    apps.sort_by_key(|app| app.sequence);
    apps.into_iter().map(|app| app_json(app, now)).collect()
}

/// The first `limit` domains of a partition (of one domain if `domain_id` is given), in creation
/// order, each with its first `limit` user profiles and spaces (and their counts: the dashboard
/// says what it does not show, and a poll stays O(limit²) at any size), each
/// `{"AccountId", "Region", "DomainId", "DomainName", "Status", "CreationTime", "UserProfiles":
/// [{"UserProfileName", "Status", "Apps"}], "Spaces": [{"SpaceName", "Status", "SharingType",
/// "OwnerUserProfileName", "Apps"}], "UserProfileCount", "SpaceCount"}`; an app is `{"AppName", "AppType", "AppArn", "Status",
/// "InstanceType", "UserProfileName"|null, "SpaceName"|null, "CreationTime",
/// "DeletedTime"|null}`.
pub fn domains(
    tables: &Tables,
    key: &PartitionKey,
    domain_id: Option<&str>,
    limit: usize,
    now: Timestamp,
) -> Vec<Value> {
    let domains: Box<dyn Iterator<Item = &Domain>> = match domain_id {
        // One domain: a lookup, not a walk of the partition.
        Some(id) => Box::new(tables.domains.get(id).into_iter()),
        None => Box::new(
            tables
                .domains
                .in_order(None, None, Order::Ascending)
                .map(|(_, domain)| domain),
        ),
    };
    domains
        .take(limit)
        .map(|domain| {
            let profiles: Vec<Value> = tables
                .user_profiles
                .in_order(Some(&domain.id), None, Order::Ascending)
                .take(limit)
                .map(|(_, profile)| {
                    json!({
                        "UserProfileName": profile.name,
                        "Status": status(&profile.life, now),
                        "CreationTime": json_time(profile.life.created),
                        "Apps": apps_json(
                            tables.apps_of_user_profile(&domain.id, &profile.name.to_lowercase()),
                            now,
                        ),
                    })
                })
                .collect();
            let spaces: Vec<Value> = tables
                .spaces
                .in_order(Some(&domain.id), None, Order::Ascending)
                .take(limit)
                .map(|(_, space)| {
                    let owner = space
                        .given
                        .get("OwnershipSettings")
                        .and_then(|o| o.get("OwnerUserProfileName"))
                        .cloned()
                        .unwrap_or(Value::Null);
                    json!({
                        "SpaceName": space.name,
                        "Status": status(&space.life, now),
                        "SharingType": space.sharing_type(),
                        "OwnerUserProfileName": owner,
                        "CreationTime": json_time(space.life.created),
                        "Apps": apps_json(tables.apps_of_space(&domain.id, &space.name), now),
                    })
                })
                .collect();
            json!({
                "AccountId": key.account_id,
                "Region": key.region,
                "DomainId": domain.id,
                "DomainName": domain.name,
                "Status": status(&domain.life, now),
                "CreationTime": json_time(domain.life.created),
                "UserProfiles": profiles,
                "Spaces": spaces,
                "UserProfileCount": tables.user_profiles.count_in_domain(&domain.id),
                "SpaceCount": tables.spaces.count_in_domain(&domain.id),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::resources::pagination::Pager;
    use crate::resources::{user_profile, Ctx};
    use crate::sim::lifecycle::{DelayPreset, DelayProfile};

    fn input(value: Value) -> crate::resources::Input {
        match value {
            Value::Object(map) => map,
            _ => unreachable!(),
        }
    }

    /// Calls `operation` through the operations table, as the service does.
    fn call(
        operation: &str,
        tables: &mut Tables,
        ctx: &Ctx,
        input: &crate::resources::Input,
    ) -> crate::error::ApiResult<Value> {
        crate::service::dispatch::handler(operation).unwrap()(tables, ctx, input)?
            .output()
            .unwrap()
            .to_value()
    }

    /// The dashboard's poll at any size: the first `limit` user profiles, and their count.
    #[test]
    fn a_huge_domain_shows_its_first_profiles_and_counts_them() {
        let mut fixture = crate::resources::fixture::Fixture::new();
        let id = fixture.domain();
        for i in 0..250 {
            fixture.ok(
                user_profile::create_user_profile,
                json!({"DomainId": id, "UserProfileName": format!("u{i}")}),
            );
        }
        let key = PartitionKey {
            account_id: crate::resources::fixture::ACCOUNT.into(),
            region: "us-east-1".into(),
        };
        let tree = domains(&fixture.tables, &key, None, 100, fixture.now);
        assert_eq!(tree[0]["UserProfiles"].as_array().unwrap().len(), 100);
        assert_eq!(tree[0]["UserProfiles"][99]["UserProfileName"], "u99");
        assert_eq!(tree[0]["UserProfileCount"], 250);
        assert_eq!(tree[0]["SpaceCount"], 0);
        fixture.ok(
            user_profile::delete_user_profile,
            json!({"DomainId": id, "UserProfileName": "u0"}),
        );
        fixture.advance(60);
        fixture
            .tables
            .settle(fixture.now, &DelayProfile::new(DelayPreset::Fast));
        let tree = domains(&fixture.tables, &key, None, 100, fixture.now);
        assert_eq!(tree[0]["UserProfileCount"], 249);
    }

    #[test]
    fn the_tree_nests_profiles_spaces_and_apps_with_statuses() {
        // Spaces are ready at once: an app starts only in an InService space.
        let delays = DelayProfile::new(DelayPreset::Fast).with(
            crate::sim::lifecycle::Transition::SpaceCreate,
            std::time::Duration::ZERO,
        );
        let pager = Pager::new();
        let now = Timestamp(1_000_000);
        let ctx = Ctx {
            account_id: "111122223333",
            region: "us-east-1",
            now,
            delays: &delays,
            pager: &pager,
            studio_base_url: None,
            rng: std::cell::Cell::new(7),
            failure: None,
            quotas: &crate::sim::quotas::QuotaLimits::unlimited(),
        };
        let mut tables = Tables::default();
        let out = call(
            "CreateDomain",
            &mut tables,
            &ctx,
            &input(json!({"DomainName": "demo", "AuthMode": "IAM",
                "DefaultUserSettings": {"ExecutionRole": "arn:aws:iam::111122223333:role/r"},
                "SubnetIds": ["subnet-1"], "VpcId": "vpc-1"})),
        )
        .unwrap();
        let id = out["DomainId"].as_str().unwrap().to_string();
        call(
            "CreateUserProfile",
            &mut tables,
            &ctx,
            &input(json!({"DomainId": id, "UserProfileName": "Alice"})),
        )
        .unwrap();
        call(
            "CreateSpace",
            &mut tables,
            &ctx,
            &input(json!({"DomainId": id, "SpaceName": "team"})),
        )
        .unwrap();
        for (owner, name, kind, instance) in [
            ("UserProfileName", "Alice", "KernelGateway", "ml.t3.medium"),
            ("SpaceName", "team", "JupyterLab", "ml.m5.large"),
        ] {
            call(
                "CreateApp",
                &mut tables,
                &ctx,
                &input(
                    json!({"DomainId": id, owner: name, "AppType": kind, "AppName": "default",
                    "ResourceSpec": {"InstanceType": instance}}),
                ),
            )
            .unwrap();
        }
        let key = PartitionKey {
            account_id: "111122223333".into(),
            region: "us-east-1".into(),
        };
        let tree = domains(&tables, &key, None, 100, now);
        assert_eq!(tree.len(), 1);
        assert_eq!(tree[0]["Status"], "Pending");
        assert_eq!(tree[0]["UserProfiles"][0]["UserProfileName"], "Alice");
        let kernel = &tree[0]["UserProfiles"][0]["Apps"][0];
        assert_eq!(kernel["InstanceType"], "ml.t3.medium");
        assert_eq!(kernel["UserProfileName"], "Alice");
        assert_eq!(kernel["SpaceName"], Value::Null);
        let lab = &tree[0]["Spaces"][0]["Apps"][0];
        assert_eq!(lab["AppType"], "JupyterLab");
        assert_eq!(lab["SpaceName"], "team");
        let later = domains(&tables, &key, Some(&id), 100, now.plus_millis(5_000));
        assert_eq!(later[0]["Status"], "InService");
        assert_eq!(later[0]["Spaces"][0]["Apps"][0]["Status"], "InService");
        assert!(domains(&tables, &key, Some("d-other"), 100, now).is_empty());
    }
}
