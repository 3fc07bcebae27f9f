//! The emulator's clock: the only place that reads the operating system's time.
//!
//! Two modes (docs/contract.md §1 `--clock`): `real`, where simulated time runs at `--time-scale`
//! simulated seconds per wall second from the moment the clock was made, and `manual`, where time
//! moves only through [`Clock::advance`] (the admin API's `clock/advance`). Both can be advanced, so a
//! demo on a real clock can also skip ahead. Everything else asks the clock for `now` and derives
//! statuses from timestamps (see `lifecycle.rs`), which is what makes tests deterministic.

use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

/// A point in simulated time: milliseconds since the Unix epoch.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Timestamp(pub i64);

impl Timestamp {
    /// Epoch seconds with fraction, as the awsJson protocol writes timestamps.
    pub fn as_epoch_seconds(self) -> f64 {
        self.0 as f64 / 1000.0
    }

    /// From epoch seconds (fractions kept to the millisecond).
    pub fn from_epoch_seconds(seconds: f64) -> Self {
        Timestamp((seconds * 1000.0).round() as i64)
    }

    /// This time plus a duration (saturating).
    pub fn plus(self, duration: Duration) -> Self {
        let millis = i64::try_from(duration.as_millis()).unwrap_or(i64::MAX);
        Timestamp(self.0.saturating_add(millis))
    }

    /// This time plus a number of milliseconds (saturating).
    pub fn plus_millis(self, millis: i64) -> Self {
        Timestamp(self.0.saturating_add(millis))
    }
}

impl serde::Serialize for Timestamp {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_f64(self.as_epoch_seconds())
    }
}

/// Reads what `Serialize` writes (the state file's snapshots): epoch seconds back to the
/// millisecond. Exact: a millisecond count below 2^53 / 1000 survives the round trip through
/// `f64` seconds (the error of one division and one multiplication stays far below 0.5 ms).
/// A time outside 0..=[`LATEST_STORED`] is refused: no table the emulator writes holds one, and
/// arithmetic on it could overflow.
impl<'de> serde::Deserialize<'de> for Timestamp {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let seconds = f64::deserialize(deserializer)?;
        let bound = LATEST_STORED.as_epoch_seconds();
        if !(0.0..=bound).contains(&seconds) {
            return Err(serde::de::Error::custom(format!(
                "time {seconds} is outside 0..={bound} (epoch seconds, 1970 to the year 10099)"
            )));
        }
        Ok(Timestamp::from_epoch_seconds(seconds))
    }
}

/// How simulated time moves.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum ClockMode {
    /// Wall time multiplied by a scale (simulated seconds per wall second).
    Real {
        /// `--time-scale`.
        time_scale: f64,
    },
    /// Moves only when advanced.
    Manual,
}

/// The shared clock. Cheap to clone; all clones see the same time.
#[derive(Debug, Clone)]
pub struct Clock {
    inner: Arc<ClockInner>,
}

#[derive(Debug)]
struct ClockInner {
    mode: ClockMode,
    /// Simulated time when the clock was made.
    origin: Timestamp,
    /// Wall instant when the clock was made (real mode).
    origin_instant: Instant,
    /// Milliseconds added through `advance`.
    advanced_millis: AtomicI64,
}

/// The latest time the emulator's clock may reach: 9999-12-31T23:59:59Z, the last instant
/// botocore's parser (Python's `datetime`) can represent; past it every timestamp would break the
/// SDKs, and far past it the milliseconds would overflow.
pub const LATEST: Timestamp = Timestamp(253_402_300_799_000);

/// The latest time a stored table may hold: [`LATEST`] plus 100 years (365.25 days each), room
/// for what is scheduled after the clock's last instant (an app's end, a metadata expiry).
pub const LATEST_STORED: Timestamp = Timestamp(LATEST.0 + 100 * 31_557_600_000);

impl Clock {
    /// A clock in `mode` starting at the current wall time.
    #[allow(clippy::disallowed_methods)] // the one place that reads the OS clock
    pub fn new(mode: ClockMode) -> Self {
        let wall = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map(|d| i64::try_from(d.as_millis()).unwrap_or(i64::MAX))
            .unwrap_or(0);
        Self::starting_at(mode, Timestamp(wall))
    }

    /// A clock in `mode` whose simulated time starts at `origin` (tests pin it).
    #[allow(clippy::disallowed_methods)] // the one place that reads the OS clock
    pub fn starting_at(mode: ClockMode, origin: Timestamp) -> Self {
        Clock {
            inner: Arc::new(ClockInner {
                mode,
                origin,
                origin_instant: Instant::now(),
                advanced_millis: AtomicI64::new(0),
            }),
        }
    }

    /// A manual clock at `origin`: the clock of deterministic tests.
    pub fn manual_at(origin: Timestamp) -> Self {
        Self::starting_at(ClockMode::Manual, origin)
    }

    /// The current simulated time.
    pub fn now(&self) -> Timestamp {
        let advanced = self.inner.advanced_millis.load(Ordering::SeqCst);
        let elapsed = match self.inner.mode {
            ClockMode::Manual => 0,
            ClockMode::Real { time_scale } => {
                let wall = self.inner.origin_instant.elapsed().as_secs_f64();
                (wall * time_scale * 1000.0) as i64
            }
        };
        // Saturates at the limits: a fast real clock running for long stops at LATEST instead of
        // reading a year no SDK can parse.
        let now = self.inner.origin.plus_millis(elapsed).plus_millis(advanced);
        Timestamp(now.0.clamp(0, LATEST.0))
    }

    /// Moves simulated time forward by `duration` unless that would pass [`LATEST`]; returns the
    /// new now, or the refusal's reason (the clock is left as it was).
    pub fn try_advance(&self, duration: Duration) -> Result<Timestamp, String> {
        let millis = i64::try_from(duration.as_millis()).unwrap_or(i64::MAX);
        // The simulated time without the advances: the origin plus the scaled wall time.
        let base = self.now().0 - self.inner.advanced_millis.load(Ordering::SeqCst);
        self.inner
            .advanced_millis
            .fetch_update(Ordering::SeqCst, Ordering::SeqCst, |advanced| {
                base.checked_add(advanced)
                    .and_then(|now| now.checked_add(millis))
                    .filter(|end| *end <= LATEST.0)
                    .map(|_| advanced + millis)
            })
            .map(|_| self.now())
            .map_err(|advanced| {
                format!(
                    "The clock cannot move {} s past {}: the latest time the SDKs can read is 9999-12-31T23:59:59Z (epoch {} s).",
                    duration.as_secs_f64(),
                    Timestamp(base.saturating_add(advanced)).as_epoch_seconds(),
                    LATEST.as_epoch_seconds()
                )
            })
    }

    /// Moves simulated time forward by `duration`; returns the new now.
    pub fn advance(&self, duration: Duration) -> Timestamp {
        let millis = i64::try_from(duration.as_millis()).unwrap_or(i64::MAX);
        self.inner
            .advanced_millis
            .fetch_add(millis, Ordering::SeqCst);
        self.now()
    }

    /// Takes back an advance of `duration` (one that could not be made durable).
    pub fn take_back(&self, duration: Duration) {
        let millis = i64::try_from(duration.as_millis()).unwrap_or(i64::MAX);
        self.inner
            .advanced_millis
            .fetch_sub(millis, Ordering::SeqCst);
    }

    /// The mode this clock runs in.
    pub fn mode(&self) -> ClockMode {
        self.inner.mode
    }
}

/// The host's wall clock, never simulated: what strict mode holds a request's `X-Amz-Date` to
/// (AWS's 15-minute window), whatever the emulator's clock says.
#[allow(clippy::disallowed_methods)] // the one place that reads the OS clock
pub fn wall_now() -> SystemTime {
    SystemTime::now()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn manual_clock_moves_only_when_advanced() {
        let clock = Clock::manual_at(Timestamp(1_000_000));
        assert_eq!(clock.now(), Timestamp(1_000_000));
        assert_eq!(clock.now(), Timestamp(1_000_000));
        assert_eq!(clock.advance(Duration::from_secs(90)), Timestamp(1_090_000));
        assert_eq!(clock.clone().now(), Timestamp(1_090_000));
    }

    #[test]
    fn a_stored_time_outside_its_range_does_not_load() {
        for bad in ["-0.001", "1e300", "2.5e14"] {
            assert!(serde_json::from_str::<Timestamp>(bad).is_err(), "{bad}");
        }
        let last = serde_json::to_string(&LATEST_STORED).unwrap();
        assert_eq!(
            serde_json::from_str::<Timestamp>(&last).unwrap(),
            LATEST_STORED
        );
    }

    #[test]
    fn timestamps_serialize_as_epoch_seconds_with_fraction() {
        let json = serde_json::to_string(&Timestamp(1_605_418_477_297)).unwrap();
        assert_eq!(json, "1605418477.297");
    }

    #[test]
    fn the_clock_refuses_to_pass_the_latest_readable_time() {
        let clock = Clock::manual_at(Timestamp(LATEST.0 - 2_000));
        assert_eq!(
            clock.try_advance(Duration::from_secs(1)).unwrap(),
            Timestamp(LATEST.0 - 1_000)
        );
        let refusal = clock.try_advance(Duration::from_secs(2)).unwrap_err();
        assert!(refusal.contains("9999-12-31T23:59:59Z"), "{refusal}");
        assert_eq!(
            clock.now(),
            Timestamp(LATEST.0 - 1_000),
            "a refused advance moves nothing"
        );
        assert!(clock.try_advance(Duration::from_secs(1)).is_ok());
        assert!(clock.try_advance(Duration::from_millis(1)).is_err());
    }

    #[test]
    fn a_real_clock_saturates_at_the_latest_time() {
        // Started past the limit (as a huge --time-scale would reach it), it reads LATEST.
        let clock = Clock::starting_at(
            ClockMode::Real {
                time_scale: 1_000_000.0,
            },
            Timestamp(LATEST.0 + 10_000),
        );
        assert_eq!(clock.now(), LATEST);
        let early = Clock::starting_at(ClockMode::Manual, Timestamp(-5));
        assert_eq!(early.now(), Timestamp(0));
    }
}
