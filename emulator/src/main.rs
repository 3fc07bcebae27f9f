//! The `sagemaker-studio-emulator` binary: flags (each also `SMSE_<FLAG>`) → `Config`, tracing,
//! SIGINT/SIGTERM handlers, bind, print `listening on http://HOST:PORT`, serve until a signal,
//! then shut down gracefully. Subcommands `usage`, `quick-start` and `health` are clients of a
//! running emulator. See `docs/contract.md` §1 and `docs/flags.md`.

use std::io::Write;
use std::process::ExitCode;
use std::time::Duration;

/// mimalloc instead of glibc's malloc: the request path allocates many small, short-lived
/// buffers (measured with perf under wrk: malloc and free were 8% of DescribeDomain's CPU).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use clap::{Parser, ValueEnum};
use sagemaker_studio_emulator::clock::{Clock, ClockMode};
use sagemaker_studio_emulator::http::ui;
use sagemaker_studio_emulator::lifecycle::{
    parse_delay_override, DelayPreset, DelayProfile, Transition,
};
use sagemaker_studio_emulator::server::{start, Config, Limits};
use sagemaker_studio_emulator::service::scenario::Scenario;
use sagemaker_studio_emulator::sim::quotas;
use sagemaker_studio_emulator::usage_table;
use sagemaker_studio_emulator::Auth;

#[derive(Debug, Clone, Copy, ValueEnum)]
enum ClockArg {
    /// Wall time × --time-scale.
    Real,
    /// Moves only through POST /_emulator/clock/advance.
    Manual,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum DelaysArg {
    /// Every transition is immediate.
    Instant,
    /// Every transition takes 1 s.
    Fast,
    /// Durations seen on AWS (domain 5 min, app 3 min, …).
    Realistic,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum AuthArg {
    /// Any or no signature is accepted.
    Lenient,
    /// Every API call must carry a valid SigV4 signature by a key of --credentials-file.
    Strict,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum LogFormat {
    Text,
    Json,
}

fn delay_kinds_help() -> String {
    let kinds: Vec<&str> = Transition::ALL.iter().map(|t| t.name()).collect();
    format!(
        "Override one transition's duration, repeatable, e.g. domain.create=90s (units ms, s, m, h). Kinds: {}",
        kinds.join(", ")
    )
}

/// A local emulator of the Amazon SageMaker Studio control plane (awsJson1.1), for the real AWS
/// SDKs through an endpoint-url override. Admin API under /_emulator/.
#[derive(Debug, Parser)]
#[command(name = "sagemaker-studio-emulator", version)]
struct Cli {
    /// Address to bind (loopback by default; binding elsewhere is an explicit choice).
    #[arg(long, env = "SMSE_HOST", default_value = "127.0.0.1")]
    host: String,
    /// Port; 0 picks a free one (the startup line prints the real one).
    #[arg(long, env = "SMSE_PORT", default_value_t = 8787)]
    port: u16,
    /// Account used when a request's access key id is not a 12-digit number.
    #[arg(long, env = "SMSE_ACCOUNT_ID", default_value = "000000000000", value_parser = parse_account_id)]
    account_id: String,
    /// Region used when a request carries no SigV4 credential scope.
    #[arg(long, env = "SMSE_REGION", default_value = "us-east-1")]
    region: String,
    /// Transition durations: instant (0 s), fast (1 s each), realistic (as seen on AWS).
    #[arg(long, env = "SMSE_DELAYS", value_enum, default_value = "fast")]
    delays: DelaysArg,
    #[arg(long = "delay", env = "SMSE_DELAY", value_delimiter = ',', value_parser = parse_delay_override, help = delay_kinds_help())]
    delay: Vec<(Transition, Duration)>,
    /// real: wall time × --time-scale; manual: moves only through the admin API.
    #[arg(long, env = "SMSE_CLOCK", value_enum, default_value = "real")]
    clock: ClockArg,
    /// Simulated seconds per wall second in real mode (60 = a minute per second), 0.001 to
    /// 1000000; the clock stops at 9999-12-31T23:59:59Z.
    #[arg(long, env = "SMSE_TIME_SCALE", default_value_t = 1.0, value_parser = parse_time_scale)]
    time_scale: f64,
    /// lenient: any or no signature; strict: verify SigV4 against --credentials-file.
    #[arg(long, env = "SMSE_AUTH", value_enum, default_value = "lenient")]
    auth: AuthArg,
    /// Strict mode: an AWS shared credentials file (INI: [name], aws_access_key_id,
    /// aws_secret_access_key, optional aws_session_token and account_id); only its key pairs are
    /// accepted.
    #[arg(long, env = "SMSE_CREDENTIALS_FILE", value_name = "PATH")]
    credentials_file: Option<std::path::PathBuf>,
    /// Load state from this file at start; every acknowledged change is durable in it (a
    /// snapshot plus a journal of the changes since; created if missing; a file of another format
    /// is never overwritten).
    #[arg(long, env = "SMSE_STATE_FILE")]
    state_file: Option<std::path::PathBuf>,
    /// Compact the state file (write a new snapshot, start the journal again) once its journal
    /// holds more than this many times the bytes of its snapshot...
    #[arg(
        long,
        env = "SMSE_COMPACT_RATIO",
        default_value_t = 1.0,
        value_name = "RATIO"
    )]
    compact_ratio: f64,
    /// ...and at least this many bytes.
    #[arg(long, env = "SMSE_COMPACT_MIN_BYTES", default_value_t = 1024 * 1024, value_name = "BYTES")]
    compact_min_bytes: u64,
    /// Log format.
    #[arg(long, env = "SMSE_LOG_FORMAT", value_enum, default_value = "text")]
    log_format: LogFormat,
    /// Make CreatePresignedDomainUrl point at the emulator's own Studio page instead of AWS's
    /// host, e.g. '{endpoint}/_emulator/studio' ({endpoint} = this server's http://HOST:PORT).
    #[arg(long, env = "SMSE_STUDIO_BASE_URL")]
    studio_base_url: Option<String>,
    /// Replay a scenario fixture (fixtures/scenarios/*.json) on the emulator's clock from the
    /// start: Setup at once, each step at start + AtSeconds (Teardown is not run). For demos, with
    /// --time-scale 600 and the dashboard at /_emulator/ui.
    #[arg(long, env = "SMSE_SCENARIO", value_name = "FILE")]
    scenario: Option<std::path::PathBuf>,
    /// Show the dashboard's clock and reset buttons even when --host is not loopback (on
    /// loopback they are always shown).
    #[arg(long, env = "SMSE_UI_CONTROLS")]
    ui_controls: bool,
    /// A service quota, repeatable: NAME=LIMIT with NAME domains, user-profiles, spaces or
    /// apps:APPTYPE:INSTANCETYPE (INSTANCETYPE may be *), e.g. apps:KernelGateway:ml.g5.48xlarge=0.
    /// A call over a limit gets AWS's ResourceLimitExceeded. Default: no limits.
    #[arg(long = "quota", env = "SMSE_QUOTA", value_delimiter = ',', value_parser = quotas::parse_quota)]
    quotas: Vec<(quotas::QuotaName, u64)>,
    /// A host name the emulator answers to besides IP addresses and localhost, repeatable (e.g.
    /// the name of its container): a request addressed to any other name is refused, against
    /// DNS rebinding.
    #[arg(
        long = "allowed-host",
        env = "SMSE_ALLOWED_HOST",
        value_delimiter = ','
    )]
    allowed_hosts: Vec<String>,
    /// The bearer token admin calls that change or export state must carry
    /// (Authorization: Bearer TOKEN). Without it, a non-loopback --host refuses those calls.
    #[arg(long, env = "SMSE_ADMIN_TOKEN", hide_env_values = true)]
    admin_token: Option<String>,
    /// Seconds a client may take to send a request's headers; also how long an idle keep-alive
    /// connection is kept waiting for its next request.
    #[arg(long = "header-timeout", env = "SMSE_HEADER_TIMEOUT", default_value_t = 10.0, value_parser = parse_positive_seconds)]
    header_timeout: f64,
    /// Seconds a client may take to send a request's body once its headers are in (then 408).
    #[arg(long = "body-timeout", env = "SMSE_BODY_TIMEOUT", default_value_t = 30.0, value_parser = parse_positive_seconds)]
    body_timeout: f64,
    /// Connections served at once; past it a new connection is closed (and the first refusal
    /// logged). Keep it below the process's open-file limit.
    #[arg(
        long = "max-connections",
        env = "SMSE_MAX_CONNECTIONS",
        default_value_t = 512
    )]
    max_connections: usize,
    /// Check every response against the SageMaker model's output shape and answer a mismatch as
    /// a 500 naming it (for the emulator's own tests; debug builds always check).
    #[arg(long, env = "SMSE_CHECK_OUTPUT_SHAPES")]
    check_output_shapes: bool,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Debug, clap::Subcommand)]
enum Command {
    /// Print a running emulator's usage report (instances, hours, cost) as a table.
    Usage {
        /// The emulator's endpoint.
        #[arg(long, default_value = "http://127.0.0.1:8787")]
        endpoint: String,
        /// Only this account.
        #[arg(long = "account-id")]
        account_id: Option<String>,
        /// Only this region.
        #[arg(long = "region")]
        region: Option<String>,
        /// Only this domain.
        #[arg(long = "domain-id")]
        domain_id: Option<String>,
    },
    /// Do what the SageMaker console's Quick setup does, against a running emulator: a domain
    /// named QuickSetupDomain-<timestamp> with the console's settings, the user profile, and its
    /// default JupyterServer app. Prints what it made.
    QuickStart {
        /// The emulator's endpoint.
        #[arg(long, default_value = "http://127.0.0.1:8787")]
        endpoint: String,
        /// The user profile's name.
        #[arg(long = "user-name")]
        user_name: String,
        /// The execution role of the domain's users and shared spaces (an IAM role ARN).
        #[arg(long = "execution-role")]
        execution_role: String,
        /// The account to make it in (12 digits).
        #[arg(long = "account-id", default_value = "000000000000", value_parser = parse_account_id)]
        account_id: String,
        /// The region to make it in.
        #[arg(long, default_value = "us-east-1")]
        region: String,
    },
    /// Exit 0 when a running emulator answers GET /_emulator/health with "ok", 1 otherwise (or
    /// when no answer comes within --timeout). For a container's HEALTHCHECK: no shell, no curl.
    Health {
        /// The emulator's endpoint. Default: this configuration's own address, from --host and
        /// --port (SMSE_HOST, SMSE_PORT), with 0.0.0.0 read as 127.0.0.1 and :: as ::1.
        #[arg(long)]
        endpoint: Option<String>,
        /// Seconds to wait for the answer.
        #[arg(long, default_value_t = 2.0, value_parser = parse_positive_seconds)]
        timeout: f64,
    },
}

/// The endpoint of an emulator bound to `host:port`, as a client on the same machine dials it:
/// an unspecified address (0.0.0.0, ::) is reached through loopback.
fn local_endpoint(host: &str, port: u16) -> Result<String, String> {
    if port == 0 {
        return Err("--port 0 picks a port at start: give --endpoint".to_string());
    }
    let bare = host.trim_start_matches('[').trim_end_matches(']');
    let host = match bare.parse::<std::net::IpAddr>() {
        Ok(ip) if ip.is_unspecified() && ip.is_ipv4() => "127.0.0.1".to_string(),
        Ok(ip) if ip.is_unspecified() => "[::1]".to_string(),
        Ok(std::net::IpAddr::V6(ip)) => format!("[{ip}]"),
        _ => bare.to_string(),
    };
    Ok(format!("http://{host}:{port}"))
}

/// `health`: GET /_emulator/health within `timeout`; Ok(the version) when it says ok.
async fn check_health(endpoint: &str, timeout: Duration) -> Result<String, String> {
    let exchange = sagemaker_studio_emulator::cli_client::exchange(
        endpoint,
        "GET",
        "/_emulator/health",
        &[],
        "",
    );
    let (status, body) = tokio::time::timeout(timeout, exchange)
        .await
        .map_err(|_| format!("{endpoint}: no answer within {timeout:?}"))??;
    let answer: serde_json::Value = serde_json::from_str(&body).unwrap_or_default();
    if status == 200 && answer["Status"] == "ok" {
        Ok(answer["Version"].as_str().unwrap_or("?").to_string())
    } else {
        Err(format!("{endpoint}: health answered {status}: {body}"))
    }
}

async fn print_usage(endpoint: &str, filters: &[(&str, &Option<String>)]) -> ExitCode {
    let query: Vec<String> = filters
        .iter()
        .filter_map(|(name, value)| value.as_ref().map(|v| format!("{name}={v}")))
        .collect();
    match usage_table::fetch(endpoint, &query.join("&")).await {
        Ok(report) => {
            print!("{}", usage_table::render(&report));
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("sagemaker-studio-emulator usage: {e}");
            ExitCode::FAILURE
        }
    }
}

/// Reads and parses `--scenario FILE`; the error names the file and the problem.
fn read_scenario(path: &std::path::Path) -> Result<Scenario, String> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| format!("--scenario {}: cannot read it: {e}", path.display()))?;
    Scenario::parse(&text).map_err(|e| format!("--scenario {}: {e}", path.display()))
}

fn parse_account_id(s: &str) -> Result<String, String> {
    if s.len() == 12 && s.bytes().all(|b| b.is_ascii_digit()) {
        Ok(s.to_string())
    } else {
        Err(format!("'{s}': an account id is 12 digits"))
    }
}

fn parse_positive_seconds(s: &str) -> Result<f64, String> {
    match s.parse::<f64>() {
        Ok(v) if v.is_finite() && v > 0.0 && v <= 86_400.0 => Ok(v),
        _ => Err(format!(
            "'{s}': a number of seconds above 0 (at most a day)"
        )),
    }
}

/// The bounds of `--time-scale`: a thousandth of real time to a million times it (11.6
/// simulated days per second: a year of notebooks in 32 s). Beyond, the clock would reach the year
/// 9999 (where it stops) within minutes, or never visibly move.
const TIME_SCALE_BOUNDS: (f64, f64) = (0.001, 1_000_000.0);

fn parse_time_scale(s: &str) -> Result<f64, String> {
    let (min, max) = TIME_SCALE_BOUNDS;
    match s.parse::<f64>() {
        Ok(v) if v.is_finite() && (min..=max).contains(&v) => Ok(v),
        _ => Err(format!(
            "'{s}': a number of simulated seconds per wall second from {min} to {max}"
        )),
    }
}

fn init_tracing(format: LogFormat) {
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info"));
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr);
    match format {
        // Colour codes only on a terminal: a log redirected to a file or a pipe stays plain text.
        LogFormat::Text => builder
            .with_ansi(std::io::IsTerminal::is_terminal(&std::io::stderr()))
            .init(),
        LogFormat::Json => builder.json().with_ansi(false).init(),
    }
}

/// Resolves on the first SIGINT or SIGTERM. The handlers are installed when this is called, not
/// when the future is first polled: as a container's PID 1 the kernel ignores a signal that has no
/// handler (no default action there), so a `podman stop` during start would otherwise be lost and
/// the container killed 10 s later.
#[cfg(unix)]
fn shutdown_signal() -> std::io::Result<impl std::future::Future<Output = ()>> {
    use tokio::signal::unix::{signal, SignalKind};
    let mut interrupt = signal(SignalKind::interrupt())?;
    let mut terminate = signal(SignalKind::terminate())?;
    Ok(async move {
        tokio::select! {
            _ = interrupt.recv() => {}
            _ = terminate.recv() => {}
        }
    })
}

#[cfg(not(unix))]
fn shutdown_signal() -> std::io::Result<impl std::future::Future<Output = ()>> {
    Ok(async {
        let _ = tokio::signal::ctrl_c().await;
    })
}

#[tokio::main]
async fn main() -> ExitCode {
    let cli = Cli::parse();
    if let Some(Command::Usage {
        endpoint,
        account_id,
        region,
        domain_id,
    }) = &cli.command
    {
        return print_usage(
            endpoint,
            &[
                ("AccountId", account_id),
                ("Region", region),
                ("DomainId", domain_id),
            ],
        )
        .await;
    }
    if let Some(Command::QuickStart {
        endpoint,
        user_name,
        execution_role,
        account_id,
        region,
    }) = &cli.command
    {
        return match sagemaker_studio_emulator::quick_start::run(
            endpoint,
            user_name,
            execution_role,
            region,
            account_id,
        )
        .await
        {
            Ok(made) => {
                for line in made {
                    println!("{line}");
                }
                ExitCode::SUCCESS
            }
            Err(e) => {
                eprintln!("sagemaker-studio-emulator quick-start: {e}");
                ExitCode::FAILURE
            }
        };
    }
    if let Some(Command::Health { endpoint, timeout }) = &cli.command {
        let endpoint = match endpoint {
            Some(endpoint) => endpoint.clone(),
            None => match local_endpoint(&cli.host, cli.port) {
                Ok(endpoint) => endpoint,
                Err(e) => {
                    eprintln!("sagemaker-studio-emulator health: {e}");
                    return ExitCode::FAILURE;
                }
            },
        };
        return match check_health(&endpoint, Duration::from_secs_f64(*timeout)).await {
            Ok(version) => {
                println!("healthy: {endpoint} (version {version})");
                ExitCode::SUCCESS
            }
            Err(e) => {
                eprintln!("sagemaker-studio-emulator health: {e}");
                ExitCode::FAILURE
            }
        };
    }
    init_tracing(cli.log_format);
    let stop = match shutdown_signal() {
        Ok(stop) => stop,
        Err(e) => {
            eprintln!("sagemaker-studio-emulator: cannot handle SIGINT/SIGTERM: {e}");
            return ExitCode::FAILURE;
        }
    };
    let preset = match cli.delays {
        DelaysArg::Instant => DelayPreset::Instant,
        DelaysArg::Fast => DelayPreset::Fast,
        DelaysArg::Realistic => DelayPreset::Realistic,
    };
    let delays = cli
        .delay
        .iter()
        .fold(DelayProfile::new(preset), |profile, (t, d)| {
            profile.with(*t, *d)
        });
    let clock = Clock::new(match cli.clock {
        ClockArg::Real => ClockMode::Real {
            time_scale: cli.time_scale,
        },
        ClockArg::Manual => ClockMode::Manual,
    });
    let auth = match (cli.auth, &cli.credentials_file) {
        (AuthArg::Strict, Some(path)) => match Auth::strict_from_file(path) {
            Ok(auth) => auth,
            Err(e) => {
                eprintln!("sagemaker-studio-emulator: {e}");
                return ExitCode::FAILURE;
            }
        },
        (AuthArg::Strict, None) => {
            eprintln!("sagemaker-studio-emulator: --auth strict needs --credentials-file PATH (or SMSE_CREDENTIALS_FILE)");
            return ExitCode::FAILURE;
        }
        (AuthArg::Lenient, Some(path)) => {
            tracing::warn!(path = %path.display(), "--credentials-file is used only with --auth strict; ignored");
            Auth::Lenient
        }
        (AuthArg::Lenient, None) => Auth::Lenient,
    };
    let scenario = match &cli.scenario {
        Some(path) => match read_scenario(path) {
            Ok(scenario) => Some(scenario),
            Err(e) => {
                eprintln!("sagemaker-studio-emulator: {e}");
                return ExitCode::FAILURE;
            }
        },
        None => None,
    };
    // Bound to the network (a classroom, a container): say in the log how the admin API is
    // open, since its refusals would otherwise be the first sign of it.
    let admin_notice = (!sagemaker_studio_emulator::http::guard::is_loopback(&cli.host))
        .then(|| cli.admin_token.as_deref().is_some_and(|t| !t.is_empty()));
    let config = Config {
        host: cli.host,
        port: cli.port,
        account_id: cli.account_id,
        region: cli.region,
        delays,
        clock,
        studio_base_url: cli.studio_base_url,
        auth,
        state_file: cli.state_file,
        compaction: sagemaker_studio_emulator::persistence::CompactionRule {
            ratio: cli.compact_ratio,
            min_journal_bytes: cli.compact_min_bytes,
        },
        scenario,
        ui_controls: cli.ui_controls,
        quotas: {
            let mut limits = quotas::QuotaLimits::unlimited();
            for (name, limit) in cli.quotas {
                limits.set(name, limit);
            }
            limits
        },
        check_output_shapes: cli.check_output_shapes,
        allowed_hosts: cli.allowed_hosts,
        admin_token: cli.admin_token,
        limits: Limits {
            header_read_timeout: std::time::Duration::from_secs_f64(cli.header_timeout),
            max_connections: cli.max_connections.max(1),
            body_read_timeout: std::time::Duration::from_secs_f64(cli.body_timeout),
            ..Limits::default()
        },
    };
    let server = match start(config).await {
        Ok(server) => server,
        Err(e) => {
            eprintln!("sagemaker-studio-emulator: cannot start: {e}");
            return ExitCode::FAILURE;
        }
    };
    {
        let mut stdout = std::io::stdout().lock();
        let _ = writeln!(stdout, "listening on {}", server.endpoint_url());
        let _ = stdout.flush();
    }
    tracing::info!(endpoint = %server.endpoint_url(), "serving");
    match admin_notice {
        Some(true) => tracing::info!(
            "not bound to loopback: admin calls that change or export state need Authorization: Bearer <the admin token>"
        ),
        Some(false) => tracing::warn!(
            "not bound to loopback and no admin token: admin calls that change or export state are refused (set --admin-token or SMSE_ADMIN_TOKEN to allow them)"
        ),
        None => {}
    }
    tracing::info!(
        dashboard = %format!("{}{}", server.endpoint_url(), ui::PAGE_PATH),
        "open the dashboard in a browser"
    );
    stop.await;
    tracing::info!("shutting down");
    match server.shutdown().await {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("sagemaker-studio-emulator: {e}");
            ExitCode::FAILURE
        }
    }
}
