//! `bench`: the emulator's load benchmark. `bench run --emulator PATH` starts the
//! release emulator and a do-nothing axum server (the ceiling: `bench ceiling`, this same binary),
//! drives both over keep-alive HTTP/1.1 connections on 127.0.0.1 with SDK-shaped awsJson1.1
//! requests, and prints requests per second and latencies per operation with their ratio to the
//! ceiling, start times and resident memory, each beside the issue's goal. `scripts/bench` (or
//! `just bench`) builds the release binaries and runs it. Not part of `cargo test`.

// A benchmark measures wall time: the workspace's ban on `Instant::now` (clippy.toml keeps the
// emulator's time behind its clock, for deterministic tests) does not apply to it.
#![allow(clippy::disallowed_methods)]

/// The emulator's allocator, so that the ceiling's allocations cost what the emulator's do.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

mod ceiling;
mod client;
mod load;
mod process;
mod report;
mod state;
mod wrk;

use std::io;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;
use std::time::{Duration, Instant};

use clap::{Parser, Subcommand};
use serde_json::Value;

use crate::client::{api_request, api_request_as, Conn};
use crate::load::{Outcome, Requests, Until};
use crate::process::Server;
use crate::report::{Measured, Report, StartTimes};

#[derive(Debug, Parser)]
#[command(
    name = "bench",
    about = "Load benchmark of the SageMaker Studio emulator"
)]
struct Cli {
    #[command(subcommand)]
    command: Cmd,
}

#[derive(Debug, Subcommand)]
enum Cmd {
    /// Run the whole benchmark and print the table.
    Run(RunArgs),
    /// Serve the ceiling (a do-nothing server) on 127.0.0.1.
    Ceiling {
        /// Port; 0 picks a free one (printed as `listening on http://…`).
        #[arg(long, default_value_t = 0)]
        port: u16,
    },
}

#[derive(Debug, clap::Args)]
struct RunArgs {
    /// The release emulator binary (target/release/sagemaker-studio-emulator).
    #[arg(long)]
    emulator: PathBuf,
    /// Concurrent keep-alive connections per measurement.
    #[arg(long, default_value_t = 32)]
    connections: usize,
    /// Measured seconds per operation (after a warm-up of a sixth of it).
    #[arg(long, default_value_t = 3.0)]
    seconds: f64,
    /// Profiles in the large domain.
    #[arg(long, default_value_t = 100_000)]
    profiles: u64,
    /// Profiles in the small domain.
    #[arg(long, default_value_t = 100)]
    small_profiles: u64,
    /// Domains in the large account of the ListDomains row (the small account has 100).
    #[arg(long, default_value_t = 300_000)]
    domains: u64,
    /// Extra spawns of each server for the start time (the median is reported).
    #[arg(long, default_value_t = 9)]
    starts: usize,
    /// Where the durable run keeps its state file (on disk, so that syncs cost what they cost).
    #[arg(long, default_value = "/var/tmp")]
    state_dir: PathBuf,
    /// CreateUserProfile + DeleteUserProfile cycles of the churn memory row.
    #[arg(long, default_value_t = 1_000_000)]
    churn_cycles: u64,
    /// Live profiles of the restart row...
    #[arg(long, default_value_t = 100_000)]
    restart_profiles: u64,
    /// ...after this many changes in all.
    #[arg(long, default_value_t = 1_000_000)]
    restart_changes: u64,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        // The ceiling runs like the emulator: tokio's multi-threaded runtime.
        Cmd::Ceiling { port } => tokio::runtime::Builder::new_multi_thread()
            .enable_all()
            .build()
            .and_then(|rt| rt.block_on(ceiling::serve(port))),
        // The load generator takes one thread, leaving the rest of the machine to the server.
        Cmd::Run(args) => tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .and_then(|rt| rt.block_on(run(args))),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("bench: {e}");
            ExitCode::FAILURE
        }
    }
}

fn progress(message: &str) {
    eprintln!("bench: {message}");
}

/// One call that must answer 200; its body as JSON.
async fn call_ok(
    conn: &mut Conn,
    addr: SocketAddr,
    operation: &str,
    body: &str,
) -> io::Result<Value> {
    let reply = conn.call(&api_request(addr, operation, body)).await?;
    let text = String::from_utf8_lossy(reply.body).into_owned();
    if reply.status != 200 {
        return Err(io::Error::other(format!(
            "{operation} answered HTTP {}: {text}",
            reply.status
        )));
    }
    serde_json::from_str(&text).map_err(io::Error::other)
}

const CREATE_DOMAIN: &str = r#"{"DomainName":"NAME","AuthMode":"IAM","DefaultUserSettings":{"ExecutionRole":"arn:aws:iam::111122223333:role/service-role/AmazonSageMaker-ExecutionRole","SecurityGroups":["sg-0123456789abcdef0"],"SharingSettings":{"NotebookOutputOption":"Disabled"}},"SubnetIds":["subnet-0123456789abcdef0"],"VpcId":"vpc-0123456789abcdef0"}"#;

pub(crate) async fn create_domain(
    conn: &mut Conn,
    addr: SocketAddr,
    name: &str,
) -> io::Result<String> {
    let out = call_ok(
        conn,
        addr,
        "CreateDomain",
        &CREATE_DOMAIN.replace("NAME", name),
    )
    .await?;
    out["DomainId"]
        .as_str()
        .map(str::to_string)
        .ok_or_else(|| io::Error::other(format!("CreateDomain answered no DomainId: {out}")))
}

fn create_profile_requests(
    addr: SocketAddr,
    domain_id: String,
    prefix: &'static str,
) -> Arc<Requests> {
    Arc::new(Requests::Numbered(Box::new(move |i| {
        api_request(
            addr,
            "CreateUserProfile",
            &format!(r#"{{"DomainId":"{domain_id}","UserProfileName":"{prefix}-{i}"}}"#),
        )
    })))
}

/// ListDomains' first page in an account of 100 domains and in one of `large` domains, on an
/// emulator of their own (the large account holds about a gigabyte): its rows, small first.
async fn list_domains_rows(
    emulator: &std::path::Path,
    emulator_args: &[&str],
    conns: usize,
    window: Until,
    large: u64,
) -> io::Result<(Outcome, Outcome)> {
    let server = Server::spawn(emulator, emulator_args).await?;
    let addr = server.addr;
    let mut rows = Vec::new();
    for (account, count) in [("222233334444", 100), ("333344445555", large)] {
        load::run(
            addr,
            conns,
            Until::Count(count),
            Arc::new(Requests::Numbered(Box::new(move |i| {
                api_request_as(
                    addr,
                    account,
                    "CreateDomain",
                    &CREATE_DOMAIN.replace("NAME", &format!("d{i}")),
                )
            }))),
        )
        .await?;
        let page = api_request_as(addr, account, "ListDomains", r#"{"MaxResults":10}"#);
        rows.push(load::run(addr, conns, window, Arc::new(Requests::Same(page))).await?);
    }
    server.stop().await?;
    let large_row = rows.pop().ok_or_else(|| io::Error::other("no large row"))?;
    let small_row = rows.pop().ok_or_else(|| io::Error::other("no small row"))?;
    Ok((small_row, large_row))
}

/// The size of the dashboard's poll answer now.
async fn resources_bytes(addr: SocketAddr, path: &str) -> io::Result<usize> {
    let mut conn = Conn::connect(addr).await?;
    let reply = conn.call(&client::get_request(addr, path)).await?;
    Ok(reply.body.len())
}

fn list_request(addr: SocketAddr, domain_id: &str) -> Vec<u8> {
    api_request(
        addr,
        "ListUserProfiles",
        &format!(r#"{{"DomainIdEquals":"{domain_id}","MaxResults":50}}"#),
    )
}

fn describe_request(addr: SocketAddr, domain_id: &str) -> Vec<u8> {
    api_request(
        addr,
        "DescribeDomain",
        &format!(r#"{{"DomainId":"{domain_id}"}}"#),
    )
}

/// The disk's own cost of durability: median of 50 appends each followed by `fdatasync`, in ms.
/// With group commit, durable changes per second are bounded by connections / this.
fn fsync_median_ms(dir: &std::path::Path) -> io::Result<f64> {
    use std::io::Write;
    let path = dir.join(format!("smse-bench-fsync-{}", std::process::id()));
    let mut file = std::fs::File::create(&path)?;
    let mut times = Vec::with_capacity(50);
    for _ in 0..50 {
        let began = Instant::now();
        file.write_all(&[b'x'; 200])?;
        file.sync_data()?;
        times.push(began.elapsed().as_secs_f64() * 1000.0);
    }
    let _ = std::fs::remove_file(&path);
    times.sort_by(|a, b| a.total_cmp(b));
    Ok(times[times.len() / 2])
}

/// Spawns `program args` `n` times (one at a time), and returns the start times.
async fn start_times(program: &std::path::Path, args: &[&str], n: usize) -> io::Result<StartTimes> {
    let mut times = StartTimes::default();
    for _ in 0..n {
        let server = Server::spawn(program, args).await?;
        times.push(server.to_listening, server.to_first_ok);
        server.stop().await?;
    }
    Ok(times)
}

async fn run(args: RunArgs) -> io::Result<()> {
    let began = Instant::now();
    let measure = Duration::from_secs_f64(args.seconds);
    let window = Until::Window {
        warmup: measure / 6,
        measure,
    };
    let conns = args.connections;
    let me = std::env::current_exe()?;
    let ceiling_args = ["ceiling", "--port", "0"];
    let emulator_args = ["--port", "0", "--delays", "instant", "--clock", "manual"];

    progress("start times (spawn → listening line → first 200)");
    let mut ceiling_starts = start_times(&me, &ceiling_args, args.starts).await?;
    let mut emulator_starts = start_times(&args.emulator, &emulator_args, args.starts).await?;

    let ceiling = Server::spawn(&me, &ceiling_args).await?;
    ceiling_starts.push(ceiling.to_listening, ceiling.to_first_ok);
    let emulator = Server::spawn(&args.emulator, &emulator_args).await?;
    emulator_starts.push(emulator.to_listening, emulator.to_first_ok);
    let addr = emulator.addr;
    progress(&format!(
        "emulator pid {} on {addr}, ceiling on {}",
        emulator.pid().unwrap_or(0),
        ceiling.addr
    ));
    let rss_fresh = emulator.rss_kib()?;
    let ceiling_rss = ceiling.rss_kib()?;

    let mut setup = Conn::connect(addr).await?;
    let d0 = create_domain(&mut setup, addr, "bench").await?;
    let d_small = create_domain(&mut setup, addr, "small").await?;
    let d_large = create_domain(&mut setup, addr, "large").await?;
    let described = call_ok(
        &mut setup,
        addr,
        "DescribeDomain",
        &format!(r#"{{"DomainId":"{d0}"}}"#),
    )
    .await?
    .to_string()
    .len();

    let mut report = Report::new(conns, measure);
    report.describe_bytes = (described, ceiling::BODY.len());

    progress("ceiling (first run)");
    let ceiling_req = Arc::new(Requests::Same(describe_request(
        ceiling.addr,
        "d-ceiling00000",
    )));
    let ceiling_first = load::run(ceiling.addr, conns, window, ceiling_req.clone()).await?;

    progress("DescribeDomain");
    let describe = load::run(
        addr,
        conns,
        window,
        Arc::new(Requests::Same(describe_request(addr, &d0))),
    )
    .await?;
    let rss_idle = emulator.rss_kib()?;

    progress(&format!(
        "creating {} + {} profiles",
        args.small_profiles, args.profiles
    ));
    let fill_small = load::run(
        addr,
        conns,
        Until::Count(args.small_profiles),
        create_profile_requests(addr, d_small.clone(), "small"),
    )
    .await?;
    let fill_large = load::run(
        addr,
        conns,
        Until::Count(args.profiles),
        create_profile_requests(addr, d_large.clone(), "user"),
    )
    .await?;
    let rss_full = emulator.rss_kib()?;
    // The setup connection sat idle through the fills: past the server's idle timeout (10 s)
    // it is closed, so a fresh one.
    let mut setup = Conn::connect(addr).await?;
    for (domain, expected) in [(&d_small, args.small_profiles), (&d_large, args.profiles)] {
        let page = call_ok(
            &mut setup,
            addr,
            "ListUserProfiles",
            &format!(r#"{{"DomainIdEquals":"{domain}","MaxResults":50}}"#),
        )
        .await?;
        let got = page["UserProfiles"].as_array().map_or(0, Vec::len);
        if got != 50.min(expected as usize) {
            return Err(io::Error::other(format!(
                "ListUserProfiles of {domain}: {got} profiles on the first page"
            )));
        }
    }

    // The dashboard's poll of one domain: the small one (all its profiles fit the page's 100)
    // and the large one (the first 100 of them): the same answer size, so the ratio is what
    // the domain's size costs.
    progress("GET /_emulator/resources?DomainId= of the small and the large domain");
    let resources_path = |domain: &str| format!("/_emulator/resources?DomainId={domain}");
    let resources_small = load::run(
        addr,
        conns,
        window,
        Arc::new(Requests::Same(client::get_request(
            addr,
            &resources_path(&d_small),
        ))),
    )
    .await?;
    let resources_large = load::run(
        addr,
        conns,
        window,
        Arc::new(Requests::Same(client::get_request(
            addr,
            &resources_path(&d_large),
        ))),
    )
    .await?;
    let resources_small_bytes = resources_bytes(addr, &resources_path(&d_small)).await?;
    let resources_large_bytes = resources_bytes(addr, &resources_path(&d_large)).await?;
    let resources_all_bytes = resources_bytes(addr, "/_emulator/resources").await?;

    progress(&format!("ListUserProfiles at {}", args.small_profiles));
    let list_small = load::run(
        addr,
        conns,
        window,
        Arc::new(Requests::Same(list_request(addr, &d_small))),
    )
    .await?;
    progress(&format!("ListUserProfiles at {}", args.profiles));
    let list_large = load::run(
        addr,
        conns,
        window,
        Arc::new(Requests::Same(list_request(addr, &d_large))),
    )
    .await?;

    progress("ListUserProfiles on 1 connection (unloaded latency)");
    let list_small_alone = load::run(
        addr,
        1,
        Until::Count(200),
        Arc::new(Requests::Same(list_request(addr, &d_small))),
    )
    .await?;
    let list_large_alone = load::run(
        addr,
        1,
        Until::Count(10),
        Arc::new(Requests::Same(list_request(addr, &d_large))),
    )
    .await?;

    progress(&format!(
        "health check on 1 connection while 4 clients read ListUserProfiles pages at {}",
        args.profiles
    ));
    let health_alone = load::run(
        addr,
        1,
        window,
        Arc::new(Requests::Same(client::get_request(
            addr,
            "/_emulator/health",
        ))),
    )
    .await?;
    let (health_loaded, _) = tokio::try_join!(
        load::run(
            addr,
            1,
            window,
            Arc::new(Requests::Same(client::get_request(
                addr,
                "/_emulator/health"
            ))),
        ),
        load::run(
            addr,
            4,
            window,
            Arc::new(Requests::Same(api_request(
                addr,
                "ListUserProfiles",
                &format!(r#"{{"DomainIdEquals":"{d_large}","MaxResults":100}}"#),
            ))),
        ),
    )?;

    progress("CreateUserProfile");
    let create = load::run(
        addr,
        conns,
        window,
        create_profile_requests(addr, d0.clone(), "fresh"),
    )
    .await?;

    progress("ceiling (second run)");
    let ceiling_second = load::run(ceiling.addr, conns, window, ceiling_req).await?;

    let wrk_rows = if wrk::available() {
        progress("wrk cross-check");
        let (ceiling_addr, d0, d_wrk) = (ceiling.addr, d0.clone(), d_small.clone());
        Some(
            tokio::task::spawn_blocking(move || {
                wrk::cross_check(ceiling_addr, addr, &d0, &d_wrk, measure)
            })
            .await
            .map_err(io::Error::other)??,
        )
    } else {
        None
    };

    emulator.stop().await?;

    progress(&format!(
        "ListDomains first page at 100 domains and at {}",
        args.domains
    ));
    let list_domains =
        list_domains_rows(&args.emulator, &emulator_args, conns, window, args.domains).await?;

    progress("CreateUserProfile with --state-file (every change synced before its 200)");
    let state_file = args
        .state_dir
        .join(format!("smse-bench-{}.journal", std::process::id()));
    let _ = std::fs::remove_file(&state_file);
    let state_arg = state_file.to_string_lossy().into_owned();
    let mut durable_args = emulator_args.to_vec();
    durable_args.extend(["--state-file", state_arg.as_str()]);
    let durable_server = Server::spawn(&args.emulator, &durable_args).await?;
    let durable_addr = durable_server.addr;
    let mut durable_conn = Conn::connect(durable_addr).await?;
    let durable_domain = create_domain(&mut durable_conn, durable_addr, "durable").await?;
    let durable = load::run(
        durable_addr,
        conns,
        window,
        create_profile_requests(durable_addr, durable_domain, "durable"),
    )
    .await?;
    durable_server.stop().await?;
    let _ = std::fs::remove_file(&state_file);
    report.fsync_ms = fsync_median_ms(&args.state_dir)?;
    ceiling.stop().await?;

    progress(&format!(
        "churn: {} CreateUserProfile + DeleteUserProfile cycles, no state file",
        args.churn_cycles
    ));
    let churn = state::churn(&args.emulator, &emulator_args, conns, args.churn_cycles).await?;
    progress(&format!(
        "restart: writing {} changes ({} live profiles), with compaction and without",
        args.restart_changes, args.restart_profiles
    ));
    let compacted_file = args.state_dir.join(format!(
        "smse-bench-{}-compacted.journal",
        std::process::id()
    ));
    let journal_file = args.state_dir.join(format!(
        "smse-bench-{}-journal-only.journal",
        std::process::id()
    ));
    let compacted = state::write_history(
        &compacted_file,
        args.restart_profiles,
        args.restart_changes,
        Default::default(),
    )?;
    let journal_only = state::write_history(
        &journal_file,
        args.restart_profiles,
        args.restart_changes,
        sagemaker_studio_emulator::persistence::CompactionRule {
            ratio: f64::INFINITY,
            min_journal_bytes: u64::MAX,
        },
    )?;
    let (restart_compacted, rss_compacted) =
        state::restart(&args.emulator, &emulator_args, &compacted_file).await?;
    let (restart_journal, rss_journal) =
        state::restart(&args.emulator, &emulator_args, &journal_file).await?;
    for file in [&compacted_file, &journal_file] {
        let _ = std::fs::remove_file(file);
        let _ = std::fs::remove_file(format!("{}.lock", file.display()));
    }

    report.ceiling = vec![ceiling_first, ceiling_second];
    report.rows = vec![
        Measured::new("DescribeDomain", describe),
        Measured::new("CreateUserProfile (fresh names)", create),
        Measured::new(
            &format!("ListUserProfiles p1/50 @ {}", args.small_profiles),
            list_small,
        ),
        Measured::new(
            &format!("ListUserProfiles p1/50 @ {}", args.profiles),
            list_large,
        ),
    ];
    report.durable = Some(Measured::new("CreateUserProfile, --state-file", durable));
    report.unloaded = vec![
        Measured::new("  same, 1 connection, 200 calls", list_small_alone),
        Measured::new("  same, 1 connection, 10 calls", list_large_alone),
    ];
    report.fills = vec![
        Measured::new(
            &format!("fill: CreateUserProfile ×{}", args.small_profiles),
            fill_small,
        ),
        Measured::new(
            &format!("fill: CreateUserProfile ×{}", args.profiles),
            fill_large,
        ),
    ];
    report.emulator_starts = emulator_starts;
    report.ceiling_starts = ceiling_starts;
    report.rss = report::Rss {
        fresh: rss_fresh,
        idle: rss_idle,
        full: rss_full,
        profiles: args.small_profiles + args.profiles,
        ceiling: ceiling_rss,
    };
    report.total = began.elapsed();
    print!("{}", report.render());
    println!(
        "\nhealth check p99 on its own {:.2} ms, while 4 clients read 100-profile pages at {} profiles {:.2} ms (p50 {:.2} ms)   goal ≤ 10 ms: {}{}",
        health_alone.quantile_ms(0.99),
        args.profiles,
        health_loaded.quantile_ms(0.99),
        health_loaded.quantile_ms(0.5),
        if health_loaded.quantile_ms(0.99) <= 10.0 { "met" } else { "NOT MET" },
        if health_alone.errors + health_loaded.errors > 0 { " (errors!)" } else { "" }
    );
    let resources_cost = resources_small.rps() / resources_large.rps().max(1.0);
    println!(
        "\nGET /_emulator/resources (the dashboard's poll) of a domain: {:.0} rps, {} bytes at {} profiles; {:.0} rps, {} bytes at {} profiles: cost {resources_cost:.2}×   goal ≤ 1.5×: {}{}; unfiltered, all {} domains: {} bytes",
        resources_small.rps(),
        resources_small_bytes,
        args.small_profiles,
        resources_large.rps(),
        resources_large_bytes,
        args.profiles,
        if resources_cost <= 1.5 { "met" } else { "NOT MET" },
        if resources_small.errors + resources_large.errors > 0 { " (errors!)" } else { "" },
        3,
        resources_all_bytes,
    );
    let (domains_small, domains_large) = &list_domains;
    let cost = domains_small.rps() / domains_large.rps().max(1.0);
    println!(
        "\nListDomains first page (10): {:.0} rps at 100 domains, {:.0} rps at {} domains: cost {cost:.2}×   goal ≤ 1.5×: {}{}",
        domains_small.rps(),
        domains_large.rps(),
        args.domains,
        if cost <= 1.5 { "met" } else { "NOT MET" },
        if domains_small.errors + domains_large.errors > 0 { " (errors!)" } else { "" }
    );
    let growth_mib = (churn.rss_end as f64 - churn.rss_start as f64) / 1024.0;
    println!(
        "\nchurn, no state file: {} CreateUserProfile+DeleteUserProfile cycles (≤ {} profiles live): RSS {:.1} MiB after the first tenth, {:.1} MiB at the end: {growth_mib:+.1} MiB   goal within a few MB: {}{}",
        churn.cycles,
        state::CHURN_LAG,
        churn.rss_start as f64 / 1024.0,
        churn.rss_end as f64 / 1024.0,
        if growth_mib.abs() <= 5.0 { "met" } else { "NOT MET" },
        if churn.errors > 0 { " (errors!)" } else { "" }
    );
    println!(
        "restart at {} live profiles after {} changes: {:.2} s with compaction ({:.0} MB file, RSS {:.0} MiB) vs {:.2} s as a journal only ({:.0} MB, RSS {:.0} MiB): {:.1}× faster; writing the history took {:.1} s / {:.1} s; longest call while compactions ran {:.1} ms (without: {:.1} ms)",
        args.restart_profiles,
        args.restart_changes,
        restart_compacted.as_secs_f64(),
        compacted.bytes as f64 / 1e6,
        rss_compacted as f64 / 1024.0,
        restart_journal.as_secs_f64(),
        journal_only.bytes as f64 / 1e6,
        rss_journal as f64 / 1024.0,
        restart_journal.as_secs_f64() / restart_compacted.as_secs_f64().max(1e-9),
        compacted.generate.as_secs_f64(),
        journal_only.generate.as_secs_f64(),
        compacted.longest_call.as_secs_f64() * 1e3,
        journal_only.longest_call.as_secs_f64() * 1e3,
    );
    match &wrk_rows {
        Some(rows) => print!("{}", wrk::render(rows)),
        None => println!("\nwrk cross-check: skipped (wrk is not installed: apt-get install wrk)"),
    }
    if report.errors() > 0 {
        return Err(io::Error::other(format!(
            "{} requests failed",
            report.errors()
        )));
    }
    Ok(())
}
