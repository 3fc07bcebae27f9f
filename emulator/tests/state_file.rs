//! The state file through the real binary: restart keeps everything; a SIGKILL right after an
//! acknowledged create keeps it; a torn last record is cut off and the rest loads; a file of
//! another format or version is refused and left untouched; export/import round-trip.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

use serde_json::{json, Value};

/// The header every admin call that changes state carries (the HTTP edge's guard).
const JSON: &[(&str, &str)] = &[("Content-Type", "application/json")];

const BIN: &str = env!("CARGO_BIN_EXE_sagemaker-studio-emulator");

struct Emulator {
    child: Child,
    addr: String,
}

impl Emulator {
    /// Starts the binary on a free port with `--state-file`; readiness is its `listening on` line.
    fn start(state: &Path) -> Result<Emulator, String> {
        Emulator::start_with(state, &[], None)
    }

    /// [`Emulator::start`] with more flags, run from `cwd` (for a relative `state`).
    fn start_with(state: &Path, flags: &[&str], cwd: Option<&Path>) -> Result<Emulator, String> {
        let mut command = Command::new(BIN);
        if let Some(cwd) = cwd {
            command.current_dir(cwd);
        }
        let mut child = command
            .args(["--port", "0", "--clock", "manual", "--delays", "instant"])
            .args(flags)
            .arg("--state-file")
            .arg(state)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .map_err(|e| e.to_string())?;
        let stdout = child.stdout.take().ok_or("no stdout")?;
        let mut line = String::new();
        BufReader::new(stdout)
            .read_line(&mut line)
            .map_err(|e| e.to_string())?;
        match line.trim().strip_prefix("listening on http://") {
            Some(addr) => Ok(Emulator {
                child,
                addr: addr.to_string(),
            }),
            None => {
                let mut stderr = String::new();
                if let Some(mut err) = child.stderr.take() {
                    let _ = err.read_to_string(&mut stderr);
                }
                let _ = child.wait();
                Err(stderr)
            }
        }
    }

    fn request(
        &self,
        method: &str,
        path: &str,
        headers: &[(&str, &str)],
        body: &str,
    ) -> (u16, String) {
        let mut stream = TcpStream::connect(&self.addr).expect("connect");
        let mut request = format!(
            "{method} {path} HTTP/1.1\r\nHost: {}\r\nContent-Length: {}\r\nConnection: close\r\n",
            self.addr,
            body.len()
        );
        for (name, value) in headers {
            request.push_str(&format!("{name}: {value}\r\n"));
        }
        request.push_str("\r\n");
        request.push_str(body);
        stream.write_all(request.as_bytes()).expect("write");
        let mut response = String::new();
        stream.read_to_string(&mut response).expect("read");
        let (head, body) = response.split_once("\r\n\r\n").unwrap_or((&response, ""));
        let status = head
            .split_whitespace()
            .nth(1)
            .and_then(|s| s.parse().ok())
            .unwrap_or(0);
        (status, body.to_string())
    }

    fn call(&self, operation: &str, input: Value) -> (u16, Value) {
        let target = format!("SageMaker.{operation}");
        let (status, body) = self.request(
            "POST",
            "/",
            &[
                ("X-Amz-Target", &target),
                ("Content-Type", "application/x-amz-json-1.1"),
            ],
            &input.to_string(),
        );
        (status, serde_json::from_str(&body).unwrap_or(Value::Null))
    }

    /// A call signed for the fixtures' account (111122223333), which must answer 200.
    fn call_as_fixture_account(&self, operation: &str, input: Value) -> Value {
        let target = format!("SageMaker.{operation}");
        let (status, body) = self.request(
            "POST",
            "/",
            &[
                ("X-Amz-Target", &target),
                ("Content-Type", "application/x-amz-json-1.1"),
                ("Authorization", "AWS4-HMAC-SHA256 Credential=111122223333/20260101/us-east-1/sagemaker/aws4_request, SignedHeaders=host, Signature=00"),
            ],
            &input.to_string(),
        );
        assert_eq!(status, 200, "{operation}: {body}");
        serde_json::from_str(&body).unwrap()
    }

    /// DescribeApp of the fixtures' KernelGateway app `name` of user `ana`: status and body.
    fn describe_app_of_fixture_account(&self, domain: &str, name: &str) -> (u16, String) {
        self.request(
            "POST",
            "/",
            &[
                ("X-Amz-Target", "SageMaker.DescribeApp"),
                ("Content-Type", "application/x-amz-json-1.1"),
                ("Authorization", "AWS4-HMAC-SHA256 Credential=111122223333/20260101/us-east-1/sagemaker/aws4_request, SignedHeaders=host, Signature=00"),
            ],
            &json!({"DomainId": domain, "UserProfileName": "ana",
                    "AppType": "KernelGateway", "AppName": name})
            .to_string(),
        )
    }

    fn kill(mut self) {
        let _ = self.child.kill(); // SIGKILL
        let _ = self.child.wait();
    }

    fn stop(mut self) {
        let _ = Command::new("kill")
            .args(["-TERM", &self.child.id().to_string()])
            .status();
        let _ = self.child.wait();
    }
}

/// A state file's path in a fresh temporary folder, which is removed when this is dropped (also
/// when the test fails: a panic unwinds through the drop).
struct TempState {
    _dir: tempfile::TempDir,
    path: PathBuf,
}

impl std::ops::Deref for TempState {
    type Target = Path;
    fn deref(&self) -> &Path {
        &self.path
    }
}

impl AsRef<Path> for TempState {
    fn as_ref(&self) -> &Path {
        &self.path
    }
}

fn temp_state(name: &str) -> TempState {
    let dir = tempfile::Builder::new()
        .prefix(&format!("smse-state-{name}-"))
        .tempdir()
        .expect("temp dir");
    let path = dir.path().join("state.journal");
    TempState { _dir: dir, path }
}

fn create_domain(emulator: &Emulator, name: &str) -> String {
    let (status, out) = emulator.call(
        "CreateDomain",
        json!({"DomainName": name, "AuthMode": "IAM",
               "DefaultUserSettings": {"ExecutionRole": "arn:aws:iam::000000000000:role/r"}}),
    );
    assert_eq!(status, 200, "{out}");
    out["DomainId"].as_str().expect("DomainId").to_string()
}

#[test]
fn restart_with_the_state_file_keeps_everything_including_ids_and_the_clock() {
    let state = temp_state("restart");
    let first = Emulator::start(&state).unwrap();
    let domain_id = create_domain(&first, "kept");
    let (status, _) = first.call(
        "CreateUserProfile",
        json!({"DomainId": domain_id, "UserProfileName": "alice"}),
    );
    assert_eq!(status, 200);
    let (status, _) = first.request(
        "POST",
        "/_emulator/clock/advance",
        &[("Content-Type", "application/json")],
        r#"{"Seconds": 3600}"#,
    );
    assert_eq!(status, 200);
    let (_, before) = first.call("DescribeDomain", json!({"DomainId": domain_id}));
    let (_, clock_before) = first.request("GET", "/_emulator/clock", &[], "");
    first.stop();

    let second = Emulator::start(&state).unwrap();
    let (status, after) = second.call("DescribeDomain", json!({"DomainId": domain_id}));
    assert_eq!(status, 200, "{after}");
    assert_eq!(after, before, "same id, ARN, URL, EFS id, times");
    let (_, clock_after) = second.request("GET", "/_emulator/clock", &[], "");
    let now = |text: &str| {
        serde_json::from_str::<Value>(text).unwrap()["Now"]
            .as_f64()
            .unwrap()
    };
    assert!(
        now(&clock_after) >= now(&clock_before),
        "the manual clock resumes"
    );
    let (status, profile) = second.call(
        "DescribeUserProfile",
        json!({"DomainId": domain_id, "UserProfileName": "alice"}),
    );
    assert_eq!(status, 200, "{profile}");
    second.stop();
}

#[test]
fn sigkill_right_after_an_acknowledged_create_loses_nothing() {
    let state = temp_state("sigkill");
    let first = Emulator::start(&state).unwrap();
    let ids: Vec<String> = (0..5)
        .map(|i| create_domain(&first, &format!("d{i}")))
        .collect();
    first.kill();
    let second = Emulator::start(&state).unwrap();
    for id in &ids {
        let (status, out) = second.call("DescribeDomain", json!({"DomainId": id}));
        assert_eq!(status, 200, "{id}: {out}");
    }
    second.kill();
}

#[test]
fn a_torn_last_record_is_cut_off_and_the_rest_loads() {
    let state = temp_state("torn");
    let first = Emulator::start(&state).unwrap();
    let kept = create_domain(&first, "kept");
    let torn = create_domain(&first, "torn");
    first.kill();
    // A crash in the middle of the last write: cut the file inside its last record.
    let text = std::fs::read(&state).unwrap();
    std::fs::write(&state, &text[..text.len() - 25]).unwrap();
    let second = Emulator::start(&state).unwrap();
    assert_eq!(
        second.call("DescribeDomain", json!({"DomainId": kept})).0,
        200
    );
    assert_eq!(
        second.call("DescribeDomain", json!({"DomainId": torn})).0,
        400
    );
    // The file was repaired: new changes append after the good records and survive a restart.
    let later = create_domain(&second, "later");
    second.kill();
    let third = Emulator::start(&state).unwrap();
    assert_eq!(
        third.call("DescribeDomain", json!({"DomainId": kept})).0,
        200
    );
    assert_eq!(
        third.call("DescribeDomain", json!({"DomainId": later})).0,
        200
    );
    third.kill();
}

#[test]
fn damage_before_the_last_record_refuses_to_start_and_leaves_the_file_alone() {
    let state = temp_state("damaged");
    let first = Emulator::start(&state).unwrap();
    create_domain(&first, "one");
    create_domain(&first, "two");
    first.kill();
    let text = std::fs::read_to_string(&state).unwrap();
    let damaged = text.replacen("\"one\"", "\"0ne\"", 1);
    std::fs::write(&state, &damaged).unwrap();
    let refused = Emulator::start(&state).err().expect("refused");
    assert!(refused.contains("damaged"), "{refused}");
    assert_eq!(std::fs::read_to_string(&state).unwrap(), damaged);
}

#[test]
fn a_file_of_another_version_or_format_is_refused_and_never_overwritten() {
    for (name, content) in [
        (
            "version",
            "{\"Format\":\"sagemaker-studio-emulator/journal\",\"Version\":99} 0000000000000000\n"
                .to_string(),
        ),
        ("format", "my notes, not a journal\n".to_string()),
    ] {
        let state = temp_state(name);
        std::fs::write(&state, &content).unwrap();
        let refused = Emulator::start(&state).err().expect("refused");
        assert!(
            refused.contains("refusing to load or overwrite"),
            "{refused}"
        );
        assert_eq!(std::fs::read_to_string(&state).unwrap(), content);
    }
}

#[test]
fn export_and_import_round_trip_and_a_bad_import_changes_nothing() {
    let source_state = temp_state("export");
    let source = Emulator::start(&source_state).unwrap();
    let domain_id = create_domain(&source, "exported");
    let (status, exported) = source.request("GET", "/_emulator/state", &[], "");
    assert_eq!(status, 200);
    source.stop();

    let target_state = temp_state("import");
    let target = Emulator::start(&target_state).unwrap();
    let existing = create_domain(&target, "replaced");
    let (status, body) = target.request("PUT", "/_emulator/state", JSON, "garbage\n");
    assert_eq!(status, 400, "{body}");
    assert_eq!(
        target
            .call("DescribeDomain", json!({"DomainId": existing}))
            .0,
        200
    );
    let (status, body) = target.request("PUT", "/_emulator/state", JSON, &exported);
    assert_eq!(status, 200, "{body}");
    assert_eq!(
        target
            .call("DescribeDomain", json!({"DomainId": domain_id}))
            .0,
        200
    );
    assert_eq!(
        target
            .call("DescribeDomain", json!({"DomainId": existing}))
            .0,
        400
    );
    target.stop();
}

#[test]
fn a_second_emulator_on_the_same_file_is_refused_naming_the_holder() {
    let state = temp_state("locked");
    let first = Emulator::start(&state).unwrap();
    let refusal = match Emulator::start(&state) {
        Ok(second) => {
            second.stop();
            panic!("a second emulator started on a state file in use");
        }
        Err(stderr) => stderr,
    };
    let pid = first.child.id().to_string();
    assert!(
        refusal.contains(&format!("in use by another emulator (pid {pid})")),
        "{refusal}"
    );
    // Once the holder is gone, the file opens again, with what it held.
    first.stop();
    let again = Emulator::start(&state).unwrap();
    again.stop();
}

/// A state file written by release 0.1.0 (fixtures/state/release-0.1.0.journal: a domain with a
/// tag, a user profile, an app, an app whose creation a fault failed, clock advances) still loads:
/// a change of the file's format must ship a migration, and this test says when one is needed.
#[test]
fn a_state_file_of_release_0_1_0_loads_with_its_ids_tags_and_failures() {
    let fixture =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../fixtures/state/release-0.1.0.journal");
    let state = temp_state("release-0.1.0");
    std::fs::copy(&fixture, &state).expect("copy the fixture");
    let emulator = Emulator::start(&state).expect("the release 0.1.0 file loads");
    let call = |operation: &str, input: Value| emulator.call_as_fixture_account(operation, input);
    let domains = call("ListDomains", json!({}));
    assert_eq!(domains["Domains"][0]["DomainId"], "d-4hq5pkvjdmh0");
    assert_eq!(domains["Domains"][0]["DomainName"], "fixture");
    let app = |name: &str| {
        call(
            "DescribeApp",
            json!({"DomainId": "d-4hq5pkvjdmh0", "UserProfileName": "ana",
                   "AppType": "KernelGateway", "AppName": name}),
        )
    };
    assert_eq!(app("k1")["Status"], "InService");
    // k2 failed when the file was written (2026-12-01); the manual clock starts at the wall
    // clock, days later, and AWS forgets an app a day after it ended (DescribeApp
    // CreationTime): it is no longer described, but the state still holds its failure (billed).
    let (status, body) = emulator.describe_app_of_fixture_account("d-4hq5pkvjdmh0", "k2");
    assert_eq!(status, 400, "{body}");
    assert!(body.contains("ResourceNotFound"), "{body}");
    let (status, exported) = emulator.request("GET", "/_emulator/state", &[], "");
    assert_eq!(status, 200, "{exported}");
    assert!(exported.contains("Image pull failed."), "{exported}");
    let tags = call(
        "ListTags",
        json!({"ResourceArn": "arn:aws:sagemaker:us-east-1:111122223333:domain/d-4hq5pkvjdmh0"}),
    );
    assert_eq!(tags["Tags"], json!([{"Key": "team", "Value": "ml"}]));
    emulator.stop();
}

/// An import is read as it arrives and runs alone: while one is being sent (half its body on the
/// wire), a second is refused with 409 `ConflictException` and changes nothing; the first then
/// completes, and a restart loads what it imported.
#[test]
fn an_import_streams_one_at_a_time_and_survives_a_restart() {
    let source_state = temp_state("big-source");
    let source = Emulator::start(&source_state).unwrap();
    let domain_id = create_domain(&source, "big");
    for i in 0..300 {
        let (status, body) = source.call(
            "CreateUserProfile",
            json!({"DomainId": domain_id, "UserProfileName": format!("user-{i}")}),
        );
        assert_eq!(status, 200, "{body}");
    }
    let (status, exported) = source.request("GET", "/_emulator/state", &[], "");
    assert_eq!(status, 200);
    source.stop();

    let path = temp_state("big-target");
    let target = Emulator::start(&path).unwrap();
    let existing = create_domain(&target, "kept-until-the-import");
    let head = format!(
        "PUT /_emulator/state HTTP/1.1\r\nHost: {}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        target.addr,
        exported.len()
    );
    let half = exported.len() / 2;
    let send_half = || {
        let mut first = TcpStream::connect(&target.addr).expect("connect");
        first.write_all(head.as_bytes()).unwrap();
        first.write_all(&exported.as_bytes()[..half]).unwrap();
        first
    };
    let mut first = send_half();
    // Readiness by the signal itself: until the first import holds its permit, a malformed
    // second one is refused as malformed (400, changing nothing); then it is refused as a
    // conflict. A probe can also win the race to the permit, and the first is then refused
    // at once: it is sent again.
    let mut refused = (0, String::new());
    for _ in 0..10_000 {
        refused = target.request("PUT", "/_emulator/state", JSON, "not a state\n");
        if refused.0 != 400 {
            break;
        }
        first.set_nonblocking(true).unwrap();
        let answered = first.peek(&mut [0u8; 1]).is_ok_and(|n| n > 0);
        first.set_nonblocking(false).unwrap();
        if answered {
            first = send_half();
        }
    }
    assert_eq!(refused.0, 409, "{}", refused.1);
    assert!(refused.1.contains("ConflictException"), "{}", refused.1);
    assert_eq!(
        target
            .call("DescribeDomain", json!({"DomainId": existing}))
            .0,
        200,
        "nothing changed yet"
    );
    first.write_all(&exported.as_bytes()[half..]).unwrap();
    let mut response = String::new();
    first.read_to_string(&mut response).unwrap();
    assert!(response.starts_with("HTTP/1.1 200"), "{response}");
    let (status, page) = target.call(
        "ListUserProfiles",
        json!({"DomainIdEquals": domain_id, "MaxResults": 100}),
    );
    assert_eq!(status, 200);
    assert_eq!(page["UserProfiles"].as_array().map(Vec::len), Some(100));
    assert!(page["NextToken"].is_string());
    target.stop();
    let restarted = Emulator::start(&path).unwrap();
    assert_eq!(
        restarted
            .call("DescribeDomain", json!({"DomainId": domain_id}))
            .0,
        200
    );
    assert_eq!(
        restarted
            .call("DescribeDomain", json!({"DomainId": existing}))
            .0,
        400
    );
    let (_, profile) = restarted.call(
        "DescribeUserProfile",
        json!({"DomainId": domain_id, "UserProfileName": "user-299"}),
    );
    assert_eq!(profile["Status"], "InService", "{profile}");
    restarted.stop();
}

/// The state file as this release writes it (format version 2: a snapshot, then the journal of
/// the changes since), committed: the next change of the format must load it (a migration).
#[test]
fn a_state_file_of_format_2_loads_its_snapshot_and_its_journal() {
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("../fixtures/state/format-2.journal");
    let text = std::fs::read_to_string(&fixture).unwrap();
    assert!(text.starts_with(r#"{"Format":"sagemaker-studio-emulator/journal","Now":"#));
    assert!(text.contains(r#""Partitions":1,"Version":2}"#));
    let state = temp_state("format-2");
    std::fs::copy(&fixture, &state).expect("copy the fixture");
    let emulator = Emulator::start(&state).expect("the format 2 file loads");
    let call = |operation: &str, input: Value| emulator.call_as_fixture_account(operation, input);
    let domain = "d-rz6xswnf7ngw";
    assert_eq!(
        call("ListDomains", json!({}))["Domains"][0]["DomainId"],
        domain
    );
    let profiles = call(
        "ListUserProfiles",
        json!({"DomainIdEquals": domain, "SortOrder": "Ascending"}),
    );
    let names: Vec<&str> = profiles["UserProfiles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["UserProfileName"].as_str().unwrap())
        .collect();
    assert_eq!(
        names,
        ["ana", "ben"],
        "ben comes from the journal after the snapshot"
    );
    // k1 was deleted and k2 failed when the file was written (2026-12); the manual clock starts
    // at the wall clock, later, and AWS forgets an app a day after it ended (DescribeApp
    // CreationTime): neither is described now, both are still in the state (billed).
    for name in ["k1", "k2"] {
        let (status, body) = emulator.describe_app_of_fixture_account(domain, name);
        assert_eq!(status, 400, "{body}");
        assert!(body.contains("ResourceNotFound"), "{body}");
    }
    let (status, exported) = emulator.request("GET", "/_emulator/state", &[], "");
    assert_eq!(status, 200, "{exported}");
    assert!(exported.contains("Image pull failed."), "{exported}");
    assert!(exported.contains("\"app_name\":\"k1\""), "{exported}");
    let tags = call(
        "ListTags",
        json!({"ResourceArn": format!("arn:aws:sagemaker:us-east-1:111122223333:domain/{domain}")}),
    );
    assert_eq!(tags["Tags"], json!([{"Key": "team", "Value": "ml"}]));
    emulator.stop();
}

/// A small tmpfs mounted for one test, unmounted when dropped.
struct SmallDisk {
    dir: PathBuf,
    _parent: TempState,
}

impl SmallDisk {
    /// Mounts a tmpfs of `size` at a fresh directory; `None` where mounting is not allowed (not
    /// root): the injected-failure tests in `service::state` cover the same rules everywhere.
    fn mount(size: &str) -> Option<SmallDisk> {
        let parent = temp_state("tmpfs");
        let dir = parent.with_file_name("disk");
        std::fs::create_dir_all(&dir).ok()?;
        let mounted = Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={size}"), "tmpfs"])
            .arg(&dir)
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success());
        mounted.then_some(SmallDisk {
            dir,
            _parent: parent,
        })
    }
}

impl Drop for SmallDisk {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(&self.dir).status();
    }
}

/// The issue's reproduction, on a real full disk (a 256 KiB tmpfs): creates run until the disk
/// is full; the first refused one is a 503 and leaves nothing behind (no phantom, no torn line);
/// once room is made, the same create succeeds once; after a SIGKILL the file loads with every
/// acknowledged change.
#[test]
fn a_full_disk_refuses_changes_without_phantoms_and_recovers_when_there_is_room() {
    let Some(disk) = SmallDisk::mount("256k") else {
        eprintln!("skipped: mounting a tmpfs needs root (the injected-failure tests cover this)");
        return;
    };
    // Room to free later: the emulator's own file must be what fills the disk.
    let filler = disk.dir.join("filler");
    std::fs::write(&filler, vec![b'x'; 64 * 1024]).unwrap();
    let state = disk.dir.join("state.journal");
    let emulator = Emulator::start(&state).unwrap();
    let domain_id = create_domain(&emulator, "full");
    let mut acknowledged = Vec::new();
    let mut refused = None;
    for i in 0..10_000 {
        let name = format!("user-{i}");
        let (status, body) = emulator.call(
            "CreateUserProfile",
            json!({"DomainId": domain_id, "UserProfileName": name}),
        );
        match status {
            200 => acknowledged.push(name),
            503 => {
                assert_eq!(body["__type"], "ServiceUnavailable", "{body}");
                refused = Some(name);
                break;
            }
            other => panic!("CreateUserProfile answered {other}: {body}"),
        }
    }
    let refused = refused.expect("the disk filled up");
    let count = |emulator: &Emulator| {
        let mut names = Vec::new();
        let mut token: Option<String> = None;
        loop {
            let mut input = json!({"DomainIdEquals": domain_id, "MaxResults": 100});
            if let Some(t) = &token {
                input["NextToken"] = json!(t);
            }
            let (status, page) = emulator.call("ListUserProfiles", input);
            assert_eq!(status, 200, "{page}");
            for p in page["UserProfiles"].as_array().unwrap() {
                names.push(p["UserProfileName"].as_str().unwrap().to_string());
            }
            match page["NextToken"].as_str() {
                Some(t) => token = Some(t.to_string()),
                None => return names,
            }
        }
    };
    assert_eq!(
        count(&emulator).len(),
        acknowledged.len(),
        "no phantom in memory"
    );
    let (status, _) = emulator.call(
        "DescribeUserProfile",
        json!({"DomainId": domain_id, "UserProfileName": refused}),
    );
    assert_eq!(status, 400, "the refused profile does not exist");
    std::fs::remove_file(&filler).unwrap();
    let (status, body) = emulator.call(
        "CreateUserProfile",
        json!({"DomainId": domain_id, "UserProfileName": refused}),
    );
    assert_eq!(
        status, 200,
        "with room again the same call succeeds: {body}"
    );
    acknowledged.push(refused);
    emulator.kill();
    let restarted = Emulator::start(&state).expect("the file loads after the full disk");
    let mut names = count(&restarted);
    names.sort();
    acknowledged.sort();
    assert_eq!(names, acknowledged, "every acknowledged change, once");
    restarted.stop();
}

/// The user profiles of the fixture account's `domain` (one page of up to 100).
fn profile_count(emulator: &Emulator, domain: &str) -> usize {
    let (status, out) = emulator.call(
        "ListUserProfiles",
        json!({"DomainIdEquals": domain, "MaxResults": 100}),
    );
    assert_eq!(status, 200, "{out}");
    out["UserProfiles"].as_array().map_or(0, Vec::len)
}

/// A `--state-file` that is a symlink (here dangling at first: its target is made) stays a
/// symlink through compactions, and the file it points to keeps every acknowledged change (the
/// issue's reproduction: the link was replaced by a regular file and the target kept 17 of 100).
#[test]
fn a_symlinked_state_file_stays_a_link_and_its_target_keeps_every_change() {
    let real = temp_state("symlink");
    let dir = real.parent().unwrap().to_path_buf();
    let link = dir.join("link.state");
    std::os::unix::fs::symlink("state.journal", &link).unwrap();
    let flags = ["--compact-min-bytes", "4096", "--compact-ratio", "0.1"];
    let emulator = Emulator::start_with(&link, &flags, None).expect("starts on a dangling link");
    let domain = create_domain(&emulator, "linked");
    for i in 0..100 {
        let (status, out) = emulator.call(
            "CreateUserProfile",
            json!({"DomainId": domain, "UserProfileName": format!("user-{i}")}),
        );
        assert_eq!(status, 200, "{out}");
    }
    emulator.stop();
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink(),
        "the link was replaced by a file"
    );
    let text = std::fs::read_to_string(&real).unwrap();
    assert!(
        text.lines().count() < 50,
        "no compaction ran ({} lines)",
        text.lines().count()
    );
    // The real file alone has all 100.
    let again = Emulator::start(&real).unwrap();
    assert_eq!(profile_count(&again, &domain), 100);
    again.stop();
}

/// One state file, one emulator, however it is spelled: a symlink, a relative path or an
/// absolute one take the same lock (refused naming the holder's pid), and a file with a second
/// hard link is refused (a compaction's rename would leave the other link with old content).
#[test]
fn every_spelling_of_one_state_file_takes_one_lock_and_hard_links_are_refused() {
    let real = temp_state("spellings");
    let dir = real.parent().unwrap().to_path_buf();
    let first = Emulator::start(&real).unwrap();
    let pid = first.child.id();
    let link = dir.join("other-name.state");
    std::os::unix::fs::symlink(&real, &link).unwrap();
    let dangling = dir.join("sub");
    std::fs::create_dir_all(&dangling).unwrap();
    for (state, cwd) in [
        (link.clone(), None),
        (PathBuf::from("state.journal"), Some(dir.as_path())),
        (PathBuf::from("../state.journal"), Some(dangling.as_path())),
    ] {
        let refusal = Emulator::start_with(&state, &[], cwd)
            .err()
            .unwrap_or_else(|| panic!("{} started beside pid {pid}", state.display()));
        assert!(
            refusal.contains(&format!("in use by another emulator (pid {pid})")),
            "{}: {refusal}",
            state.display()
        );
    }
    let hard = dir.join("hard.state");
    std::fs::hard_link(&real, &hard).unwrap();
    for state in [hard.as_path(), real.as_ref()] {
        let refusal = Emulator::start_with(state, &[], None)
            .err()
            .unwrap_or_else(|| panic!("{} started", state.display()));
        assert!(refusal.contains("has 2 hard links"), "{refusal}");
    }
    first.stop();
}
