//! Benchmark of the usage report: how long [`metering::meter`] takes for 10,000 apps.
//!
//! Plain `main` (harness = false), no dependencies: `cargo bench -p sagemaker-studio-emulator
//! --bench usage`. The apps are spread over 3 domains, 400 user profiles and 100 spaces, five
//! instance types (one without a price) plus free `system` apps, with overlaps, gaps and apps
//! still running — the shape of a busy account. It prints the time of every run, in ns per
//! report, and their median; `--runs N` and `--apps N` change the defaults (15 runs, 10,000).

use sagemaker_studio_emulator::sim::metering::{meter, AppInterval, AppOwner};
use sagemaker_studio_emulator::sim::prices;
use std::hint::black_box;
use std::time::Instant;

const T0: f64 = 1_704_067_200.0;
const TYPES: [&str; 6] = [
    "system",
    "ml.t3.medium",
    "ml.t3.medium",
    "ml.m5.large",
    "ml.g4dn.xlarge",
    "ml.p5.48xlarge", // no price: reported null
];

/// A deterministic pseudo-random sequence (xorshift64*), so every run meters the same apps.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
}

fn apps(n: usize) -> Vec<AppInterval> {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    (0..n)
        .map(|k| {
            let owner = if rng.below(5) == 0 {
                AppOwner::Space(format!("space-{}", rng.below(100)))
            } else {
                AppOwner::UserProfile(format!("user-{}", rng.below(400)))
            };
            let instance_type = TYPES[rng.below(TYPES.len() as u64) as usize];
            let start = T0 + rng.below(30 * 86_400) as f64 + 0.001 * rng.below(1000) as f64;
            let end = (rng.below(10) != 0).then(|| start + rng.below(8 * 3600) as f64);
            AppInterval {
                account_id: "000000000000".to_owned(),
                region: "us-east-1".to_owned(),
                domain_id: format!("d-bench{:07}", rng.below(3)),
                owner,
                app_name: format!("app-{k}"),
                app_type: if instance_type == "system" {
                    "JupyterServer".to_owned()
                } else {
                    "KernelGateway".to_owned()
                },
                instance_type: instance_type.to_owned(),
                start,
                end,
            }
        })
        .collect()
}

fn arg(name: &str, default: usize) -> usize {
    let args: Vec<String> = std::env::args().collect();
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1))
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

// A benchmark measures wall time: the one place outside sim/clock.rs allowed to read it.
#[allow(clippy::disallowed_methods)]
fn main() {
    let n = arg("--apps", 10_000);
    let runs = arg("--runs", 15).max(1);
    let apps = apps(n);
    let now = T0 + 31.0 * 86_400.0;

    // Warm up (and load the price table) outside the timed runs.
    let report = meter(&apps, now, prices::usd_per_hour);
    println!(
        "usage report: {n} apps -> {} instances, total {:.6} {}",
        report.instances.len(),
        report.total_cost_usd,
        report.currency
    );

    let mut times: Vec<u128> = Vec::with_capacity(runs);
    for run in 0..runs {
        let started = Instant::now();
        let report = meter(black_box(&apps), black_box(now), prices::usd_per_hour);
        let ns = started.elapsed().as_nanos();
        black_box(report);
        println!("run {run:>2}: {ns:>12} ns/report");
        times.push(ns);
    }
    times.sort_unstable();
    let median = times[times.len() / 2];
    println!(
        "median of {runs}: {median} ns per {n}-app report ({:.1} ns/app)",
        median as f64 / n.max(1) as f64
    );
}
