//! The emulator's core, shared by the API and the admin routes: the store, the clock, the delay
//! profile and the defaults. `call` runs one operation: look it up in the dispatch table, validate
//! its input against the SageMaker model (so no handler sees an invalid input), then run its handler under the partition's lock with one `now`.

use serde_json::Value;

use crate::clock::Clock;
use crate::dispatch;
use crate::error::{ApiError, ApiResult};
use crate::lifecycle::DelayProfile;
use crate::model::{self, InputError};
use crate::protocol::{ApiRequest, Defaults};
use crate::resources::pagination::Pager;
use crate::resources::Ctx;
use crate::store::{lock, PartitionKey, Store};

/// Everything a request needs. Cheap to clone (the store and clock are shared handles).
#[derive(Debug, Clone)]
pub struct Service {
    pub store: Store,
    pub clock: Clock,
    pub delays: DelayProfile,
    pub defaults: Defaults,
    pub pager: Pager,
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
        tables.settle(now);
        let ctx = Ctx {
            account_id: &request.account_id,
            region: &request.region,
            now,
            delays: &self.delays,
            pager: &self.pager,
        };
        handler(&mut tables, &ctx, &request.input)
    }

    /// Empties all state (admin reset); the configuration stays.
    pub fn reset(&self) {
        self.store.clear();
    }
}
