//! Who may reach the emulator: the checks every request passes before any route runs.
//!
//! What they stop, and how:
//! - **Another web page** the developer visits (cross-site requests): a browser sends "simple"
//!   requests (a form, `text/plain`) to any address without asking first. So an admin call that
//!   changes state (`POST`, `PUT`, `DELETE` under `/_emulator/`) must say
//!   `Content-Type: application/json`, which a page can send only after a CORS preflight the
//!   emulator never grants; and a request whose `Origin` is not the emulator's own is refused.
//! - **DNS rebinding** (a page whose name is made to resolve to 127.0.0.1, so that the browser
//!   thinks the emulator is that page's own origin): the `Host` header must name the emulator —
//!   an IP address (a rebinding page always has a DNS name), `localhost`, or a name given with
//!   `--allowed-host`. This covers the SageMaker API too.
//! - **Other hosts** (the emulator bound to `0.0.0.0` for a classroom): with `--admin-token`,
//!   every admin call that changes or exports the state needs `Authorization: Bearer TOKEN`;
//!   bound to a non-loopback address without a token, those calls are refused (the dashboard's
//!   read-only views and the SageMaker API keep working).
//!
//! Each refusal is an [`EdgeRefusal`] in AWS's envelope. The rules are a pure function
//! ([`check`]) of the request's method, path and headers and the [`Policy`], tested alone.

use axum::body::Body;
use axum::extract::Request;
use axum::http::{header, HeaderMap, Method};
use axum::response::{IntoResponse, Response};

use crate::http::EdgeRefusal;

/// Who may call, fixed at start.
#[derive(Debug, Clone, Default)]
pub struct Policy {
    /// Host names accepted besides IP addresses and `localhost` (`--allowed-host`).
    pub allowed_hosts: Vec<String>,
    /// `--admin-token`: the bearer token admin calls that change or export state must carry.
    pub admin_token: Option<String>,
    /// Whether the emulator is bound to a loopback address (else, without a token, the admin
    /// calls that change or export state are refused).
    pub loopback: bool,
    /// How long a client may take to send a request's body once its headers are in (30 s).
    pub body_read_timeout: std::time::Duration,
}

impl Policy {
    /// The policy of an emulator bound to `host`.
    pub fn new(host: &str, allowed_hosts: Vec<String>, admin_token: Option<String>) -> Self {
        Policy {
            allowed_hosts,
            admin_token: admin_token.filter(|t| !t.is_empty()),
            loopback: is_loopback(host),
            body_read_timeout: std::time::Duration::from_secs(30),
        }
    }

    /// Whether `host` (a `Host` header's name, without the port) names this emulator.
    fn accepts_host(&self, host: &str) -> bool {
        let name = host.trim_start_matches('[').trim_end_matches(']');
        name.parse::<std::net::IpAddr>().is_ok()
            || name.eq_ignore_ascii_case("localhost")
            || name.to_ascii_lowercase().ends_with(".localhost")
            || self
                .allowed_hosts
                .iter()
                .any(|allowed| allowed.eq_ignore_ascii_case(name))
    }
}

/// Whether `host` (as given to `--host`) is a loopback address: `localhost`, `127.0.0.0/8`,
/// `::1` (bracketed or not).
pub fn is_loopback(host: &str) -> bool {
    let host = host.trim_start_matches('[').trim_end_matches(']');
    host.eq_ignore_ascii_case("localhost")
        || host
            .parse::<std::net::IpAddr>()
            .is_ok_and(|ip| ip.is_loopback())
}

/// The name part of a `Host` header value (`127.0.0.1:8787` → `127.0.0.1`, `[::1]:80` → `[::1]`).
fn host_name(value: &str) -> &str {
    if value.starts_with('[') {
        return value.find(']').map_or(value, |end| &value[..=end]);
    }
    value.rsplit_once(':').map_or(value, |(name, _)| name)
}

/// Whether an admin call changes or exports state (and so needs the token where one applies).
fn is_sensitive_admin(method: &Method, path: &str) -> bool {
    path.starts_with("/_emulator/") && (*method != Method::GET || path == "/_emulator/state")
}

/// The refusal of a request, or `None` when it may go on.
pub fn check(
    policy: &Policy,
    method: &Method,
    path: &str,
    headers: &HeaderMap,
) -> Option<EdgeRefusal> {
    let authority = headers.get(header::HOST).and_then(|v| v.to_str().ok());
    let host = authority.map(host_name);
    match host {
        Some(name) if policy.accepts_host(name) => {}
        Some(name) => {
            return Some(EdgeRefusal::AccessDenied(format!(
                "Host '{name}' does not name this emulator: requests must be addressed to an IP address, localhost, or a name given with --allowed-host."
            )))
        }
        // HTTP/1.1 requires Host; an absolute-form request without one is not from a browser.
        None => {}
    }
    let admin = path.starts_with("/_emulator");
    let changes = *method != Method::GET && *method != Method::HEAD;
    if admin && changes {
        if let Some(origin) = headers.get(header::ORIGIN).and_then(|v| v.to_str().ok()) {
            // The page's origin must be the emulator itself: the same authority (host and port)
            // the request is addressed to.
            let own = origin
                .split_once("://")
                .map(|(_, rest)| rest.trim_end_matches('/'))
                .zip(authority)
                .is_some_and(|(from, to)| from.eq_ignore_ascii_case(to));
            if !own {
                return Some(EdgeRefusal::AccessDenied(format!(
                    "Origin '{origin}' is not this emulator's: admin calls are not taken from other sites."
                )));
            }
        }
        let json = headers
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.split(';').next())
            .is_some_and(|v| v.trim().eq_ignore_ascii_case("application/json"));
        if !json {
            return Some(EdgeRefusal::UnsupportedMediaType(format!(
                "{method} {path} takes Content-Type: application/json (a guard against requests from other sites)."
            )));
        }
    }
    if is_sensitive_admin(method, path) {
        match &policy.admin_token {
            Some(token) => {
                let given = headers
                    .get(header::AUTHORIZATION)
                    .and_then(|v| v.to_str().ok())
                    .and_then(bearer_credentials);
                let matches = given.is_some_and(|given| {
                    use subtle::ConstantTimeEq as _;
                    bool::from(given.as_bytes().ct_eq(token.as_bytes()))
                });
                if !matches {
                    return Some(EdgeRefusal::AccessDenied(format!(
                        "{method} {path} needs the admin token: send Authorization: Bearer <the --admin-token value>."
                    )));
                }
            }
            None if !policy.loopback => {
                return Some(EdgeRefusal::AccessDenied(format!(
                    "{method} {path} is refused: the emulator is bound to a non-loopback address without --admin-token, so nobody on the network may change or export its state. Start it with --admin-token to allow it."
                )))
            }
            None => {}
        }
    }
    None
}

/// The guard as a tower layer around every route: refuses what [`check`] refuses before the route
/// runs, and gives the body of what it lets through the body timeout. A plain service (no boxed
/// future per request): it sits on the path of every call.
#[derive(Debug, Clone)]
pub struct GuardLayer(std::sync::Arc<Policy>);

impl GuardLayer {
    /// The layer of `policy`.
    pub fn new(policy: Policy) -> Self {
        GuardLayer(std::sync::Arc::new(policy))
    }
}

impl<S> tower::Layer<S> for GuardLayer {
    type Service = Guarded<S>;
    fn layer(&self, inner: S) -> Guarded<S> {
        Guarded {
            inner,
            policy: std::sync::Arc::clone(&self.0),
        }
    }
}

/// A route behind the guard.
#[derive(Debug, Clone)]
pub struct Guarded<S> {
    inner: S,
    policy: std::sync::Arc<Policy>,
}

impl<S> tower::Service<Request<Body>> for Guarded<S>
where
    S: tower::Service<Request<Body>, Response = Response>,
{
    type Response = Response;
    type Error = S::Error;
    type Future =
        futures_util::future::Either<std::future::Ready<Result<Response, S::Error>>, S::Future>;

    fn poll_ready(
        &mut self,
        cx: &mut std::task::Context<'_>,
    ) -> std::task::Poll<Result<(), Self::Error>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, request: Request<Body>) -> Self::Future {
        if let Some(refusal) = check(
            &self.policy,
            request.method(),
            request.uri().path(),
            request.headers(),
        ) {
            return futures_util::future::Either::Left(std::future::ready(Ok(
                refusal.into_response()
            )));
        }
        let (parts, body) = request.into_parts();
        let body = Body::new(Deadline {
            inner: body,
            timeout: self.policy.body_read_timeout,
            deadline: None,
        });
        futures_util::future::Either::Right(self.inner.call(Request::from_parts(parts, body)))
    }
}

/// A request body that fails with `BodyTimedOut` once it has stalled for its timeout. The timer is
/// made at the first stall only: a body that arrived with its headers (nearly every call) costs
/// no timer at all.
struct Deadline {
    inner: Body,
    timeout: std::time::Duration,
    deadline: Option<std::pin::Pin<Box<tokio::time::Sleep>>>,
}

impl http_body::Body for Deadline {
    type Data = axum::body::Bytes;
    type Error = axum::Error;

    fn poll_frame(
        mut self: std::pin::Pin<&mut Self>,
        cx: &mut std::task::Context<'_>,
    ) -> std::task::Poll<Option<Result<http_body::Frame<Self::Data>, Self::Error>>> {
        use std::future::Future as _;
        if let std::task::Poll::Ready(frame) = std::pin::Pin::new(&mut self.inner).poll_frame(cx) {
            return std::task::Poll::Ready(frame);
        }
        let timeout = self.timeout;
        let deadline = self
            .deadline
            .get_or_insert_with(|| Box::pin(tokio::time::sleep(timeout)));
        if deadline.as_mut().poll(cx).is_ready() {
            return std::task::Poll::Ready(Some(Err(axum::Error::new(
                crate::http::response::BodyTimedOut,
            ))));
        }
        std::task::Poll::Pending
    }

    fn is_end_stream(&self) -> bool {
        self.inner.is_end_stream()
    }

    fn size_hint(&self) -> http_body::SizeHint {
        self.inner.size_hint()
    }
}

/// The credentials of `Authorization: Bearer TOKEN`; the scheme is matched in any case ("The
/// auth-scheme is case-insensitive", RFC 7235 §2.1).
fn bearer_credentials(value: &str) -> Option<&str> {
    let (scheme, credentials) = value.trim_start().split_once(' ')?;
    scheme
        .eq_ignore_ascii_case("bearer")
        .then_some(credentials.trim())
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    fn headers(pairs: &[(&'static str, &str)]) -> HeaderMap {
        let mut map = HeaderMap::new();
        for (k, v) in pairs {
            map.insert(*k, HeaderValue::from_str(v).unwrap());
        }
        map
    }

    fn local() -> Policy {
        Policy::new("127.0.0.1", Vec::new(), None)
    }

    const JSON: (&str, &str) = ("content-type", "application/json");

    #[test]
    fn a_cross_site_simple_request_cannot_change_state() {
        let form = headers(&[("host", "127.0.0.1:8787"), ("content-type", "text/plain")]);
        let refusal = check(&local(), &Method::POST, "/_emulator/reset", &form).unwrap();
        assert_eq!(refusal.code(), "UnsupportedMediaTypeException");
        let foreign = headers(&[
            ("host", "127.0.0.1:8787"),
            JSON,
            ("origin", "https://evil.example"),
        ]);
        assert_eq!(
            check(&local(), &Method::POST, "/_emulator/reset", &foreign)
                .unwrap()
                .code(),
            "AccessDeniedException"
        );
        let own = headers(&[
            ("host", "127.0.0.1:8787"),
            JSON,
            ("origin", "http://127.0.0.1:8787"),
        ]);
        assert!(check(&local(), &Method::POST, "/_emulator/reset", &own).is_none());
        // Reads and the SageMaker API are not admin changes.
        let plain = headers(&[("host", "localhost:8787")]);
        assert!(check(&local(), &Method::GET, "/_emulator/resources", &plain).is_none());
        assert!(check(&local(), &Method::POST, "/", &plain).is_none());
    }

    #[test]
    fn a_rebound_dns_name_is_refused_everywhere() {
        let rebound = headers(&[("host", "attacker.example:8787")]);
        for (method, path) in [(Method::POST, "/"), (Method::GET, "/_emulator/state")] {
            let refusal = check(&local(), &method, path, &rebound).unwrap();
            assert_eq!(refusal.code(), "AccessDeniedException", "{path}");
        }
        for host in [
            "127.0.0.1:1",
            "[::1]:8787",
            "localhost",
            "studio.localhost:80",
            "10.0.0.5:8787",
        ] {
            assert!(
                check(
                    &local(),
                    &Method::GET,
                    "/_emulator/health",
                    &headers(&[("host", host)])
                )
                .is_none(),
                "{host}"
            );
        }
        let named = Policy::new("0.0.0.0", vec!["emulator".into()], Some("t".into()));
        assert!(check(
            &named,
            &Method::POST,
            "/",
            &headers(&[("host", "emulator:8787")])
        )
        .is_none());
    }

    #[test]
    fn the_admin_token_guards_changes_and_exports() {
        let policy = Policy::new("127.0.0.1", Vec::new(), Some("s3cret".into()));
        let bare = headers(&[("host", "127.0.0.1:1"), JSON]);
        assert!(check(&policy, &Method::POST, "/_emulator/clock/advance", &bare).is_some());
        assert!(check(&policy, &Method::GET, "/_emulator/state", &bare).is_some());
        assert!(check(&policy, &Method::GET, "/_emulator/resources", &bare).is_none());
        let wrong = headers(&[
            ("host", "127.0.0.1:1"),
            JSON,
            ("authorization", "Bearer nope"),
        ]);
        assert!(check(&policy, &Method::PUT, "/_emulator/state", &wrong).is_some());
        let right = headers(&[
            ("host", "127.0.0.1:1"),
            JSON,
            ("authorization", "Bearer s3cret"),
        ]);
        assert!(check(&policy, &Method::PUT, "/_emulator/state", &right).is_none());
    }

    #[test]
    fn the_bearer_scheme_is_matched_in_any_case() {
        // "The auth-scheme is case-insensitive" (RFC 7235 §2.1).
        let policy = Policy::new("127.0.0.1", Vec::new(), Some("s3cret".into()));
        for value in ["bearer s3cret", "BEARER s3cret", "Bearer  s3cret"] {
            let call = headers(&[("host", "127.0.0.1:1"), JSON, ("authorization", value)]);
            assert!(
                check(&policy, &Method::POST, "/_emulator/reset", &call).is_none(),
                "{value}"
            );
        }
        for value in ["Basic s3cret", "Bearers3cret", "s3cret"] {
            let call = headers(&[("host", "127.0.0.1:1"), JSON, ("authorization", value)]);
            assert!(
                check(&policy, &Method::POST, "/_emulator/reset", &call).is_some(),
                "{value}"
            );
        }
    }

    #[test]
    fn bound_to_the_network_without_a_token_the_state_stays_closed() {
        let open = Policy::new("0.0.0.0", Vec::new(), None);
        let call = headers(&[("host", "192.168.1.20:8787"), JSON]);
        let refusal = check(&open, &Method::POST, "/_emulator/reset", &call).unwrap();
        assert!(refusal.message().contains("--admin-token"));
        assert!(check(&open, &Method::GET, "/_emulator/state", &call).is_some());
        assert!(check(&open, &Method::GET, "/_emulator/resources", &call).is_none());
        assert!(check(&open, &Method::POST, "/", &call).is_none());
    }

    #[test]
    fn in_a_container_the_token_opens_the_admin_api_through_a_published_port() {
        // The image binds 0.0.0.0 and reads SMSE_ADMIN_TOKEN. Through a published port, the
        // host's requests arrive from the container's gateway, addressed to localhost:PORT or
        // 127.0.0.1:PORT: the token decides, whoever the peer is.
        let container = Policy::new("0.0.0.0", Vec::new(), Some("s3cret".into()));
        for host in ["localhost:18787", "127.0.0.1:18787", "[::1]:18787"] {
            let bare = headers(&[("host", host), JSON]);
            let refusal = check(&container, &Method::POST, "/_emulator/reset", &bare).unwrap();
            assert_eq!(refusal.code(), "AccessDeniedException", "{host}");
            let with_token = headers(&[("host", host), JSON, ("authorization", "Bearer s3cret")]);
            assert!(check(&container, &Method::POST, "/_emulator/reset", &with_token).is_none());
            // The HEALTHCHECK and the SageMaker API need no token.
            let plain = headers(&[("host", host)]);
            assert!(check(&container, &Method::GET, "/_emulator/health", &plain).is_none());
            assert!(check(&container, &Method::POST, "/", &plain).is_none());
        }
        // Another container reaches it by its name only when that name is allowed.
        let by_name = headers(&[("host", "emulator:8787")]);
        assert!(check(&container, &Method::POST, "/", &by_name).is_some());
    }

    #[test]
    fn host_names_lose_their_port() {
        assert_eq!(host_name("127.0.0.1:8787"), "127.0.0.1");
        assert_eq!(host_name("localhost"), "localhost");
        assert_eq!(host_name("[::1]:8787"), "[::1]");
        assert_eq!(host_name("[::1]"), "[::1]");
    }
}
