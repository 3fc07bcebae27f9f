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
use crate::model::api::{self, AppInstanceType, AppType, LifecycleManagement, WireEnum};
use crate::resources::domain::Domain;
use crate::resources::pagination::Order;
use crate::resources::space::Space;
use crate::resources::table::Indexed;
use crate::resources::tags::TagList;
use crate::resources::Tables;
use crate::resources::{
    domain, epoch, from_stored, json_time, lifecycle_config, space, tags, to_stored, user_profile,
    Ctx, Life,
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
    /// The `AppType` as it travels: a string, as the meter, the snapshot and the dashboard read
    /// it (and the table key holds it).
    pub app_type: String,
    pub app_name: String,
    pub arn: String,
    /// The resolved `ResourceSpec` (always has `InstanceType`), as the JSON of an
    /// `api::ResourceSpec`: the lifecycle configurations' in-use check reads it so.
    pub resource_spec: Value,
    /// `ResourceSpec.InstanceType`, resolved, as it travels (the meter prices it by this word).
    pub instance_type: String,
    /// `RecoveryMode` as given. Kept as JSON `true`, `false` or `null`, as when this held the
    /// member's JSON value: state files written then still load.
    pub recovery_mode: Option<bool>,
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

    /// `UserProfileName` and `SpaceName` of the outputs: only the one naming the owner is set.
    fn owner_names(&self) -> (Option<String>, Option<String>) {
        match self.owner {
            Owner::UserProfile(_) => (Some(self.owner_name.clone()), None),
            Owner::Space(_) => (None, Some(self.owner_name.clone())),
        }
    }

    /// The status at `now` as the model's `AppStatus`.
    fn wire_status(&self, now: Timestamp) -> Option<api::AppStatus> {
        api::AppStatus::from_wire(self.status(now).as_str())
    }
}

/// The settings member of an app type in `UserSettings`/`SpaceSettings`, and the instance type
/// used when none is configured anywhere (`None`: one must be configured).
///
/// Defaults: JupyterServer and the other Studio Classic server apps run on `system` ("The
/// JupyterServer app … runs on the system instance type", Studio Classic usage metering page);
/// JupyterLab and CodeEditor spaces start on `ml.t3.medium` (the default instance of the Studio
/// JupyterLab/Code Editor space pages); KernelGateway and RSessionGateway need a type.
///
/// The member's name is what messages and the lifecycle configuration check name; which typed
/// member it is, [`AppTypeSettings`] knows. Every app type is listed: a new one in the model must
/// be placed here.
fn app_type_rules(app_type: AppType) -> (Option<&'static str>, Option<AppInstanceType>) {
    use AppInstanceType::{MlT3Medium, System};
    match app_type {
        AppType::JupyterServer => (Some("JupyterServerAppSettings"), Some(System)),
        AppType::KernelGateway => (Some("KernelGatewayAppSettings"), None),
        AppType::TensorBoard => (Some("TensorBoardAppSettings"), Some(System)),
        AppType::JupyterLab => (Some("JupyterLabAppSettings"), Some(MlT3Medium)),
        AppType::CodeEditor => (Some("CodeEditorAppSettings"), Some(MlT3Medium)),
        AppType::RSessionGateway => (Some("RSessionAppSettings"), None),
        // Server apps without a resource spec setting.
        AppType::RStudioServerPro | AppType::Canvas | AppType::DetailedProfiler => {
            (None, Some(System))
        }
    }
}

/// App types that run in a space; all others run under a user profile.
fn runs_in_space(app_type: AppType) -> bool {
    matches!(app_type, AppType::JupyterLab | AppType::CodeEditor)
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
fn owner_of(app: &AppRef, operation: &str) -> ApiResult<(Owner, String)> {
    match (app.user_profile_name, app.space_name) {
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

/// The members that name an app, shared by the inputs of CreateApp, DescribeApp and DeleteApp.
struct AppRef<'i> {
    domain_id: &'i str,
    app_type: AppType,
    app_name: &'i str,
    user_profile_name: Option<&'i str>,
    space_name: Option<&'i str>,
}

/// `AppRef::from(&input)` for each input that names an app (the three share these members).
macro_rules! app_ref_from {
    ($($request:ty),*) => {$(
        impl<'i> From<&'i $request> for AppRef<'i> {
            fn from(input: &'i $request) -> Self {
                AppRef {
                    domain_id: &input.domain_id,
                    app_type: input.app_type,
                    app_name: &input.app_name,
                    user_profile_name: input.user_profile_name.as_deref(),
                    space_name: input.space_name.as_deref(),
                }
            }
        }
    )*};
}

app_ref_from!(
    api::CreateAppRequest,
    api::DescribeAppRequest,
    api::DeleteAppRequest
);

fn app_key(app: &AppRef, owner: Owner) -> AppKey {
    (
        app.domain_id.to_string(),
        owner,
        app.app_type.as_str().to_string(),
        app.app_name.to_string(),
    )
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
fn check_instance_type(
    app_type: AppType,
    instance_type: AppInstanceType,
) -> ApiResult<AppInstanceType> {
    if app_type == AppType::JupyterServer && instance_type != AppInstanceType::System {
        return Err(super::settings::jupyter_server_needs_system(
            instance_type.as_str(),
        ));
    }
    if app_type == AppType::KernelGateway && instance_type == AppInstanceType::System {
        return Ok(AppInstanceType::MlT3Medium);
    }
    if instance_type == AppInstanceType::System
        && app_type_rules(app_type).1 != Some(AppInstanceType::System)
    {
        return Err(ApiError::validation(format!(
            "Invalid InstanceType 'system' for app type {}: it needs an ML instance type.",
            app_type.as_str()
        )));
    }
    Ok(instance_type)
}

/// What one kept settings object says about apps of one type: the `DefaultResourceSpec` of the
/// type's settings member and, for JupyterLab and CodeEditor (the only app settings with
/// `AppLifecycleManagement` in the model), the administrator's `IdleSettings` or the timeout a
/// space chose for itself.
///
/// The settings come in three shapes that name the same members with different types: a
/// domain's `DefaultUserSettings` and a user profile's `UserSettings` (`UserSettings`), a
/// domain's `DefaultSpaceSettings`, and a space's own `SpaceSettings`.
#[derive(Debug, Clone, Default)]
struct AppTypeSettings {
    default_resource_spec: Option<api::ResourceSpec>,
    /// The administrator's idle settings (`UserSettings`, `DefaultSpaceSettings`).
    idle_settings: Option<api::IdleSettings>,
    /// The space's own `IdleTimeoutInMinutes` (`SpaceSettings`).
    chosen_idle_timeout: Option<i32>,
}

/// The model shape of a kept settings object (see [`AppTypeSettings`]): `UserSettings`,
/// `DefaultSpaceSettings` or `SpaceSettings`.
#[derive(Debug, Clone, Copy)]
enum SettingsShape {
    User,
    DefaultSpace,
    Space,
}

impl AppTypeSettings {
    /// Reads `kept`, a settings object of `shape` as a record keeps it (JSON), for apps of
    /// `app_type`; nothing when there is none.
    fn read(kept: Option<&Value>, shape: SettingsShape, app_type: AppType) -> ApiResult<Self> {
        let Some(kept) = kept else {
            return Ok(Self::default());
        };
        Ok(match shape {
            SettingsShape::User => Self::of_user(&from_stored(kept)?, app_type),
            SettingsShape::DefaultSpace => Self::of_default_space(&from_stored(kept)?, app_type),
            SettingsShape::Space => Self::of_space(&from_stored(kept)?, app_type),
        })
    }

    /// The settings of an app type whose member holds only a resource spec that matters here.
    fn spec(spec: Option<&api::ResourceSpec>) -> Self {
        AppTypeSettings {
            default_resource_spec: spec.cloned(),
            ..Self::default()
        }
    }

    /// An administrator's JupyterLab or CodeEditor settings: resource spec and idle settings.
    fn administered(
        spec: Option<&api::ResourceSpec>,
        lifecycle: Option<&api::AppLifecycleManagement>,
    ) -> Self {
        AppTypeSettings {
            default_resource_spec: spec.cloned(),
            idle_settings: lifecycle.and_then(|l| l.idle_settings.clone()),
            chosen_idle_timeout: None,
        }
    }

    /// A space's own JupyterLab or CodeEditor settings: resource spec and its chosen timeout.
    fn chosen(
        spec: Option<&api::ResourceSpec>,
        lifecycle: Option<&api::SpaceAppLifecycleManagement>,
    ) -> Self {
        AppTypeSettings {
            default_resource_spec: spec.cloned(),
            idle_settings: None,
            chosen_idle_timeout: lifecycle
                .and_then(|l| l.idle_settings.as_ref())
                .and_then(|idle| idle.idle_timeout_in_minutes),
        }
    }

    /// A domain's `DefaultUserSettings` or a user profile's `UserSettings`.
    fn of_user(settings: &api::UserSettings, app_type: AppType) -> Self {
        match app_type {
            AppType::JupyterServer => Self::spec(
                settings
                    .jupyter_server_app_settings
                    .as_ref()
                    .and_then(|s| s.default_resource_spec.as_ref()),
            ),
            AppType::KernelGateway => Self::spec(
                settings
                    .kernel_gateway_app_settings
                    .as_ref()
                    .and_then(|s| s.default_resource_spec.as_ref()),
            ),
            AppType::TensorBoard => Self::spec(
                settings
                    .tensor_board_app_settings
                    .as_ref()
                    .and_then(|s| s.default_resource_spec.as_ref()),
            ),
            AppType::RSessionGateway => Self::spec(
                settings
                    .r_session_app_settings
                    .as_ref()
                    .and_then(|s| s.default_resource_spec.as_ref()),
            ),
            AppType::JupyterLab => {
                settings
                    .jupyter_lab_app_settings
                    .as_ref()
                    .map_or_else(Self::default, |s| {
                        Self::administered(
                            s.default_resource_spec.as_ref(),
                            s.app_lifecycle_management.as_ref(),
                        )
                    })
            }
            AppType::CodeEditor => {
                settings
                    .code_editor_app_settings
                    .as_ref()
                    .map_or_else(Self::default, |s| {
                        Self::administered(
                            s.default_resource_spec.as_ref(),
                            s.app_lifecycle_management.as_ref(),
                        )
                    })
            }
            AppType::RStudioServerPro | AppType::Canvas | AppType::DetailedProfiler => {
                Self::default()
            }
        }
    }

    /// A domain's `DefaultSpaceSettings`. The model gives it no `CodeEditorAppSettings`: a
    /// shared space's CodeEditor app takes no resource spec or idle settings from it.
    fn of_default_space(settings: &api::DefaultSpaceSettings, app_type: AppType) -> Self {
        match app_type {
            AppType::JupyterServer => Self::spec(
                settings
                    .jupyter_server_app_settings
                    .as_ref()
                    .and_then(|s| s.default_resource_spec.as_ref()),
            ),
            AppType::KernelGateway => Self::spec(
                settings
                    .kernel_gateway_app_settings
                    .as_ref()
                    .and_then(|s| s.default_resource_spec.as_ref()),
            ),
            AppType::JupyterLab => {
                settings
                    .jupyter_lab_app_settings
                    .as_ref()
                    .map_or_else(Self::default, |s| {
                        Self::administered(
                            s.default_resource_spec.as_ref(),
                            s.app_lifecycle_management.as_ref(),
                        )
                    })
            }
            _ => Self::default(),
        }
    }

    /// A space's own `SpaceSettings`: its resource spec, and the idle timeout it chose.
    fn of_space(settings: &api::SpaceSettings, app_type: AppType) -> Self {
        match app_type {
            AppType::JupyterServer => Self::spec(
                settings
                    .jupyter_server_app_settings
                    .as_ref()
                    .and_then(|s| s.default_resource_spec.as_ref()),
            ),
            AppType::KernelGateway => Self::spec(
                settings
                    .kernel_gateway_app_settings
                    .as_ref()
                    .and_then(|s| s.default_resource_spec.as_ref()),
            ),
            AppType::JupyterLab => {
                settings
                    .jupyter_lab_app_settings
                    .as_ref()
                    .map_or_else(Self::default, |s| {
                        Self::chosen(
                            s.default_resource_spec.as_ref(),
                            s.app_lifecycle_management.as_ref(),
                        )
                    })
            }
            AppType::CodeEditor => {
                settings
                    .code_editor_app_settings
                    .as_ref()
                    .map_or_else(Self::default, |s| {
                        Self::chosen(
                            s.default_resource_spec.as_ref(),
                            s.app_lifecycle_management.as_ref(),
                        )
                    })
            }
            _ => Self::default(),
        }
    }
}

/// `over`'s members replace `spec`'s, member by member (a member `over` does not set keeps its
/// value). Every member is named: a new one in the model must be merged here too.
fn overlay_spec(spec: &mut api::ResourceSpec, over: &api::ResourceSpec) {
    let api::ResourceSpec {
        instance_type,
        lifecycle_config_arn,
        sage_maker_image_arn,
        sage_maker_image_version_alias,
        sage_maker_image_version_arn,
        training_plan_arn,
    } = over.clone();
    spec.instance_type = instance_type.or(spec.instance_type);
    spec.lifecycle_config_arn = lifecycle_config_arn.or(spec.lifecycle_config_arn.take());
    spec.sage_maker_image_arn = sage_maker_image_arn.or(spec.sage_maker_image_arn.take());
    spec.sage_maker_image_version_alias =
        sage_maker_image_version_alias.or(spec.sage_maker_image_version_alias.take());
    spec.sage_maker_image_version_arn =
        sage_maker_image_version_arn.or(spec.sage_maker_image_version_arn.take());
    spec.training_plan_arn = training_plan_arn.or(spec.training_plan_arn.take());
}

/// Resolves the app's resource spec: the default chain, most general first, each more specific
/// spec overriding member by member; then the app type's default instance.
fn resolve_resource_spec(
    app_type: AppType,
    region: &str,
    chain: &[AppTypeSettings],
    given: Option<&api::ResourceSpec>,
) -> ApiResult<(api::ResourceSpec, AppInstanceType)> {
    let (settings_member, default_instance) = app_type_rules(app_type);
    let mut spec = api::ResourceSpec::default();
    for defaults in chain
        .iter()
        .filter_map(|s| s.default_resource_spec.as_ref())
    {
        overlay_spec(&mut spec, defaults);
    }
    if let Some(given) = given {
        overlay_spec(&mut spec, given);
    }
    let instance_type = match spec.instance_type.or(default_instance) {
        Some(t) => t,
        None => {
            return Err(ApiError::validation(format!(
                "No instance type for the {} app: ResourceSpec.InstanceType is not given and neither the owner's nor the domain's {} sets DefaultResourceSpec.InstanceType.",
                app_type.as_str(),
                settings_member.unwrap_or("settings")
            )))
        }
    };
    let instance_type = check_instance_type(app_type, instance_type)?;
    spec.instance_type = Some(instance_type);
    if app_type == AppType::JupyterServer && spec.sage_maker_image_arn.is_none() {
        spec.sage_maker_image_arn = unconfigured_jupyter_server_image(region);
    }
    Ok((spec, instance_type))
}

/// What CreateApp reads from the app's owner: the settings chains its resource spec and idle
/// shutdown resolve through (most general first), its tags, and its name as created.
struct OwnerSettings<'t> {
    /// Domain defaults, then the owner's settings (then the space's own, for a space app), as
    /// the records keep them: the lifecycle configuration check reads them so.
    kept_chain: Vec<Option<&'t Value>>,
    /// The same chain, read for the app's type.
    chain: Vec<AppTypeSettings>,
    /// The administrator's idle settings: domain defaults, then the user profile's or the
    /// domain's space defaults.
    idle_chain: Vec<AppTypeSettings>,
    /// The space's own settings (its chosen idle timeout), for a space app.
    space_idle: Option<AppTypeSettings>,
    owner_tags: TagList,
    owner_name: String,
}

/// The owner settings of an app of a user profile (Studio Classic apps only).
fn profile_settings<'t>(
    tables: &'t Tables,
    ctx: &Ctx,
    domain: &'t Domain,
    key: &AppKey,
    app_type: AppType,
    name: &str,
) -> ApiResult<OwnerSettings<'t>> {
    if runs_in_space(app_type) {
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
    let kept_chain = vec![domain.default_user_settings(), profile.user_settings()];
    let chain = kept_chain
        .iter()
        .map(|kept| AppTypeSettings::read(*kept, SettingsShape::User, app_type))
        .collect::<ApiResult<_>>()?;
    Ok(OwnerSettings {
        kept_chain,
        chain,
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
    app_type: AppType,
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
    let read = |kept, shape| AppTypeSettings::read(kept, shape, app_type);
    let domain_user = read(domain.default_user_settings(), SettingsShape::User)?;
    let own = read(space.space_settings(), SettingsShape::Space)?;
    let (kept_chain, chain, idle_chain) = match owner_settings {
        // Private space: its owner's settings, over the domain's user defaults.
        Some(settings) => {
            let owner = read(Some(settings), SettingsShape::User)?;
            (
                vec![
                    domain.default_user_settings(),
                    Some(settings),
                    space.space_settings(),
                ],
                vec![domain_user.clone(), owner.clone(), own.clone()],
                vec![domain_user, owner],
            )
        }
        None => {
            let domain_space = read(domain.default_space_settings(), SettingsShape::DefaultSpace)?;
            (
                vec![domain.default_space_settings(), space.space_settings()],
                vec![domain_space.clone(), own.clone()],
                vec![domain_user, domain_space],
            )
        }
    };
    Ok(OwnerSettings {
        kept_chain,
        chain,
        idle_chain,
        space_idle: Some(own),
        owner_tags: tags::tags_of(tables, &space.arn).to_vec(),
        owner_name: space_name.to_string(),
    })
}

/// Refuses one more running app of `app_type` on `instance_type` over its quota (the count walks
/// the partition's apps only when a limit is set).
fn check_app_quota(
    tables: &Tables,
    ctx: &Ctx,
    app_type: AppType,
    instance_type: AppInstanceType,
) -> ApiResult<()> {
    if instance_type == AppInstanceType::System {
        return Ok(());
    }
    // The records and the quota names hold the words as they travel.
    let (app_type, instance_type) = (app_type.as_str(), instance_type.as_str());
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
    own_tags: Option<&[api::Tag]>,
    arn: &str,
) -> ApiResult<TagList> {
    let domain_tags = domain::custom_tags(tables, domain);
    tags::initial_tags(
        &tags::tag_list(own_tags)?,
        &[&settings.owner_tags, &domain_tags],
        Some(&domain.arn),
        arn,
    )
}

/// CreateApp.
pub fn create_app(
    tables: &mut Tables,
    ctx: &Ctx,
    input: api::CreateAppRequest,
) -> ApiResult<api::CreateAppResponse> {
    let app_type = input.app_type;
    let (owner, owner_name) = owner_of(&AppRef::from(&input), "CreateApp")?;
    let key = app_key(&AppRef::from(&input), owner.clone());
    domain::find_live(tables, ctx, &key.0)?;
    let domain = domain::find(tables, ctx, &key.0)?;
    let settings = match &owner {
        Owner::UserProfile(_) => {
            profile_settings(tables, ctx, domain, &key, app_type, &owner_name)?
        }
        Owner::Space(space_name) => {
            space_settings(tables, ctx, domain, &key, app_type, space_name)?
        }
    };
    let (resource_spec, instance_type) = resolve_resource_spec(
        app_type,
        ctx.region,
        &settings.chain,
        input.resource_spec.as_ref(),
    )?;
    let idle_timeout = effective_idle_timeout(&settings.idle_chain, settings.space_idle.as_ref())?;
    // Kept as JSON: the lifecycle configurations read it so (here and in their in-use check).
    let resource_spec = to_stored(&resource_spec);
    let rules = app_type_rules(app_type).0;
    let script_failure = lifecycle_config::check_app_lifecycle_config(
        tables,
        &key.2,
        rules,
        &settings.kept_chain,
        &resource_spec,
    )?;
    let arn = arn(ctx, &key.0, &owner, &key.2, &key.3);
    let initial_tags = app_tags(tables, domain, &settings, input.tags.as_deref(), &arn)?;
    let earlier = tables.apps.get(&key);
    if earlier.is_some_and(|app| app.is_live(ctx.now)) {
        return Err(ApiError::in_use(format!("App [{arn}] already exists.")));
    }
    // An ended app of the same name still in the table ended less than 24 hours ago (older ones
    // are gone): the new one is "considered an update" and keeps its metadata.
    let continued = earlier.map(|app| (app.creation_time(), app.sequence));
    check_app_quota(tables, ctx, app_type, instance_type)?;
    let failure = ctx.failure.map(str::to_string).or(script_failure);
    let app = App {
        domain_id: key.0.clone(),
        owner,
        owner_name: settings.owner_name,
        app_type: key.2.clone(),
        app_name: key.3.clone(),
        arn: arn.clone(),
        resource_spec,
        instance_type: instance_type.as_str().to_string(),
        recovery_mode: input.recovery_mode,
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
    Ok(api::CreateAppResponse { app_arn: Some(arn) })
}

/// The app named by the input of `operation` (DescribeApp, DeleteApp).
fn find_by_input<'t>(
    tables: &'t Tables,
    ctx: &Ctx,
    input: &AppRef,
    operation: &str,
) -> ApiResult<(&'t App, AppKey)> {
    let (owner, _) = owner_of(input, operation)?;
    let key = app_key(input, owner);
    match tables.apps.get(&key) {
        Some(app) => Ok((app, key)),
        None => Err(not_found(ctx, &key)),
    }
}

/// DescribeApp: also for a `Deleted` app.
pub fn describe_app(
    tables: &mut Tables,
    ctx: &Ctx,
    input: api::DescribeAppRequest,
) -> ApiResult<api::DescribeAppResponse> {
    let (app, _) = find_by_input(tables, ctx, &AppRef::from(&input), "DescribeApp")?;
    let (user_profile_name, space_name) = app.owner_names();
    Ok(api::DescribeAppResponse {
        app_arn: Some(app.arn.clone()),
        app_type: AppType::from_wire(&app.app_type),
        app_name: Some(app.app_name.clone()),
        domain_id: Some(app.domain_id.clone()),
        user_profile_name,
        space_name,
        status: app.wire_status(ctx.now),
        // Members AWS fills in (recorded, DescribeApp of InService and Deleted apps, July 2026):
        // `EffectiveTrustedIdentityPropagationStatus`, `RecoveryMode` false when not asked, and
        // both activity stamps, equal to each other and to the creation for an app nobody used,
        // later for one that was (here: the last activity, which the admin API's `activity`
        // moves).
        effective_trusted_identity_propagation_status: Some(trusted_identity_propagation(
            tables,
            &app.domain_id,
        )?),
        recovery_mode: Some(app.recovery_mode.unwrap_or(false)),
        last_health_check_timestamp: Some(epoch(app.last_activity)),
        last_user_activity_timestamp: Some(epoch(app.last_activity)),
        creation_time: Some(epoch(app.creation_time())),
        resource_spec: Some(from_stored(&app.resource_spec)?),
        failure_reason: app.life.failure_reason(ctx.now).map(str::to_string),
        built_in_lifecycle_config_arn: None,
    })
}

/// `EffectiveTrustedIdentityPropagationStatus` of an app: `ENABLED` when its domain's
/// `DomainSettings.TrustedIdentityPropagationSettings.Status` is (inferred from the member's name;
/// recorded: `DISABLED` for apps of a domain without the setting), `DISABLED` otherwise, also once
/// the domain is gone.
fn trusted_identity_propagation(tables: &Tables, domain_id: &str) -> ApiResult<api::FeatureStatus> {
    let Some(domain) = tables.domains.get(domain_id) else {
        return Ok(api::FeatureStatus::Disabled);
    };
    let enabled = domain
        .given_settings()?
        .domain_settings
        .and_then(|settings| settings.trusted_identity_propagation_settings)
        .is_some_and(|propagation| propagation.status == api::FeatureStatus::Enabled);
    Ok(if enabled {
        api::FeatureStatus::Enabled
    } else {
        api::FeatureStatus::Disabled
    })
}

/// An app as ListApps lists it.
fn app_details(app: &App, now: Timestamp) -> ApiResult<api::AppDetails> {
    let (user_profile_name, space_name) = app.owner_names();
    Ok(api::AppDetails {
        domain_id: Some(app.domain_id.clone()),
        user_profile_name,
        space_name,
        app_type: AppType::from_wire(&app.app_type),
        app_name: Some(app.app_name.clone()),
        status: app.wire_status(now),
        creation_time: Some(epoch(app.creation_time())),
        resource_spec: Some(from_stored(&app.resource_spec)?),
    })
}

/// ListApps: filters `DomainIdEquals`, `UserProfileNameEquals` (case-insensitive, like profile
/// names), `SpaceNameEquals`; `SortBy` `CreationTime`; `SortOrder` (newest first when absent, as
/// AWS is recorded doing: see [`Order::OBSERVED_STUDIO_DEFAULT`]); 10 per page by default
/// (ListApps API reference).
pub fn list_apps(
    tables: &mut Tables,
    ctx: &Ctx,
    input: api::ListAppsRequest,
) -> ApiResult<api::ListAppsResponse> {
    let domain_filter = input.domain_id_equals.as_deref();
    let profile_filter = input
        .user_profile_name_equals
        .as_deref()
        .map(str::to_lowercase);
    let space_filter = input.space_name_equals.as_deref();
    // "If SpaceNameEquals is set, then this value cannot be set." (ListApps API reference,
    // UserProfileNameEquals, and the converse on SpaceNameEquals)
    if profile_filter.is_some() && space_filter.is_some() {
        return Err(ApiError::validation(
            "UserProfileNameEquals and SpaceNameEquals cannot both be set: an app belongs to a user profile or to a space.",
        ));
    }
    let order = match input.sort_order {
        Some(api::SortOrder::Ascending) => Order::Ascending,
        Some(api::SortOrder::Descending) => Order::Descending,
        None => Order::OBSERVED_STUDIO_DEFAULT,
    };
    let page = ctx.list_in_creation_order(
        "ListApps",
        &input,
        // `AppSortKey` has only `CreationTime`: apps are never sorted by a modification time.
        false,
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
        |app| app_details(app, ctx.now),
    )?;
    Ok(api::ListAppsResponse {
        apps: Some(page.items.into_iter().collect::<ApiResult<_>>()?),
        next_token: page.next_token,
    })
}

/// DeleteApp: `Deleting`, then `Deleted` (still visible for 24 hours). "You can only delete an
/// app whose status is `InService`" (developer guide, deleting a domain): a `Pending` or
/// `Deleting` app is a ValidationException (our words); a `Deleted` one is AWS's "… has already
/// been deleted" (docs/protocol.md), a `Failed` one "… previously failed and was automatically
/// deleted" (Terraform's provider).
pub fn delete_app(
    tables: &mut Tables,
    ctx: &Ctx,
    input: api::DeleteAppRequest,
) -> ApiResult<api::Empty> {
    let (app, key) = find_by_input(tables, ctx, &AppRef::from(&input), "DeleteApp")?;
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
    Ok(api::Empty {})
}

/// `over`'s members replace `idle`'s, member by member.
fn overlay_idle(idle: &mut api::IdleSettings, over: &api::IdleSettings) {
    let api::IdleSettings {
        idle_timeout_in_minutes,
        lifecycle_management,
        max_idle_timeout_in_minutes,
        min_idle_timeout_in_minutes,
    } = *over;
    idle.idle_timeout_in_minutes = idle_timeout_in_minutes.or(idle.idle_timeout_in_minutes);
    idle.lifecycle_management = lifecycle_management.or(idle.lifecycle_management);
    idle.max_idle_timeout_in_minutes =
        max_idle_timeout_in_minutes.or(idle.max_idle_timeout_in_minutes);
    idle.min_idle_timeout_in_minutes =
        min_idle_timeout_in_minutes.or(idle.min_idle_timeout_in_minutes);
}

/// The idle timeout in force for a new app (docs/contract.md §4): only JupyterLab and CodeEditor
/// apps have `AppLifecycleManagement` in the model (so only theirs carry idle settings, see
/// [`AppTypeSettings`]). The administrator's `IdleSettings` come from the
/// domain's defaults overridden member by member by the user profile's (private spaces) or the
/// domain's space defaults (shared spaces); `LifecycleManagement: ENABLED` turns it on. The
/// space's own `IdleTimeoutInMinutes` wins over the administrator's default and must lie within
/// `MinIdleTimeoutInMinutes`..`MaxIdleTimeoutInMinutes` ("Idle shutdown" of the Studio admin
/// guide: users pick a timeout within the bounds their administrator sets).
fn effective_idle_timeout(
    admin_chain: &[AppTypeSettings],
    space_settings: Option<&AppTypeSettings>,
) -> ApiResult<Option<Duration>> {
    let mut admin = api::IdleSettings::default();
    for idle in admin_chain.iter().filter_map(|s| s.idle_settings.as_ref()) {
        overlay_idle(&mut admin, idle);
    }
    if admin.lifecycle_management != Some(LifecycleManagement::Enabled) {
        return Ok(None);
    }
    // Minutes as whole non-negative numbers (the model bounds them; a negative one counts as
    // unset, as it did when read from JSON).
    let minutes = |m: Option<i32>| m.and_then(|m| u64::try_from(m).ok());
    let chosen = minutes(space_settings.and_then(|s| s.chosen_idle_timeout));
    if let Some(chosen) = chosen {
        let (min, max) = (
            minutes(admin.min_idle_timeout_in_minutes),
            minutes(admin.max_idle_timeout_in_minutes),
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
        .or_else(|| minutes(admin.idle_timeout_in_minutes))
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
        // The settings as the records keep them, read for the app's type.
        let user = |settings: &Value, app_type| {
            AppTypeSettings::read(Some(settings), SettingsShape::User, app_type).unwrap()
        };
        let space_of = |settings: &Value| {
            AppTypeSettings::read(Some(settings), SettingsShape::Space, AppType::JupyterLab)
                .unwrap()
        };
        let (domain, profile) = (idle(120), idle(90));
        let timeout = effective_idle_timeout(
            &[
                user(&domain, AppType::JupyterLab),
                user(&profile, AppType::JupyterLab),
            ],
            None,
        )
        .unwrap();
        assert_eq!(timeout, Some(Duration::from_secs(90 * 60)));
        // A space picks its own timeout within the administrator's bounds.
        let space = json!({"JupyterLabAppSettings": {"AppLifecycleManagement": {"IdleSettings": {
            "IdleTimeoutInMinutes": 200}}}});
        let timeout = effective_idle_timeout(
            &[user(&domain, AppType::JupyterLab)],
            Some(&space_of(&space)),
        )
        .unwrap();
        assert_eq!(timeout, Some(Duration::from_secs(200 * 60)));
        let too_long = json!({"JupyterLabAppSettings": {"AppLifecycleManagement": {"IdleSettings": {
            "IdleTimeoutInMinutes": 300}}}});
        let refused = effective_idle_timeout(
            &[user(&domain, AppType::JupyterLab)],
            Some(&space_of(&too_long)),
        )
        .unwrap_err();
        assert_eq!(refused.code(), "ValidationException");
        // KernelGateway apps have no idle shutdown settings.
        assert_eq!(
            effective_idle_timeout(&[user(&domain, AppType::KernelGateway)], None).unwrap(),
            None
        );
    }
}
