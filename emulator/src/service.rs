//! The emulator's core, shared by the API and the admin routes: the store, the clock, the delay
//! profile and the defaults. `call` runs one operation: look it up in the dispatch table, validate
//! its input against the SageMaker model (so no handler sees an invalid input), then run its handler under the partition's lock with one `now`.

use serde_json::Value;

use crate::clock::Clock;
use crate::credentials::Auth;
use crate::dispatch;
use crate::error::{ApiError, ApiResult};
use crate::faults::Faults;
use crate::lifecycle::DelayProfile;
use crate::metering::{self, UsageReport};
use crate::model::{self, InputError};
use crate::prices;
use crate::protocol::{ApiRequest, Defaults};
use crate::resources::pagination::Pager;
use crate::resources::{app, Ctx};
use crate::store::{lock, PartitionKey, Store};
use crate::studio_page;

/// Everything a request needs. Cheap to clone (the store and clock are shared handles).
#[derive(Debug, Clone)]
pub struct Service {
    pub store: Store,
    pub clock: Clock,
    pub delays: DelayProfile,
    pub defaults: Defaults,
    pub pager: Pager,
    /// `--auth`: lenient, or strict with the credentials file's key pairs.
    pub auth: Auth,
    /// Faults queued through `/_emulator/faults`.
    pub faults: Faults,
    /// `--studio-base-url`: presigned URLs point here (the emulator's Studio page) when set.
    pub studio_base_url: Option<String>,
}

impl Service {
    /// A service with an empty store.
    pub fn new(clock: Clock, delays: DelayProfile, defaults: Defaults) -> Self {
        Service {
            store: Store::new(),
            clock,
            delays,
            defaults,
            pager: Pager::new(),
            auth: Auth::default(),
            faults: Faults::default(),
            studio_base_url: None,
        }
    }

    /// Runs one API call.
    pub fn call(&self, request: &ApiRequest) -> ApiResult<Value> {
        let handler = dispatch::handler(&request.operation).ok_or_else(|| {
            ApiError::UnknownOperation(format!(
                "Operation {} is not supported by this emulator.",
                request.operation
            ))
        })?;
        model::validate_input(&request.operation, &request.input).map_err(|e| match e {
            InputError::Validation(message) => ApiError::Validation(message),
            InputError::Serialization(message) => ApiError::Serialization(message),
        })?;
        let partition = self.store.partition(&PartitionKey {
            account_id: request.account_id.clone(),
            region: request.region.clone(),
        });
        let mut tables = lock(&partition);
        let now = self.clock.now();
        tables.settle(now, &self.delays);
        let ctx = Ctx {
            account_id: &request.account_id,
            region: &request.region,
            now,
            delays: &self.delays,
            pager: &self.pager,
            studio_base_url: self.studio_base_url.as_deref(),
        };
        handler(&mut tables, &ctx, &request.input)
    }

    /// The usage report at `now` of the partitions and domain that `filter` selects.
    pub fn usage(&self, filter: &UsageFilter) -> UsageReport {
        let now = self.clock.now();
        let mut intervals = Vec::new();
        for key in self.store.partition_keys() {
            if filter
                .account_id
                .as_ref()
                .is_some_and(|a| *a != key.account_id)
                || filter.region.as_ref().is_some_and(|r| *r != key.region)
            {
                continue;
            }
            let partition = self.store.partition(&key);
            let mut tables = lock(&partition);
            tables.settle(now, &self.delays);
            intervals.extend(tables.app_intervals(&key).into_iter().filter(|app| {
                filter
                    .domain_id
                    .as_ref()
                    .is_none_or(|d| *d == app.domain_id)
            }));
        }
        metering::meter(&intervals, now.as_epoch_seconds(), prices::usd_per_hour)
    }

    /// Marks the app `arn` active now (idle shutdown); its partition is read from the ARN.
    pub fn record_activity(&self, arn: &str) -> ApiResult<Value> {
        let (region, account_id) = parse_app_arn(arn)?;
        let partition = self.store.partition(&PartitionKey { account_id, region });
        let mut tables = lock(&partition);
        let now = self.clock.now();
        tables.settle(now, &self.delays);
        app::record_activity(&mut tables, now, arn)
    }

    /// The Studio page a presigned URL opens, if its grant is valid now.
    pub fn studio_page(
        &self,
        grant: Option<crate::resources::presigned_url::Grant>,
        domain_id: &str,
    ) -> Result<String, studio_page::Refusal> {
        let now = self.clock.now();
        let grant = studio_page::check(grant, domain_id, now)?;
        let partition = self.store.partition(&PartitionKey {
            account_id: grant.account_id.clone(),
            region: grant.region.clone(),
        });
        let mut tables = lock(&partition);
        tables.settle(now, &self.delays);
        Ok(studio_page::render(&tables, &grant, now))
    }

    /// Empties all state and pending faults (admin reset); the configuration stays.
    pub fn reset(&self) {
        self.store.clear();
        self.faults.clear();
    }
}

/// Which instances a usage report covers (`GET /_emulator/usage` query members).
#[derive(Debug, Clone, Default, serde::Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct UsageFilter {
    pub account_id: Option<String>,
    pub region: Option<String>,
    pub domain_id: Option<String>,
}

/// `(region, account)` of `arn:aws:sagemaker:REGION:ACCOUNT:app/…`.
fn parse_app_arn(arn: &str) -> ApiResult<(String, String)> {
    let mut parts = arn.splitn(6, ':');
    match (
        parts.next(),
        parts.next(),
        parts.next(),
        parts.next(),
        parts.next(),
        parts.next(),
    ) {
        (Some("arn"), Some(_), Some("sagemaker"), Some(region), Some(account), Some(resource))
            if resource.starts_with("app/") && !region.is_empty() && !account.is_empty() =>
        {
            Ok((region.to_string(), account.to_string()))
        }
        _ => Err(ApiError::validation(format!(
            "'{arn}' is not an app ARN (arn:aws:sagemaker:REGION:ACCOUNT:app/DOMAIN/OWNER/TYPE/NAME)."
        ))),
    }
}
