//! A test fixture of the rule layer: one partition's tables, a call context on a manual `now`,
//! and shortcuts to call handlers and make the usual resources, so that each family's rules are
//! tested without HTTP, validation or a runtime.

use serde_json::{json, Value};

use crate::error::{ApiError, ApiResult};
use crate::resources::pagination::Pager;
use crate::resources::{Ctx, Input, Tables};
use crate::sim::clock::Timestamp;
use crate::sim::lifecycle::{DelayPreset, DelayProfile};
use crate::sim::quotas::QuotaLimits;

/// A handler the fixture can call with a JSON body: its input read from the JSON, its output
/// written back as JSON, as the dispatch table does. `M` names the handler's types.
pub trait FixtureHandler<M> {
    /// Runs the handler on `input`.
    fn run(&self, tables: &mut Tables, ctx: &Ctx, input: &Input) -> ApiResult<Value>;
}

/// Marks a typed handler taking `I` and answering `O`.
pub struct Typed<I, O>(std::marker::PhantomData<(I, O)>);

impl<F, I, O> FixtureHandler<Typed<I, O>> for F
where
    F: Fn(&mut Tables, &Ctx, I) -> ApiResult<O>,
    I: serde::de::DeserializeOwned,
    O: serde::Serialize,
{
    fn run(&self, tables: &mut Tables, ctx: &Ctx, input: &Input) -> ApiResult<Value> {
        let typed = I::deserialize(input)
            .map_err(|e| ApiError::Serialization(format!("fixture input: {e}")))?;
        let output = self(tables, ctx, typed)?;
        Ok(serde_json::to_value(output).expect("typed outputs serialize"))
    }
}

/// The account of every fixture call.
pub const ACCOUNT: &str = "111122223333";
/// An execution role for domains.
pub const ROLE: &str = "arn:aws:iam::111122223333:role/r";

/// One partition, a clock the test moves, and the call context's parts.
pub struct Fixture {
    pub tables: Tables,
    pub now: Timestamp,
    pub quotas: QuotaLimits,
    /// `FailureReason` of the next calls, as a fault would give it.
    pub failure: Option<String>,
    delays: DelayProfile,
    pager: Pager,
    seed: u64,
}

impl Fixture {
    /// Empty tables at 2026-01-01, every transition one second.
    pub fn new() -> Self {
        Fixture {
            tables: Tables::default(),
            now: Timestamp(1_767_225_600_000),
            quotas: QuotaLimits::unlimited(),
            failure: None,
            delays: DelayProfile::new(DelayPreset::Fast),
            pager: Pager::new(),
            seed: 1,
        }
    }

    /// Runs `handler` on `input` (a JSON object) now.
    pub fn call<M>(&mut self, handler: impl FixtureHandler<M>, input: Value) -> ApiResult<Value> {
        let Value::Object(input) = input else {
            panic!("fixture calls take objects")
        };
        self.seed += 1;
        let ctx = Ctx {
            account_id: ACCOUNT,
            region: "us-east-1",
            now: self.now,
            delays: &self.delays,
            pager: &self.pager,
            studio_base_url: None,
            rng: std::cell::Cell::new(self.seed),
            failure: self.failure.as_deref(),
            quotas: &self.quotas,
        };
        self.tables.settle(self.now, &self.delays);
        handler.run(&mut self.tables, &ctx, &input)
    }

    /// A call that must succeed.
    pub fn ok<M>(&mut self, handler: impl FixtureHandler<M>, input: Value) -> Value {
        let shown = input.to_string();
        self.call(handler, input)
            .unwrap_or_else(|e| panic!("{shown}: {}: {}", e.code(), e.message()))
    }

    /// A call that must be refused.
    pub fn refused<M>(&mut self, handler: impl FixtureHandler<M>, input: Value) -> ApiError {
        let shown = input.to_string();
        match self.call(handler, input) {
            Ok(out) => panic!("{shown} must be refused, answered {out}"),
            Err(e) => e,
        }
    }

    /// Moves `now` forward.
    pub fn advance(&mut self, seconds: i64) {
        self.now = Timestamp(self.now.0 + seconds * 1000);
    }

    /// An `InService` domain with only an execution role; its id.
    pub fn domain(&mut self) -> String {
        let out = self.ok(
            crate::resources::domain::create_domain,
            json!({"DomainName": "d", "AuthMode": "IAM", "DefaultUserSettings": {"ExecutionRole": ROLE}}),
        );
        self.advance(1);
        out["DomainId"].as_str().unwrap_or_default().to_string()
    }

    /// An `InService` user profile of `domain`.
    pub fn profile(&mut self, domain: &str, name: &str) {
        self.ok(
            crate::resources::user_profile::create_user_profile,
            json!({"DomainId": domain, "UserProfileName": name}),
        );
        self.advance(1);
    }
}
