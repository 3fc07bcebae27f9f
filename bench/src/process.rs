//! Server processes: spawn one, time it from spawn to its `listening on http://…` line and on to
//! its first 200 answer (`GET /_emulator/health`), read its resident memory, kill it.

use std::io;
use std::net::SocketAddr;
use std::path::Path;
use std::process::Stdio;
use std::time::{Duration, Instant};

use tokio::io::{AsyncBufReadExt, BufReader, Lines};
use tokio::process::{Child, ChildStdout, Command};

use crate::client::{get_request, Conn};

/// A running server process.
pub struct Server {
    child: Child,
    /// Where it listens.
    pub addr: SocketAddr,
    /// Spawn → the `listening on` line read.
    pub to_listening: Duration,
    /// Spawn → the first 200 answer.
    pub to_first_ok: Duration,
    /// Kept open so the server never writes to a closed pipe.
    _stdout: Lines<BufReader<ChildStdout>>,
}

fn failed(message: String) -> io::Error {
    io::Error::other(message)
}

impl Server {
    /// Spawns `program args…` and waits (without sleeping) for its listening line and its first
    /// 200 answer to a health check on a fresh connection.
    pub async fn spawn(program: &Path, args: &[&str]) -> io::Result<Server> {
        let spawned = Instant::now();
        let mut child = Command::new(program)
            .args(args)
            .env("RUST_LOG", "warn")
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .kill_on_drop(true)
            .spawn()
            .map_err(|e| failed(format!("cannot start {}: {e}", program.display())))?;
        let stdout = child
            .stdout
            .take()
            .ok_or_else(|| failed("no stdout".into()))?;
        let mut lines = BufReader::new(stdout).lines();
        let line = tokio::time::timeout(Duration::from_secs(10), lines.next_line())
            .await
            .map_err(|_| failed(format!("{} printed no line in 10 s", program.display())))??
            .ok_or_else(|| failed(format!("{} exited before listening", program.display())))?;
        let to_listening = spawned.elapsed();
        let addr: SocketAddr = line
            .strip_prefix("listening on http://")
            .and_then(|a| a.trim().parse().ok())
            .ok_or_else(|| failed(format!("unexpected first line {line:?}")))?;
        let mut conn = Conn::connect(addr).await?;
        let status = conn
            .call(&get_request(addr, "/_emulator/health"))
            .await?
            .status;
        let to_first_ok = spawned.elapsed();
        if status != 200 {
            return Err(failed(format!("health check answered {status}")));
        }
        Ok(Server {
            child,
            addr,
            to_listening,
            to_first_ok,
            _stdout: lines,
        })
    }

    /// Resident memory (VmRSS) in KiB.
    pub fn rss_kib(&self) -> io::Result<u64> {
        let pid = self
            .child
            .id()
            .ok_or_else(|| failed("the server has exited".into()))?;
        let status = std::fs::read_to_string(format!("/proc/{pid}/status"))?;
        status
            .lines()
            .find_map(|l| l.strip_prefix("VmRSS:"))
            .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
            .ok_or_else(|| failed(format!("no VmRSS in /proc/{pid}/status")))
    }

    /// The process id.
    pub fn pid(&self) -> Option<u32> {
        self.child.id()
    }

    /// Kills the process and reaps it.
    pub async fn stop(mut self) -> io::Result<()> {
        self.child.kill().await
    }
}
