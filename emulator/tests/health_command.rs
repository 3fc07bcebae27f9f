//! `sagemaker-studio-emulator health` (a container's HEALTHCHECK) through the real binary: exit 0
//! when an emulator answers, 1 when none does; by default it dials the configuration's own
//! address (SMSE_HOST / SMSE_PORT, 0.0.0.0 read as loopback). And the running binary stops
//! gracefully at once on SIGTERM, through its own handler (what a container's PID 1 needs: the
//! kernel applies no default action there). scripts/test-container checks the same as PID 1.

mod common;

use std::time::Duration;

const BIN: &str = env!("CARGO_BIN_EXE_sagemaker-studio-emulator");

async fn health(args: &[&str], env: &[(&str, &str)]) -> std::process::Output {
    let mut command = tokio::process::Command::new(BIN);
    command
        .arg("health")
        .args(args)
        .env_remove("SMSE_HOST")
        .env_remove("SMSE_PORT")
        .envs(env.iter().copied())
        .output()
        .await
        .unwrap()
}

#[tokio::test]
async fn health_exits_0_when_the_emulator_answers_and_1_when_nothing_does() {
    let server = common::server().await;
    let addr = server.local_addr();
    let endpoint = format!("http://{addr}");
    let answered = health(&["--endpoint", &endpoint], &[]).await;
    assert!(
        answered.status.success(),
        "{}",
        String::from_utf8_lossy(&answered.stderr)
    );
    assert!(String::from_utf8_lossy(&answered.stdout).starts_with("healthy: "));

    // The default endpoint is the configuration's own: an emulator bound to 0.0.0.0 is dialled
    // through 127.0.0.1.
    let port = addr.port().to_string();
    let from_env = health(&[], &[("SMSE_HOST", "0.0.0.0"), ("SMSE_PORT", &port)]).await;
    assert!(
        from_env.status.success(),
        "{}",
        String::from_utf8_lossy(&from_env.stderr)
    );
    server.shutdown().await.unwrap();

    let nobody = health(&["--endpoint", &endpoint, "--timeout", "1"], &[]).await;
    assert_eq!(nobody.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&nobody.stderr).contains("cannot connect"));
    let unknown = health(&[], &[("SMSE_PORT", "0")]).await;
    assert_eq!(unknown.status.code(), Some(1));
}

#[test]
fn sigterm_stops_the_binary_gracefully_at_once() {
    use std::io::BufRead as _;
    let mut child = std::process::Command::new(BIN)
        .env_remove("SMSE_HOST")
        .env("SMSE_PORT", "0")
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let mut line = String::new();
    std::io::BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    assert!(line.starts_with("listening on "), "{line}");
    let killed = std::process::Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(killed.success());
    // Within 5 s (checked every 10 ms; the test reads no clock), by its own handler: exit 0, not
    // killed by the signal.
    let status = (0..500)
        .find_map(|_| {
            let exited = child.try_wait().unwrap();
            if exited.is_none() {
                std::thread::sleep(Duration::from_millis(10));
            }
            exited
        })
        .unwrap_or_else(|| {
            let _ = child.kill();
            panic!("still running 5 s after SIGTERM")
        });
    assert_eq!(status.code(), Some(0), "{status:?}");
}
