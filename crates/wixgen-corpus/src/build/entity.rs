//! The generic type generator: a package's main resource and the graph of
//! messages and enums under it (nesting, ONE-OFs, recursion, maps, int64,
//! timestamps, arrays of enums and of scalars).

use super::common;
use super::types::*;
use crate::model::*;
use crate::rng::Rng;
use crate::vocab;

pub(crate) struct Gen<'a> {
    pub t: &'a mut Types,
    pub rng: &'a mut Rng,
    pub proto: String,
    /// Namespace of the common types this package uses.
    pub common: String,
    pub words: &'static [&'static str],
    /// Types this package generated, by full name (candidates for reuse).
    pub messages: Vec<String>,
    pub enums: Vec<String>,
    /// How many more nested types may be made for the current resource.
    pub budget: usize,
    /// The resource's `status` is read-only (set by the server).
    pub status_read_only: bool,
}

/// Sentence case words of a camelCase name: `minimumAge` → `Minimum age`.
pub(crate) fn words_of(name: &str) -> String {
    let k = kebab(name).replace('-', " ");
    upper_first(&k)
}

/// A plausible description of a field from its name and owner.
pub(crate) fn describe(name: &str, owner: &str) -> String {
    let owner_words = kebab(owner).replace('-', " ");
    let w = words_of(name);
    match name {
        "id" => format!("{} GUID.", upper_first(&owner_words)),
        "revision" => format!(
            "Revision number, which increments by 1 each time the {owner_words} is updated. To prevent conflicting changes, the current revision must be passed when updating the {owner_words}.  Ignored when creating a {owner_words}."
        ),
        "createdDate" => format!("Date and time the {owner_words} was created."),
        "updatedDate" => format!("Date and time the {owner_words} was last updated."),
        "name" | "title" => format!("{} {}.", upper_first(&owner_words), name),
        "slug" => format!(
            "{} slug. Unique per site; used in the {owner_words}'s URL.",
            upper_first(&owner_words)
        ),
        "extendedFields" => format!(
            "Custom field data for the {owner_words} object.  [Extended fields](https://dev.wix.com/docs/build-apps/develop-your-app/extensions/backend-extensions/schema-plugins/about-schema-plugin-extensions.md) must be configured in the app dashboard before they can be accessed with API calls."
        ),
        n if n.ends_with("Ids") => format!("GUIDs of the {}.", w.trim_end_matches(" ids").to_lowercase()),
        // A broken link (`[text] (url)`) on some, as real descriptions have.
        n if n.ends_with("Id") && n.len().is_multiple_of(3) => format!(
            "[{} GUID] (https://dev.wix.com/docs/api-reference/articles/work-with-wix-apis/about-ids.md).",
            w.trim_end_matches(" id")
        ),
        n if n.ends_with("Id") => format!("GUID of the {}.", w.trim_end_matches(" id").to_lowercase()),
        n if n.ends_with("Date") => format!("{} in `YYYY-MM-DDThh:mm:ss.sssZ` format.", w.trim_end_matches(" date")),
        n if is_bool(n) => format!("Whether the {owner_words} is {}.  Default: `false`.", w.to_lowercase()),
        _ => format!("{w} of the {owner_words}."),
    }
}

fn is_bool(n: &str) -> bool {
    [
        "enabled",
        "hidden",
        "visible",
        "featured",
        "archived",
        "default",
        "pinned",
        "private",
        "active",
        "silent",
        "completed",
        "recurring",
        "primary",
        "seen",
        "doubleBooked",
        "selfPaced",
        "singleResource",
        "loadOnce",
        "onlineBooking",
        "trackQuantity",
        "payNow",
        "payLater",
        "consistentRead",
        "includeReferences",
        "customAmountEnabled",
        "allowFutureStartDate",
        "buyerCanCancel",
        "permissionsEnabled",
        "commentingEnabled",
        "commentingDisabled",
        "taxIncludedInPrices",
        "seenByAHuman",
    ]
    .contains(&n)
        || n.starts_with("is")
        || n.starts_with("has")
}

/// The scalar type a field name suggests, and its validation.
pub(crate) fn scalar_for(name: &str) -> (Ty, Vec<String>) {
    let s = |v: &str| vec![v.to_owned()];
    if name.ends_with("Ids") || name == "keywords" || name == "labels" || name == "hashtags" || name == "emails" {
        return (arr(Ty::String), s("maxSize 100"));
    }
    if name.ends_with("Id") {
        return (Ty::String, s("format GUID"));
    }
    if name.ends_with("Date") || name == "timestamp" || name == "deadline" || name.ends_with("Time") {
        return (Ty::Timestamp, vec![]);
    }
    if is_bool(name) {
        return (Ty::Bool, vec![]);
    }
    if [
        "sizeInBytes",
        "sequence",
        "version",
        "viewCount",
        "likeCount",
        "earned",
        "redeemed",
    ]
    .contains(&name)
    {
        return (Ty::Int64, vec![]);
    }
    if name.ends_with("Count")
        || name.ends_with("Capacity")
        || name.ends_with("Limit")
        || name.starts_with("max")
        || name.starts_with("total")
        || name.ends_with("Participants")
        || name.ends_with("Number")
        || name.starts_with("min")
        || [
            "quantity",
            "priority",
            "sortOrder",
            "count",
            "limit",
            "number",
            "partySize",
            "durationInDays",
            "threshold",
            "guestLimit",
            "level",
        ]
        .contains(&name)
    {
        return (Ty::Int32, s("minimum 0"));
    }
    if [
        "amount",
        "price",
        "percentage",
        "score",
        "rating",
        "weight",
        "ratio",
        "latitude",
        "longitude",
        "goal",
    ]
    .contains(&name)
    {
        return (Ty::Number, vec![]);
    }
    if ["appOptions", "seoData", "customData", "details", "data", "metadata"].contains(&name) {
        return (Ty::Map, vec![]);
    }
    if name == "email" || name == "loginEmail" || name == "primaryEmail" {
        return (Ty::String, s("format EMAIL"));
    }
    if name == "url" || name.ends_with("Url") {
        return (Ty::String, s("format WEB_URL"));
    }
    if name == "currency" {
        return (Ty::String, s("format CURRENCY"));
    }
    if name == "value" && name.len() < 6 {
        return (
            Ty::String,
            s("format DECIMAL_VALUE, decimalValue {\"gte\":\"0\",\"maxScale\":2}"),
        );
    }
    (
        Ty::String,
        s(&format!(
            "minLength 1, maxLength {}",
            [50, 100, 200, 500, 2000][name.len() % 5]
        )),
    )
}

impl Gen<'_> {
    fn scalar_field(&mut self, name: &str, owner: &str) -> FieldDef {
        let (ty, validation) = scalar_for(name);
        let mut field = f(name, ty, &describe(name, owner));
        field.validation = validation;
        field
    }

    /// A new or reused enum under `parent`.
    fn enum_field(&mut self, parent: &str, used: &mut Vec<String>) -> Option<FieldDef> {
        if !self.enums.is_empty() && self.rng.chance(25) {
            let full = self.rng.pick(&self.enums).clone();
            let name = lower_first(short_of(&full));
            if !used.contains(&name) {
                used.push(name.clone());
                return Some(f(&name, r(&full), &format!("{}.", words_of(&name))));
            }
        }
        let (ename, values) = *self.rng.pick(vocab::ENUMS);
        let name = lower_first(ename);
        if used.contains(&name) {
            return None;
        }
        used.push(name.clone());
        let full = format!("{parent}.{ename}");
        let n = self.rng.range(2, values.len().min(6));
        let start = self.rng.below(values.len() - n + 1);
        let described = self.rng.chance(40);
        let mut vals: Vec<String> = Vec::new();
        if self.rng.chance(30) {
            vals.push(format!("UNKNOWN_{}", constant(ename)));
        }
        vals.extend(values[start..start + n].iter().map(|v| (*v).to_owned()));
        let vals: Vec<String> = vals
            .into_iter()
            .map(|v| {
                if described {
                    format!("{v}: {}", vocab::value_description(&v))
                } else {
                    v
                }
            })
            .collect();
        let refs: Vec<&str> = vals.iter().map(String::as_str).collect();
        let ty = enumeration(self.t, &full, &refs);
        self.enums.push(full);
        let desc = format!(
            "{} of the {}.",
            words_of(&name),
            kebab(short_of(parent)).replace('-', " ")
        );
        Some(f(&name, ty, &desc))
    }

    /// A nested message under `parent` of depth `depth`; `chain` forces one
    /// more nested message below it, down to `chain` levels.
    pub fn nested(&mut self, parent: &str, depth: usize, chain: usize, ancestors: &mut Vec<String>) -> Ty {
        // A name not yet taken under this parent (or at the package's top level).
        let mut name = *self.rng.pick(vocab::MESSAGES);
        for _ in 0..8 {
            if !self.t.contains_key(&format!("{parent}.{name}")) {
                break;
            }
            name = *self.rng.pick(vocab::MESSAGES);
        }
        let top = format!("{}.{name}", self.proto);
        let full = if self.rng.chance(40) && !self.t.contains_key(&top) {
            top
        } else {
            let mut candidate = format!("{parent}.{name}");
            let mut i = 2;
            while self.t.contains_key(&candidate) {
                candidate = format!("{parent}.{name}{i}");
                i += 1;
            }
            candidate
        };
        // Reserve the name so that recursion and reuse see it.
        message(self.t, &full, vec![], vec![]);
        self.budget = self.budget.saturating_sub(1);
        ancestors.push(full.clone());
        let (one_ofs, fields) = self.members(&full, depth, chain, ancestors);
        ancestors.pop();
        if let Some(TypeDef::Message(m)) = self.t.get_mut(&full) {
            m.one_ofs = one_ofs;
            m.fields = fields;
        }
        self.messages.push(full.clone());
        r(&full)
    }

    /// Fields (and maybe a ONE-OF) of a generated message.
    fn members(
        &mut self,
        full: &str,
        depth: usize,
        chain: usize,
        ancestors: &mut Vec<String>,
    ) -> (Vec<OneOfDef>, Vec<FieldDef>) {
        let owner = short_of(full).to_owned();
        let mut used: Vec<String> = Vec::new();
        let mut fields = Vec::new();
        let count = self.rng.range(2, 6);
        for _ in 0..count {
            let roll = self.rng.below(100);
            let field = if roll < 14 && depth < 5 && self.budget > 0 {
                let name_ty = self.nested(full, depth + 1, 0, ancestors);
                let name = lower_first(short_of(name_ty.reference().unwrap_or("x")).trim_end_matches(char::is_numeric));
                if used.contains(&name) {
                    continue;
                }
                let ty = if self.rng.chance(25) { arr(name_ty) } else { name_ty };
                Some(f(
                    &name,
                    ty,
                    &format!("{} of the {}.", words_of(&name), kebab(&owner).replace('-', " ")),
                ))
            } else if roll < 26 {
                let field = self.enum_field(full, &mut used);
                // Some enums are listed as arrays (`array<Status>`).
                field.map(|mut fd| {
                    if self.rng.chance(25) {
                        fd.name = plural_field(&fd.name);
                        fd.ty = arr(fd.ty);
                    }
                    fd
                })
            } else if roll < 30 && !self.messages.is_empty() {
                // Reuse a type of this package: listed once, referenced after.
                let target = self.rng.pick(&self.messages).clone();
                let name = lower_first(short_of(&target));
                (!used.contains(&name) && !name.chars().any(|c| c.is_numeric()))
                    .then(|| f(&name, r(&target), &format!("{}.", words_of(&name))))
            } else if roll < 33 && depth > 0 {
                // Recursion: an array of the message itself.
                let name = if owner.ends_with('s') {
                    format!("child{owner}")
                } else {
                    format!("child{}", pluralize(&owner))
                };
                Some(f(
                    &name,
                    arr(r(full)),
                    &format!(
                        "Nested {} items, each with the same structure.",
                        kebab(&owner).replace('-', " ")
                    ),
                ))
            } else {
                let pool: &[&str] = if self.rng.chance(50) {
                    self.words
                } else {
                    vocab::SCALARS
                };
                let name = *self.rng.pick(pool);
                Some(self.scalar_field(name, &owner))
            };
            if let Some(fd) = field
                && !fields.iter().any(|x: &FieldDef| x.name == fd.name)
            {
                used.push(fd.name.clone());
                fields.push(fd);
            }
        }
        if fields.is_empty() {
            fields.push(self.scalar_field("name", &owner));
        }
        if chain > 0 {
            let ty = self.nested(full, depth + 1, chain - 1, ancestors);
            let name = lower_first(short_of(ty.reference().unwrap_or("x")).trim_end_matches(char::is_numeric));
            let name = if fields.iter().any(|x| x.name == name) {
                format!("{name}Info")
            } else {
                name
            };
            fields.push(f(&name, ty, &format!("{} settings.", words_of(&name))));
        }
        let mut one_ofs = Vec::new();
        if self.rng.chance(18) {
            let mut members = Vec::new();
            for _ in 0..self.rng.range(2, 3) {
                let name = *self.rng.pick(vocab::SCALARS);
                let options = format!("{name}Options");
                // A member may become `<name>Options`: neither spelling may repeat a name.
                let taken =
                    |n: &str| members.iter().any(|m: &FieldDef| m.name == n) || fields.iter().any(|x| x.name == n);
                if taken(name) || taken(&options) {
                    continue;
                }
                let mut m = self.scalar_field(name, &owner);
                if m.ty != Ty::String && self.rng.chance(50) && depth < 5 && self.budget > 0 {
                    let ty = self.nested(full, depth + 1, 0, ancestors);
                    let n = format!("{name}Options");
                    m = f(&n, ty, &format!("Options for the {}.", words_of(name).to_lowercase()));
                }
                members.push(m);
            }
            if members.len() >= 2 {
                let mut g = one_of(&format!("{}Options", lower_first(&owner)), members);
                g.required = self.rng.chance(20);
                one_ofs.push(g);
            }
        }
        (one_ofs, fields)
    }

    /// The main resource: id, revision (int64), dates, a status enum, domain
    /// fields, nested messages (a chain of depth `chain` when asked),
    /// extended fields (a map), an array of enums, an array of scalars.
    pub fn resource(&mut self, entity: &str, chain: usize, extra: Vec<FieldDef>) -> String {
        let full = format!("{}.{entity}", self.proto);
        message(self.t, &full, vec![], vec![]);
        let mut fields = vec![
            f("id", Ty::String, &describe("id", entity)).ro().val("format GUID"),
            f("revision", Ty::Int64, &describe("revision", entity)).ro(),
            f("createdDate", Ty::Timestamp, &describe("createdDate", entity)).ro(),
            f("updatedDate", Ty::Timestamp, &describe("updatedDate", entity)).ro(),
            f(
                if self.rng.chance(50) { "name" } else { "title" },
                Ty::String,
                &describe("name", entity),
            )
            .val("minLength 1, maxLength 100"),
        ];
        let status_values: Vec<String> = {
            let (_, values) = vocab::ENUMS[0];
            let n = self.rng.range(3, 6);
            let start = self.rng.below(values.len() - n + 1);
            values[start..start + n]
                .iter()
                .map(|v| {
                    format!(
                        "{v}: The {} is {}.",
                        kebab(entity).replace('-', " "),
                        v.to_lowercase().replace('_', " ")
                    )
                })
                .collect()
        };
        let refs: Vec<&str> = status_values.iter().map(String::as_str).collect();
        let status = enumeration(self.t, &format!("{full}.Status"), &refs);
        self.enums.push(format!("{full}.Status"));
        let status_field = f(
            "status",
            status,
            &format!(
                "Status of the {}.  *In responses**: always set. <!-- TODO: document transitions -->",
                kebab(entity).replace('-', " ")
            ),
        );
        fields.push(if self.status_read_only || self.rng.chance(50) {
            status_field.ro()
        } else {
            status_field
        });
        for w in self.words.iter().take(self.rng.range(3, self.words.len().min(7))) {
            if !fields.iter().any(|x| x.name == *w) {
                fields.push(self.scalar_field(w, entity));
            }
        }
        let mut ancestors = vec![full.clone()];
        let nested = self.rng.range(1, 3);
        for i in 0..nested {
            let ty = self.nested(&full, 1, if i == 0 { chain } else { 0 }, &mut ancestors);
            let name = lower_first(short_of(ty.reference().unwrap_or("x")).trim_end_matches(char::is_numeric));
            if !fields.iter().any(|x| x.name == name) {
                fields.push(f(
                    &name,
                    ty,
                    &format!("{} of the {}.", words_of(&name), kebab(entity).replace('-', " ")),
                ));
            }
        }
        let mut used: Vec<String> = fields.iter().map(|x| x.name.clone()).collect();
        if let Some(mut e) = self.enum_field(&full, &mut used) {
            e.name = plural_field(&e.name);
            e.ty = arr(e.ty);
            if !fields.iter().any(|x| x.name == e.name) {
                fields.push(e);
            }
        }
        fields.push(
            f(
                "tags",
                arr(Ty::String),
                &format!(
                    "Tags of the {}. For example, `vip | regular` style labels.",
                    kebab(entity).replace('-', " ")
                ),
            )
            .val("maxSize 20"),
        );
        for fd in extra {
            if !fields.iter().any(|x| x.name == fd.name) {
                fields.push(fd);
            }
        }
        let mut one_ofs = Vec::new();
        if self.rng.chance(35) {
            // A ONE-OF whose last member is a message: under `param name:` its
            // fields and the resource's own fields share one indentation.
            let mut ancestors = vec![full.clone()];
            let ty = self.nested(&full, 1, 0, &mut ancestors);
            let name = format!(
                "{}Options",
                lower_first(short_of(ty.reference().unwrap_or("x")).trim_end_matches(char::is_numeric))
            );
            one_ofs.push(one_of(
                "details",
                vec![
                    f(
                        "externalReference",
                        Ty::String,
                        &format!(
                            "Reference of the {} in an external system.",
                            kebab(entity).replace('-', " ")
                        ),
                    )
                    .val("maxLength 100"),
                    f(
                        &name,
                        ty,
                        &format!("{} of the {}.", words_of(&name), kebab(entity).replace('-', " ")),
                    ),
                ],
            ));
        }
        let ext = common::extended_fields(self.t, &self.common);
        fields.push(f("extendedFields", ext, &describe("extendedFields", entity)));
        if let Some(TypeDef::Message(m)) = self.t.get_mut(&full) {
            m.one_ofs = one_ofs;
            m.fields = fields;
        }
        self.messages.push(full.clone());
        full
    }
}

/// `status` → `statuses`, `unit` → `units`, `settings` → `settings`.
fn plural_field(name: &str) -> String {
    if name.ends_with("us") {
        format!("{name}es")
    } else if name.ends_with('s') {
        name.to_owned()
    } else {
        pluralize(name)
    }
}

pub(crate) fn pluralize(s: &str) -> String {
    if let Some(stem) = s.strip_suffix('y')
        && !stem.ends_with(['a', 'e', 'o', 'u'])
    {
        format!("{stem}ies")
    } else if s.ends_with('s') || s.ends_with('x') || s.ends_with("ch") {
        format!("{s}es")
    } else {
        format!("{s}s")
    }
}
