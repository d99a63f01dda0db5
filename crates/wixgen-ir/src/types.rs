//! Types: from a page's [`TypeExpr`] to a draft [`Ty`], and from a draft to
//! the IR's [`TypeRef`].
//!
//! | written | lowered |
//! | --- | --- |
//! | `string` | `String`; `Int64` with `format int64`; `Timestamp` with `format date-time` |
//! | `integer` | `Int32`; `Int64` with `format int64` |
//! | `number`, `boolean` | `Float64`, `Bool` |
//! | `Date` (SDK) | `Timestamp` |
//! | `object` | `Json` |
//! | `array` | `Array(Unknown)`: the element is filled from the other section or page, else JSON |
//! | `array<X>` | `Array(X)` |
//! | a param's own name, or any lower-case name (a REST defect) | `Unknown`, resolved from the SDK |

use crate::draft::Ty;
use crate::model::TypeRef;
use wixgen_schema::{Attributes, TypeExpr, ValidationRule};

/// Lowers a type as written. `own_name` is the name of the param or field
/// the type belongs to: a named type spelled like it (or any lower-case name)
/// is the REST defect "param name as type" and lowers to `Unknown`. The
/// second value says whether that defect was seen.
pub(crate) fn lower_expr(expr: &TypeExpr, own_name: &str, attrs: &Attributes) -> (Ty, bool) {
    let format = attrs.format();
    match expr {
        TypeExpr::String => (string_with_format(format), false),
        TypeExpr::Integer => (if format == Some("int64") { Ty::Int64 } else { Ty::Int32 }, false),
        TypeExpr::Number => (Ty::Float64, false),
        TypeExpr::Boolean => (Ty::Bool, false),
        TypeExpr::Date => (Ty::Timestamp, false),
        TypeExpr::Object => (Ty::Json, false),
        TypeExpr::FormattedString(f) => (string_with_format(Some(f.as_str())), false),
        TypeExpr::Array(None) => (Ty::Array(Box::new(Ty::Unknown)), false),
        TypeExpr::Array(Some(inner)) => {
            let (t, defect) = lower_expr(inner, own_name, attrs);
            (Ty::Array(Box::new(t)), defect)
        }
        TypeExpr::Named(n) => {
            if is_defect_name(n, own_name) {
                (Ty::Unknown, true)
            } else {
                (Ty::Named(n.clone()), false)
            }
        }
    }
}

/// The named type a type expression comes to (under any `array<...>`): for a
/// defect `lower_expr` saw, it tells the param's own name (W102) from a
/// lower-case name that is not (a misspelled type, W104).
pub(crate) fn written_name(expr: &TypeExpr) -> Option<&str> {
    match expr {
        TypeExpr::Array(Some(inner)) => written_name(inner),
        TypeExpr::Named(n) => Some(n),
        _ => None,
    }
}

fn string_with_format(format: Option<&str>) -> Ty {
    match format {
        Some("int64") => Ty::Int64,
        Some("date-time") => Ty::Timestamp,
        _ => Ty::String,
    }
}

/// Message and enum names are PascalCase; a named type spelled like its
/// param, or starting with a lower-case letter, is the REST defect.
fn is_defect_name(name: &str, own_name: &str) -> bool {
    name == own_name || name.chars().next().is_some_and(|c| c.is_lowercase())
}

/// Fills what REST left unknown with what the SDK says, and refines REST
/// `string` with the SDK's `Date` to `Timestamp` (the same JSON string).
/// Everything else REST says wins.
pub(crate) fn refine(rest: &Ty, sdk: &Ty) -> Ty {
    match (rest, sdk) {
        (Ty::Unknown, s) => s.clone(),
        (Ty::Array(r), Ty::Array(s)) => Ty::Array(Box::new(refine(r, s))),
        (Ty::String, Ty::Timestamp) => Ty::Timestamp,
        (r, _) => r.clone(),
    }
}

/// Applies a `format` validation to a type that came from elsewhere (the SDK
/// side): a string with `format int64` is `Int64`, with `format date-time` a
/// `Timestamp`; for an array, the rule applies to string elements.
pub(crate) fn apply_format(ty: Ty, format: Option<&str>) -> Ty {
    match (ty, format) {
        (Ty::String, Some(f)) => string_with_format(Some(f)),
        (Ty::Int32, Some("int64")) => Ty::Int64,
        (Ty::Array(inner), f) => Ty::Array(Box::new(apply_format(*inner, f))),
        (t, _) => t,
    }
}

/// Guesses what nothing on the page says, for a type still containing
/// `Unknown` after reconciliation:
///
/// * an array whose field name ends in `Ids` holds strings (Wix IDs are GUID strings);
/// * a scalar with a format or length validation is a string (int64 and
///   date-time formats as usual);
///
/// everything else stays `Unknown` (JSON in the end). Returns `None` when
/// nothing was guessed.
pub(crate) fn guess(ty: &Ty, own_name: &str, attrs: &Attributes) -> Option<Ty> {
    match ty {
        Ty::Array(inner) if **inner == Ty::Unknown => {
            if own_name.ends_with("Ids") || own_name == "ids" {
                Some(Ty::Array(Box::new(Ty::String)))
            } else {
                None
            }
        }
        Ty::Array(inner) => guess(inner, own_name, attrs).map(|t| Ty::Array(Box::new(t))),
        Ty::Unknown => {
            if let Some(f) = attrs.format() {
                return Some(string_with_format(Some(f)));
            }
            let stringy = attrs.validation.iter().any(|r| {
                matches!(&r.value, ValidationRule::Bound { keyword, .. }
                    if keyword == "minLength" || keyword == "maxLength")
            });
            stringy.then_some(Ty::String)
        }
        _ => None,
    }
}

/// The IR type of a draft; `Unknown` becomes `Json`, names go through `rust_name`.
pub(crate) fn to_type_ref(ty: &Ty, rust_name: &dyn Fn(&str) -> Option<String>) -> TypeRef {
    match ty {
        Ty::String => TypeRef::String,
        Ty::Int32 => TypeRef::Int32,
        Ty::Int64 => TypeRef::Int64,
        Ty::Float64 => TypeRef::Float64,
        Ty::Bool => TypeRef::Bool,
        Ty::Timestamp => TypeRef::Timestamp,
        Ty::Json | Ty::Unknown => TypeRef::Json,
        Ty::Array(inner) => TypeRef::Array(Box::new(to_type_ref(inner, rust_name))),
        Ty::Named(n) => rust_name(n).map_or(TypeRef::Json, TypeRef::Named),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use wixgen_schema::{Span, Spanned};

    fn fmt(f: &str) -> Attributes {
        Attributes {
            validation: vec![Spanned::new(ValidationRule::Format(f.into()), Span::default())],
            ..Attributes::default()
        }
    }

    #[test]
    fn scalars_and_formats() {
        let none = Attributes::default();
        assert_eq!(lower_expr(&TypeExpr::String, "x", &none), (Ty::String, false));
        assert_eq!(lower_expr(&TypeExpr::String, "x", &fmt("int64")).0, Ty::Int64);
        assert_eq!(lower_expr(&TypeExpr::String, "x", &fmt("date-time")).0, Ty::Timestamp);
        assert_eq!(lower_expr(&TypeExpr::String, "x", &fmt("GUID")).0, Ty::String);
        assert_eq!(lower_expr(&TypeExpr::Integer, "x", &none).0, Ty::Int32);
        assert_eq!(lower_expr(&TypeExpr::Integer, "x", &fmt("int64")).0, Ty::Int64);
        assert_eq!(lower_expr(&TypeExpr::Number, "x", &none).0, Ty::Float64);
        assert_eq!(lower_expr(&TypeExpr::Boolean, "x", &none).0, Ty::Bool);
        assert_eq!(lower_expr(&TypeExpr::Date, "x", &none).0, Ty::Timestamp);
        assert_eq!(lower_expr(&TypeExpr::Object, "x", &none).0, Ty::Json);
        assert_eq!(
            lower_expr(&TypeExpr::FormattedString("date-time".into()), "x", &none).0,
            Ty::Timestamp
        );
    }

    #[test]
    fn arrays_named_and_defects() {
        let none = Attributes::default();
        let arr = |t: Option<TypeExpr>| TypeExpr::Array(t.map(Box::new));
        assert_eq!(lower_expr(&arr(None), "x", &none).0, Ty::Array(Box::new(Ty::Unknown)));
        assert_eq!(
            lower_expr(&arr(Some(TypeExpr::Named("Sorting".into()))), "sort", &none),
            (Ty::Array(Box::new(Ty::Named("Sorting".into()))), false)
        );
        assert_eq!(
            lower_expr(&TypeExpr::Named("localEndDate".into()), "localEndDate", &none),
            (Ty::Unknown, true)
        );
        assert_eq!(
            lower_expr(
                &arr(Some(TypeExpr::Named("resourceTypes".into()))),
                "resourceTypes",
                &none
            ),
            (Ty::Array(Box::new(Ty::Unknown)), true)
        );
        assert_eq!(
            lower_expr(&TypeExpr::Named("Location".into()), "Location", &none),
            (Ty::Unknown, true)
        );
    }

    #[test]
    fn refine_fills_unknowns_only() {
        let arr = |t: Ty| Ty::Array(Box::new(t));
        assert_eq!(refine(&Ty::Unknown, &Ty::String), Ty::String);
        assert_eq!(
            refine(&arr(Ty::Unknown), &arr(Ty::Named("ResourceType".into()))),
            arr(Ty::Named("ResourceType".into()))
        );
        assert_eq!(refine(&Ty::String, &Ty::Timestamp), Ty::Timestamp);
        assert_eq!(
            refine(&Ty::Named("CursorQuery".into()), &Ty::Named("ResourceTypeQuery".into())),
            Ty::Named("CursorQuery".into())
        );
        assert_eq!(refine(&Ty::Int32, &Ty::String), Ty::Int32);
    }

    #[test]
    fn formats_apply_to_resolved_types() {
        let arr = |t: Ty| Ty::Array(Box::new(t));
        assert_eq!(apply_format(Ty::String, Some("int64")), Ty::Int64);
        assert_eq!(apply_format(Ty::String, Some("date-time")), Ty::Timestamp);
        assert_eq!(apply_format(Ty::String, Some("GUID")), Ty::String);
        assert_eq!(apply_format(Ty::Int32, Some("int64")), Ty::Int64);
        assert_eq!(apply_format(arr(Ty::String), Some("int64")), arr(Ty::Int64));
        assert_eq!(apply_format(Ty::Bool, Some("int64")), Ty::Bool);
        assert_eq!(apply_format(Ty::String, None), Ty::String);
    }

    #[test]
    fn guesses() {
        let none = Attributes::default();
        let arr = |t: Ty| Ty::Array(Box::new(t));
        assert_eq!(
            guess(&arr(Ty::Unknown), "includeResourceTypeIds", &none),
            Some(arr(Ty::String))
        );
        assert_eq!(guess(&arr(Ty::Unknown), "tags", &none), None);
        assert_eq!(guess(&Ty::Unknown, "serviceId", &fmt("GUID")), Some(Ty::String));
        assert_eq!(guess(&Ty::Unknown, "serviceId", &none), None);
    }
}
