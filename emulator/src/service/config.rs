//! What a service is built from: the settings below the HTTP edge (account and region defaults,
//! the clock, transition delays, the state file, a scenario, quotas, where presigned URLs point)
//! and [`Service::build`], which loads the state file and starts the scenario. Who may call and
//! how (the bind address, authentication, the dashboard's controls, limits) is the HTTP layer's
//! (`http::server::Config`), which derives a [`ServiceConfig`] from its own.

use crate::persistence::{CompactionRule, Journal, Summary};
use crate::protocol::Defaults;
use crate::service::scenario::Scenario;
use crate::service::state::StateSource;
use crate::service::Service;
use crate::sim::clock::Clock;
use crate::sim::lifecycle::DelayProfile;
use crate::sim::quotas::{QuotaLimits, Quotas};

/// The settings of a service.
#[derive(Debug, Clone)]
pub struct ServiceConfig {
    /// Account and region of calls that carry none.
    pub defaults: Defaults,
    /// Transition durations.
    pub delays: DelayProfile,
    /// The clock.
    pub clock: Clock,
    /// `--state-file`: the snapshot and journal to load and append every change to.
    pub state_file: Option<std::path::PathBuf>,
    /// When the state file's journal is compacted into a new snapshot.
    pub compaction: CompactionRule,
    /// `--scenario`: replayed lazily from the start (T0 = the clock's now at build).
    pub scenario: Option<Scenario>,
    /// Where presigned URLs point, `{endpoint}` already replaced; `None`: AWS's Studio host.
    pub studio_base_url: Option<String>,
    /// `--quota`: service quotas in force from the start.
    pub quotas: QuotaLimits,
    /// `--check-output-shapes`: check every output against the model (always on in debug).
    pub check_output_shapes: bool,
}

impl Service {
    /// The service `config` describes, its state file loaded and its scenario started.
    pub fn build(config: ServiceConfig) -> std::io::Result<Service> {
        crate::model::model();
        let mut service = Service::new(config.clock, config.delays, config.defaults);
        service.studio_base_url = config.studio_base_url;
        service.quotas = Quotas::new(config.quotas);
        service.check_output_shapes |= config.check_output_shapes;
        if let Some(path) = &config.state_file {
            let mut loaded = Summary::default();
            let now = service.clock.now().0;
            // Loaded while the service has no journal yet: the replayed changes are in the file.
            let journal = Journal::open(path, config.compaction, now, |input| {
                loaded = service.load(input, StateSource::OwnFile)?;
                Ok(loaded.clone())
            })
            .map_err(std::io::Error::other)?;
            service.journal = journal;
            tracing::info!(path = %path.display(), version = loaded.version, bytes = loaded.good_len, snapshot_bytes = loaded.snapshot_len, journal_records = loaded.entries, "state loaded");
        }
        if let Some(scenario) = config.scenario {
            let progress = service.load_scenario(scenario);
            tracing::info!(scenario = %progress["Name"], calls = %progress["Total"], "scenario loaded");
        }
        // Last, so that the owner the journal thread rebuilds with has the whole configuration.
        service.own_journal();
        Ok(service)
    }
}
