//! Reads a state text (a state file at start, an import, a rebuild after a failed write) line by
//! line: memory is one line and what the sink keeps, never the whole text.

use std::io::BufRead;

use serde::Deserialize;

use super::{checked, Entry, StateFileError, FORMAT, VERSION};
use crate::resources::{PartitionKey, Tables};

/// One record of a state text, in the order of the text.
#[derive(Debug)]
pub enum Record {
    /// A partition of the snapshot.
    Partition {
        key: PartitionKey,
        tables: Box<Tables>,
    },
    /// A change (the header's clock comes as an [`Entry::Clock`] first).
    Entry(Entry),
}

/// What reading found.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Summary {
    /// The format version of the text.
    pub version: u64,
    /// Bytes of the good prefix: header, snapshot and the whole, valid records after it.
    pub good_len: u64,
    /// Bytes of the header and the snapshot.
    pub snapshot_len: u64,
    /// Journal records read after the snapshot.
    pub entries: u64,
    /// Whether a torn last record was cut off.
    pub torn_tail: bool,
}

#[derive(Deserialize)]
struct Header {
    #[serde(rename = "Format")]
    format: Option<String>,
    #[serde(rename = "Version")]
    version: Option<u64>,
    #[serde(rename = "Now")]
    now: Option<i64>,
    #[serde(rename = "Partitions", default)]
    partitions: u64,
}

/// A snapshot line.
#[derive(Deserialize)]
struct PartitionLine {
    #[serde(rename = "AccountId")]
    account_id: String,
    #[serde(rename = "Region")]
    region: String,
    #[serde(rename = "Tables")]
    tables: Tables,
}

/// Reads a state text from `input`, handing each record to `sink` in order. `allow_torn_tail`: a
/// crash can leave a torn last line in a state file; an import must be whole. An empty text is
/// an empty state. The sink refuses a record with [`StateFileError::RecordRefused`] or
/// [`StateFileError::RecordDoesNotReplay`]; its refusal ends the reading, as it is.
pub fn read(
    input: &mut dyn BufRead,
    allow_torn_tail: bool,
    sink: &mut dyn FnMut(Record) -> Result<(), StateFileError>,
) -> Result<Summary, StateFileError> {
    let mut summary = Summary {
        version: VERSION,
        ..Summary::default()
    };
    let mut line = Vec::new();
    let mut number: u64 = 0;
    let mut next = |line: &mut Vec<u8>| -> Result<bool, StateFileError> {
        line.clear();
        let read = input
            .read_until(b'\n', line)
            .map_err(StateFileError::Read)?;
        Ok(read > 0)
    };
    if !next(&mut line)? {
        return Ok(summary);
    }
    number += 1;
    let not_a_state_text = |source| StateFileError::NotAStateText { source };
    let json = whole_json(&line).ok_or_else(|| not_a_state_text(None))?;
    let header: Header = serde_json::from_slice(json).map_err(|e| not_a_state_text(Some(e)))?;
    if header.format.as_deref() != Some(FORMAT) {
        return Err(not_a_state_text(None));
    }
    summary.version = match header.version {
        Some(version @ 1..=VERSION) => version,
        found => return Err(StateFileError::UnsupportedVersion { found }),
    };
    summary.good_len = line.len() as u64;
    if let Some(now) = header.now {
        sink(Record::Entry(Entry::Clock { now }))?;
    }
    for _ in 0..header.partitions {
        let incomplete = StateFileError::IncompleteSnapshot { record: number + 1 };
        if !next(&mut line)? {
            return Err(incomplete);
        }
        number += 1;
        let json = whole_json(&line).ok_or(incomplete)?;
        let partition: PartitionLine =
            serde_json::from_slice(json).map_err(|source| StateFileError::DamagedPartition {
                record: number,
                source,
            })?;
        sink(Record::Partition {
            key: PartitionKey {
                account_id: partition.account_id,
                region: partition.region,
            },
            tables: Box::new(partition.tables.with_app_expiries()),
        })?;
        summary.good_len += line.len() as u64;
    }
    summary.snapshot_len = summary.good_len;
    // A damaged line is torn only if nothing follows it.
    let mut damaged: Option<StateFileError> = None;
    while next(&mut line)? {
        number += 1;
        if let Some(damaged) = damaged {
            return Err(damaged);
        }
        let entry = match whole_json(&line) {
            Some(json) => serde_json::from_slice::<Entry>(json).map_err(Some),
            None => Err(None),
        };
        match entry {
            Ok(entry) => {
                sink(Record::Entry(entry))?;
                summary.good_len += line.len() as u64;
                summary.entries += 1;
            }
            Err(source) => {
                damaged = Some(StateFileError::DamagedRecord {
                    record: number,
                    source,
                })
            }
        }
    }
    if let Some(damaged) = damaged {
        if !allow_torn_tail {
            return Err(damaged);
        }
        summary.torn_tail = true;
    }
    Ok(summary)
}

/// The JSON of a whole line (ending in a newline) whose hash matches.
fn whole_json(line: &[u8]) -> Option<&[u8]> {
    line.strip_suffix(b"\n").and_then(checked)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::persistence::{line_of, snapshot};

    fn call(at: i64) -> Entry {
        Entry::Call {
            account_id: "000000000000".into(),
            region: "us-east-1".into(),
            operation: "CreateDomain".into(),
            input: serde_json::Map::new(),
            at,
            seed: 7,
            failure: Some("on purpose".into()),
        }
    }

    /// A text with one (empty) partition in its snapshot, then `entries`.
    fn text_of(entries: &[Entry]) -> Vec<u8> {
        let key = PartitionKey {
            account_id: "000000000000".into(),
            region: "us-east-1".into(),
        };
        let mut text = Vec::new();
        snapshot::write(&mut text, 42, &[(key, Tables::default())]).unwrap();
        for entry in entries {
            text.extend_from_slice(line_of(&serde_json::to_string(entry).unwrap()).as_bytes());
        }
        text
    }

    /// The records read, or the error's text (what the emulator prints).
    fn read_all(text: &[u8], allow_torn_tail: bool) -> Result<(Summary, Vec<String>), String> {
        let mut seen = Vec::new();
        let summary = read(&mut &text[..], allow_torn_tail, &mut |record| {
            seen.push(match record {
                Record::Partition { key, .. } => format!("partition {}", key.region),
                Record::Entry(entry) => format!("{entry:?}"),
            });
            Ok(())
        })
        .map_err(|e| e.to_string())?;
        Ok((summary, seen))
    }

    #[test]
    fn a_snapshot_and_its_journal_round_trip() {
        let text = text_of(&[call(1), call(2)]);
        let (summary, seen) = read_all(&text, false).unwrap();
        assert_eq!(seen.len(), 4, "{seen:?}");
        assert_eq!(seen[0], format!("{:?}", Entry::Clock { now: 42 }));
        assert_eq!(seen[1], "partition us-east-1");
        assert_eq!(seen[3], format!("{:?}", call(2)));
        assert_eq!(summary.good_len, text.len() as u64);
        assert_eq!(summary.entries, 2);
        assert!(summary.snapshot_len < summary.good_len);
    }

    #[test]
    fn a_torn_last_record_is_cut_off_only_where_allowed() {
        let whole = text_of(&[call(1), call(2)]);
        let one = text_of(&[call(1)]);
        for cut in 1..40 {
            let torn = &whole[..whole.len() - cut];
            let (summary, seen) = read_all(torn, true).unwrap();
            assert_eq!(seen.len(), 3, "cut {cut}");
            assert!(summary.torn_tail);
            assert_eq!(summary.good_len, one.len() as u64);
            assert!(read_all(torn, false).is_err());
        }
    }

    #[test]
    fn damage_before_the_last_record_and_an_incomplete_snapshot_are_refused() {
        let whole = String::from_utf8(text_of(&[call(1), call(2)])).unwrap();
        let damaged = whole.replacen("CreateDomain", "CreateDomaim", 1);
        let error = read_all(damaged.as_bytes(), true).unwrap_err();
        assert!(error.contains("record 3 is damaged"), "{error}");
        let header_only = whole.lines().next().unwrap().to_string() + "\n";
        let error = read_all(header_only.as_bytes(), true).unwrap_err();
        assert!(error.contains("snapshot is incomplete"), "{error}");
    }

    #[test]
    fn a_damaged_record_is_typed_with_its_number_and_keeps_the_json_error() {
        let text =
            line_of(r#"{"Format":"sagemaker-studio-emulator/journal","Version":2,"Partitions":1}"#)
                + &line_of(r#"{"AccountId":"000000000000"}"#);
        let error = read(&mut text.as_bytes(), true, &mut |_| Ok(())).unwrap_err();
        assert!(
            matches!(error, StateFileError::DamagedPartition { record: 2, .. }),
            "{error:?}"
        );
        let source = std::error::Error::source(&error).expect("a source");
        assert!(source.is::<serde_json::Error>(), "{source:?}");
    }

    #[test]
    fn version_1_loads_and_later_versions_and_other_formats_are_refused() {
        let v1 = line_of(r#"{"Format":"sagemaker-studio-emulator/journal","Version":1}"#)
            + &line_of(&serde_json::to_string(&call(1)).unwrap());
        let (summary, seen) = read_all(v1.as_bytes(), false).unwrap();
        assert_eq!((summary.version, seen.len()), (1, 1));
        let v3 = line_of(r#"{"Format":"sagemaker-studio-emulator/journal","Version":3}"#);
        assert!(read_all(v3.as_bytes(), true)
            .unwrap_err()
            .contains("version 3"));
        assert!(read_all(b"hello\n", true).is_err());
        assert_eq!(read_all(b"", true).unwrap().1.len(), 0);
    }
}
