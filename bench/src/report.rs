//! The printed report: one row per measured operation (requests per second, p50/p99 latency, the
//! ratio to the ceiling's requests per second, errors) with the goal and whether it is
//! met, then start times and resident memory against their goals.

use std::fmt::Write;
use std::time::Duration;

use crate::load::Outcome;

/// Issue 8's goals.
const DESCRIBE_GOAL: f64 = 0.7;
const CREATE_GOAL: f64 = 0.5;
const DURABLE_CREATE_GOAL: f64 = 0.3;
const LIST_GOAL: f64 = 1.5;
const START_GOAL_MS: f64 = 20.0;
const BYTES_PER_PROFILE_GOAL: f64 = 2048.0;

/// One measured operation.
#[derive(Debug)]
pub struct Measured {
    pub name: String,
    pub outcome: Outcome,
}

impl Measured {
    pub fn new(name: &str, outcome: Outcome) -> Self {
        Measured {
            name: name.to_string(),
            outcome,
        }
    }
}

/// Start times of several spawns.
#[derive(Debug, Default)]
pub struct StartTimes {
    listening: Vec<Duration>,
    first_ok: Vec<Duration>,
}

impl StartTimes {
    pub fn push(&mut self, listening: Duration, first_ok: Duration) {
        self.listening.push(listening);
        self.first_ok.push(first_ok);
    }

    fn median_ms(values: &[Duration]) -> f64 {
        let mut sorted = values.to_vec();
        sorted.sort_unstable();
        sorted
            .get(sorted.len() / 2)
            .map_or(f64::NAN, |d| d.as_secs_f64() * 1000.0)
    }

    fn max_ms(values: &[Duration]) -> f64 {
        values
            .iter()
            .max()
            .map_or(f64::NAN, |d| d.as_secs_f64() * 1000.0)
    }
}

/// Resident memory readings, KiB.
#[derive(Debug, Default)]
pub struct Rss {
    /// Right after start.
    pub fresh: u64,
    /// With three domains, after the DescribeDomain load, before any profile.
    pub idle: u64,
    /// With `profiles` user profiles.
    pub full: u64,
    pub profiles: u64,
    /// The ceiling's, right after start.
    pub ceiling: u64,
}

/// Everything measured in one run.
#[derive(Debug, Default)]
pub struct Report {
    pub connections: usize,
    pub measure: Duration,
    /// (emulator's DescribeDomain body, ceiling's body) in bytes.
    pub describe_bytes: (usize, usize),
    /// The ceiling, measured before and after the emulator.
    pub ceiling: Vec<Outcome>,
    /// DescribeDomain, CreateUserProfile, ListUserProfiles small, ListUserProfiles large.
    pub rows: Vec<Measured>,
    /// CreateUserProfile against an emulator with a state file.
    pub durable: Option<Measured>,
    /// Median append + `fdatasync` of the state file's disk, in ms.
    pub fsync_ms: f64,
    /// The two ListUserProfiles rows again on one connection (latency without queueing).
    pub unloaded: Vec<Measured>,
    /// Filling the domains (count-bound runs; information only).
    pub fills: Vec<Measured>,
    pub emulator_starts: StartTimes,
    pub ceiling_starts: StartTimes,
    pub rss: Rss,
    pub total: Duration,
}

fn verdict(met: bool, errors: u64) -> &'static str {
    match (errors, met) {
        (1.., _) => "INVALID (errors)",
        (0, true) => "met",
        (0, false) => "NOT MET",
    }
}

fn mib(kib: u64) -> f64 {
    kib as f64 / 1024.0
}

impl Report {
    pub fn new(connections: usize, measure: Duration) -> Self {
        Report {
            connections,
            measure,
            ..Report::default()
        }
    }

    /// Failed requests, all runs included.
    pub fn errors(&self) -> u64 {
        self.ceiling
            .iter()
            .chain(self.rows.iter().map(|m| &m.outcome))
            .chain(self.unloaded.iter().map(|m| &m.outcome))
            .chain(self.fills.iter().map(|m| &m.outcome))
            .chain(self.durable.iter().map(|m| &m.outcome))
            .map(|o| o.errors)
            .sum()
    }

    fn ceiling_rps(&self) -> f64 {
        let n = self.ceiling.len().max(1) as f64;
        self.ceiling.iter().map(Outcome::rps).sum::<f64>() / n
    }

    /// The table and the summary lines.
    pub fn render(&self) -> String {
        let mut out = String::new();
        let ceiling = self.ceiling_rps();
        let _ = writeln!(
            out,
            "\nSageMaker Studio emulator benchmark: {} keep-alive connections on 127.0.0.1, {:.1} s measured per row (after {:.1} s warm-up)",
            self.connections,
            self.measure.as_secs_f64(),
            self.measure.as_secs_f64() / 6.0
        );
        let _ = writeln!(
            out,
            "DescribeDomain body: emulator {} B, ceiling {} B; ratios are to the ceiling's mean rps ({ceiling:.0})\n",
            self.describe_bytes.0, self.describe_bytes.1
        );
        let _ = writeln!(
            out,
            "{:<36} {:>9} {:>8} {:>8} {:>9} {:>6}  {:<40} status",
            "operation", "rps", "p50 ms", "p99 ms", "×ceiling", "errors", "goal"
        );
        let line = |out: &mut String, name: &str, o: &Outcome, goal: &str, status: &str| {
            let _ = writeln!(
                out,
                "{:<36} {:>9.1} {:>8.3} {:>8.3} {:>9.3} {:>6}  {:<40} {}",
                name,
                o.rps(),
                o.quantile_ms(0.5),
                o.quantile_ms(0.99),
                o.rps() / ceiling,
                o.errors,
                goal,
                status
            );
        };
        for (i, o) in self.ceiling.iter().enumerate() {
            line(
                &mut out,
                &format!("ceiling (do-nothing axum), run {}", i + 1),
                o,
                "",
                "",
            );
        }
        let [describe, create, small, large] = &self.rows[..] else {
            return out;
        };
        let goal_line = |out: &mut String, m: &Measured, goal: f64| {
            let ratio = m.outcome.rps() / ceiling;
            line(
                out,
                &m.name,
                &m.outcome,
                &format!("≥ {goal:.2}× ceiling"),
                verdict(ratio >= goal, m.outcome.errors),
            );
        };
        goal_line(&mut out, describe, DESCRIBE_GOAL);
        goal_line(&mut out, create, CREATE_GOAL);
        if let Some(durable) = &self.durable {
            goal_line(&mut out, durable, DURABLE_CREATE_GOAL);
            if self.fsync_ms > 0.0 {
                out.push_str(&format!(
                    "  (this disk: append + fdatasync median {:.2} ms, so {} connections can make at most {:.0} durable changes/s even with perfect group commit)\n",
                    self.fsync_ms,
                    self.connections,
                    self.connections as f64 * 1000.0 / self.fsync_ms
                ));
            }
        }
        let cost = small.outcome.rps() / large.outcome.rps();
        let (small_alone, large_alone) = match &self.unloaded[..] {
            [s, l] => (Some(s), Some(l)),
            _ => (None, None),
        };
        line(&mut out, &small.name, &small.outcome, "", "");
        if let Some(m) = small_alone {
            line(&mut out, &m.name, &m.outcome, "", "");
        }
        line(
            &mut out,
            &large.name,
            &large.outcome,
            &format!("cost ≤ {LIST_GOAL}× the small one: {cost:.2}×"),
            verdict(
                cost <= LIST_GOAL,
                small.outcome.errors + large.outcome.errors,
            ),
        );
        if let Some(m) = large_alone {
            line(&mut out, &m.name, &m.outcome, "", "");
        }
        for fill in &self.fills {
            line(
                &mut out,
                &fill.name,
                &fill.outcome,
                "(setup, count-bound)",
                "",
            );
        }
        let _ = write!(
            out,
            "ListUserProfiles cost @ {} vs @ {}: {cost:.2}× by rps under load",
            large.name.rsplit(' ').next().unwrap_or(""),
            small.name.rsplit(' ').next().unwrap_or("")
        );
        if let (Some(s), Some(l)) = (small_alone, large_alone) {
            let _ = write!(
                out,
                ", {:.2}× by p50 on 1 connection ({:.3} ms vs {:.3} ms)",
                l.outcome.quantile_ms(0.5) / s.outcome.quantile_ms(0.5),
                l.outcome.quantile_ms(0.5),
                s.outcome.quantile_ms(0.5)
            );
        }
        let _ = writeln!(out);

        let e = &self.emulator_starts;
        let c = &self.ceiling_starts;
        let start = StartTimes::median_ms(&e.first_ok);
        let _ = writeln!(
            out,
            "\nstart, spawn → first 200 (median of {}): emulator {start:.1} ms (listening line {:.1} ms, worst {:.1} ms); ceiling {:.1} ms (listening line {:.1} ms)   goal ≤ {START_GOAL_MS} ms: {}",
            e.first_ok.len(),
            StartTimes::median_ms(&e.listening),
            StartTimes::max_ms(&e.first_ok),
            StartTimes::median_ms(&c.first_ok),
            StartTimes::median_ms(&c.listening),
            verdict(start <= START_GOAL_MS, 0)
        );
        let r = &self.rss;
        let per_profile = (r.full.saturating_sub(r.idle) * 1024) as f64 / r.profiles.max(1) as f64;
        let _ = writeln!(
            out,
            "RSS: emulator fresh {:.1} MiB, idle {:.1} MiB (3 domains, 0 profiles), with {} profiles {:.1} MiB; ceiling fresh {:.1} MiB",
            mib(r.fresh),
            mib(r.idle),
            r.profiles,
            mib(r.full),
            mib(r.ceiling)
        );
        let _ = writeln!(
            out,
            "resident per user profile (RSS_full − RSS_idle) / {}: {per_profile:.0} B   goal ≤ {:.0} B (2 KiB): {}",
            r.profiles,
            BYTES_PER_PROFILE_GOAL,
            verdict(per_profile <= BYTES_PER_PROFILE_GOAL, 0)
        );
        let errors = self.errors();
        let _ = writeln!(out, "\nerrors: {errors}");
        for m in self.rows.iter().chain(self.fills.iter()) {
            for sample in &m.outcome.error_samples {
                let _ = writeln!(out, "  {}: {sample}", m.name);
            }
        }
        for o in &self.ceiling {
            for sample in &o.error_samples {
                let _ = writeln!(out, "  ceiling: {sample}");
            }
        }
        let _ = writeln!(out, "total run time {:.1} s", self.total.as_secs_f64());
        out
    }
}
