//! The objects JavaScript examples resolve to, read into wire names: the load
//! stage's part of the response examples ([`ResponseExample::wire`]).
//!
//! An SDK example's `/* Promise resolves to: */` comment is JavaScript, not
//! JSON (unquoted keys, single quotes, trailing commas), so it is read as
//! JSON5. Its keys are SDK names: each is mapped to the wire name of the field
//! it stands for, walking the method's response type, by the one SDK↔REST rule
//! ([`crate::sdk_names::counterpart`]: the same name, else its REST name, so
//! `_id` → `id`, `_createdDate` → `createdDate`); keys no field stands for are
//! kept as they are. An object is read only when it can be told what it is:
//! the example is on a generated method whose response is a struct of its
//! package, and the page's SDK and REST blocks name the same return type.
//! Codegen checks the result against the generated types.

use crate::model::{Field, Method, NamedType, Package, ResponseExample, ResponseObject, StructType, TypeRef};
use crate::sdk_names::counterpart;
use serde_json::{Map, Value};
use std::collections::{BTreeMap, HashMap};

/// Read the response examples of every method of `package` into wire names.
pub(crate) fn read_package(package: &mut Package) {
    let types: HashMap<&str, &NamedType> = package.types.iter().map(|t| (t.rust_name(), t)).collect();
    for service in &mut package.services {
        for method in &mut service.methods {
            let response = response_struct(method, &types);
            for e in &mut method.examples.responses {
                e.wire = match response {
                    Some(s) if readable(e) => read(&types, s, e),
                    _ => ResponseObject::NotRead,
                };
            }
        }
    }
}

/// The method's response type, when it is a struct of the package.
fn response_struct<'a>(method: &Method, types: &HashMap<&str, &'a NamedType>) -> Option<&'a StructType> {
    let Some(TypeRef::Named(name)) = &method.response else {
        return None;
    };
    match types.get(name.as_str()) {
        Some(NamedType::Struct(s)) => Some(s),
        _ => None,
    }
}

/// The SDK block resolves to the REST block's response type.
fn readable(e: &ResponseExample) -> bool {
    matches!((&e.sdk_returns, &e.rest_returns), (Some(sdk), Some(rest)) if sdk == rest)
}

fn read(types: &HashMap<&str, &NamedType>, s: &StructType, e: &ResponseExample) -> ResponseObject {
    let value: Value = match json5::from_str(&e.object) {
        Ok(v) => v,
        Err(err) => {
            let line = err
                .position()
                .and_then(|p| u32::try_from(p.line).ok())
                .map_or(e.line, |l| e.line.saturating_add(l));
            return ResponseObject::Unusable {
                line,
                reason: format!(
                    "the object does not parse as a JavaScript object literal ({}); not tested",
                    parse_error(&e.object, &err)
                ),
            };
        }
    };
    let Value::Object(object) = &value else {
        return ResponseObject::Unusable {
            line: e.line,
            reason: format!("the promise resolves to {}, not an object", kind_of(&value)),
        };
    };
    match struct_to_wire(types, s, object, "") {
        Ok(map) => ResponseObject::Wire(Value::Object(map)),
        Err(reason) => ResponseObject::Unusable { line: e.line, reason },
    }
}

/// What a JSON value is, in words: `a string`, `an object`.
pub fn kind_of(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// What the JSON5 parser says, with the text where it stopped: `expected
/// value at `EMAIL``.
fn parse_error(object: &str, err: &json5::Error) -> String {
    let what = err.code().map_or_else(|| err.to_string(), |c| c.to_string());
    let Some(p) = err.position() else { return what };
    let found: String = object
        .lines()
        .nth(p.line)
        .unwrap_or_default()
        .chars()
        .skip(p.column)
        .take_while(|c| !c.is_whitespace() && !matches!(c, ',' | ':' | '{' | '}' | '[' | ']'))
        .take(40)
        .collect();
    if found.is_empty() {
        what
    } else {
        format!("{what} at `{}`", found.replace('`', "'"))
    }
}

fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_owned()
    } else {
        format!("{path}.{key}")
    }
}

/// The field of `s` (regular or ONE-OF member) an SDK key stands for.
fn wire_field<'s>(s: &'s StructType, key: &str) -> Option<&'s Field> {
    let all = s.fields.iter().chain(s.one_ofs.iter().flat_map(|g| &g.members));
    counterpart(all.map(|f| (f.wire_name.as_str(), f)), key, false)
}

/// An SDK object of struct `s` with its keys renamed to wire names, all the
/// way down; keys no field stands for are kept as they are.
fn struct_to_wire(
    types: &HashMap<&str, &NamedType>,
    s: &StructType,
    object: &Map<String, Value>,
    at: &str,
) -> Result<Map<String, Value>, String> {
    let mut out = Map::new();
    let mut from: BTreeMap<String, &str> = BTreeMap::new();
    for (key, value) in object {
        let (name, value) = match wire_field(s, key) {
            Some(f) => (
                f.wire_name.clone(),
                to_wire(types, &f.ty, value, &join(at, &f.wire_name))?,
            ),
            None => (key.clone(), value.clone()),
        };
        if let Some(first) = from.get(&name) {
            return Err(format!(
                "`{}` and `{}` both stand for `{}`",
                join(at, first),
                join(at, key),
                join(at, &name)
            ));
        }
        from.insert(name.clone(), key);
        out.insert(name, value);
    }
    Ok(out)
}

fn to_wire(types: &HashMap<&str, &NamedType>, ty: &TypeRef, value: &Value, at: &str) -> Result<Value, String> {
    match (ty, value) {
        (TypeRef::Array(inner), Value::Array(items)) => items
            .iter()
            .enumerate()
            .map(|(i, v)| to_wire(types, inner, v, &format!("{at}[{i}]")))
            .collect::<Result<Vec<_>, _>>()
            .map(Value::Array),
        (TypeRef::Named(name), Value::Object(object)) => match types.get(name.as_str()) {
            Some(NamedType::Struct(s)) => struct_to_wire(types, s, object, at).map(Value::Object),
            _ => Ok(value.clone()),
        },
        _ => Ok(value.clone()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relaxed_objects_parse_and_broken_ones_say_where() {
        let v: Value = json5::from_str("{ a: 'x', \"b\": [1, 2,], }").unwrap();
        assert_eq!(v, serde_json::json!({"a": "x", "b": [1, 2]}));
        let text = "{\n  \"c\": [\n    \"CHAT\",\n    EMAIL\n  ]\n}";
        let err = json5::from_str::<Value>(text).unwrap_err();
        assert_eq!(err.position().map(|p| p.line), Some(3), "{err}");
        assert!(
            parse_error(text, &err).ends_with("at `EMAIL`"),
            "{}",
            parse_error(text, &err)
        );
    }
}
