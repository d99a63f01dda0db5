//! The API-change report: one entry per change, rendered as text or JSON.

use serde_core::ser::{Serialize, SerializeStruct, Serializer};
use std::fmt;

/// What changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    /// A Wix package: a module and a Cargo feature.
    Package,
    Method,
    Param,
    /// A regular field of a message type.
    Field,
    OneOfMember,
    EnumValue,
    /// A named type, a field's or param's type, a method's response type, a struct's shape.
    Type,
    /// A param, field or ONE-OF group became required or optional.
    Required,
}

impl Kind {
    pub fn label(self) -> &'static str {
        match self {
            Kind::Package => "package",
            Kind::Method => "method",
            Kind::Param => "param",
            Kind::Field => "field",
            Kind::OneOfMember => "one-of member",
            Kind::EnumValue => "enum value",
            Kind::Type => "type",
            Kind::Required => "required-ness",
        }
    }

    /// The name in `--json` output: `one_of_member`, `enum_value`.
    pub fn json_name(self) -> &'static str {
        match self {
            Kind::Package => "package",
            Kind::Method => "method",
            Kind::Param => "param",
            Kind::Field => "field",
            Kind::OneOfMember => "one_of_member",
            Kind::EnumValue => "enum_value",
            Kind::Type => "type",
            Kind::Required => "required",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Action {
    Added,
    Removed,
    Changed,
}

impl Action {
    pub fn label(self) -> &'static str {
        match self {
            Action::Added => "added",
            Action::Removed => "removed",
            Action::Changed => "changed",
        }
    }
}

/// Where a change is: `inbox::ConversationsService.GetConversation`,
/// `inbox::Conversation.channels`, `inbox::ChannelType.TELEGRAM`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Place {
    /// The package as the pages name it (`# Package:`).
    pub package: String,
    /// The service and method (`ConversationsService.GetConversation`) of a method's param, the
    /// Rust name of a type for its fields, members and values; `None` for a package or a type.
    pub parent: Option<String>,
    /// The method, param, field (wire name), enum value or type (Rust name); `None` for a package.
    pub name: Option<String>,
}

impl Place {
    pub fn package(package: &str) -> Self {
        Place {
            package: package.to_owned(),
            parent: None,
            name: None,
        }
    }

    pub fn item(package: &str, name: impl Into<String>) -> Self {
        Place {
            package: package.to_owned(),
            parent: None,
            name: Some(name.into()),
        }
    }

    pub fn member(package: &str, parent: impl Into<String>, name: impl Into<String>) -> Self {
        Place {
            package: package.to_owned(),
            parent: Some(parent.into()),
            name: Some(name.into()),
        }
    }
}

impl fmt::Display for Place {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.package)?;
        match (&self.parent, &self.name) {
            (Some(p), Some(n)) => write!(f, "::{p}.{n}"),
            (Some(p), None) => write!(f, "::{p}"),
            (None, Some(n)) => write!(f, "::{n}"),
            (None, None) => Ok(()),
        }
    }
}

/// One change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    pub kind: Kind,
    pub action: Action,
    /// Code that compiled against the previous generated crate may no longer compile.
    pub breaking: bool,
    pub place: Place,
    /// What the change does to the generated code.
    pub why: String,
}

impl Change {
    /// `BREAKING  field removed: inbox::Conversation.channels: ...`
    pub fn line(&self) -> String {
        format!(
            "{:<8}  {} {}: {}: {}",
            if self.breaking { "BREAKING" } else { "ok" },
            self.kind.label(),
            self.action.label(),
            self.place,
            self.why
        )
    }
}

/// Every change between two generations, in a stable order (packages by name; in each, methods
/// and then types by name).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Report {
    pub changes: Vec<Change>,
}

// `--json` by hand (serde's traits without its derive, so that wixgen-diff
// pulls no proc-macro crates): the fields in declaration order, the enums as
// their snake_case names.

impl Serialize for Place {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut s = serializer.serialize_struct("Place", 3)?;
        s.serialize_field("package", &self.package)?;
        s.serialize_field("parent", &self.parent)?;
        s.serialize_field("name", &self.name)?;
        s.end()
    }
}

impl Serialize for Change {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut s = serializer.serialize_struct("Change", 5)?;
        s.serialize_field("kind", self.kind.json_name())?;
        s.serialize_field("action", self.action.label())?;
        s.serialize_field("breaking", &self.breaking)?;
        s.serialize_field("place", &self.place)?;
        s.serialize_field("why", &self.why)?;
        s.end()
    }
}

/// The `--json` document: the counts, then the changes.
struct Json<'a> {
    total: usize,
    breaking: usize,
    changes: &'a [Change],
}

impl Serialize for Json<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut s = serializer.serialize_struct("Json", 3)?;
        s.serialize_field("total", &self.total)?;
        s.serialize_field("breaking", &self.breaking)?;
        s.serialize_field("changes", self.changes)?;
        s.end()
    }
}

impl Report {
    pub fn is_empty(&self) -> bool {
        self.changes.is_empty()
    }

    pub fn breaking(&self) -> usize {
        self.changes.iter().filter(|c| c.breaking).count()
    }

    /// `3 changes: 1 breaking, 2 not breaking`, or `no API changes`.
    pub fn summary(&self) -> String {
        let total = self.changes.len();
        if total == 0 {
            return "no API changes".to_owned();
        }
        let breaking = self.breaking();
        format!(
            "{total} change{}: {breaking} breaking, {} not breaking",
            if total == 1 { "" } else { "s" },
            total - breaking
        )
    }

    /// One line per change, then the summary line.
    pub fn to_text(&self) -> String {
        let mut s = String::new();
        for c in &self.changes {
            s.push_str(&c.line());
            s.push('\n');
        }
        s.push_str(&self.summary());
        s.push('\n');
        s
    }

    /// `{"total": n, "breaking": n, "changes": [{kind, action, breaking, place, why}]}`, pretty.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(&Json {
            total: self.changes.len(),
            breaking: self.breaking(),
            changes: &self.changes,
        })
        .expect("the report serialises")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const KINDS: [(Kind, &str); 8] = [
        (Kind::Package, "package"),
        (Kind::Method, "method"),
        (Kind::Param, "param"),
        (Kind::Field, "field"),
        (Kind::OneOfMember, "one_of_member"),
        (Kind::EnumValue, "enum_value"),
        (Kind::Type, "type"),
        (Kind::Required, "required"),
    ];

    /// The `--json` text as serde's derive wrote it (fields in order, enums in
    /// snake_case, `None` as `null`), for every kind and action.
    #[test]
    fn json_is_the_derived_shape_for_every_kind_and_action() {
        let actions = [Action::Added, Action::Removed, Action::Changed];
        let changes: Vec<Change> = KINDS
            .iter()
            .zip(actions.iter().cycle())
            .map(|(&(kind, _), &action)| Change {
                kind,
                action,
                breaking: kind == Kind::Field,
                place: if kind == Kind::Package {
                    Place::package("p")
                } else {
                    Place::member("p", "T", "x\"y")
                },
                why: "w".to_owned(),
            })
            .collect();
        let report = Report { changes };
        let mut expected = String::from("{\n  \"total\": 8,\n  \"breaking\": 1,\n  \"changes\": [\n");
        for (i, (&(kind, name), action)) in KINDS
            .iter()
            .zip(["added", "removed", "changed"].iter().cycle())
            .enumerate()
        {
            let place = if kind == Kind::Package {
                "\"package\": \"p\",\n        \"parent\": null,\n        \"name\": null"
            } else {
                "\"package\": \"p\",\n        \"parent\": \"T\",\n        \"name\": \"x\\\"y\""
            };
            expected.push_str(&format!(
                "    {{\n      \"kind\": \"{name}\",\n      \"action\": \"{action}\",\n      \"breaking\": {},\n      \"place\": {{\n        {place}\n      }},\n      \"why\": \"w\"\n    }}{}\n",
                kind == Kind::Field,
                if i + 1 < KINDS.len() { "," } else { "" }
            ));
        }
        expected.push_str("  ]\n}");
        assert_eq!(report.to_json(), expected);
    }

    #[test]
    fn json_of_no_changes() {
        assert_eq!(
            Report::default().to_json(),
            "{\n  \"total\": 0,\n  \"breaking\": 0,\n  \"changes\": []\n}"
        );
    }
}
