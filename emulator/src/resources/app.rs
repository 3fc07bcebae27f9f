//! Apps: CreateApp, DescribeApp, ListApps, DeleteApp.
//!
//! Studio Classic apps belong to a user profile (JupyterServer on `system`, KernelGateway on an
//! instance type, …); apps of the new Studio (JupyterLab, CodeEditor) belong to a space, which
//! runs one app at a time. The instance type resolves from the app's `ResourceSpec`, then the
//! owner's settings, then the domain's defaults.
//!
//! An app's metadata outlives it by [`METADATA_RETENTION`]: a `Deleted` or `Failed` app is still
//! described and listed (even after its owner and domain are gone, as AWS is recorded doing) until
//! 24 hours after it ended; an app created again under the same name within that window continues
//! it (same `CreationTime`). Every run is kept for metering.

use serde_json::{json, Value};

use std::time::Duration;

use crate::error::{ApiError, ApiResult};
use crate::resources::domain::Domain;
use crate::resources::pagination::Order;
use crate::resources::space::Space;
use crate::resources::table::Indexed;
use crate::resources::tags::TagList;
use crate::resources::Tables;
use crate::resources::{
    domain, json_time, lifecycle_config, lookup, optional_str, optional_value, required_str, space,
    tags, user_profile, Ctx, Input, Life,
};
use crate::sim::clock::Timestamp;
use crate::sim::lifecycle::{DelayProfile, Phase, Status, Transition};
use crate::sim::metering::{AppInterval, AppOwner};

/// How long AWS keeps an app's metadata after it was shut down. "After an application has been
/// shut down for 24 hours, SageMaker AI deletes all metadata for the application. To be considered
/// an update and retain application metadata, applications must be restarted within 24 hours
/// after the previous application has been shut down." (DescribeApp `CreationTime`, SageMaker
/// API reference.)
pub const METADATA_RETENTION: Duration = Duration::from_secs(24 * 60 * 60);

/// Who an app belongs to. Ordered so that a profile's or a space's apps are one key range.
#[derive(
    Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
pub enum Owner {
    /// A user profile, by lower-cased name (profile names are case-insensitive).
    UserProfile(String),
    /// A space, by name.
    Space(String),
}

/// The table key of an app: (domain id, owner, app type, app name).
pub type AppKey = (String, Owner, String, String);

/// An app.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct App {
    pub domain_id: String,
    pub owner: Owner,
    /// The owner's name as given at its creation (profile names keep their case here).
    pub owner_name: String,
    pub app_type: String,
    pub app_name: String,
    pub arn: String,
    /// The resolved `ResourceSpec` (always has `InstanceType`).
    pub resource_spec: Value,
    /// `ResourceSpec.InstanceType`, resolved.
    pub instance_type: String,
    /// `RecoveryMode` as given.
    pub recovery_mode: Option<Value>,
    /// The `CreationTime` shown, when the app continues the metadata of an earlier app of the
    /// same name that ended less than 24 hours before (see [`METADATA_RETENTION`]); `None`: the
    /// app's own creation.
    #[serde(default)]
    pub metadata_created: Option<Timestamp>,
    pub life: Life,
    pub sequence: u64,
    /// When DeleteApp was called: the end of the app's metered life.
    pub delete_requested_at: Option<Timestamp>,
    /// Last activity (its creation, or an admin `activity` call): `LastUserActivityTimestamp`.
    pub last_activity: Timestamp,
    /// The effective idle timeout (`AppLifecycleManagement.IdleSettings`), if idle shutdown is on.
    pub idle_timeout: Option<Duration>,
    /// Whether the emulator deleted the app because it was idle.
    pub shut_down_idle: bool,
}

impl Indexed for App {
    fn domain_id(&self) -> &str {
        &self.domain_id
    }
    fn sequence(&self) -> u64 {
        self.sequence
    }
}

impl App {
    /// The status at `now` (the app enum has no `Delete_Failed`: a failed deletion is `Failed`).
    pub fn status(&self, now: Timestamp) -> Status {
        match self.life.status(now, Status::Deleted) {
            Status::DeleteFailed => Status::Failed,
            status => status,
        }
    }

    /// Neither `Deleted` nor `Failed`: blocks deleting its owner ("the user profile or space
    /// cannot contain any non-failed apps", Studio guide, deleting a domain) and re-using its
    /// name.
    pub fn is_live(&self, now: Timestamp) -> bool {
        !matches!(self.status(now), Status::Deleted | Status::Failed)
    }

    /// `Pending` or `InService`: what an app quota counts.
    pub fn is_running(&self, now: Timestamp) -> bool {
        matches!(self.status(now), Status::Pending | Status::InService)
    }

    /// When idle shutdown deletes this app, if it is on and the app is not being deleted.
    pub fn idle_deadline(&self) -> Option<Timestamp> {
        match (self.idle_timeout, self.life.is_deleting()) {
            (Some(timeout), false) => Some(self.last_activity.plus(timeout)),
            _ => None,
        }
    }

    /// Starts the app's deletion at `at` (a DeleteApp call, or idle shutdown at its deadline).
    /// Its activity stamps stay: AWS's `Deleted` apps show `LastUserActivityTimestamp` and
    /// `LastHealthCheckTimestamp` equal to their `CreationTime` unless they were used (recorded,
    /// DescribeApp of six deleted apps).
    fn delete_at(&mut self, at: Timestamp, delays: &DelayProfile) {
        self.life
            .start_delete_at(at, delays.delay(Transition::AppDelete));
        self.delete_requested_at = Some(at);
    }

    /// `CreationTime`: its own creation, or that of the earlier app it continues.
    pub fn creation_time(&self) -> Timestamp {
        self.metadata_created.unwrap_or(self.life.created)
    }

    /// When AWS forgets the app: [`METADATA_RETENTION`] after it ended (`Deleted`, or `Failed`);
    /// `None` while it has not ended or will not end.
    pub fn metadata_expires_at(&self) -> Option<Timestamp> {
        let ended = match self.life.phase {
            Phase::Deleting { done_at, .. } => done_at,
            _ => self.life.failing_end()?,
        };
        Some(ended.plus(METADATA_RETENTION))
    }

    /// The app's life as the meter sees it.
    pub fn interval(&self, account_id: &str, region: &str) -> AppInterval {
        AppInterval {
            account_id: account_id.to_string(),
            region: region.to_string(),
            domain_id: self.domain_id.clone(),
            owner: match &self.owner {
                Owner::UserProfile(_) => AppOwner::UserProfile(self.owner_name.clone()),
                Owner::Space(name) => AppOwner::Space(name.clone()),
            },
            app_name: self.app_name.clone(),
            app_type: self.app_type.clone(),
            instance_type: self.instance_type.clone(),
            start: self.life.created.as_epoch_seconds(),
            // A failed start ends the instance when it fails.
            end: self
                .delete_requested_at
                .or_else(|| self.life.failing_end())
                .map(Timestamp::as_epoch_seconds),
        }
    }

    /// The member naming the owner in outputs: `UserProfileName` or `SpaceName`.
    fn owner_member(&self) -> &'static str {
        match self.owner {
            Owner::UserProfile(_) => "UserProfileName",
            Owner::Space(_) => "SpaceName",
        }
    }
}

/// The settings member of an app type in `UserSettings`/`SpaceSettings`, and the instance type
/// used when none is configured anywhere (`None`: one must be configured).
///
/// Defaults: JupyterServer and the other Studio Classic server apps run on `system` ("The
/// JupyterServer app … runs on the system instance type", Studio Classic usage metering page);
/// JupyterLab and CodeEditor spaces start on `ml.t3.medium` (the default instance of the Studio
/// JupyterLab/Code Editor space pages); KernelGateway and RSessionGateway need a type.
fn app_type_rules(app_type: &str) -> (Option<&'static str>, Option<&'static str>) {
    match app_type {
        "JupyterServer" => (Some("JupyterServerAppSettings"), Some("system")),
        "KernelGateway" => (Some("KernelGatewayAppSettings"), None),
        "TensorBoard" => (Some("TensorBoardAppSettings"), Some("system")),
        "JupyterLab" => (Some("JupyterLabAppSettings"), Some("ml.t3.medium")),
        "CodeEditor" => (Some("CodeEditorAppSettings"), Some("ml.t3.medium")),
        "RSessionGateway" => (Some("RSessionAppSettings"), None),
        // RStudioServerPro, Canvas, DetailedProfiler: server apps without a resource spec setting.
        _ => (None, Some("system")),
    }
}

/// App types that run in a space; all others run under a user profile.
fn runs_in_space(app_type: &str) -> bool {
    matches!(app_type, "JupyterLab" | "CodeEditor")
}

/// The app's ARN: `app/DOMAIN/OWNER/APPTYPE/NAME`; a user profile's name is lower-cased in it as
/// in the profile's own ARN, a space's name (case-sensitive) is kept. The app type is written as
/// the API spells it (`JupyterServer`): AWS's answers of 2025 and 2026 do so (recorded,
/// fixtures/recordings/c7n-studio-2026-07, DescribeApp `AppArn`); captures of 2024 show it
/// lower-cased (`jupyterlab`, `codeeditor`): the newest recording wins.
fn arn(ctx: &Ctx, domain_id: &str, owner: &Owner, app_type: &str, app_name: &str) -> String {
    let owner = match owner {
        Owner::UserProfile(lower) => lower.as_str(),
        Owner::Space(name) => name.as_str(),
    };
    ctx.arn(&format!("app/{domain_id}/{owner}/{app_type}/{app_name}"))
}

/// The owner named by the input of `operation`: exactly one of `UserProfileName` and
/// `SpaceName`. Neither: AWS's "Either UserProfileName or SpaceName must be passed for DescribeApp
/// operation." (reported: a public log of a boto3 DescribeApp call, April 2024; the same sentence
/// with the operation's name for CreateApp and DeleteApp is inferred). Both: our words.
fn owner_of(input: &Input, operation: &str) -> ApiResult<(Owner, String)> {
    match (
        optional_str(input, "UserProfileName")?,
        optional_str(input, "SpaceName")?,
    ) {
        (Some(profile), None) => Ok((
            Owner::UserProfile(profile.to_lowercase()),
            profile.to_string(),
        )),
        (None, Some(space)) => Ok((Owner::Space(space.to_string()), space.to_string())),
        (None, None) => Err(ApiError::validation(format!(
            "Either UserProfileName or SpaceName must be passed for {operation} operation."
        ))),
        (Some(_), Some(_)) => Err(ApiError::validation(
            "Exactly one of UserProfileName or SpaceName must be specified.",
        )),
    }
}

fn app_key(input: &Input, owner: Owner) -> ApiResult<AppKey> {
    Ok((
        required_str(input, "DomainId")?.to_string(),
        owner,
        required_str(input, "AppType")?.to_string(),
        required_str(input, "AppName")?.to_string(),
    ))
}

fn not_found(ctx: &Ctx, key: &AppKey) -> ApiError {
    ApiError::not_found(format!(
        "App [{}] does not exist.",
        arn(ctx, &key.0, &key.1, &key.2, &key.3)
    ))
}

/// The accounts that publish SageMaker's first-party Studio images, per region ("Available Amazon
/// SageMaker Images", Studio Classic developer guide; the same table is in the AWS samples'
/// `STUDIO_APP_ARNS_BY_REGION`). A JupyterServer app created with no image runs
/// `jupyter-server-3` (a real quick-setup domain's DescribeDomain: `"SageMakerImageArn":
/// "arn:aws:sagemaker:us-east-1:081325390199:image/jupyter-server-3", "InstanceType": "system"`;
/// Terraform's app acceptance test expects `resource_spec.0.sagemaker_image_arn` to be set).
const FIRST_PARTY_IMAGE_ACCOUNTS: &[(&str, &str)] = &[
    ("af-south-1", "559312083959"),
    ("ap-east-1", "493642496378"),
    ("ap-northeast-1", "102112518831"),
    ("ap-northeast-2", "806072073708"),
    ("ap-northeast-3", "792733760839"),
    ("ap-south-1", "394103062818"),
    ("ap-southeast-1", "492261229750"),
    ("ap-southeast-2", "452832661640"),
    ("ap-southeast-3", "276181064229"),
    ("ca-central-1", "310906938811"),
    ("eu-central-1", "936697816551"),
    ("eu-north-1", "243637512696"),
    ("eu-south-1", "592751261982"),
    ("eu-west-1", "470317259841"),
    ("eu-west-2", "712779665605"),
    ("eu-west-3", "615547856133"),
    ("me-central-1", "103105715889"),
    ("me-south-1", "117516905037"),
    ("sa-east-1", "782484402741"),
    ("us-east-1", "081325390199"),
    ("us-east-2", "429704687514"),
    ("us-west-1", "742091327244"),
    ("us-west-2", "236514542706"),
];

/// The image of `jupyter-server-3` in `region` as a settings value (`image/jupyter-server-3` of the
/// region's first-party account, as a console Quick setup writes into a domain's defaults; none for
/// a region not in the table: no image is invented).
pub fn default_jupyter_server_image(region: &str) -> Option<String> {
    first_party_image(region, "jupyter-server-3")
}

/// What DescribeApp and ListApps show as `SageMakerImageArn` of a JupyterServer app created with no
/// image in the call, the owner's or the domain's settings: the ECR repository
/// `looseleaf-jupyter-server-3` (recorded on AWS in July 2026, fixtures/recordings/c7n-studio-2026-07:
/// `arn:aws:ecr:us-east-1:…:repository/looseleaf-jupyter-server-3`). The recorder replaced every
/// 12-digit number by one placeholder account, so the repository's account is not known; the
/// region's first-party image account stands in.
pub fn unconfigured_jupyter_server_image(region: &str) -> Option<String> {
    first_party_account(region).map(|account| {
        format!("arn:aws:ecr:{region}:{account}:repository/looseleaf-jupyter-server-3")
    })
}

/// The account of SageMaker's first-party Studio images in `region`, if the table knows it.
fn first_party_account(region: &str) -> Option<&'static str> {
    FIRST_PARTY_IMAGE_ACCOUNTS
        .binary_search_by(|(r, _)| (*r).cmp(region))
        .ok()
        .map(|i| FIRST_PARTY_IMAGE_ACCOUNTS[i].1)
}

/// The ARN of SageMaker's first-party Studio image `name` in `region` (e.g. `datascience-1.0`, the
/// image of Studio Classic's "Data Science" kernels), none for a region not in the table.
pub fn first_party_image(region: &str, name: &str) -> Option<String> {
    first_party_account(region)
        .map(|account| format!("arn:aws:sagemaker:{region}:{account}:image/{name}"))
}

/// The instance type an app of `app_type` runs on when `instance_type` is asked: JupyterServer
/// only on `system`; "For KernelGateway apps, the system value is translated to ml.t3.medium."
/// (ResourceSpec, SageMaker API reference); other ML apps never on `system`.
fn check_instance_type(app_type: &str, instance_type: String) -> ApiResult<String> {
    if app_type == "JupyterServer" && instance_type != "system" {
        return Err(super::settings::jupyter_server_needs_system(&instance_type));
    }
    if app_type == "KernelGateway" && instance_type == "system" {
        return Ok("ml.t3.medium".to_string());
    }
    if instance_type == "system" && !matches!(app_type_rules(app_type).1, Some("system")) {
        return Err(ApiError::validation(format!(
            "Invalid InstanceType 'system' for app type {app_type}: it needs an ML instance type."
        )));
    }
    Ok(instance_type)
}

/// Resolves the app's resource spec: the default chain, most general first, each more specific
/// spec overriding member by member; then the app type's default instance.
fn resolve_resource_spec(
    app_type: &str,
    region: &str,
    chain: &[Option<&Value>],
    given: Option<&Value>,
) -> ApiResult<(Value, String)> {
    let (settings_member, default_instance) = app_type_rules(app_type);
    let mut spec = serde_json::Map::new();
    if let Some(member) = settings_member {
        for settings in chain.iter().flatten() {
            if let Some(Value::Object(defaults)) =
                lookup(settings, &[member, "DefaultResourceSpec"])
            {
                spec.extend(defaults.iter().map(|(k, v)| (k.clone(), v.clone())));
            }
        }
    }
    if let Some(Value::Object(given)) = given {
        spec.extend(
            given
                .iter()
                .filter(|(_, v)| !v.is_null())
                .map(|(k, v)| (k.clone(), v.clone())),
        );
    }
    let instance_type = match spec.get("InstanceType").and_then(Value::as_str) {
        Some(t) => t.to_string(),
        None => match default_instance {
            Some(t) => t.to_string(),
            None => {
                return Err(ApiError::validation(format!(
                    "No instance type for the {app_type} app: ResourceSpec.InstanceType is not given and neither the owner's nor the domain's {} sets DefaultResourceSpec.InstanceType.",
                    settings_member.unwrap_or("settings")
                )))
            }
        },
    };
    let instance_type = check_instance_type(app_type, instance_type)?;
    spec.insert("InstanceType".into(), instance_type.clone().into());
    if app_type == "JupyterServer" && !spec.contains_key("SageMakerImageArn") {
        if let Some(image) = unconfigured_jupyter_server_image(region) {
            spec.insert("SageMakerImageArn".into(), image.into());
        }
    }
    Ok((Value::Object(spec), instance_type))
}

/// What CreateApp reads from the app's owner: the settings chains its resource spec and idle
/// shutdown resolve through (most general first), its tags, and its name as created.
struct OwnerSettings<'t> {
    /// Domain defaults, then the owner's settings (then the space's own, for a space app).
    chain: Vec<Option<&'t Value>>,
    /// The administrator's idle settings: domain defaults, then the user profile's or the
    /// domain's space defaults.
    idle_chain: Vec<Option<&'t Value>>,
    /// The space's own settings (its chosen idle timeout), for a space app.
    space_idle: Option<&'t Value>,
    owner_tags: TagList,
    owner_name: String,
}

/// The owner settings of an app of a user profile (Studio Classic apps only).
fn profile_settings<'t>(
    tables: &'t Tables,
    ctx: &Ctx,
    domain: &'t Domain,
    key: &AppKey,
    name: &str,
) -> ApiResult<OwnerSettings<'t>> {
    if runs_in_space(&key.2) {
        return Err(ApiError::validation(format!(
            "App type {} runs in a space: give SpaceName instead of UserProfileName.",
            key.2
        )));
    }
    let profile = user_profile::find(tables, ctx, &key.0, name)?;
    if profile.life.is_deleting() {
        return Err(ApiError::in_use(format!(
            "UserProfile [{}] is being deleted.",
            profile.arn
        )));
    }
    Ok(OwnerSettings {
        chain: vec![domain.default_user_settings(), profile.user_settings()],
        idle_chain: Vec::new(),
        space_idle: None,
        owner_tags: tags::tags_of(tables, &profile.arn).to_vec(),
        owner_name: profile.name.clone(),
    })
}

/// A space starts an app only when `InService`, and runs one app at a time.
fn check_space_takes_app(tables: &Tables, ctx: &Ctx, space: &Space, key: &AppKey) -> ApiResult<()> {
    // AWS's words (Canvas troubleshooting, SageMaker developer guide): "Unable to create app
    // <app-arn> because space <space-arn> is not in InService state".
    if space.life.status(ctx.now, Status::Gone) != Status::InService {
        return Err(ApiError::validation(format!(
            "Unable to create app {} because space {} is not in InService state",
            arn(ctx, &key.0, &key.1, &key.2, &key.3),
            space.arn
        )));
    }
    // "Each space has a 1:1 relationship with an instance of an application" (Amazon SageMaker
    // Studio spaces page): a second live app is refused.
    if let Some(running) = tables
        .apps_of_space(&key.0, &space.name)
        .find(|app| app.is_live(ctx.now) && (app.app_type != key.2 || app.app_name != key.3))
    {
        return Err(ApiError::in_use(format!(
            "Space [{}] already has an app that is not deleted: [{}].",
            space.arn, running.arn
        )));
    }
    Ok(())
}

/// The owner settings of an app in a space, which must be `InService` and run no other app.
fn space_settings<'t>(
    tables: &'t Tables,
    ctx: &Ctx,
    domain: &'t Domain,
    key: &AppKey,
    space_name: &str,
) -> ApiResult<OwnerSettings<'t>> {
    let space = space::find(tables, ctx, &key.0, space_name)?;
    if space.life.is_deleting() {
        return Err(ApiError::in_use(format!(
            "Space [{}] is being deleted.",
            space.arn
        )));
    }
    check_space_takes_app(tables, ctx, space, key)?;
    let owner_settings = space
        .owner_lower()
        .and_then(|o| tables.user_profiles.get(&(key.0.clone(), o)))
        .and_then(|p| p.user_settings());
    let (chain, idle_chain) = match owner_settings {
        // Private space: its owner's settings, over the domain's user defaults.
        Some(settings) => (
            vec![
                domain.default_user_settings(),
                Some(settings),
                space.space_settings(),
            ],
            vec![domain.default_user_settings(), Some(settings)],
        ),
        None => (
            vec![domain.default_space_settings(), space.space_settings()],
            vec![
                domain.default_user_settings(),
                domain.default_space_settings(),
            ],
        ),
    };
    Ok(OwnerSettings {
        chain,
        idle_chain,
        space_idle: space.space_settings(),
        owner_tags: tags::tags_of(tables, &space.arn).to_vec(),
        owner_name: space_name.to_string(),
    })
}

/// Refuses one more running app of `app_type` on `instance_type` over its quota (the count walks
/// the partition's apps only when a limit is set).
fn check_app_quota(
    tables: &Tables,
    ctx: &Ctx,
    app_type: &str,
    instance_type: &str,
) -> ApiResult<()> {
    if instance_type == "system" {
        return Ok(());
    }
    let running = || {
        tables
            .apps
            .values()
            .filter(|app| {
                app.app_type == app_type
                    && app.instance_type == instance_type
                    && app.is_running(ctx.now)
            })
            .count() as u64
    };
    ctx.quotas.check_app_with(app_type, instance_type, running)
}

/// The tags a new app starts with: its own, its owner's and its domain's, and
/// `sagemaker:domain-arn` ("Tags that you specify for the User Profile are also added to all Apps
/// that the User Profile launches.", CreateUserProfile API reference; the same of domains).
fn app_tags(
    tables: &Tables,
    domain: &Domain,
    settings: &OwnerSettings,
    input: &Input,
    arn: &str,
) -> ApiResult<TagList> {
    let domain_tags = domain::custom_tags(tables, domain);
    tags::initial_tags(
        &tags::tags_from(input, "Tags")?,
        &[&settings.owner_tags, &domain_tags],
        Some(&domain.arn),
        arn,
    )
}

/// CreateApp.
pub fn create_app(tables: &mut Tables, ctx: &Ctx, input: &Input) -> ApiResult<Value> {
    let (owner, owner_name) = owner_of(input, "CreateApp")?;
    let key = app_key(input, owner.clone())?;
    domain::find_live(tables, ctx, &key.0)?;
    let domain = domain::find(tables, ctx, &key.0)?;
    let settings = match &owner {
        Owner::UserProfile(_) => profile_settings(tables, ctx, domain, &key, &owner_name)?,
        Owner::Space(space_name) => space_settings(tables, ctx, domain, &key, space_name)?,
    };
    let given_spec = optional_value(input, "ResourceSpec");
    let (resource_spec, instance_type) =
        resolve_resource_spec(&key.2, ctx.region, &settings.chain, given_spec)?;
    let idle_timeout = effective_idle_timeout(&key.2, &settings.idle_chain, settings.space_idle)?;
    let rules = app_type_rules(&key.2).0;
    let script_failure = lifecycle_config::check_app_lifecycle_config(
        tables,
        &key.2,
        rules,
        &settings.chain,
        &resource_spec,
    )?;
    let arn = arn(ctx, &key.0, &owner, &key.2, &key.3);
    let initial_tags = app_tags(tables, domain, &settings, input, &arn)?;
    let earlier = tables.apps.get(&key);
    if earlier.is_some_and(|app| app.is_live(ctx.now)) {
        return Err(ApiError::in_use(format!("App [{arn}] already exists.")));
    }
    // An ended app of the same name still in the table ended less than 24 hours ago (older ones
    // are gone): the new one is "considered an update" and keeps its metadata.
    let continued = earlier.map(|app| (app.creation_time(), app.sequence));
    check_app_quota(tables, ctx, &key.2, &instance_type)?;
    let failure = ctx.failure.map(str::to_string).or(script_failure);
    let app = App {
        domain_id: key.0.clone(),
        owner,
        owner_name: settings.owner_name,
        app_type: key.2.clone(),
        app_name: key.3.clone(),
        arn: arn.clone(),
        resource_spec,
        instance_type,
        recovery_mode: optional_value(input, "RecoveryMode").cloned(),
        metadata_created: continued.map(|(created, _)| created),
        life: Life::created_failing(ctx, Transition::AppCreate, failure),
        // A continued app keeps its place in the creation order with its CreationTime.
        sequence: match continued {
            Some((_, sequence)) => sequence,
            None => tables.next_sequence(),
        },
        delete_requested_at: None,
        last_activity: ctx.now,
        idle_timeout,
        shut_down_idle: false,
    };
    if let Some(deadline) = app.idle_deadline() {
        tables.schedule_idle_check(deadline, key.clone());
    }
    tables.insert_app(key.clone(), app);
    tables.schedule_app_expiry(&key);
    tables.tags.insert(arn.clone(), initial_tags);
    Ok(json!({"AppArn": arn}))
}

/// The app named by the input of `operation` (DescribeApp, DeleteApp).
fn find_by_input<'t>(
    tables: &'t Tables,
    ctx: &Ctx,
    input: &Input,
    operation: &str,
) -> ApiResult<(&'t App, AppKey)> {
    let (owner, _) = owner_of(input, operation)?;
    let key = app_key(input, owner)?;
    match tables.apps.get(&key) {
        Some(app) => Ok((app, key)),
        None => Err(not_found(ctx, &key)),
    }
}

/// DescribeApp: also for a `Deleted` app.
pub fn describe_app(tables: &mut Tables, ctx: &Ctx, input: &Input) -> ApiResult<Value> {
    let (app, _) = find_by_input(tables, ctx, input, "DescribeApp")?;
    let mut out = Input::new();
    out.insert("AppArn".into(), app.arn.clone().into());
    out.insert("AppType".into(), app.app_type.clone().into());
    out.insert("AppName".into(), app.app_name.clone().into());
    out.insert("DomainId".into(), app.domain_id.clone().into());
    out.insert(app.owner_member().into(), app.owner_name.clone().into());
    out.insert("Status".into(), app.status(ctx.now).as_str().into());
    // Members AWS fills in (recorded, DescribeApp of InService and Deleted apps, July 2026):
    // `EffectiveTrustedIdentityPropagationStatus`, `RecoveryMode` false when not asked, and both
    // activity stamps, equal to each other and to the creation for an app nobody used, later for
    // one that was (here: the last activity, which the admin API's `activity` moves).
    out.insert(
        "EffectiveTrustedIdentityPropagationStatus".into(),
        trusted_identity_propagation(tables, &app.domain_id).into(),
    );
    out.insert(
        "RecoveryMode".into(),
        app.recovery_mode.clone().unwrap_or(Value::Bool(false)),
    );
    out.insert(
        "LastHealthCheckTimestamp".into(),
        json_time(app.last_activity),
    );
    out.insert(
        "LastUserActivityTimestamp".into(),
        json_time(app.last_activity),
    );
    out.insert("CreationTime".into(), json_time(app.creation_time()));
    out.insert("ResourceSpec".into(), app.resource_spec.clone());
    super::failure_member(&mut out, &app.life, ctx.now);
    Ok(Value::Object(out))
}

/// `EffectiveTrustedIdentityPropagationStatus` of an app: `ENABLED` when its domain's
/// `DomainSettings.TrustedIdentityPropagationSettings.Status` is (inferred from the member's name;
/// recorded: `DISABLED` for apps of a domain without the setting), `DISABLED` otherwise, also once
/// the domain is gone.
fn trusted_identity_propagation(tables: &Tables, domain_id: &str) -> &'static str {
    let enabled = tables.domains.get(domain_id).is_some_and(|domain| {
        domain
            .given
            .get("DomainSettings")
            .and_then(|settings| {
                lookup(settings, &["TrustedIdentityPropagationSettings", "Status"])
            })
            .and_then(Value::as_str)
            == Some("ENABLED")
    });
    if enabled {
        "ENABLED"
    } else {
        "DISABLED"
    }
}

/// ListApps: filters `DomainIdEquals`, `UserProfileNameEquals` (case-insensitive, like profile
/// names), `SpaceNameEquals`; `SortBy` `CreationTime`; `SortOrder` (newest first when absent, as
/// AWS is recorded doing: see [`Order::OBSERVED_STUDIO_DEFAULT`]); 10 per page by default
/// (ListApps API reference).
pub fn list_apps(tables: &mut Tables, ctx: &Ctx, input: &Input) -> ApiResult<Value> {
    let domain_filter = optional_str(input, "DomainIdEquals")?;
    let profile_filter = optional_str(input, "UserProfileNameEquals")?.map(str::to_lowercase);
    let space_filter = optional_str(input, "SpaceNameEquals")?;
    // "If SpaceNameEquals is set, then this value cannot be set." (ListApps API reference,
    // UserProfileNameEquals, and the converse on SpaceNameEquals)
    if profile_filter.is_some() && space_filter.is_some() {
        return Err(ApiError::validation(
            "UserProfileNameEquals and SpaceNameEquals cannot both be set: an app belongs to a user profile or to a space.",
        ));
    }
    let order = Order::from_input(input, Order::OBSERVED_STUDIO_DEFAULT);
    let page = ctx.list_in_creation_order(
        "ListApps",
        input,
        input.get("SortBy").and_then(Value::as_str) == Some("LastModifiedTime"),
        10,
        order,
        |after, order| tables.apps.in_order(domain_filter, after, order),
        |app: &App| {
            let profile_ok = match (&profile_filter, &app.owner) {
                (None, _) => true,
                (Some(p), Owner::UserProfile(owner)) => p == owner,
                (Some(_), Owner::Space(_)) => false,
            };
            let space_ok = match (space_filter, &app.owner) {
                (None, _) => true,
                (Some(s), Owner::Space(owner)) => s == owner,
                (Some(_), Owner::UserProfile(_)) => false,
            };
            profile_ok && space_ok
        },
        // Apps have no LastModifiedTime; SortBy takes only CreationTime in the model.
        |app| app.life.created,
        |app| {
            let mut item = Input::new();
            item.insert("DomainId".into(), app.domain_id.clone().into());
            item.insert(app.owner_member().into(), app.owner_name.clone().into());
            item.insert("AppType".into(), app.app_type.clone().into());
            item.insert("AppName".into(), app.app_name.clone().into());
            item.insert("Status".into(), app.status(ctx.now).as_str().into());
            item.insert("CreationTime".into(), json_time(app.creation_time()));
            item.insert("ResourceSpec".into(), app.resource_spec.clone());
            Value::Object(item)
        },
    )?;
    Ok(page.into_output("Apps"))
}

/// DeleteApp: `Deleting`, then `Deleted` (still visible for 24 hours). "You can only delete an
/// app whose status is `InService`" (developer guide, deleting a domain): a `Pending` or
/// `Deleting` app is a ValidationException (our words); a `Deleted` one is AWS's "… has already
/// been deleted" (docs/protocol.md), a `Failed` one "… previously failed and was automatically
/// deleted" (Terraform's provider).
pub fn delete_app(tables: &mut Tables, ctx: &Ctx, input: &Input) -> ApiResult<Value> {
    let (app, key) = find_by_input(tables, ctx, input, "DeleteApp")?;
    match app.status(ctx.now) {
        Status::Deleted => {
            return Err(ApiError::validation(format!(
                "App [{}] has already been deleted.",
                app.arn
            )))
        }
        // Terraform's provider (app.go, resourceAppDelete) treats this ValidationException as
        // "gone": AWS deletes a failed app by itself.
        Status::Failed => {
            return Err(ApiError::validation(format!(
                "App [{}] previously failed and was automatically deleted.",
                app.arn
            )))
        }
        Status::InService => {}
        status => {
            return Err(ApiError::validation(format!(
                "App [{}] is in {} status: only an app whose status is InService can be deleted.",
                app.arn,
                status.as_str()
            )))
        }
    }
    if let Some(app) = tables.apps.get_mut(&key) {
        app.delete_at(ctx.now, ctx.delays);
        if let Some(reason) = ctx.failure {
            app.life.fail_deletion(reason);
        }
    }
    tables.schedule_app_expiry(&key);
    Ok(json!({}))
}

/// The idle timeout in force for a new app (docs/contract.md §4): only JupyterLab and CodeEditor apps have
/// `AppLifecycleManagement` in the model. The administrator's `IdleSettings` come from the
/// domain's defaults overridden member by member by the user profile's (private spaces) or the
/// domain's space defaults (shared spaces); `LifecycleManagement: ENABLED` turns it on. The
/// space's own `IdleTimeoutInMinutes` wins over the administrator's default and must lie within
/// `MinIdleTimeoutInMinutes`..`MaxIdleTimeoutInMinutes` ("Idle shutdown" of the Studio admin
/// guide: users pick a timeout within the bounds their administrator sets).
fn effective_idle_timeout(
    app_type: &str,
    admin_chain: &[Option<&Value>],
    space_settings: Option<&Value>,
) -> ApiResult<Option<Duration>> {
    let member = match app_type {
        "JupyterLab" => "JupyterLabAppSettings",
        "CodeEditor" => "CodeEditorAppSettings",
        _ => return Ok(None),
    };
    let path = [member, "AppLifecycleManagement", "IdleSettings"];
    let mut admin = serde_json::Map::new();
    for settings in admin_chain.iter().flatten() {
        if let Some(Value::Object(idle)) = lookup(settings, &path) {
            admin.extend(
                idle.iter()
                    .filter(|(_, v)| !v.is_null())
                    .map(|(k, v)| (k.clone(), v.clone())),
            );
        }
    }
    if admin.get("LifecycleManagement").and_then(Value::as_str) != Some("ENABLED") {
        return Ok(None);
    }
    let minutes = |name: &str| admin.get(name).and_then(Value::as_u64);
    let chosen = space_settings
        .and_then(|s| {
            lookup(
                s,
                &[
                    member,
                    "AppLifecycleManagement",
                    "IdleSettings",
                    "IdleTimeoutInMinutes",
                ],
            )
        })
        .and_then(Value::as_u64);
    if let Some(chosen) = chosen {
        let (min, max) = (
            minutes("MinIdleTimeoutInMinutes"),
            minutes("MaxIdleTimeoutInMinutes"),
        );
        if min.is_some_and(|min| chosen < min) || max.is_some_and(|max| chosen > max) {
            return Err(ApiError::validation(format!(
                "The space's IdleTimeoutInMinutes {chosen} is outside the bounds set by the administrator (MinIdleTimeoutInMinutes {}, MaxIdleTimeoutInMinutes {}).",
                min.map_or("none".to_string(), |m| m.to_string()),
                max.map_or("none".to_string(), |m| m.to_string()),
            )));
        }
    }
    Ok(chosen
        .or_else(|| minutes("IdleTimeoutInMinutes"))
        .map(|m| Duration::from_secs(m.saturating_mul(60))))
}

/// Idle shutdown, applied lazily like every other transition: an app whose idle deadline (last
/// activity + timeout) has passed by `now` is deleted as of that deadline. Called by
/// `Tables::settle` with each due deadline; a deadline moved by later activity is ignored.
/// Answers whether it shut the app down.
pub fn shut_down_if_idle(app: &mut App, due: Timestamp, delays: &DelayProfile) -> bool {
    if app.idle_deadline() == Some(due) {
        app.delete_at(due, delays);
        app.shut_down_idle = true;
        return true;
    }
    false
}

/// Marks an app active at `now` (the admin API's `activity`): its idle deadline moves. Refused
/// for an app that is being deleted or is deleted.
pub fn record_activity(tables: &mut Tables, now: Timestamp, arn: &str) -> ApiResult<Value> {
    // Found through its owner's apps (O(log n)), not by a scan of every app.
    let key = match tables.app_by_arn(arn) {
        Some(app) => (
            app.domain_id.clone(),
            app.owner.clone(),
            app.app_type.clone(),
            app.app_name.clone(),
        ),
        None => return Err(ApiError::not_found(format!("App [{arn}] does not exist."))),
    };
    let Some(app) = tables.apps.get_mut(&key) else {
        return Err(ApiError::not_found(format!("App [{arn}] does not exist.")));
    };
    if app.life.is_deleting() {
        return Err(ApiError::validation(format!(
            "App [{arn}] is {}: it can no longer be active.",
            app.status(now).as_str()
        )));
    }
    app.last_activity = now;
    let deadline = app.idle_deadline();
    if let Some(deadline) = deadline {
        tables.schedule_idle_check(deadline, key);
    }
    Ok(json!({
        "AppArn": arn,
        "LastUserActivityTimestamp": json_time(now),
        "IdleShutdownTime": deadline.map_or(Value::Null, json_time),
    }))
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;
    use crate::resources::fixture::Fixture;
    use crate::resources::space::create_space;

    fn kernel(f: &mut Fixture, domain: &str, name: &str, instance: &str) -> ApiResult<Value> {
        f.call(
            create_app,
            json!({"DomainId": domain, "UserProfileName": "ana", "AppType": "KernelGateway",
                   "AppName": name, "ResourceSpec": {"InstanceType": instance}}),
        )
    }

    #[test]
    fn jupyter_server_takes_any_name_and_runs_the_looseleaf_repository() {
        let mut f = Fixture::new();
        let id = f.domain();
        f.profile(&id, "ana");
        let app = json!({"DomainId": id, "UserProfileName": "ana", "AppType": "JupyterServer",
                         "AppName": "mine"});
        f.ok(create_app, app.clone());
        let described = f.ok(describe_app, app);
        assert_eq!(
            described["ResourceSpec"],
            json!({"InstanceType": "system", "SageMakerImageArn": "arn:aws:ecr:us-east-1:081325390199:repository/looseleaf-jupyter-server-3"})
        );
        assert_eq!(unconfigured_jupyter_server_image("xx-nowhere-1"), None);
        assert_eq!(default_jupyter_server_image("xx-nowhere-1"), None);
    }

    #[test]
    fn an_app_call_without_an_owner_is_refused_in_aws_words() {
        let mut f = Fixture::new();
        let id = f.domain();
        let app = json!({"DomainId": id, "AppType": "JupyterServer", "AppName": "default"});
        let error = f.refused(describe_app, app.clone());
        assert_eq!(error.code(), "ValidationException");
        assert_eq!(
            error.message(),
            "Either UserProfileName or SpaceName must be passed for DescribeApp operation."
        );
        let error = f.refused(delete_app, app.clone());
        assert!(error.message().ends_with("for DeleteApp operation."));
        let mut both = app;
        both["UserProfileName"] = json!("ana");
        both["SpaceName"] = json!("lab");
        assert_eq!(f.refused(create_app, both).code(), "ValidationException");
    }

    #[test]
    fn an_ended_app_is_forgotten_a_day_later_and_continued_within_it() {
        let mut f = Fixture::new();
        let id = f.domain();
        f.profile(&id, "ana");
        kernel(&mut f, &id, "k", "ml.t3.medium").unwrap();
        f.advance(1);
        let app = json!({"DomainId": id, "UserProfileName": "ana", "AppType": "KernelGateway", "AppName": "k"});
        let created = f.ok(describe_app, app.clone())["CreationTime"].clone();
        f.ok(delete_app, app.clone());
        f.advance(1);
        f.advance(24 * 3600 - 2);
        // Still within the day: described, and a new start continues it.
        assert_eq!(f.ok(describe_app, app.clone())["Status"], "Deleted");
        kernel(&mut f, &id, "k", "ml.t3.medium").unwrap();
        assert_eq!(f.ok(describe_app, app.clone())["CreationTime"], created);
        // The continued app's own end starts a new day.
        f.advance(1);
        f.ok(delete_app, app.clone());
        f.advance(24 * 3600);
        assert_eq!(f.ok(describe_app, app.clone())["Status"], "Deleted");
        f.advance(1);
        assert_eq!(f.refused(describe_app, app).code(), "ResourceNotFound");
        assert_eq!(f.tables.retired_apps.len(), 2);
    }

    #[test]
    fn kernel_gateway_on_system_runs_on_ml_t3_medium() {
        let mut f = Fixture::new();
        let id = f.domain();
        f.profile(&id, "ana");
        kernel(&mut f, &id, "k", "system").unwrap();
        assert_eq!(
            f.tables.apps.values().next().unwrap().instance_type,
            "ml.t3.medium"
        );
    }

    #[test]
    fn a_space_app_waits_for_its_space() {
        let mut f = Fixture::new();
        let id = f.domain();
        f.ok(create_space, json!({"DomainId": id, "SpaceName": "lab"}));
        let app = json!({"DomainId": id, "SpaceName": "lab", "AppType": "JupyterLab", "AppName": "default"});
        let error = f.refused(create_app, app.clone());
        assert!(error.message().ends_with("is not in InService state"));
        f.advance(1);
        f.ok(create_app, app);
    }

    #[test]
    fn a_failed_app_blocks_nothing_bills_until_it_failed_and_cannot_be_deleted() {
        let mut f = Fixture::new();
        let id = f.domain();
        f.profile(&id, "ana");
        f.failure = Some("Image pull failed.".into());
        kernel(&mut f, &id, "k", "ml.t3.medium").unwrap();
        f.failure = None;
        f.advance(5);
        let app = json!({"DomainId": id, "UserProfileName": "ana", "AppType": "KernelGateway", "AppName": "k"});
        let described = f.ok(describe_app, app.clone());
        assert_eq!(
            (
                described["Status"].as_str(),
                described["FailureReason"].as_str()
            ),
            (Some("Failed"), Some("Image pull failed."))
        );
        let error = f.refused(delete_app, app);
        assert!(error
            .message()
            .contains("previously failed and was automatically deleted"));
        let interval = f.tables.apps.values().next().unwrap().interval("a", "r");
        assert_eq!(interval.end.map(|end| end - interval.start), Some(1.0));
        // Its name can be used again.
        kernel(&mut f, &id, "k", "ml.t3.medium").unwrap();
    }

    #[test]
    fn the_app_quota_counts_running_apps_of_the_type_and_instance() {
        let mut f = Fixture::new();
        let id = f.domain();
        f.profile(&id, "ana");
        f.quotas
            .set("apps:KernelGateway:ml.t3.medium".parse().unwrap(), 1);
        kernel(&mut f, &id, "one", "ml.t3.medium").unwrap();
        let error = kernel(&mut f, &id, "two", "ml.t3.medium").unwrap_err();
        assert_eq!(error.code(), "ResourceLimitExceeded");
        kernel(&mut f, &id, "big", "ml.m5.large").unwrap();
    }

    #[test]
    fn idle_settings_of_the_profile_override_the_domains_and_a_space_stays_within_bounds() {
        // "User profile settings override domain settings." (developer guide, Idle shutdown)
        let idle = |minutes: u64| {
            json!({"JupyterLabAppSettings": {"AppLifecycleManagement": {"IdleSettings": {
                "LifecycleManagement": "ENABLED", "IdleTimeoutInMinutes": minutes,
                "MinIdleTimeoutInMinutes": 60, "MaxIdleTimeoutInMinutes": 240}}}})
        };
        let (domain, profile) = (idle(120), idle(90));
        let timeout =
            effective_idle_timeout("JupyterLab", &[Some(&domain), Some(&profile)], None).unwrap();
        assert_eq!(timeout, Some(Duration::from_secs(90 * 60)));
        // A space picks its own timeout within the administrator's bounds.
        let space = json!({"JupyterLabAppSettings": {"AppLifecycleManagement": {"IdleSettings": {
            "IdleTimeoutInMinutes": 200}}}});
        let timeout = effective_idle_timeout("JupyterLab", &[Some(&domain)], Some(&space)).unwrap();
        assert_eq!(timeout, Some(Duration::from_secs(200 * 60)));
        let too_long = json!({"JupyterLabAppSettings": {"AppLifecycleManagement": {"IdleSettings": {
            "IdleTimeoutInMinutes": 300}}}});
        let refused =
            effective_idle_timeout("JupyterLab", &[Some(&domain)], Some(&too_long)).unwrap_err();
        assert_eq!(refused.code(), "ValidationException");
        // KernelGateway apps have no idle shutdown settings.
        assert_eq!(
            effective_idle_timeout("KernelGateway", &[Some(&domain)], None).unwrap(),
            None
        );
    }
}
