//! `__object!` encoding: every set field in declaration order, each ONE-OF
//! group as its member's key, and a field that fails to serialize ends the
//! writing: its error is returned and no later field is written.

use std::sync::atomic::{AtomicUsize, Ordering};

use serde::de::IgnoredAny;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// Serializes as a number, counting how many times it was asked to.
#[derive(Debug, Clone, PartialEq)]
struct Counted;

static COUNTED: AtomicUsize = AtomicUsize::new(0);

impl Serialize for Counted {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        COUNTED.fetch_add(1, Ordering::SeqCst);
        s.serialize_u8(1)
    }
}

/// Always fails to serialize.
#[derive(Debug, Clone, PartialEq)]
struct Failing;

impl Serialize for Failing {
    fn serialize<S: Serializer>(&self, _: S) -> Result<S::Ok, S::Error> {
        Err(serde::ser::Error::custom("this field cannot be written"))
    }
}

impl<'de> Deserialize<'de> for Counted {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        IgnoredAny::deserialize(d).map(|_| Counted)
    }
}

impl<'de> Deserialize<'de> for Failing {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        IgnoredAny::deserialize(d).map(|_| Failing)
    }
}

#[derive(Debug, Clone, PartialEq)]
enum Kind {
    Count(i64),
    Counts(Vec<i64>),
    Other(Counted),
}

#[derive(Debug, Clone, PartialEq)]
struct Record {
    kind: Option<Kind>,
    before: Option<Counted>,
    broken: Option<Failing>,
    after: Option<Counted>,
    list: Vec<Counted>,
    size: Option<i64>,
    sizes: Vec<i64>,
}
wix_client::__object!(Record [kind => Kind { Count: int64 = "count", Counts: int64_list = "counts", Other: opt = "other" }] {
    before: opt = "before",
    broken: opt = "broken",
    after: opt = "after",
    list: list = "list",
    size: int64 = "size",
    sizes: int64_list = "sizes",
});
wix_client::__serde_object!(Record);

fn record(kind: Option<Kind>) -> Record {
    Record {
        kind,
        before: Some(Counted),
        broken: None,
        after: Some(Counted),
        list: vec![Counted, Counted],
        size: Some(9_007_199_254_740_993),
        sizes: vec![1, -2],
    }
}

// One test touches COUNTED, so the counts cannot race with another test.
#[test]
fn fields_are_written_in_order_until_one_fails() {
    let written = serde_json::to_string(&record(Some(Kind::Count(5)))).unwrap();
    assert_eq!(
        written,
        r#"{"count":"5","before":1,"after":1,"list":[1,1],"size":"9007199254740993","sizes":["1","-2"]}"#
    );
    assert_eq!(
        serde_json::to_string(&record(Some(Kind::Counts(vec![3])))).unwrap()[..16],
        *r#"{"counts":["3"],"#
    );
    assert_eq!(serde_json::to_string(&record(None)).unwrap()[..11], *r#"{"before":1"#);

    let mut broken = record(Some(Kind::Other(Counted)));
    broken.broken = Some(Failing);
    COUNTED.store(0, Ordering::SeqCst);
    let error = serde_json::to_string(&broken).unwrap_err();
    assert!(error.to_string().contains("this field cannot be written"), "{error}");
    // The member and `before` were written; `after` and the list were not.
    assert_eq!(COUNTED.load(Ordering::SeqCst), 2);
}
