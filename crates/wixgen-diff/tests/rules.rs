//! One test per rule of `wixgen_diff` (see the crate docs): a small method page, an edited copy,
//! both lowered through the real pipeline, and the entries the diff gives.

use wixgen_diff::{Action, Change, Kind, Report, diff, load};

/// A POST method: `item` (a built type, with a required and optional fields, an enum and a
/// ONE-OF in a nested message) and `dryRun`; the response's `Outcome` is response-only.
const BASE: &str = r#"# CreateItem

# Package: demo

# Namespace: ItemsService

# Method link: https://dev.wix.com/docs/api-reference/demo/items/create-item.md

## Introduction

Creates an item.

---

## REST API

### Schema

```
 Method: createItem
 Description: Creates an item.
 URL: https://www.wixapis.com/demo/v1/items
 Method: POST
 Required parameters: item, item.title
 Method parameters:
   param name: item | type: Item | description: Item to create. | required: true
        - name: title | type: string | description: Title. | required: true
        - name: note | type: string | description: Note.
        - name: color | type: Color | description: Color.
             - enum: RED, GREEN
        - name: source | type: Source | description: Where it comes from.
           - ONE-OF:
              - name: sku | type: string | description: SKU.
              - name: barcode | type: string | description: Barcode.
           - name: label | type: string | description: Label.
   param name: dryRun | type: boolean | description: Validate only.
 Return type: CreateItemResponse
  - name: outcome | type: Outcome | description: Outcome.
     - name: id | type: string | description: Item GUID.
     - name: status | type: string | description: Status.
     - name: score | type: integer | description: Score.
```

---
"#;

fn api_of(pages: &[(&str, &str)]) -> wixgen_ir::Api {
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in pages {
        let path = dir.path().join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
    let loaded = load(dir.path()).unwrap();
    assert!(loaded.problems.is_empty(), "{:#?}", loaded.problems);
    assert!(loaded.pages > 0);
    loaded.api
}

fn report(old: &str, new: &str) -> Report {
    diff(
        &api_of(&[("demo/create-item.md", old)]),
        &api_of(&[("demo/create-item.md", new)]),
    )
}

fn edit(from: &str, to: &str) -> String {
    assert!(BASE.contains(from), "the base page has no `{from}`");
    BASE.replacen(from, to, 1)
}

/// The one change whose place ends with `name`, of the given kind and action.
fn find<'r>(r: &'r Report, kind: Kind, action: Action, name: &str) -> &'r Change {
    let found: Vec<&Change> = r
        .changes
        .iter()
        .filter(|c| c.kind == kind && c.action == action && c.place.name.as_deref() == Some(name))
        .collect();
    assert_eq!(found.len(), 1, "{kind:?} {action:?} {name}: {}", r.to_text());
    found[0]
}

#[test]
fn the_same_pages_have_no_changes() {
    let r = report(BASE, BASE);
    assert!(r.is_empty(), "{}", r.to_text());
    assert_eq!(r.summary(), "no API changes");
}

#[test]
fn a_required_param_added_breaks_an_optional_one_does_not() {
    let r = report(
        BASE,
        &edit(
            "   param name: dryRun",
            "   param name: locale | type: string | description: Locale. | required: true\n   param name: tag | type: string | description: Tag.\n   param name: dryRun",
        ),
    );
    let c = find(&r, Kind::Param, Action::Added, "locale");
    assert!(c.breaking);
    assert!(c.why.contains("CreateItemRequest::new"), "{}", c.why);
    assert_eq!(c.place.parent.as_deref(), Some("ItemsService.CreateItem"));
    assert!(!find(&r, Kind::Param, Action::Added, "tag").breaking);
    assert_eq!(r.changes.len(), 2, "{}", r.to_text());
}

#[test]
fn a_param_removed_breaks() {
    let r = report(
        BASE,
        &edit(
            "   param name: dryRun | type: boolean | description: Validate only.\n",
            "",
        ),
    );
    assert!(find(&r, Kind::Param, Action::Removed, "dryRun").breaking);
}

#[test]
fn a_param_type_change_breaks() {
    let r = report(BASE, &edit("dryRun | type: boolean", "dryRun | type: string"));
    let c = find(&r, Kind::Type, Action::Changed, "dryRun");
    assert!(c.breaking);
    assert!(c.why.contains("now `string` (was `boolean`)"), "{}", c.why);
}

#[test]
fn a_param_becoming_required_breaks() {
    let r = report(
        BASE,
        &edit(
            "description: Validate only.",
            "description: Validate only. | required: true",
        ),
    );
    let c = find(&r, Kind::Required, Action::Changed, "dryRun");
    assert!(c.breaking);
    assert!(c.why.starts_with("now required"), "{}", c.why);
}

#[test]
fn fields_added_to_a_built_type_break_only_when_required() {
    let r = report(
        BASE,
        &edit(
            "        - name: note |",
            "        - name: code | type: string | description: Code. | required: true\n        - name: memo | type: string | description: Memo.\n        - name: note |",
        ),
    );
    let code = find(&r, Kind::Field, Action::Added, "code");
    assert!(code.breaking);
    assert_eq!(code.place.parent.as_deref(), Some("Item"));
    assert!(!find(&r, Kind::Field, Action::Added, "memo").breaking);
}

#[test]
fn a_field_added_to_a_response_only_type_does_not_break_even_when_required() {
    let r = report(
        BASE,
        &edit(
            "     - name: status |",
            "     - name: owner | type: string | description: Owner. | required: true\n     - name: status |",
        ),
    );
    let c = find(&r, Kind::Field, Action::Added, "owner");
    assert!(!c.breaking, "{}", c.line());
    assert!(c.why.contains("response-only"), "{}", c.why);
}

#[test]
fn a_field_removed_breaks_on_either_side() {
    let r = report(
        BASE,
        &edit("     - name: score | type: integer | description: Score.\n", "").replacen(
            "        - name: note | type: string | description: Note.\n",
            "",
            1,
        ),
    );
    assert!(find(&r, Kind::Field, Action::Removed, "score").breaking);
    assert!(find(&r, Kind::Field, Action::Removed, "note").breaking);
}

#[test]
fn a_field_type_change_breaks() {
    let r = report(BASE, &edit("score | type: integer", "score | type: number"));
    let c = find(&r, Kind::Type, Action::Changed, "score");
    assert!(c.breaking);
    assert_eq!(c.place.parent.as_deref(), Some("Outcome"));
}

#[test]
fn required_ness_breaks_on_built_types_only() {
    let r = report(
        BASE,
        &edit("description: Note.", "description: Note. | required: true").replacen(
            "description: Status.",
            "description: Status. | required: true",
            1,
        ),
    );
    let note = find(&r, Kind::Required, Action::Changed, "note");
    assert!(note.breaking);
    assert!(note.why.contains("Item::new"), "{}", note.why);
    let status = find(&r, Kind::Required, Action::Changed, "status");
    assert!(!status.breaking, "{}", status.line());
}

#[test]
fn enum_values_added_are_fine_removed_break() {
    let r = report(BASE, &edit("- enum: RED, GREEN", "- enum: RED, BLUE"));
    let blue = find(&r, Kind::EnumValue, Action::Added, "BLUE");
    assert!(!blue.breaking);
    assert_eq!(blue.place.parent.as_deref(), Some("Color"));
    assert!(find(&r, Kind::EnumValue, Action::Removed, "GREEN").breaking);
}

#[test]
fn one_of_members_added_are_fine_removed_break() {
    let r = report(
        BASE,
        &edit(
            "              - name: barcode | type: string | description: Barcode.",
            "              - name: gtin | type: string | description: GTIN.\n              - name: isbn | type: string | description: ISBN.",
        ),
    );
    assert!(!find(&r, Kind::OneOfMember, Action::Added, "gtin").breaking);
    assert!(!find(&r, Kind::OneOfMember, Action::Added, "isbn").breaking);
    let removed = find(&r, Kind::OneOfMember, Action::Removed, "barcode");
    assert!(removed.breaking);
    assert_eq!(removed.place.parent.as_deref(), Some("Source"));
}

#[test]
fn a_one_of_group_becoming_required_on_a_built_type_breaks() {
    let r = report(
        BASE,
        &edit("           - ONE-OF:", "           - ONE-OF: - required: true"),
    );
    let c = r
        .changes
        .iter()
        .find(|c| c.kind == Kind::Required)
        .unwrap_or_else(|| panic!("{}", r.to_text()));
    assert!(c.breaking);
    assert_eq!(c.place.name.as_deref(), Some("ONE-OF (sku, barcode)"));
}

#[test]
fn methods_added_are_fine_removed_break() {
    let other = BASE
        .replace("# CreateItem", "# DeleteItem")
        .replace("Method: createItem", "Method: deleteItem")
        .replace("/demo/v1/items", "/demo/v1/items/delete")
        .replace("CreateItemResponse", "DeleteItemResponse");
    let one = api_of(&[("demo/create-item.md", BASE)]);
    let two = api_of(&[("demo/create-item.md", BASE), ("demo/delete-item.md", &other)]);
    let added = diff(&one, &two);
    let c = find(&added, Kind::Method, Action::Added, "DeleteItem");
    assert!(!c.breaking);
    assert_eq!(c.place.parent.as_deref(), Some("ItemsService"));
    let removed = diff(&two, &one);
    assert!(find(&removed, Kind::Method, Action::Removed, "DeleteItem").breaking);
    assert!(find(&removed, Kind::Type, Action::Removed, "DeleteItemResponse").breaking);
    assert!(!find(&added, Kind::Type, Action::Added, "DeleteItemResponse").breaking);
}

#[test]
fn a_new_url_is_reported_and_does_not_break() {
    let r = report(BASE, &edit("/demo/v1/items", "/demo/v2/items"));
    let c = find(&r, Kind::Method, Action::Changed, "CreateItem");
    assert!(!c.breaking);
    assert!(
        c.why.contains("now POST https://www.wixapis.com/demo/v2/items"),
        "{}",
        c.why
    );
}

#[test]
fn packages_added_and_removed() {
    let other = BASE.replace("# Package: demo", "# Package: extra");
    let one = api_of(&[("demo/create-item.md", BASE)]);
    let two = api_of(&[("demo/create-item.md", BASE), ("extra/create-item.md", &other)]);
    let added = diff(&one, &two);
    assert_eq!(added.changes.len(), 1, "{}", added.to_text());
    assert_eq!(added.changes[0].kind, Kind::Package);
    assert!(!added.changes[0].breaking);
    let removed = diff(&two, &one);
    assert_eq!(removed.changes.len(), 1);
    assert!(removed.changes[0].breaking);
    assert_eq!(removed.changes[0].place.to_string(), "extra");
}

#[test]
fn text_and_json_rendering() {
    let r = report(BASE, &edit("- enum: RED, GREEN", "- enum: RED"));
    let text = r.to_text();
    assert_eq!(
        text,
        "BREAKING  enum value removed: demo::Color.GREEN: code that names the variant no longer compiles (the value still decodes as `Unknown`)\n1 change: 1 breaking, 0 not breaking\n"
    );
    let json: serde_json::Value = serde_json::from_str(&r.to_json()).unwrap();
    assert_eq!(json["total"], 1);
    assert_eq!(json["breaking"], 1);
    assert_eq!(json["changes"][0]["kind"], "enum_value");
    assert_eq!(json["changes"][0]["action"], "removed");
    assert_eq!(json["changes"][0]["place"]["package"], "demo");
    assert_eq!(json["changes"][0]["place"]["parent"], "Color");
    assert_eq!(json["changes"][0]["place"]["name"], "GREEN");
}

#[test]
fn a_new_required_one_of_group_on_a_built_type_breaks_and_renames_the_old_enum() {
    let r = report(
        BASE,
        &edit(
            "           - name: label |",
            "           - ONE-OF: - required: true\n              - name: shelf | type: string | description: Shelf.\n              - name: bin | type: string | description: Bin.\n           - name: label |",
        ),
    );
    let shelf = find(&r, Kind::OneOfMember, Action::Added, "shelf");
    assert!(shelf.breaking);
    assert!(shelf.why.contains("Source::new"), "{}", shelf.why);
    assert!(find(&r, Kind::OneOfMember, Action::Added, "bin").breaking);
    let renamed = find(&r, Kind::Type, Action::Changed, "ONE-OF (sku, barcode)");
    assert!(renamed.breaking);
    assert!(
        renamed.why.starts_with("the ONE-OF enum is now `Source"),
        "{}",
        renamed.why
    );
}

#[test]
fn a_response_only_type_that_becomes_a_request_type_breaks() {
    let r = report(
        BASE,
        &edit(
            "   param name: dryRun",
            "   param name: template | type: Outcome | description: Template.\n        - name: id | type: string | description: Item GUID.\n        - name: status | type: string | description: Status.\n        - name: score | type: integer | description: Score.\n   param name: dryRun",
        ),
    );
    assert!(!find(&r, Kind::Param, Action::Added, "template").breaking);
    let c = find(&r, Kind::Type, Action::Changed, "Outcome");
    assert!(c.breaking);
    assert!(
        c.why
            .starts_with("now built in requests and decoded from responses (was returned in responses only)"),
        "{}",
        c.why
    );
}

#[test]
fn params_moving_from_the_body_to_the_query_do_not_break() {
    let r = report(BASE, &edit(" Method: POST", " Method: GET"));
    let m = find(&r, Kind::Method, Action::Changed, "CreateItem");
    assert!(!m.breaking);
    assert!(m.why.contains("now GET") && m.why.contains("(was POST"), "{}", m.why);
    let p = find(&r, Kind::Param, Action::Changed, "dryRun");
    assert!(!p.breaking);
    assert_eq!(
        p.why,
        "sent in the query string now (was in the JSON body); calls compile unchanged"
    );
}

#[test]
fn a_new_response_type_breaks() {
    let r = report(
        BASE,
        &edit("Return type: CreateItemResponse", "Return type: CreatedItem"),
    );
    let c = r
        .changes
        .iter()
        .find(|c| c.kind == Kind::Type && c.place.name.as_deref() == Some("CreateItem"))
        .unwrap_or_else(|| panic!("{}", r.to_text()));
    assert!(c.breaking);
    assert_eq!(c.why, "returns `CreatedItem` (was `CreateItemResponse`)");
    assert!(find(&r, Kind::Type, Action::Removed, "CreateItemResponse").breaking);
    assert!(!find(&r, Kind::Type, Action::Added, "CreatedItem").breaking);
}

#[test]
fn an_enum_that_becomes_a_struct_breaks() {
    let r = report(
        BASE,
        &edit(
            "             - enum: RED, GREEN\n",
            "           - name: hex | type: string | description: Hex code.\n",
        ),
    );
    let c = find(&r, Kind::Type, Action::Changed, "Color");
    assert!(c.breaking);
    assert_eq!(c.why, "was an enum, now a struct");
}

/// A service-plugin page (`URL: null`): Wix calls the app, which builds the response.
const PLUGIN: &str = r#"# GetBalance

# Package: giftCards

# Namespace: GiftCardProvider

# Method link: https://dev.wix.com/docs/api-reference/demo/gift-cards/get-balance.md

## Introduction

Retrieves a gift card's balance from your app.

---

## REST API

### Schema

```
 Method: getBalance
 Description: Retrieves a gift card's balance from your app.
 URL: null
 Method: POST
 Method parameters:
   param name: code | type: string | description: Gift card code.
 Return type: GetBalanceResponse
  - name: balance | type: string | description: Current balance.
```

---
"#;

/// The app builds a service plugin's response, so codegen gives the response type `new` and
/// setters; the diff judges its changes by that shape (it used to take it for response-only).
#[test]
fn a_plugin_response_is_judged_as_a_type_the_app_builds() {
    let new = PLUGIN.replacen(
        "  - name: balance | type: string | description: Current balance.\n",
        "  - name: balance | type: string | description: Current balance.\n  - name: currencyCode | type: string | description: Currency.\n",
        1,
    );
    let r = diff(
        &api_of(&[("gift-cards/get-balance.md", PLUGIN)]),
        &api_of(&[("gift-cards/get-balance.md", &new)]),
    );
    let c = find(&r, Kind::Field, Action::Added, "currencyCode");
    assert_eq!(c.place.parent.as_deref(), Some("GetBalanceResponse"), "{}", r.to_text());
    assert!(!c.breaking);
    assert!(c.why.contains("`with_*` setter"), "{}", c.why);
    assert_eq!(r.changes.len(), 1, "{}", r.to_text());
}
