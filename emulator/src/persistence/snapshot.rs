//! Writes a snapshot: the header and one line per partition, each line hashed while it is
//! serialized (a partition of 100,000 user profiles is one line of ~150 MB that is never held
//! in memory as text).

use std::io::Write;

use serde::Serialize;

use super::{header_line, Fnv1a};
use crate::resources::{PartitionKey, Tables};

#[derive(Serialize)]
struct PartitionRef<'a> {
    #[serde(rename = "AccountId")]
    account_id: &'a str,
    #[serde(rename = "Region")]
    region: &'a str,
    #[serde(rename = "Tables")]
    tables: &'a Tables,
}

/// Passes bytes on while hashing and counting them.
struct Hashing<'a> {
    out: &'a mut dyn Write,
    hash: Fnv1a,
    bytes: u64,
}

impl Write for Hashing<'_> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let written = self.out.write(buf)?;
        self.hash.update(&buf[..written]);
        self.bytes += written as u64;
        Ok(written)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.out.flush()
    }
}

/// Writes the header (clock `now`) and the snapshot of `partitions` to `out`; answers the bytes
/// written.
pub fn write(
    out: &mut dyn Write,
    now: i64,
    partitions: &[(PartitionKey, Tables)],
) -> std::io::Result<u64> {
    let mut total = write_header(out, now, partitions.len())?;
    for (key, tables) in partitions {
        total += write_partition(out, key, tables)?;
    }
    Ok(total)
}

/// Writes the header of a snapshot of `partitions` partitions taken at `now`.
pub fn write_header(out: &mut dyn Write, now: i64, partitions: usize) -> std::io::Result<u64> {
    let header = header_line(now, partitions);
    out.write_all(header.as_bytes())?;
    Ok(header.len() as u64)
}

/// Writes one partition's snapshot line.
pub fn write_partition(
    out: &mut dyn Write,
    key: &PartitionKey,
    tables: &Tables,
) -> std::io::Result<u64> {
    let mut line = Hashing {
        out: &mut *out,
        hash: Fnv1a::new(),
        bytes: 0,
    };
    serde_json::to_writer(
        &mut line,
        &PartitionRef {
            account_id: &key.account_id,
            region: &key.region,
            tables,
        },
    )?;
    let (hash, bytes) = (line.hash.0, line.bytes);
    let tail = format!(" {hash:016x}\n");
    out.write_all(tail.as_bytes())?;
    Ok(bytes + tail.len() as u64)
}
