//! Random numbers for ids that must be unique, not secret: call seeds (journaled, see
//! `persistence::Determinants`) and request ids. One `getrandom` per thread seeds a splitmix64
//! stream; every draw after it is a few arithmetic operations instead of a system call (the
//! profile of a DescribeDomain under load showed two `getrandom` calls per request, 5% of its CPU).

use std::cell::Cell;

thread_local! {
    static STATE: Cell<u64> = Cell::new(seed_from_the_system());
}

fn seed_from_the_system() -> u64 {
    let bytes = uuid::Uuid::new_v4().into_bytes();
    u64::from_le_bytes([
        bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7],
    ])
}

/// The next 64 random bits of this thread's stream (splitmix64: each thread's stream starts at
/// a random point of a 2^64 cycle, so streams do not meet in practice).
pub fn next_u64() -> u64 {
    STATE.with(splitmix64)
}

/// One step of splitmix64 on `state`: a small, well-mixed generator. The one copy of it: a
/// call's ids come from its journaled seed through this same step (`resources::Ctx`), so a
/// change here changes the ids every state file replays to.
pub fn splitmix64(state: &Cell<u64>) -> u64 {
    let mut z = state.get().wrapping_add(0x9E37_79B9_7F4A_7C15);
    state.set(z);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// A version 4 UUID, as text (`x-amzn-RequestId`).
pub fn uuid_v4() -> String {
    let mut bytes = [0u8; 16];
    bytes[..8].copy_from_slice(&next_u64().to_le_bytes());
    bytes[8..].copy_from_slice(&next_u64().to_le_bytes());
    uuid::Builder::from_random_bytes(bytes)
        .into_uuid()
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn draws_differ_and_uuids_are_version_4() {
        let draws: std::collections::HashSet<u64> = (0..10_000).map(|_| next_u64()).collect();
        assert_eq!(draws.len(), 10_000);
        let id = uuid::Uuid::parse_str(&uuid_v4()).unwrap();
        assert_eq!(id.get_version_num(), 4);
        assert_ne!(uuid_v4(), uuid_v4());
    }
}
