//! Listing-derived samples: for every method, a response synthesized from the
//! page's own `Return type:` listing and a request body from its params, as
//! test data for the generated types (`tests/listings.rs` of the generated
//! crate decodes each and encodes it back).
//!
//! A sample follows what *the page* lists, not the unified type: that is the
//! point of the test (the generated type must decode what each page says the
//! wire carries). Where the page lists a type under the field, that listing is
//! used; a bare reference uses the type's listing elsewhere on the same page,
//! else the unified type. Values: every field present; strings `"example"`
//! (GUID, date-time and int64 formats respected); `integer` 7; int64 as the
//! string `"1234567890123"`; `number` 1.5; `boolean` true; an enum's first
//! listed value; one member of each ONE-OF (the first); free-form objects
//! and maps `{"key": "value"}`; arrays one element. A type reached again
//! inside itself (a recursive type) is left out at that point; if that field
//! is required, the sample cannot be built and the reason is reported.
//!
//! Each response also has a second sample with one key no listing names
//! ([`UNKNOWN_KEY`], holding a small nested object) added to every object
//! that is a listed type (not to maps or free-form JSON, which keep every key
//! anyway): the generated types keep what they do not know and write it back,
//! so it must re-encode to the same JSON.

use crate::draft::ParamLoc;
use crate::draft::{FieldDraft, PageDraft, Transport, Ty, TypeDraft};
use crate::model::{HttpMethod, Sample, SampleOutcome};
use serde_json::{Map, Value, json};
use std::cell::Cell;
use std::collections::{BTreeMap, HashMap};
use wixgen_schema::ValidationRule;

/// The samples of a method: its request and its response.
#[derive(Debug, Clone, Default)]
pub(crate) struct Drafted {
    pub request: Option<SampleOutcome>,
    pub response: Option<SampleOutcome>,
    pub response_unknown_keys: Option<SampleOutcome>,
}

/// The key the second response sample adds to every listed object.
pub const UNKNOWN_KEY: &str = "wixgenKeyNoListingNames";

/// Its value: an object and a list, so nested JSON must be kept as it came.
fn unknown_value() -> Value {
    json!({ "addedLater": [1, "two", { "three": true }] })
}

/// Builds samples over the pages of one package (references rewritten to keys).
pub(crate) struct Synth<'a> {
    pages: &'a [PageDraft],
    table: &'a BTreeMap<String, TypeDraft>,
    /// Per page: key → the first listing of that type on the page.
    on_page: Vec<HashMap<&'a str, usize>>,
    /// Whether every listed object gets [`UNKNOWN_KEY`].
    unknown_keys: Cell<bool>,
}

/// Where a listing's nested references are looked up: a page, or none (the unified type).
#[derive(Clone, Copy)]
struct At<'a> {
    page: Option<usize>,
    draft: &'a TypeDraft,
}

impl<'a> Synth<'a> {
    pub(crate) fn new(pages: &'a [PageDraft], table: &'a BTreeMap<String, TypeDraft>) -> Self {
        let on_page = pages
            .iter()
            .map(|p| {
                let mut m = HashMap::new();
                for (j, t) in p.types.iter().enumerate() {
                    m.entry(t.name()).or_insert(j);
                }
                m
            })
            .collect();
        Synth {
            pages,
            table,
            on_page,
            unknown_keys: Cell::new(false),
        }
    }

    /// The samples of the method of page `p`.
    pub(crate) fn method(&self, p: usize) -> Drafted {
        let m = &self.pages[p].method;
        let mut out = Drafted::default();
        let (serde_locs, plugin) = match &m.transport {
            Transport::Rest { http_method, .. } => match http_method {
                HttpMethod::Get | HttpMethod::Delete => (vec![ParamLoc::Query, ParamLoc::Body], false),
                _ => (vec![ParamLoc::Body], false),
            },
            Transport::ServicePlugin => (vec![ParamLoc::Body], true),
        };
        // The request struct's serde form: query params of a GET, body params
        // otherwise; path params never. A POST's required query params are
        // decoded but not encoded again (they travel in the query string).
        let mut stack = Vec::new();
        let mut input = Map::new();
        let mut expected = Map::new();
        let mut problem = None;
        for (loc, f) in &m.params {
            let in_form = serde_locs.contains(loc);
            let separate = !plugin && *loc == ParamLoc::Query && !in_form;
            if !in_form && !separate {
                continue;
            }
            if separate && !f.required {
                continue;
            }
            match self.field(f, Some(p), &mut stack) {
                Ok(Some(v)) => {
                    input.insert(f.wire_name.clone(), v.clone());
                    if !separate {
                        expected.insert(f.wire_name.clone(), v);
                    }
                }
                Ok(None) => {}
                Err(e) => {
                    problem.get_or_insert(e);
                }
            }
        }
        out.request = Some(match problem {
            Some(reason) => SampleOutcome::Skipped(reason),
            None => SampleOutcome::Sample(Sample {
                input: Value::Object(input),
                expected: Value::Object(expected),
            }),
        });
        if m.response.is_some() {
            out.response = self.response(p, &mut stack);
            self.unknown_keys.set(true);
            out.response_unknown_keys = self.response(p, &mut stack);
            self.unknown_keys.set(false);
        }
        out
    }

    /// The response sample of the method of page `p`.
    fn response(&self, p: usize, stack: &mut Vec<String>) -> Option<SampleOutcome> {
        let m = &self.pages[p].method;
        let ty = m.response.as_ref()?;
        let at = m.response_listing.map(|j| At {
            page: Some(p),
            draft: &self.pages[p].types[j],
        });
        let value = match (at, ty) {
            (Some(at), _) => self.listing(at, stack).map(Some),
            (None, ty) => self.value(ty, None, Some(p), stack),
        };
        Some(match value {
            Ok(Some(v)) => SampleOutcome::Sample(Sample {
                input: v.clone(),
                expected: v,
            }),
            Ok(None) => SampleOutcome::Skipped("the response type is recursive at its root".into()),
            Err(reason) => SampleOutcome::Skipped(reason),
        })
    }

    /// The value of a field; `None` to leave the field out (recursion).
    fn field(&self, f: &FieldDraft, page: Option<usize>, stack: &mut Vec<String>) -> Result<Option<Value>, String> {
        let v = self.value_with(&f.ty, f.listing, page, stack, &f.validation)?;
        if v.is_none() && f.required {
            return Err(format!(
                "`{}` is required and its type is recursive, so no finite sample has every field",
                f.wire_name
            ));
        }
        Ok(v)
    }

    fn value(
        &self,
        ty: &Ty,
        listing: Option<usize>,
        page: Option<usize>,
        stack: &mut Vec<String>,
    ) -> Result<Option<Value>, String> {
        self.value_with(ty, listing, page, stack, &[])
    }

    fn value_with(
        &self,
        ty: &Ty,
        listing: Option<usize>,
        page: Option<usize>,
        stack: &mut Vec<String>,
        validation: &[ValidationRule],
    ) -> Result<Option<Value>, String> {
        Ok(Some(match ty {
            Ty::String => string_value(validation),
            Ty::Timestamp => json!("2024-05-01T10:00:00Z"),
            Ty::Int32 => json!(7),
            Ty::Int64 => json!("1234567890123"),
            Ty::Float64 => json!(1.5),
            Ty::Bool => json!(true),
            Ty::Json | Ty::Unknown => json!({ "key": "value" }),
            Ty::Array(inner) => match self.value_with(inner, listing, page, stack, validation)? {
                Some(v) => json!([v]),
                None => return Ok(None),
            },
            Ty::Named(key) => {
                if stack.iter().any(|k| k == key) {
                    return Ok(None);
                }
                let here = listing
                    .and_then(|j| page.map(|p| (p, j)))
                    .or_else(|| page.and_then(|p| self.on_page[p].get(key.as_str()).map(|&j| (p, j))));
                let at = match here {
                    Some((p, j)) => At {
                        page: Some(p),
                        draft: &self.pages[p].types[j],
                    },
                    None => match self.table.get(key) {
                        Some(draft) => At { page: None, draft },
                        // Listed nowhere: generated as free-form JSON.
                        None => return Ok(Some(json!({ "key": "value" }))),
                    },
                };
                stack.push(key.clone());
                let v = self.listing(at, stack);
                stack.pop();
                v?
            }
        }))
    }

    /// A value for a listing: an enum's first value, or an object.
    fn listing(&self, at: At<'_>, stack: &mut Vec<String>) -> Result<Value, String> {
        match at.draft {
            TypeDraft::Enum(e) => Ok(e.values.first().map_or_else(|| json!("UNKNOWN"), |v| json!(v.wire))),
            TypeDraft::Struct(s) => {
                let mut obj = Map::new();
                for g in &s.one_ofs {
                    for m in &g.members {
                        let listing = at.page.and(m.listing);
                        if let Some(v) = self.value_with(&m.ty, listing, at.page, stack, &m.validation)? {
                            obj.insert(m.wire_name.clone(), v);
                            break;
                        }
                    }
                }
                for f in &s.fields {
                    let mut f2;
                    let f = if at.page.is_none() && f.listing.is_some() {
                        // Listing indexes of a unified type point into other pages.
                        f2 = f.clone();
                        f2.listing = None;
                        &f2
                    } else {
                        f
                    };
                    if let Some(v) = self.field(f, at.page, stack)? {
                        obj.insert(f.wire_name.clone(), v);
                    }
                }
                if self.unknown_keys.get() {
                    obj.insert(UNKNOWN_KEY.to_owned(), unknown_value());
                }
                Ok(Value::Object(obj))
            }
        }
    }
}

fn string_value(validation: &[ValidationRule]) -> Value {
    let format = validation.iter().find_map(|r| match r {
        ValidationRule::Format(f) => Some(f.as_str()),
        _ => None,
    });
    match format {
        Some("GUID") => json!("6202c3bb-f263-3c16-8c90-d6387d9ed420"),
        Some("date-time") => json!("2024-05-01T10:00:00Z"),
        Some("int64") => json!("1234567890123"),
        Some("DECIMAL_VALUE") => json!("12.50"),
        _ => json!("example"),
    }
}
