//! The real `aws-sdk-sagemaker` driven against the emulator: one test binary with a module per
//! resource family, so that the SDK (the largest crate of the build) is linked once, not once per
//! file. `cargo test -p client-tests -- tags::` runs one family.
mod common;

mod auth_and_faults;
mod fidelity;
mod images;
mod lifecycle_configs;
mod metering;
mod presigned_urls;
mod studio;
mod tags;
