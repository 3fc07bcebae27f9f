//! The cross-check by an independent load generator: Debian's `wrk` (2 threads, 32 keep-alive
//! connections) against the ceiling and the emulator, DescribeDomain and CreateUserProfile, so that
//! the figures of docs/performance.md do not rest on this crate's own client alone. Skipped, with
//! a note, when `wrk` is not installed (`apt-get install wrk`).

use std::io;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::Command;
use std::time::Duration;

/// What wrk measured, in requests per second.
#[derive(Debug, Clone)]
pub struct WrkRow {
    pub name: String,
    pub rps: f64,
    /// wrk's error line (`Non-2xx or 3xx responses: N`, `Socket errors: …`), if it printed one.
    pub errors: Option<String>,
}

fn script(name: &str, text: &str) -> io::Result<PathBuf> {
    let path = std::env::temp_dir().join(format!("smse-bench-{}-{name}.lua", std::process::id()));
    std::fs::write(&path, text)?;
    Ok(path)
}

/// `Requests/sec` of one wrk run of `lua` against `addr` (and whether wrk saw errors).
fn run(addr: SocketAddr, lua: &PathBuf, seconds: Duration) -> io::Result<(f64, Option<String>)> {
    let out = Command::new("wrk")
        .args([
            "-t2",
            "-c32",
            &format!("-d{}s", seconds.as_secs().max(1)),
            "-s",
        ])
        .arg(lua)
        .arg(format!("http://{addr}/"))
        .output()?;
    let text = String::from_utf8_lossy(&out.stdout);
    let rps = text
        .lines()
        .find_map(|line| line.strip_prefix("Requests/sec:"))
        .and_then(|v| v.trim().parse::<f64>().ok())
        .ok_or_else(|| io::Error::other(format!("wrk printed no Requests/sec: {text}")))?;
    let errors = text
        .lines()
        .filter(|line| line.contains("Non-2xx") || line.contains("Socket errors"))
        .map(str::trim)
        .collect::<Vec<_>>()
        .join("; ");
    Ok((rps, (!errors.is_empty()).then_some(errors)))
}

/// Whether wrk is on PATH.
pub fn available() -> bool {
    Command::new("wrk").arg("--version").output().is_ok()
}

/// The ceiling, DescribeDomain of `domain`, CreateUserProfile in `profiles_domain`, the ceiling
/// again; each for `seconds`.
pub fn cross_check(
    ceiling: SocketAddr,
    emulator: SocketAddr,
    domain: &str,
    profiles_domain: &str,
    seconds: Duration,
) -> io::Result<Vec<WrkRow>> {
    // The account the bench's own client made the domains in.
    let auth = crate::client::AUTHORIZATION;
    let describe = script(
        "describe",
        &format!(
            r#"wrk.method = "POST"
wrk.headers["Content-Type"] = "application/x-amz-json-1.1"
wrk.headers["X-Amz-Target"] = "SageMaker.DescribeDomain"
wrk.headers["Authorization"] = "{auth}"
wrk.body = '{{"DomainId":"{domain}"}}'
"#
        ),
    )?;
    let create = script(
        "create",
        &format!(
            r#"-- Fresh names: each thread gets its own tag in setup (run once per thread by wrk's main
-- state), then counts.
local threads = 0
setup = function(thread)
  threads = threads + 1
  thread:set("tag", tostring(threads) .. "x" .. tostring(os.time()))
end
local counter = 0
request = function()
  counter = counter + 1
  local body = string.format('{{"DomainId":"{profiles_domain}","UserProfileName":"w%s-%d"}}', tag, counter)
  return wrk.format("POST", "/", {{["Content-Type"] = "application/x-amz-json-1.1", ["X-Amz-Target"] = "SageMaker.CreateUserProfile", ["Authorization"] = "{auth}"}}, body)
end
"#
        ),
    )?;
    let mut rows = Vec::new();
    for (name, addr, lua) in [
        ("ceiling (do-nothing axum), run 1", ceiling, &describe),
        ("DescribeDomain", emulator, &describe),
        ("CreateUserProfile (fresh names)", emulator, &create),
        ("ceiling (do-nothing axum), run 2", ceiling, &describe),
    ] {
        let (rps, errors) = run(addr, lua, seconds)?;
        rows.push(WrkRow {
            name: name.to_string(),
            rps,
            errors,
        });
    }
    let _ = std::fs::remove_file(describe);
    let _ = std::fs::remove_file(create);
    Ok(rows)
}

/// The rows as the report prints them, with ratios to the mean of the two ceiling runs.
pub fn render(rows: &[WrkRow]) -> String {
    let ceilings: Vec<f64> = rows
        .iter()
        .filter(|r| r.name.starts_with("ceiling"))
        .map(|r| r.rps)
        .collect();
    let mean = ceilings.iter().sum::<f64>() / ceilings.len().max(1) as f64;
    let mut out = format!(
        "\nwrk cross-check (2 threads, 32 keep-alive connections; ratios to the ceiling's mean {mean:.0} rps)\n"
    );
    for row in rows {
        out.push_str(&format!(
            "{:<36} {:>10.1} rps  {:>6.3}×{}\n",
            row.name,
            row.rps,
            row.rps / mean.max(1.0),
            row.errors
                .as_ref()
                .map_or(String::new(), |e| format!("  (wrk: {e})"))
        ));
    }
    out
}
