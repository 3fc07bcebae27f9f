//! The state's rows: memory under churn (created and deleted user profiles, no state left
//! behind), and the state file's restart time at 100,000 live profiles after 1,000,000 changes,
//! with compaction (the default) beside the same history without it (the baseline: what restart
//! cost when the file was only a journal), plus the longest call while compactions ran.

use std::io;
use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, Instant};

use sagemaker_studio_emulator::clock::Clock;
use sagemaker_studio_emulator::lifecycle::{DelayPreset, DelayProfile};
use sagemaker_studio_emulator::persistence::{CompactionRule, Journal};
use sagemaker_studio_emulator::protocol::{ApiRequest, Defaults};
use sagemaker_studio_emulator::service::{Determinants, Origin, Service};

use crate::client::{api_request, Conn};
use crate::load::{self, Requests, Until};
use crate::process::Server;

/// Memory under churn.
pub struct Churn {
    pub cycles: u64,
    /// RSS after the warm-up cycles and after all of them, KiB.
    pub rss_start: u64,
    pub rss_end: u64,
    pub errors: u64,
}

/// How far deletions trail creations: the churn's live state (constant once reached).
pub const CHURN_LAG: u64 = 1_000;

/// `cycles` CreateUserProfile + DeleteUserProfile pairs over HTTP against an emulator without a
/// state file; RSS is read after the first tenth (the warm-up: allocator pools and the live
/// state at their size) and at the end.
pub async fn churn(emulator: &Path, args: &[&str], conns: usize, cycles: u64) -> io::Result<Churn> {
    let server = Server::spawn(emulator, args).await?;
    let addr = server.addr;
    let mut setup = Conn::connect(addr).await?;
    let domain = crate::create_domain(&mut setup, addr, "churn").await?;
    let requests = move |domain: String| {
        Arc::new(Requests::Numbered(Box::new(move |i| {
            let n = i / 2;
            if i % 2 == 0 {
                api_request(
                    addr,
                    "CreateUserProfile",
                    &format!(r#"{{"DomainId":"{domain}","UserProfileName":"churn-{n}"}}"#),
                )
            } else if n >= CHURN_LAG {
                api_request(
                    addr,
                    "DeleteUserProfile",
                    &format!(
                        r#"{{"DomainId":"{domain}","UserProfileName":"churn-{}"}}"#,
                        n - CHURN_LAG
                    ),
                )
            } else {
                api_request(
                    addr,
                    "DescribeDomain",
                    &format!(r#"{{"DomainId":"{domain}"}}"#),
                )
            }
        })))
    };
    // Numbered requests restart at 0 per run: the warm-up and the rest use two name ranges.
    let warmup = (cycles / 10).max(CHURN_LAG * 2);
    let first = load::run(
        addr,
        conns,
        Until::Count(warmup * 2),
        requests(domain.clone()),
    )
    .await?;
    let rss_start = server.rss_kib()?;
    let mut setup = Conn::connect(addr).await?; // the first sat idle through the warm-up
    let second_domain = crate::create_domain(&mut setup, addr, "churn2").await?;
    let rest = load::run(
        addr,
        conns,
        Until::Count((cycles - warmup.min(cycles)) * 2),
        requests(second_domain),
    )
    .await?;
    let rss_end = server.rss_kib()?;
    server.stop().await?;
    Ok(Churn {
        cycles,
        rss_start,
        rss_end,
        errors: first.errors + rest.errors,
    })
}

/// What writing a history took.
pub struct History {
    pub bytes: u64,
    pub generate: Duration,
    /// The longest single call (a call held while a compaction copied the tables).
    pub longest_call: Duration,
}

/// Writes `profiles` user profiles then `changes - profiles` tag changes on them to a state
/// file at `path`, in process (the service with the file's journal; appends without waiting
/// for syncs, as a replay-speed history needs no durability), under `rule`.
pub fn write_history(
    path: &Path,
    profiles: u64,
    changes: u64,
    rule: CompactionRule,
) -> io::Result<History> {
    let _ = std::fs::remove_file(path);
    let mut service = Service::new(
        Clock::manual_at(sagemaker_studio_emulator::clock::Timestamp(
            1_767_225_600_000,
        )),
        DelayProfile::new(DelayPreset::Instant),
        Defaults {
            account_id: "111111111111".into(),
            region: "us-east-1".into(),
        },
    );
    service.journal = Journal::open(path, rule, 0, |input| {
        service.load(
            input,
            sagemaker_studio_emulator::service::state::StateSource::OwnFile,
        )
    })
    .map_err(io::Error::other)?;
    service.own_journal();
    let call = |operation: &str, input: serde_json::Value| -> io::Result<serde_json::Value> {
        let request = ApiRequest {
            operation: operation.into(),
            account_id: "111111111111".into(),
            region: "us-east-1".into(),
            input: input.as_object().cloned().unwrap_or_default(),
        };
        service
            .execute(
                &request,
                service.catch_up(),
                &Determinants::fresh(None),
                Origin::Live,
            )
            .and_then(|(output, _)| output.to_value())
            .map_err(|e| io::Error::other(format!("{operation}: {}: {}", e.code(), e.message())))
    };
    let began = Instant::now();
    let domain = call(
        "CreateDomain",
        serde_json::json!({"DomainName": "history", "AuthMode": "IAM", "SubnetIds": ["subnet-1"], "VpcId": "vpc-1",
            "DefaultUserSettings": {"ExecutionRole": "arn:aws:iam::111111111111:role/r"}}),
    )?["DomainArn"]
        .as_str()
        .and_then(|arn| arn.rsplit('/').next())
        .map(str::to_string)
        .ok_or_else(|| io::Error::other("CreateDomain: no DomainArn"))?;
    let mut longest = Duration::ZERO;
    for i in 0..changes {
        let started = Instant::now();
        if i < profiles {
            call(
                "CreateUserProfile",
                serde_json::json!({"DomainId": domain, "UserProfileName": format!("user-{i}")}),
            )?;
        } else {
            let n = i % profiles;
            let arn =
                format!("arn:aws:sagemaker:us-east-1:111111111111:user-profile/{domain}/user-{n}");
            if (i / profiles) % 2 == 1 {
                call(
                    "AddTags",
                    serde_json::json!({"ResourceArn": arn, "Tags": [{"Key": "team", "Value": "a"}]}),
                )?;
            } else {
                call(
                    "DeleteTags",
                    serde_json::json!({"ResourceArn": arn, "TagKeys": ["team"]}),
                )?;
            }
        }
        longest = longest.max(started.elapsed());
    }
    service.journal.wait_for_compaction();
    let generate = began.elapsed();
    drop(service);
    Ok(History {
        bytes: std::fs::metadata(path)?.len(),
        generate,
        longest_call: longest,
    })
}

/// Spawn → listening of the emulator on the state file `path` (the restart time).
pub async fn restart(emulator: &Path, args: &[&str], path: &Path) -> io::Result<(Duration, u64)> {
    let path_arg = path.to_string_lossy().into_owned();
    let mut with_file = args.to_vec();
    with_file.extend(["--state-file", path_arg.as_str()]);
    let server = Server::spawn(emulator, &with_file).await?;
    let took = server.to_listening;
    let rss = server.rss_kib()?;
    server.stop().await?;
    Ok((took, rss))
}
