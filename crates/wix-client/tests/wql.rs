//! The JSON of typed queries, against the rules of the Wix API Query Language
//! article: each operator is `{"field": {"$op": value}}`, `$in`/`$nin`/`$hasSome`/
//! `$hasAll` take arrays, `$and`/`$or` arrays of conditions, `$not` one
//! condition; sort is `[{"fieldName", "order"}]`; paging `cursorPaging` or `paging`.

use serde::Serialize;
use serde_json::{Value, json};
use wix_client::wql::{EnumValue, Field, Filter, Order, Query, Sort, Timestamp};

struct Contact;

#[derive(Serialize, Clone, Copy)]
enum Status {
    #[serde(rename = "ACTIVE")]
    Active,
    #[serde(rename = "ARCHIVED")]
    Archived,
}
impl EnumValue for Status {}

const NAME: Field<Contact, String> = Field::new("info.name.first");
const AGE: Field<Contact, i32> = Field::new("age");
const SIZE: Field<Contact, i64> = Field::new("size");
const SCORE: Field<Contact, f64> = Field::new("score");
const VIP: Field<Contact, bool> = Field::new("vip");
const CREATED: Field<Contact, Timestamp> = Field::new("createdDate");
const STATUS: Field<Contact, Status> = Field::new("status");
const TAGS: Field<Contact, Vec<String>> = Field::new("tags");
const LEVELS: Field<Contact, Vec<i64>> = Field::new("levels");
const DATA: Field<Contact, wix_client::wql::Json> = Field::new("extendedFields.namespaces");

fn json_of<T: Serialize>(value: &T) -> Value {
    serde_json::to_value(value).expect("serializes")
}

#[test]
fn every_operator_writes_field_then_operator() {
    let cases: Vec<(Filter<Contact>, Value)> = vec![
        (NAME.eq("Ann"), json!({"info.name.first": {"$eq": "Ann"}})),
        (NAME.ne(String::from("Bob")), json!({"info.name.first": {"$ne": "Bob"}})),
        (NAME.in_(["a", "b"]), json!({"info.name.first": {"$in": ["a", "b"]}})),
        (NAME.nin(vec!["c"]), json!({"info.name.first": {"$nin": ["c"]}})),
        (NAME.exists(false), json!({"info.name.first": {"$exists": false}})),
        (
            NAME.starts_with("meet"),
            json!({"info.name.first": {"$startsWith": "meet"}}),
        ),
        (NAME.gt("m"), json!({"info.name.first": {"$gt": "m"}})),
        (AGE.gte(18), json!({"age": {"$gte": 18}})),
        (AGE.lt(65), json!({"age": {"$lt": 65}})),
        (SCORE.lte(2.5), json!({"score": {"$lte": 2.5}})),
        (SCORE.eq(3), json!({"score": {"$eq": 3}})),
        (VIP.eq(true), json!({"vip": {"$eq": true}})),
        (
            CREATED.gte("2024-01-01T00:00:00.000Z"),
            json!({"createdDate": {"$gte": "2024-01-01T00:00:00.000Z"}}),
        ),
        (STATUS.eq(Status::Active), json!({"status": {"$eq": "ACTIVE"}})),
        (
            STATUS.in_([Status::Active, Status::Archived]),
            json!({"status": {"$in": ["ACTIVE", "ARCHIVED"]}}),
        ),
        (TAGS.has_some(["x", "y"]), json!({"tags": {"$hasSome": ["x", "y"]}})),
        (TAGS.has_all(["x"]), json!({"tags": {"$hasAll": ["x"]}})),
        (TAGS.is_empty(true), json!({"tags": {"$isEmpty": true}})),
        (
            DATA.exists(true),
            json!({"extendedFields.namespaces": {"$exists": true}}),
        ),
        (
            DATA.eq(json!({"a": 1})),
            json!({"extendedFields.namespaces": {"$eq": {"a": 1}}}),
        ),
    ];
    for (filter, expected) in cases {
        assert_eq!(json_of(&filter), expected);
    }
}

#[test]
fn int64_values_are_strings_as_everywhere_in_the_crate() {
    assert_eq!(
        json_of(&SIZE.gt(9_007_199_254_740_993_i64)),
        json!({"size": {"$gt": "9007199254740993"}})
    );
    assert_eq!(json_of(&SIZE.eq(5)), json!({"size": {"$eq": "5"}}));
    assert_eq!(
        json_of(&LEVELS.has_some([1_i64, 2])),
        json!({"levels": {"$hasSome": ["1", "2"]}})
    );
    assert_eq!(json_of(&SIZE.in_([1_i64, 2])), json!({"size": {"$in": ["1", "2"]}}));
}

#[test]
fn and_or_not_combine_and_flatten() {
    let a = || NAME.eq("a");
    let b = || AGE.gt(1);
    let c = || VIP.eq(false);
    assert_eq!(
        json_of(&a().and(b())),
        json!({"$and": [{"info.name.first": {"$eq": "a"}}, {"age": {"$gt": 1}}]})
    );
    assert_eq!(
        json_of(&a().and(b()).and(c())),
        json!({"$and": [{"info.name.first": {"$eq": "a"}}, {"age": {"$gt": 1}}, {"vip": {"$eq": false}}]})
    );
    assert_eq!(
        json_of(&a().or(b().and(c()))),
        json!({"$or": [{"info.name.first": {"$eq": "a"}}, {"$and": [{"age": {"$gt": 1}}, {"vip": {"$eq": false}}]}]})
    );
    assert_eq!(json_of(&a().not()), json!({"$not": {"info.name.first": {"$eq": "a"}}}));
    assert_eq!(
        json_of(&Filter::any([a(), b(), c()]).expect("three")),
        json!({"$or": [{"info.name.first": {"$eq": "a"}}, {"age": {"$gt": 1}}, {"vip": {"$eq": false}}]})
    );
    assert!(Filter::<Contact>::all([]).is_none());
}

#[test]
fn raw_conditions_mix_with_typed_ones() {
    let raw = Filter::raw(json!({"custom.field": {"$contains": "x"}}));
    assert_eq!(
        json_of(&raw.or(AGE.eq(3)).not()),
        json!({"$not": {"$or": [{"custom.field": {"$contains": "x"}}, {"age": {"$eq": 3}}]}})
    );
}

#[test]
fn sort_and_cursor_paging() {
    let query = Query::new()
        .filter(NAME.starts_with("a"))
        .filter(AGE.gte(3))
        .sort(NAME.asc())
        .sort(CREATED.desc())
        .sort(Sort::raw("custom", Order::Asc))
        .limit(25);
    assert_eq!(
        serde_json::to_string(&query).expect("serializes"),
        concat!(
            r#"{"filter":{"$and":[{"info.name.first":{"$startsWith":"a"}},{"age":{"$gte":3}}]},"#,
            r#""sort":[{"fieldName":"info.name.first","order":"ASC"},{"fieldName":"createdDate","order":"DESC"},"#,
            r#"{"fieldName":"custom","order":"ASC"}],"cursorPaging":{"cursor":null,"limit":25}}"#
        )
    );
    assert_eq!(
        json_of(&Query::<Contact>::new().cursor("c2").limit(5)),
        json!({"cursorPaging": {"cursor": "c2", "limit": 5}})
    );
    assert_eq!(json_of(&Query::<Contact>::new()), json!({}));
}

#[test]
fn next_page_keeps_only_cursor_and_limit() {
    let mut query = Query::new()
        .filter(NAME.eq("a"))
        .sort(AGE.desc())
        .search("text")
        .limit(7);
    query.next_page("c9".into());
    assert_eq!(json_of(&query), json!({"cursorPaging": {"cursor": "c9", "limit": 7}}));
}

#[test]
fn offset_paging_and_search() {
    let query = Query::new().search("ann").filter(VIP.eq(true)).limit(50).offset(100);
    assert_eq!(
        json_of(&query),
        json!({"filter": {"vip": {"$eq": true}}, "search": {"expression": "ann"}, "paging": {"limit": 50, "offset": 100}})
    );
    let query = Query::<Contact>::new().search_raw(json!({"expression": "x", "fuzzy": true, "mode": "OR"}));
    assert_eq!(
        json_of(&query),
        json!({"search": {"expression": "x", "fuzzy": true, "mode": "OR"}})
    );
}

#[test]
fn body_wraps_the_query_in_its_param() {
    let query = Query::new().filter(NAME.eq("a"));
    assert_eq!(
        serde_json::to_string(&query.body("query")).expect("serializes"),
        r#"{"query":{"filter":{"info.name.first":{"$eq":"a"}}}}"#
    );
    assert_eq!(NAME.path(), "info.name.first");
}
