//! Driving load: `connections` keep-alive connections, each sending its next request as soon as
//! the previous answer arrived, either for a warm-up and a measured window (throughput and
//! latency) or until a number of requests were sent (filling the store). Every answer must be a
//! 200: anything else is counted and shown as an error, never as a success.

use std::io;
use std::net::SocketAddr;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use crate::client::Conn;

/// What each request is.
pub enum Requests {
    /// The same bytes every time.
    Same(Vec<u8>),
    /// Request number `i` (0, 1, … across all connections), e.g. a fresh name each call.
    Numbered(Box<dyn Fn(u64) -> Vec<u8> + Send + Sync>),
}

/// When to stop.
#[derive(Debug, Clone, Copy)]
pub enum Until {
    /// Run `warmup` unmeasured, then measure answers that arrive within `measure`.
    Window { warmup: Duration, measure: Duration },
    /// Send exactly this many requests (all measured).
    Count(u64),
}

/// The result of one run.
#[derive(Debug, Default)]
pub struct Outcome {
    /// 200 answers measured.
    pub ok: u64,
    /// Non-200 answers and I/O failures (measured or not: none may happen).
    pub errors: u64,
    /// A few of the errors, for the report.
    pub error_samples: Vec<String>,
    /// The measured window.
    pub elapsed: Duration,
    /// Latencies of the measured 200 answers, sorted.
    pub latencies: Vec<Duration>,
}

impl Outcome {
    /// Measured answers per second.
    pub fn rps(&self) -> f64 {
        self.ok as f64 / self.elapsed.as_secs_f64().max(1e-9)
    }

    /// The `q` quantile (0..=1) of the latencies, in milliseconds.
    pub fn quantile_ms(&self, q: f64) -> f64 {
        if self.latencies.is_empty() {
            return f64::NAN;
        }
        let index = ((self.latencies.len() - 1) as f64 * q).round() as usize;
        self.latencies[index].as_secs_f64() * 1000.0
    }
}

#[derive(Default)]
struct Worker {
    ok: u64,
    errors: u64,
    samples: Vec<String>,
    latencies: Vec<Duration>,
}

impl Worker {
    fn error(&mut self, message: String) {
        self.errors += 1;
        if self.samples.len() < 3 {
            self.samples.push(message);
        }
    }
}

/// Runs `requests` against `addr` over `connections` connections until `until`.
pub async fn run(
    addr: SocketAddr,
    connections: usize,
    until: Until,
    requests: Arc<Requests>,
) -> io::Result<Outcome> {
    let mut conns = Vec::with_capacity(connections);
    for _ in 0..connections {
        conns.push(Conn::connect(addr).await?);
    }
    let counter = Arc::new(AtomicU64::new(0));
    let start = Instant::now();
    let (measure_from, deadline, count) = match until {
        Until::Window { warmup, measure } => (start + warmup, Some(start + warmup + measure), None),
        Until::Count(n) => (start, None, Some(n)),
    };
    let mut tasks = Vec::with_capacity(connections);
    for mut conn in conns {
        let counter = counter.clone();
        let requests = requests.clone();
        tasks.push(tokio::spawn(async move {
            let mut worker = Worker::default();
            loop {
                let sent = Instant::now();
                if deadline.is_some_and(|d| sent >= d) {
                    break;
                }
                let i = counter.fetch_add(1, Ordering::Relaxed);
                if count.is_some_and(|n| i >= n) {
                    break;
                }
                let numbered;
                let request = match &*requests {
                    Requests::Same(bytes) => bytes.as_slice(),
                    Requests::Numbered(make) => {
                        numbered = make(i);
                        numbered.as_slice()
                    }
                };
                let result = conn.call(request).await.map(|reply| match reply.status {
                    200 => (200, Vec::new()),
                    status => (status, reply.body.to_vec()),
                });
                let answered = Instant::now();
                let measured = answered >= measure_from && deadline.is_none_or(|d| answered <= d);
                match result {
                    Ok((200, _)) if measured => {
                        worker.ok += 1;
                        worker.latencies.push(answered - sent);
                    }
                    Ok((200, _)) => {}
                    Ok((status, body)) => worker.error(format!(
                        "HTTP {status}: {}",
                        String::from_utf8_lossy(&body[..body.len().min(300)])
                    )),
                    Err(e) => {
                        worker.error(format!("I/O: {e}"));
                        match Conn::connect(addr).await {
                            Ok(fresh) => conn = fresh,
                            Err(_) => break,
                        }
                    }
                }
            }
            worker
        }));
    }
    let mut outcome = Outcome::default();
    for task in tasks {
        let worker = task.await.map_err(io::Error::other)?;
        outcome.ok += worker.ok;
        outcome.errors += worker.errors;
        outcome.latencies.extend(worker.latencies);
        for sample in worker.samples {
            if outcome.error_samples.len() < 5 {
                outcome.error_samples.push(sample);
            }
        }
    }
    outcome.elapsed = match until {
        Until::Window { measure, .. } => measure,
        Until::Count(_) => start.elapsed(),
    };
    outcome.latencies.sort_unstable();
    Ok(outcome)
}
