//! The API-change report between two generations of pages: what was added,
//! removed or changed, and whether code that compiled against the crate
//! generated from the old pages still compiles against the one generated from
//! the new pages.
//!
//! ```no_run
//! let old = wixgen_diff::load(std::path::Path::new("old/schemas"))?;
//! let new = wixgen_diff::load(std::path::Path::new("schemas"))?;
//! print!("{}", wixgen_diff::diff(&old.api, &new.api).to_text());
//! # Ok::<(), std::io::Error>(())
//! ```
//!
//! # The rules
//!
//! Breaking means "may stop compiling", judged by what the generated code looks like
//! (`crates/wixgen-codegen/src/emit/structs.rs` and the README's "What the generated types
//! promise"): request structs are built with `new(required...)` and `with_*` setters for the
//! optional rest; structs and enums are `#[non_exhaustive]`; enums are open; response-only types
//! have every field optional. A type is *built* when it is reachable from a method's params, or
//! from a service plugin's response, through fields that are not read-only (the rule codegen
//! uses, [`wixgen_ir::sides`]). "Required" below
//! means required and not read-only, or a path param: what puts a value in `new`.
//!
//! | change | breaking | why |
//! | --- | --- | --- |
//! | package added / removed | no / **yes** | a new module and feature / the module is gone |
//! | method added / removed | no / **yes** | a new client method / the method and its request type are gone |
//! | method HTTP verb or URL changed | no | the generated call changes, the Rust signature does not |
//! | method no longer / newly paginated | **yes** / no | `<method>_stream` disappears / appears |
//! | method response type or request type name changed | **yes** | the signature names another type |
//! | param added, required | **yes** | `Request::new` gains an argument |
//! | param added, optional | no | a new `with_*` setter |
//! | param removed | **yes** | its field and setter are gone |
//! | param or field type changed | **yes** | the field's Rust type changes |
//! | param required-ness changed | **yes** | `new` gains or loses an argument |
//! | param moved between path, query and body (same required-ness) | no | only the wire changes |
//! | field added to a built type, required | **yes** | `new` gains an argument |
//! | field added, optional (or to a response-only type) | no | `#[non_exhaustive]` structs take new fields |
//! | field removed | **yes** | code reading or setting it stops compiling |
//! | field required-ness changed, built type | **yes** | `new` changes, `T` ↔ `Option<T>` |
//! | field required-ness changed, response-only type | no | every field is optional anyway |
//! | ONE-OF member added to a group | no | a new variant of a `#[non_exhaustive]` enum, or a new optional field |
//! | ONE-OF member removed | **yes** | its variant or field is gone |
//! | new ONE-OF group: required on a built type / otherwise | **yes** / no | `new` gains an argument / a new optional field |
//! | ONE-OF group required-ness changed: built type / response-only | **yes** / no | as for fields |
//! | ONE-OF group's enum renamed (a second group in the struct) | **yes** | code naming the enum stops compiling |
//! | enum value added / removed | no / **yes** | open `#[non_exhaustive]` enums / the variant is gone |
//! | named type added / removed (or renamed) | no / **yes** | code naming it stops compiling |
//! | type became an enum or a struct | **yes** | |
//! | type moved between built and response-only | **yes** | `new` and setters appear or vanish, fields become optional or plain |
//! | type moved between request-only and request-and-response | only with a required ONE-OF | that group's field becomes an `Option` |
//!
//! Identities: packages by `# Package:`, methods by namespace and title, params, fields, ONE-OF
//! members and enum values by wire name, named types by Rust name (a type split or renamed by
//! lowering shows as one removed and one added, which is what code naming it sees). ONE-OF groups
//! have no names: an old and a new group are the same group when they share members. Descriptions,
//! validation rules and deprecation notes are not API and are not reported.

mod compare;
pub mod load;
pub mod report;

pub use load::{Loaded, load};
pub use report::{Action, Change, Kind, Place, Report};

/// Every change from `old` to `new`.
pub fn diff(old: &wixgen_ir::Api, new: &wixgen_ir::Api) -> Report {
    Report {
        changes: compare::diff(old, new),
    }
}
