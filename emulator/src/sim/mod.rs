//! What the emulator simulates, knowing nothing of requests or resources' tables: the clock
//! (the only place that reads time), statuses derived from timestamps and the delay profiles,
//! metering and prices, service quotas, the queue of injected faults, and the random ids' source.

pub mod clock;
pub mod faults;
pub mod lifecycle;
pub mod metering;
pub mod prices;
pub mod quotas;
pub mod random;
