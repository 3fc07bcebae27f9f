//! Paging of every List operation: `MaxResults` and a `NextToken` that names the last item
//! returned (keyset paging, so the order stays stable while other clients write) and carries a
//! keyed hash, so a token that this server did not issue for the same request is refused with a
//! typed error instead of being trusted.

use std::collections::BTreeMap;
use std::hash::{BuildHasher, Hash, Hasher};

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use serde_json::Value;

use crate::error::{ApiError, ApiResult};
use crate::model::api::{Paged, SortOrder};
use crate::sim::clock::Timestamp;

/// What the pager reads of a List request: its paging members, and the rest as the fingerprint
/// a NextToken is bound to. Typed List inputs are [`Paged`]; a raw body is one too.
pub trait PageRequest {
    /// `NextToken`, if given and not empty.
    fn next_token(&self) -> Option<&str>;
    /// `MaxResults`, if given.
    fn max_results(&self) -> Option<u64>;
    /// Feeds every member but the paging ones into `hasher`.
    fn fingerprint_into(&self, hasher: &mut dyn Hasher);
}

impl<P: Paged> PageRequest for P {
    fn next_token(&self) -> Option<&str> {
        Paged::next_token(self).filter(|t| !t.is_empty())
    }

    fn max_results(&self) -> Option<u64> {
        Paged::max_results(self).and_then(|n| u64::try_from(n).ok())
    }

    fn fingerprint_into(&self, hasher: &mut dyn Hasher) {
        // The typed input as JSON, less its paging members: equal filters, equal fingerprint.
        if let Ok(Value::Object(mut members)) = serde_json::to_value(self) {
            members.remove("NextToken");
            members.remove("MaxResults");
            hasher.write(Value::Object(members).to_string().as_bytes());
        }
    }
}

/// A raw body pages too: what the pager's own tests use.
#[cfg(test)]
impl PageRequest for crate::resources::Input {
    fn next_token(&self) -> Option<&str> {
        self.get("NextToken")
            .and_then(Value::as_str)
            .filter(|t| !t.is_empty())
    }

    fn max_results(&self) -> Option<u64> {
        self.get("MaxResults").and_then(Value::as_u64)
    }

    fn fingerprint_into(&self, hasher: &mut dyn Hasher) {
        let members: serde_json::Map<String, Value> = self
            .iter()
            .filter(|(member, value)| {
                *member != "NextToken" && *member != "MaxResults" && !value.is_null()
            })
            .map(|(member, value)| (member.clone(), value.clone()))
            .collect();
        hasher.write(Value::Object(members).to_string().as_bytes());
    }
}

/// Issues and checks NextTokens with a key that is random per server.
#[derive(Debug, Clone, Default)]
pub struct Pager {
    key: std::collections::hash_map::RandomState,
}

/// One page of a listing.
#[derive(Debug)]
pub struct Page<T = Value> {
    /// The items of this page, in order.
    pub items: Vec<T>,
    /// The token of the next page, if any remain.
    pub next_token: Option<String>,
}

/// How a listing is ordered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Order {
    Ascending,
    Descending,
}

impl Order {
    /// The order of ListApps, ListUserProfiles and ListSpaces called without `SortOrder`. The API
    /// reference says "The default is Ascending"; AWS answers newest first (recorded in July 2026:
    /// ListApps, 8 apps of 6 domains in strictly decreasing CreationTime; ListUserProfiles and
    /// ListSpaces, two of each newest first; fixtures/recordings/c7n-studio-2026-07). The newest
    /// real recording wins over the documentation (docs/fidelity.md).
    pub const OBSERVED_STUDIO_DEFAULT: Order = Order::Descending;

    /// From a Studio listing's `SortOrder` (absent: [`Order::OBSERVED_STUDIO_DEFAULT`]).
    pub fn from_sort_order(sort_order: Option<SortOrder>) -> Order {
        match sort_order {
            Some(SortOrder::Ascending) => Order::Ascending,
            Some(SortOrder::Descending) => Order::Descending,
            None => Order::OBSERVED_STUDIO_DEFAULT,
        }
    }
}

impl Pager {
    /// A pager with a fresh random key.
    pub fn new() -> Self {
        Self::default()
    }

    /// Cuts one page out of `items` (unique sort keys with their output values, already in the
    /// requested `order`). `default_max` is AWS's page size when `MaxResults` is absent.
    pub fn page<T>(
        &self,
        operation: &str,
        input: &(impl PageRequest + ?Sized),
        order: Order,
        default_max: usize,
        items: Vec<(String, T)>,
    ) -> ApiResult<Page<T>> {
        let max = max_results(input, default_max);
        let fingerprint = self.fingerprint(operation, input);
        let after = match input.next_token() {
            Some(token) => Some(self.open(token, fingerprint)?),
            None => None,
        };
        let mut page = Vec::with_capacity(max.min(items.len()));
        let mut last_key = None;
        let mut more = false;
        for (key, value) in items {
            if let Some(after) = &after {
                let past = match order {
                    Order::Ascending => key.as_str() > after.as_str(),
                    Order::Descending => key.as_str() < after.as_str(),
                };
                if !past {
                    continue;
                }
            }
            if page.len() == max {
                more = true;
                break;
            }
            page.push(value);
            last_key = Some(key);
        }
        let next_token = match (more, last_key) {
            (true, Some(key)) => Some(self.seal(&key, fingerprint)),
            _ => None,
        };
        Ok(Page {
            items: page,
            next_token,
        })
    }

    /// Where a listing resumes: the key the previous page ended on, when a NextToken is given
    /// (refused unless this server issued it for the same `scope` and filters).
    pub fn cursor(
        &self,
        scope: &str,
        input: &(impl PageRequest + ?Sized),
    ) -> ApiResult<Option<String>> {
        let fingerprint = self.fingerprint(scope, input);
        match input.next_token() {
            Some(token) => Ok(Some(self.open(token, fingerprint)?)),
            None => Ok(None),
        }
    }

    /// One page from `entries`, already positioned after the cursor and in the requested order:
    /// renders at most `MaxResults` of them (only those), and seals the last key when more
    /// remain. Cost O(page), whatever the size of the listing.
    pub fn take_page<T, U>(
        &self,
        scope: &str,
        input: &(impl PageRequest + ?Sized),
        default_max: usize,
        entries: impl Iterator<Item = (String, T)>,
        mut render: impl FnMut(T) -> U,
    ) -> Page<U> {
        let max = max_results(input, default_max);
        let mut items = Vec::new();
        let mut last_key = None;
        let mut more = false;
        for (key, entry) in entries {
            if items.len() == max {
                more = true;
                break;
            }
            items.push(render(entry));
            last_key = Some(key);
        }
        let next_token = match (more, last_key) {
            (true, Some(key)) => Some(self.seal(&key, self.fingerprint(scope, input))),
            _ => None,
        };
        Page { items, next_token }
    }

    /// What a token is bound to: the operation and every member but the paging ones.
    fn fingerprint(&self, operation: &str, input: &(impl PageRequest + ?Sized)) -> u64 {
        let mut hasher = self.key.build_hasher();
        operation.hash(&mut hasher);
        input.fingerprint_into(&mut hasher);
        hasher.finish()
    }

    /// A keyed hash of `bytes` with this server's key (seals presigned-URL tokens too).
    pub fn mac_bytes(&self, bytes: &[u8]) -> u64 {
        self.key.hash_one(bytes)
    }

    fn mac(&self, key: &str, fingerprint: u64) -> u64 {
        let mut hasher = self.key.build_hasher();
        fingerprint.hash(&mut hasher);
        key.hash(&mut hasher);
        hasher.finish()
    }

    fn seal(&self, key: &str, fingerprint: u64) -> String {
        format!(
            "{}.{:016x}",
            URL_SAFE_NO_PAD.encode(key),
            self.mac(key, fingerprint)
        )
    }

    fn open(&self, token: &str, fingerprint: u64) -> ApiResult<String> {
        let invalid = || {
            ApiError::validation(
                "Invalid NextToken: it was not issued by a previous call of this operation with the same parameters.",
            )
        };
        let (body, mac) = token.rsplit_once('.').ok_or_else(invalid)?;
        let bytes = URL_SAFE_NO_PAD.decode(body).map_err(|_| invalid())?;
        let key = String::from_utf8(bytes).map_err(|_| invalid())?;
        let mac = u64::from_str_radix(mac, 16).map_err(|_| invalid())?;
        if mac != self.mac(&key, fingerprint) {
            return Err(invalid());
        }
        Ok(key)
    }
}

/// Whether a creation or modification time passes the `…Before`/`…After` filters of the
/// image and config listings (epoch seconds, exclusive bounds).
pub fn in_time_window(time: Timestamp, before: Option<f64>, after: Option<f64>) -> bool {
    let seconds = time.as_epoch_seconds();
    before.is_none_or(|b| seconds < b) && after.is_none_or(|a| seconds > a)
}

/// A sort key that orders by name, then by creation sequence (unique).
pub fn name_key(name: &str, sequence: u64) -> String {
    format!("{name}|{sequence:020}")
}

/// Sorts keyed items into `order` (the keys are unique).
pub fn sort_items<T>(items: &mut [(String, T)], order: Order) {
    match order {
        Order::Ascending => items.sort_by(|a, b| a.0.cmp(&b.0)),
        Order::Descending => items.sort_by(|a, b| b.0.cmp(&a.0)),
    }
}

/// `MaxResults`, or AWS's default page size when absent.
fn max_results(input: &(impl PageRequest + ?Sized), default_max: usize) -> usize {
    match input.max_results() {
        Some(n) => usize::try_from(n).unwrap_or(usize::MAX).max(1),
        None => default_max,
    }
}

/// The key of a creation-ordered index entry in tokens.
pub fn sequence_key(sequence: u64) -> String {
    format!("{sequence:020}")
}

/// The creation sequence a cursor names (`None`: from the start).
pub fn sequence_cursor(cursor: Option<String>) -> ApiResult<Option<u64>> {
    cursor
        .map(|key| {
            key.parse::<u64>().map_err(|_| {
                ApiError::validation("Invalid NextToken: it does not belong to this listing.")
            })
        })
        .transpose()
}

/// Walks a per-domain creation index `(domain id, sequence) → V` from after `after`, in `order`.
/// Creation order is sequence order: the clock never goes back and the sequence only grows.
pub fn walk_domain_index<'a, V>(
    index: &'a BTreeMap<(String, u64), V>,
    domain_id: &str,
    after: Option<u64>,
    order: Order,
) -> Box<dyn Iterator<Item = (u64, &'a V)> + 'a> {
    let domain = domain_id.to_string();
    let entries = match (order, after) {
        (Order::Ascending, Some(a)) => {
            index.range((domain.clone(), a.saturating_add(1))..=(domain, u64::MAX))
        }
        (Order::Ascending, None) | (Order::Descending, None) => {
            index.range((domain.clone(), 0)..=(domain, u64::MAX))
        }
        (Order::Descending, Some(a)) => index.range((domain.clone(), 0)..(domain, a)),
    };
    let entries = entries.map(|((_, seq), v)| (*seq, v));
    match order {
        Order::Ascending => Box::new(entries),
        Order::Descending => Box::new(entries.rev()),
    }
}

/// Walks a creation index `sequence → V` from after `after`, in `order`.
pub fn walk_index<'a, V>(
    index: &'a BTreeMap<u64, V>,
    after: Option<u64>,
    order: Order,
) -> Box<dyn Iterator<Item = (u64, &'a V)> + 'a> {
    let entries = match (order, after) {
        (Order::Ascending, Some(a)) => index.range(a.saturating_add(1)..),
        (Order::Descending, Some(a)) => index.range(..a),
        (_, None) => index.range(..),
    };
    let entries = entries.map(|(seq, v)| (*seq, v));
    match order {
        Order::Ascending => Box::new(entries),
        Order::Descending => Box::new(entries.rev()),
    }
}

/// A sort key that orders by time, then by creation sequence (unique).
pub fn time_key(millis: i64, sequence: u64) -> String {
    format!("{:020}|{:020}", millis.max(0), sequence)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn items(n: usize) -> Vec<(String, Value)> {
        (0..n).map(|i| (time_key(i as i64, 0), json!(i))).collect()
    }

    fn input(v: Value) -> crate::resources::Input {
        v.as_object().cloned().unwrap_or_default()
    }

    #[test]
    fn pages_walk_every_item_once_with_changing_tokens() {
        let pager = Pager::new();
        let mut seen = Vec::new();
        let mut tokens = Vec::new();
        let mut req = input(json!({"MaxResults": 3}));
        loop {
            let page = pager
                .page("ListApps", &req, Order::Ascending, 10, items(10))
                .unwrap();
            seen.extend(page.items);
            match page.next_token {
                Some(t) => {
                    tokens.push(t.clone());
                    req.insert("NextToken".into(), json!(t));
                }
                None => break,
            }
        }
        assert_eq!(seen, (0..10).map(|i| json!(i)).collect::<Vec<_>>());
        assert_eq!(tokens.len(), 3);
        tokens.dedup();
        assert_eq!(tokens.len(), 3);
    }

    #[test]
    fn forged_or_foreign_tokens_are_validation_errors() {
        let pager = Pager::new();
        let first = pager
            .page(
                "ListApps",
                &input(json!({"MaxResults": 1})),
                Order::Ascending,
                10,
                items(3),
            )
            .unwrap();
        let token = first.next_token.unwrap();
        let forged = format!("{}0", token);
        for bad in [forged.as_str(), "garbage", "a.b"] {
            let err = pager
                .page(
                    "ListApps",
                    &input(json!({"NextToken": bad})),
                    Order::Ascending,
                    10,
                    items(3),
                )
                .unwrap_err();
            assert_eq!(err.code(), "ValidationException");
        }
        // A token is bound to its operation and filters.
        let other = pager
            .page(
                "ListApps",
                &input(json!({"NextToken": token, "DomainIdEquals": "d-x"})),
                Order::Ascending,
                10,
                items(3),
            )
            .unwrap_err();
        assert_eq!(other.code(), "ValidationException");
        // And to this server.
        let stranger = Pager::new()
            .page(
                "ListApps",
                &input(json!({"NextToken": token})),
                Order::Ascending,
                10,
                items(3),
            )
            .unwrap_err();
        assert_eq!(stranger.code(), "ValidationException");
    }

    #[test]
    fn descending_pages_resume_below_the_last_key() {
        let pager = Pager::new();
        let mut desc = items(5);
        desc.reverse();
        let first = pager
            .page(
                "ListApps",
                &input(json!({"MaxResults": 2})),
                Order::Descending,
                10,
                desc.clone(),
            )
            .unwrap();
        assert_eq!(first.items, vec![json!(4), json!(3)]);
        let second = pager
            .page(
                "ListApps",
                &input(json!({"MaxResults": 2, "NextToken": first.next_token.unwrap()})),
                Order::Descending,
                10,
                desc,
            )
            .unwrap();
        assert_eq!(second.items, vec![json!(2), json!(1)]);
    }
}
