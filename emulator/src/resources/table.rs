//! One table type for the resources listed per domain in creation order (user profiles, spaces,
//! apps): the rows by key, plus two creation-order indexes kept with every insert and removal,
//! so that a List page reads O(log n + page) whatever the size of the domain, with no sort per
//! call.

use std::borrow::Borrow;
use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

use crate::resources::pagination::{walk_domain_index, walk_index, Order};

/// What a row tells the indexes: its domain and its creation sequence.
pub trait Indexed {
    /// The domain the row belongs to.
    fn domain_id(&self) -> &str;
    /// Its creation sequence (unique in the partition, see `Tables::next_sequence`).
    fn sequence(&self) -> u64;
}

/// Rows by key, indexed by (domain, sequence) and by sequence. Reads go through the map-like
/// readers below; every change goes through `insert`, `remove` or `get_mut` (which cannot move a
/// row in the indexes: a row's domain and sequence never change).
///
/// Rows are shared (`Arc`) and copied on write: a snapshot copies the table while calls are held
/// off, and sharing makes that copy a pointer per row instead of a deep copy (the compaction's
/// pause).
#[derive(Debug, Clone)]
pub struct IndexedTable<K, V> {
    rows: BTreeMap<K, Arc<V>>,
    by_domain: BTreeMap<(String, u64), K>,
    in_order: BTreeMap<u64, K>,
    /// Rows per domain: a count without a walk (the dashboard shows it for huge domains).
    per_domain: HashMap<String, usize>,
}

impl<K, V> Default for IndexedTable<K, V> {
    fn default() -> Self {
        IndexedTable {
            rows: BTreeMap::new(),
            by_domain: BTreeMap::new(),
            in_order: BTreeMap::new(),
            per_domain: HashMap::new(),
        }
    }
}

impl<K: Ord, V> IndexedTable<K, V> {
    /// The row of `key`.
    pub fn get<Q: Ord + ?Sized>(&self, key: &Q) -> Option<&V>
    where
        K: Borrow<Q>,
    {
        self.rows.get(key).map(|row| &**row)
    }

    /// Whether `key` has a row.
    pub fn contains_key<Q: Ord + ?Sized>(&self, key: &Q) -> bool
    where
        K: Borrow<Q>,
    {
        self.rows.contains_key(key)
    }

    /// How many rows.
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    /// Whether there is no row.
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// The rows by key.
    pub fn iter(&self) -> impl DoubleEndedIterator<Item = (&K, &V)> + '_ {
        self.rows.iter().map(|(key, row)| (key, &**row))
    }

    /// The rows, by key.
    pub fn values(&self) -> impl DoubleEndedIterator<Item = &V> + '_ {
        self.rows.values().map(|row| &**row)
    }

    /// The rows whose keys are in `range`, by key.
    pub fn range<Q: Ord + ?Sized, R: std::ops::RangeBounds<Q>>(
        &self,
        range: R,
    ) -> impl DoubleEndedIterator<Item = (&K, &V)> + '_
    where
        K: Borrow<Q>,
    {
        self.rows.range(range).map(|(key, row)| (key, &**row))
    }
}

impl<K: Ord + Clone, V: Indexed + Clone> IndexedTable<K, V> {
    /// Stores `value` under `key` and indexes it; answers the row it replaced (unindexed).
    pub fn insert(&mut self, key: K, value: V) -> Option<V> {
        self.by_domain.insert(
            (value.domain_id().to_string(), value.sequence()),
            key.clone(),
        );
        self.in_order.insert(value.sequence(), key.clone());
        *self
            .per_domain
            .entry(value.domain_id().to_string())
            .or_default() += 1;
        let replaced = self.rows.insert(key, Arc::new(value));
        if let Some(old) = &replaced {
            self.unindex(old);
        }
        replaced.map(Arc::unwrap_or_clone)
    }

    /// Removes the row of `key` from the table and its indexes.
    pub fn remove<Q: Ord + ?Sized>(&mut self, key: &Q) -> Option<V>
    where
        K: Borrow<Q>,
    {
        let removed = self.rows.remove(key);
        if let Some(row) = &removed {
            self.unindex(row);
        }
        removed.map(Arc::unwrap_or_clone)
    }

    /// Removes the row of `key` if `finished` says so (a deletion that ends now).
    pub fn remove_if<Q: Ord + ?Sized>(
        &mut self,
        key: &Q,
        finished: impl Fn(&V) -> bool,
    ) -> Option<V>
    where
        K: Borrow<Q>,
    {
        if self.rows.get(key).is_some_and(|row| finished(row)) {
            self.remove(key)
        } else {
            None
        }
    }

    /// The row of `key`, to change in place.
    pub fn get_mut<Q: Ord + ?Sized>(&mut self, key: &Q) -> Option<&mut V>
    where
        K: Borrow<Q>,
    {
        self.rows.get_mut(key).map(Arc::make_mut)
    }

    fn unindex(&mut self, row: &V) {
        self.by_domain
            .remove(&(row.domain_id().to_string(), row.sequence()));
        self.in_order.remove(&row.sequence());
        if let Some(count) = self.per_domain.get_mut(row.domain_id()) {
            *count -= 1;
            if *count == 0 {
                self.per_domain.remove(row.domain_id());
            }
        }
    }

    /// A copy of the rows without the indexes: what a snapshot serializes (the indexes are
    /// rebuilt when it is read), for half the cost of a whole copy while calls are held off.
    /// Not for lookups: its indexes are empty.
    pub fn copy_rows(&self) -> Self
    where
        V: Clone,
    {
        IndexedTable {
            rows: self.rows.clone(),
            by_domain: BTreeMap::new(),
            in_order: BTreeMap::new(),
            per_domain: HashMap::new(),
        }
    }

    /// How many rows belong to `domain_id`.
    pub fn count_in_domain(&self, domain_id: &str) -> usize {
        self.per_domain.get(domain_id).copied().unwrap_or(0)
    }

    /// The rows in creation order (of one domain, or all), after the sequence `after`, in
    /// `order`.
    pub fn in_order<'a>(
        &'a self,
        domain_id: Option<&str>,
        after: Option<u64>,
        order: Order,
    ) -> Box<dyn Iterator<Item = (u64, &'a V)> + 'a> {
        let keys = match domain_id {
            Some(domain_id) => walk_domain_index(&self.by_domain, domain_id, after, order),
            None => walk_index(&self.in_order, after, order),
        };
        Box::new(keys.filter_map(move |(seq, key)| self.rows.get(key).map(|v| (seq, &**v))))
    }
}

/// A snapshot holds the rows only, as `[key, row]` pairs: the indexes are rebuilt on reading
/// (they are a function of the rows).
impl<K: serde::Serialize, V: serde::Serialize> serde::Serialize for IndexedTable<K, V> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.rows.iter().map(|(key, row)| (key, &**row)))
    }
}

impl<'de, K, V> serde::Deserialize<'de> for IndexedTable<K, V>
where
    K: serde::Deserialize<'de> + Ord + Clone,
    V: serde::Deserialize<'de> + Indexed + Clone,
{
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let rows = Vec::<(K, V)>::deserialize(deserializer)?;
        let mut table = IndexedTable::default();
        for (key, row) in rows {
            table.insert(key, row);
        }
        Ok(table)
    }
}

/// `#[serde(with = "pairs")]` for a map whose keys are not strings (JSON object keys must be):
/// written as a list of `[key, value]` pairs.
pub mod pairs {
    use std::collections::BTreeMap;

    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    /// Writes the map as `[[key, value], …]`.
    pub fn serialize<K: Serialize, V: Serialize, S: Serializer>(
        map: &BTreeMap<K, V>,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(map.iter())
    }

    /// Reads `[[key, value], …]`.
    pub fn deserialize<'de, K, V, D>(deserializer: D) -> Result<BTreeMap<K, V>, D::Error>
    where
        K: Deserialize<'de> + Ord,
        V: Deserialize<'de>,
        D: Deserializer<'de>,
    {
        Ok(Vec::<(K, V)>::deserialize(deserializer)?
            .into_iter()
            .collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, Clone, PartialEq)]
    struct Row(&'static str, u64);

    impl Indexed for Row {
        fn domain_id(&self) -> &str {
            self.0
        }
        fn sequence(&self) -> u64 {
            self.1
        }
    }

    fn names(table: &IndexedTable<&'static str, Row>, domain: Option<&str>) -> Vec<u64> {
        table
            .in_order(domain, None, Order::Ascending)
            .map(|(seq, _)| seq)
            .collect()
    }

    #[test]
    fn the_indexes_follow_every_insert_replacement_and_removal() {
        let mut table = IndexedTable::default();
        table.insert("a", Row("d-1", 1));
        table.insert("b", Row("d-2", 2));
        table.insert("c", Row("d-1", 3));
        assert_eq!(names(&table, None), [1, 2, 3]);
        assert_eq!(names(&table, Some("d-1")), [1, 3]);
        // Replacing a row re-indexes it under its new sequence.
        assert_eq!(table.insert("a", Row("d-1", 4)), Some(Row("d-1", 1)));
        assert_eq!(names(&table, Some("d-1")), [3, 4]);
        assert_eq!(table.remove(&"c"), Some(Row("d-1", 3)));
        assert_eq!(names(&table, Some("d-1")), [4]);
        assert_eq!(names(&table, None), [2, 4]);
        let descending: Vec<u64> = table
            .in_order(None, Some(4), Order::Descending)
            .map(|(seq, _)| seq)
            .collect();
        assert_eq!(descending, [2]);
        assert_eq!(table.len(), 2);
    }
}
