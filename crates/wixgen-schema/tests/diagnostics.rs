//! Diagnostics on malformed and odd pages.
//!
//! Each case is a small page made from [`TEMPLATE`] (a minimal valid method
//! page that parses with no diagnostic at all) plus one targeted change, or raw
//! bytes. A case states the *whole* set of diagnostics the page must produce,
//! as `(code, line, column)` plus a piece of the message, so a new spurious
//! diagnostic fails the test; every diagnostic must carry a `help`. Where a
//! line is skipped, the case also checks that the rest of the page is still in
//! the model.

use std::fmt::Write as _;
use std::panic::{AssertUnwindSafe, catch_unwind};
use wixgen_schema::*;

/// A minimal valid page. Line numbers, for reading the expectations below:
///
/// ```text
///  1 # Ping                      22 ```  (REST schema fence)
///  3 # Package: demo             23  Method: ping
///  5 # Namespace: PingService    25  URL: https://...
///  7 # Method link: ...          26  Method: POST
///  9 ## Permission Scopes:       27  Method parameters:
/// 10 Manage Demo: SCOPE...       28    param name: count ...
/// 12 ## Introduction             29    param name: options ...
/// 14 Pings the demo service.     30         - name: mode ...
/// 16 ---                         31              - enum: FAST, SLOW
/// 18 ## REST API                 32         - name: label ...
/// 20 ### Schema                  33    param name: target ...
///                                34  Return type: PingResponse
///                                35   - name: echo ...
///                                36   - name: status ...
///                                37-39  block enum (OK, DOWN)
///                                40 ```
/// 44 ### Ping once   46-50 curl example   54 ## JavaScript SDK
/// 58 ``` (SDK schema fence)   59 Method:   61 param name: count
/// 62 Return type: PROMISE<PingResponse>   63 - name: echo   64 ```
/// ```
const TEMPLATE: &str = r#"# Ping

# Package: demo

# Namespace: PingService

# Method link: https://dev.wix.com/docs/api-reference/demo/ping.md

## Permission Scopes:
Manage Demo: SCOPE.DEMO.MANAGE

## Introduction

Pings the demo service.

---

## REST API

### Schema

```
 Method: ping
 Description: Pings.
 URL: https://www.wixapis.com/demo/v1/ping
 Method: POST
 Method parameters:
   param name: count | type: integer | description: How many. | required: true
   param name: options | type: PingOptions | description: Options.
        - name: mode | type: Mode | description: Mode.
             - enum: FAST, SLOW
        - name: label | type: string | description: Label.
   param name: target | type: string | description: Target.
 Return type: PingResponse
  - name: echo | type: string | description: Echo.
  - name: status | type: Status | description: Status.
         - enum:
         -     OK: Fine.
         -     DOWN: Not fine.
```

### Examples

### Ping once

```curl
curl -X POST \
'https://www.wixapis.com/demo/v1/ping' \
-d '{"count": 1}'
```

---

## JavaScript SDK

### Schema

```
 Method: wixClient.demo.PingService.ping(count)
 Method parameters:
   param name: count | type: integer | description: How many. | required: true
 Return type: PROMISE<PingResponse>
  - name: echo | type: string | description: Echo.
```

---
"#;

// ---------------------------------------------------------------------------
// Building inputs

/// The template with the first occurrence of `old` replaced by `new`.
fn with(old: &str, new: &str) -> Vec<u8> {
    edit(TEMPLATE, old, new).into_bytes()
}

fn edit(page: &str, old: &str, new: &str) -> String {
    assert!(page.contains(old), "template edit: `{old}` not found");
    page.replacen(old, new, 1)
}

/// The template with `lines` inserted after the (first) line `anchor`.
fn after(anchor: &str, lines: &str) -> Vec<u8> {
    with(anchor, &format!("{anchor}\n{lines}"))
}

/// The template with the byte `b` (say, one that is not UTF-8) inserted before `text`.
fn byte_before(text: &str, b: u8) -> Vec<u8> {
    let mut bytes = TEMPLATE.as_bytes().to_vec();
    bytes.insert(TEMPLATE.find(text).expect("text in the template"), b);
    bytes
}

/// A page under `tests/fixtures/pages/` of the repository (seeds, real and reconstructed pages).
fn fixture_page(path: &str) -> Vec<u8> {
    let full = format!("{}/../../tests/fixtures/pages/{path}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read(&full).unwrap_or_else(|e| panic!("{full}: {e}"))
}

// ---------------------------------------------------------------------------
// Reading the model

fn rest(out: &ParseOutput) -> &SchemaBlock {
    block(out, |p| &p.rest)
}

fn sdk(out: &ParseOutput) -> &SchemaBlock {
    block(out, |p| &p.sdk)
}

fn block(out: &ParseOutput, pick: fn(&Page) -> &Option<Section>) -> &SchemaBlock {
    let page = out.page.as_ref().expect("a page");
    pick(page)
        .as_ref()
        .and_then(|s| s.schema.as_ref())
        .expect("section with a schema block")
}

fn param_names(b: &SchemaBlock) -> Vec<&str> {
    b.params.iter().map(|p| p.name.value.as_str()).collect()
}

fn param<'a>(b: &'a SchemaBlock, name: &str) -> &'a Param {
    b.params
        .iter()
        .find(|p| p.name.value == name)
        .unwrap_or_else(|| panic!("no param `{name}`"))
}

fn names(members: &[Member]) -> Vec<&str> {
    members
        .iter()
        .map(|m| match m {
            Member::Field(f) => f.name.value.as_str(),
            Member::OneOf(_) => "ONE-OF",
        })
        .collect()
}

fn field<'a>(members: &'a [Member], name: &str) -> &'a Field {
    members
        .iter()
        .find_map(|m| match m {
            Member::Field(f) if f.name.value == name => Some(f),
            _ => None,
        })
        .unwrap_or_else(|| panic!("no field `{name}`"))
}

fn return_members(b: &SchemaBlock) -> Vec<&str> {
    names(&b.return_type.as_ref().expect("a return type").members)
}

fn enum_names(e: &Option<EnumValues>) -> Vec<&str> {
    e.as_ref()
        .expect("enum values")
        .values
        .iter()
        .map(|v| v.name.as_str())
        .collect()
}

/// The template's model is intact apart from the part a case changed.
fn rest_intact(out: &ParseOutput) {
    let b = rest(out);
    assert_eq!(param_names(b), ["count", "options", "target"]);
    assert_eq!(names(&param(b, "options").members), ["mode", "label"]);
    assert_eq!(return_members(b), ["echo", "status"]);
    assert_eq!(param_names(sdk(out)), ["count"]);
}

// ---------------------------------------------------------------------------
// The table

/// One expected diagnostic: code, line, column, and a piece of the message.
type Expect = (&'static str, u32, u32, &'static str);

struct Case {
    name: &'static str,
    input: Vec<u8>,
    expect: Vec<Expect>,
    /// Checks on the model (the rest of the page still parsed, ...).
    check: fn(&ParseOutput),
}

fn case(name: &'static str, input: Vec<u8>, expect: &[Expect], check: fn(&ParseOutput)) -> Case {
    Case {
        name,
        input,
        expect: expect.to_vec(),
        check,
    }
}

fn cases() -> Vec<Case> {
    vec![
        case("template is clean", TEMPLATE.into(), &[], |out| {
            rest_intact(out);
            let b = rest(out);
            assert_eq!(
                enum_names(&field(&param(b, "options").members, "mode").enum_values),
                ["FAST", "SLOW"]
            );
            let status = field(&b.return_type.as_ref().unwrap().members, "status");
            assert_eq!(enum_names(&status.enum_values), ["OK", "DOWN"]);
            assert_eq!(out.page.as_ref().unwrap().rest.as_ref().unwrap().examples.len(), 1);
        }),
        // --- the page as a whole ---
        case(
            "empty file",
            Vec::new(),
            &[("E001", 1, 1, "the page is empty")],
            |out| {
                assert!(out.page.is_none());
            },
        ),
        case(
            "whitespace only",
            b" \n\n\t\n".to_vec(),
            &[("E001", 1, 1, "the page is empty")],
            |out| assert!(out.page.is_none()),
        ),
        case(
            "byte-order mark",
            [b"\xEF\xBB\xBF".as_slice(), TEMPLATE.as_bytes()].concat(),
            &[("W001", 1, 1, "byte-order mark")],
            |out| {
                rest_intact(out);
                // Columns ignore the BOM; byte offsets index the original bytes.
                let title = out.page.as_ref().unwrap().title.as_ref().unwrap();
                assert_eq!(
                    (title.value.as_str(), title.span.line, title.span.column),
                    ("Ping", 1, 3)
                );
                assert_eq!(title.span.offset, 3 + 2);
            },
        ),
        case(
            "invalid UTF-8",
            byte_before("the demo service", 0xFF),
            &[("E002", 14, 7, "not valid UTF-8")],
            |out| {
                rest_intact(out);
                let intro = &out.page.as_ref().unwrap().introduction.as_ref().unwrap().value;
                assert_eq!(intro, "Pings \u{FFFD}the demo service.");
            },
        ),
        case(
            "CRLF line endings",
            TEMPLATE.replace('\n', "\r\n").into_bytes(),
            &[("W002", 1, 7, "CRLF line endings")],
            rest_intact,
        ),
        case(
            "whitespace-collapsed page (the seed)",
            fixture_page("seeds/000_4f03bd3e1384cd8c.txt"),
            &[("E100", 1, 1, "lost its line structure")],
            |out| {
                assert!(out.page.is_none());
                let help = out.diagnostics[0].help.as_deref().unwrap();
                assert!(
                    help.contains("curl -sSL 'https://dev.wix.com/docs/api-reference/crm/communication/inbox/conversations/get-or-create-conversation.md'"),
                    "{help}"
                );
            },
        ),
        case(
            "collapsed page with a multi-byte character at byte 40",
            // The E100 span covers the first 40 characters: it used to cut
            // the line at byte 40, inside the `é` at bytes 39..41 (a panic).
            format!("a{} # Package: x # Namespace: y {}", "é".repeat(30), "z".repeat(200)).into_bytes(),
            &[("E100", 1, 1, "lost its line structure")],
            |out| {
                assert!(out.page.is_none());
                // 40 characters: `a`, 30 × `é` (2 bytes each), ` # Packag`.
                assert_eq!(out.diagnostics[0].span.len, 1 + 30 * 2 + 9);
            },
        ),
        case(
            "no REST section",
            {
                let start = TEMPLATE.find("## REST API").unwrap();
                let end = TEMPLATE.find("## JavaScript SDK").unwrap();
                format!("{}{}", &TEMPLATE[..start], &TEMPLATE[end..]).into_bytes()
            },
            &[("E040", 1, 3, "no `## REST API` section")],
            |out| {
                assert!(out.page.as_ref().unwrap().rest.is_none());
                assert_eq!(param_names(sdk(out)), ["count"]);
            },
        ),
        case(
            "missing `# Package:`",
            with("# Package: demo\n\n", ""),
            &[("E042", 1, 3, "no `# Package:` heading")],
            |out| {
                assert!(out.page.as_ref().unwrap().package.is_none());
                rest_intact(out);
            },
        ),
        case(
            "no title",
            with("# Ping\n\n", ""),
            &[("W064", 1, 1, "no `# MethodName` title")],
            |out| {
                let page = out.page.as_ref().unwrap();
                assert!(page.title.is_none());
                assert_eq!(page.package.as_ref().unwrap().value, "demo");
            },
        ),
        case(
            "second title",
            after("# Namespace: PingService", "\n# Pong"),
            &[("W060", 7, 3, "second title heading `# Pong`")],
            |out| assert_eq!(out.page.as_ref().unwrap().title.as_ref().unwrap().value, "Ping"),
        ),
        case(
            "second `## REST API` section",
            with(
                "## JavaScript SDK",
                "## REST API\n\n### Schema\n\n```\n Method: other\n```\n\n## JavaScript SDK",
            ),
            &[("W061", 54, 4, "second `## REST API` section")],
            |out| {
                rest_intact(out);
                assert_eq!(rest(out).method_name.as_ref().unwrap().value, "ping");
            },
        ),
        case(
            "section without a schema block",
            with(
                "### Schema\n\n```\n Method: wixClient.demo.PingService.ping(count)\n Method parameters:\n   \
                 param name: count | type: integer | description: How many. | required: true\n \
                 Return type: PROMISE<PingResponse>\n  - name: echo | type: string | description: Echo.\n```\n",
                "",
            ),
            &[("E041", 54, 4, "no `### Schema` code block")],
            |out| assert!(out.page.as_ref().unwrap().sdk.as_ref().unwrap().schema.is_none()),
        ),
        case(
            "permission scope line without a colon",
            after("Manage Demo: SCOPE.DEMO.MANAGE", "Read Demo SCOPE.DEMO.READ"),
            &[(
                "W062",
                11,
                1,
                "`Read Demo SCOPE.DEMO.READ` is not `Display Name: SCOPE.ID`",
            )],
            |out| {
                let scopes = &out.page.as_ref().unwrap().permission_scopes;
                assert_eq!(scopes.len(), 1);
                assert_eq!(scopes[0].id, "SCOPE.DEMO.MANAGE");
            },
        ),
        case(
            "example heading with no code block",
            with("### Ping once\n", "### Ping twice\n\n### Ping once\n"),
            &[("W063", 44, 5, "example `Ping twice` has no code block")],
            |out| {
                let examples = &out.page.as_ref().unwrap().rest.as_ref().unwrap().examples;
                assert_eq!(examples.len(), 1);
                assert_eq!(examples[0].title.value, "Ping once");
            },
        ),
        // --- fences ---
        case(
            "fence that never closes",
            TEMPLATE[..TEMPLATE.rfind("```\n").unwrap()].into(),
            &[("E003", 58, 1, "code fence never closes")],
            |out| {
                rest_intact(out);
                assert_eq!(return_members(sdk(out)), ["echo"]);
            },
        ),
        case(
            "schema fence closed by the next block's fence",
            with(
                "         -     DOWN: Not fine.\n```\n",
                "         -     DOWN: Not fine.\n",
            ),
            // The schema block runs into `### Examples` (line 41) and ends at
            // the curl example's closing fence: the block is read up to line
            // 41, not reported line by line.
            &[("E003", 22, 1, "not closed before line 41 (`### Examples`)")],
            |out| {
                rest_intact(out);
                assert!(out.page.as_ref().unwrap().rest.as_ref().unwrap().examples.is_empty());
            },
        ),
        // --- schema lines ---
        case(
            "unknown line kind",
            after(" Method: POST", " Frobnicate: yes"),
            &[("E020", 27, 2, "unknown line in schema block: `Frobnicate: yes`")],
            rest_intact,
        ),
        case(
            "field line with no type",
            with(
                "- name: label | type: string | description: Label.",
                "- name: label | description: Label.",
            ),
            &[("E012", 32, 17, "line for `label` has no `type:`")],
            |out| {
                let b = rest(out);
                assert_eq!(param_names(b), ["count", "options", "target"]);
                assert_eq!(names(&param(b, "options").members), ["mode"]);
            },
        ),
        case(
            "skipped field takes the lines under it along",
            after(
                "  - name: echo | type: string | description: Echo.",
                "  - name: meta | type: Me$ta\n     - name: inner | type: string\n         - enum: A, B",
            ),
            &[("E015", 36, 26, "`Me$ta` is not a type")],
            |out| {
                let b = rest(out);
                assert_eq!(return_members(b), ["echo", "status"]);
                // `inner` is not re-attached to `echo`, the field before it.
                assert!(
                    field(&b.return_type.as_ref().unwrap().members, "echo")
                        .members
                        .is_empty()
                );
            },
        ),
        case(
            "unbalanced `array<`",
            with(
                "param name: target | type: string",
                "param name: target | type: array<string",
            ),
            &[("E014", 33, 36, "unbalanced `<`/`>` in type `array<string`")],
            |out| assert_eq!(param_names(rest(out)), ["count", "options"]),
        ),
        case(
            "unbalanced `>`",
            with(
                "param name: target | type: string",
                "param name: target | type: string>",
            ),
            &[("E014", 33, 37, "unbalanced `<`/`>` in type `string>`")],
            |out| assert_eq!(param_names(rest(out)), ["count", "options"]),
        ),
        case(
            "empty `type:`",
            with(
                "param name: target | type: string | description: Target.",
                "param name: target | type: ",
            ),
            &[("E013", 33, 30, "`type:` is empty")],
            |out| assert_eq!(param_names(rest(out)), ["count", "options"]),
        ),
        case(
            "bad type name",
            with("param name: target | type: string", "param name: target | type: str$ng"),
            &[("E015", 33, 34, "`str$ng` is not a type")],
            |out| assert_eq!(param_names(rest(out)), ["count", "options"]),
        ),
        case(
            "stray token after the type",
            with(
                "param name: target | type: string | description: Target.",
                "param name: target | type: string  junk",
            ),
            &[("W024", 33, 39, "stray `junk` after the type of `target`")],
            |out| {
                let target = param(rest(out), "target");
                assert_eq!(target.ty.value, TypeExpr::String);
                assert_eq!(target.stray.as_ref().unwrap().value, "junk");
                let help = out.diagnostics[0].help.as_deref().unwrap();
                assert!(help.contains("remove the extra token"), "{help}");
            },
        ),
        case(
            "param with no name",
            with("param name: target | type: string", "param name:  | type: string"),
            &[("E010", 33, 17, "param name line has no name")],
            |out| assert_eq!(param_names(rest(out)), ["count", "options"]),
        ),
        case(
            "name with whitespace",
            with("- name: label | type", "- name: la bel | type"),
            &[("E011", 32, 17, "`la bel` is not a field name")],
            |out| assert_eq!(names(&param(rest(out), "options").members), ["mode"]),
        ),
        case(
            "`param name:` outside `Method parameters:`",
            with(" Method parameters:\n", ""),
            &[("W023", 27, 4, "outside `Method parameters:`")],
            |out| assert_eq!(param_names(rest(out)), ["count", "options", "target"]),
        ),
        case(
            "field outside any param/return region",
            after(
                " Method: POST",
                "  - name: orphan | type: string\n     - name: child | type: string",
            ),
            // One error for the orphan; its child goes with it.
            &[(
                "E022",
                27,
                3,
                "member line outside a parameter, return type or event body",
            )],
            rest_intact,
        ),
        case(
            "field indented less than its region",
            after("         -     DOWN: Not fine.", " - name: shallow | type: string"),
            &[(
                "E033",
                40,
                2,
                "field `shallow` is indented less than the block it belongs to",
            )],
            rest_intact,
        ),
        // --- attributes ---
        case(
            "attributes out of order",
            with(
                "| type: integer | description: How many. | required: true",
                "| type: integer | required: true | description: How many.",
            ),
            &[("W012", 28, 57, "attribute `description` comes after `required`")],
            |out| {
                let count = param(rest(out), "count");
                assert!(count.attrs.required);
                assert_eq!(count.attrs.description(), "How many.");
            },
        ),
        case(
            "duplicate attribute",
            with(
                "| description: How many. | required: true",
                "| description: How many. | required: true | required: true",
            ),
            &[("W011", 28, 82, "attribute `required` is given twice")],
            |out| assert!(param(rest(out), "count").attrs.required),
        ),
        case(
            "duplicate attribute, not adjacent",
            with(
                "| description: How many. | required: true",
                "| required: true | description: How many. | required: true",
            ),
            &[
                ("W012", 28, 57, "attribute `description` comes after `required`"),
                ("W011", 28, 82, "attribute `required` is given twice"),
            ],
            |out| assert!(param(rest(out), "count").attrs.required),
        ),
        case(
            "`required: yes`",
            with(
                "| description: How many. | required: true",
                "| description: How many. | required: yes",
            ),
            &[("W013", 28, 65, "`required: yes` is not `true` or `false`")],
            |out| assert!(param(rest(out), "count").attrs.required),
        ),
        case(
            "unknown attribute key",
            with(
                "- name: label | type: string | description: Label.",
                "- name: label | type: string | description: Label. | colour: red",
            ),
            &[("W014", 32, 62, "unknown attribute `colour`")],
            |out| {
                let label = field(&param(rest(out), "options").members, "label");
                assert_eq!(label.attrs.other[0].value, ("colour".to_owned(), "red".to_owned()));
                assert_eq!(label.attrs.description(), "Label.");
            },
        ),
        case(
            "required and read-only",
            with(
                "| description: How many. | required: true",
                "| description: How many. | required: true | read-only: true",
            ),
            &[("W015", 28, 16, "`count` is both required and read-only")],
            rest_intact,
        ),
        case(
            "unbalanced `{` in validation",
            with(
                "| description: How many. | required: true",
                "| description: How many. | validation: decimalValue {\"gte\":\"0\"",
            ),
            &[("W016", 28, 77, "unbalanced `{`/`}` in `validation:`")],
            rest_intact,
        ),
        case(
            "empty validation rule",
            with(
                "| description: How many. | required: true",
                "| description: How many. | validation: minimum 1,, maximum 5",
            ),
            &[("W017", 28, 77, "empty rule in `validation:`")],
            |out| assert_eq!(param(rest(out), "count").attrs.validation.len(), 2),
        ),
        case(
            "non-ASCII name: columns count characters",
            // 名前ラベル is 5 characters, 15 bytes: `flavour` is at column 40, byte 49 of its line.
            with(
                "- name: label | type: string | description: Label.",
                "- name: 名前ラベル | type: string | flavour: x",
            ),
            &[("W014", 32, 40, "unknown attribute `flavour`")],
            |out| {
                let options = param(rest(out), "options");
                let f = field(&options.members, "名前ラベル");
                assert_eq!((f.name.span.line, f.name.span.column), (32, 17));
                let line_start = TEMPLATE.lines().take(31).map(|l| l.len() + 1).sum::<usize>();
                assert_eq!(out.diagnostics[0].span.offset - line_start, 49);
            },
        ),
        case(
            "astral character in a description: columns count characters",
            with(
                "| description: How many. | required: true",
                "| description: 🚀 go | required: maybe",
            ),
            // 🚀 is one character (4 bytes, 2 UTF-16 units).
            &[("W013", 28, 60, "`required: maybe`")],
            |out| assert_eq!(param(rest(out), "count").attrs.description(), "🚀 go"),
        ),
        case(
            "tab in indentation",
            with("        - name: label", "\t       - name: label"),
            &[("W020", 32, 1, "tab in the indentation")],
            rest_intact,
        ),
        // --- header lines ---
        case(
            "`URL: null` (a service-plugin page: no diagnostic, lowering notes it)",
            with("URL: https://www.wixapis.com/demo/v1/ping", "URL: null"),
            &[],
            |out| {
                assert_eq!(rest(out).url.as_ref().unwrap().value, None);
                rest_intact(out);
            },
        ),
        case(
            "URL that is not http(s)",
            with("URL: https://www.wixapis.com/demo/v1/ping", "URL: /demo/v1/ping"),
            &[("W022", 25, 7, "`/demo/v1/ping` is not an http(s) URL")],
            rest_intact,
        ),
        case(
            "`URL:` twice",
            after(
                " URL: https://www.wixapis.com/demo/v1/ping",
                " URL: https://www.wixapis.com/demo/v1/pong",
            ),
            &[("W010", 26, 7, "`URL:` given twice")],
            |out| {
                let url = rest(out).url.as_ref().unwrap().value.as_deref();
                assert_eq!(url, Some("https://www.wixapis.com/demo/v1/ping"));
            },
        ),
        case(
            "`Required parameters:` naming a field never shown",
            // Not checked by the parser (FORMAT.md lists it as a real-page
            // defect); lowering decides what to do with such a path.
            after(" Method: POST", " Required parameters: count, nothing.here"),
            &[],
            |out| {
                let req = &rest(out).required_parameters.as_ref().unwrap().value;
                assert_eq!(req, &["count", "nothing.here"]);
            },
        ),
        // --- return type ---
        case(
            "bare `PROMISE`",
            with("PROMISE<PingResponse>", "PROMISE"),
            &[("W025", 62, 15, "`Return type: PROMISE` has lost its type argument")],
            |out| {
                let rt = sdk(out).return_type.as_ref().unwrap();
                assert!(rt.promise && rt.ty.is_none());
                assert_eq!(names(&rt.members), ["echo"]);
            },
        ),
        case(
            "two `Return type:` lines",
            after(
                "         -     DOWN: Not fine.",
                " Return type: Other\n  - name: other | type: string",
            ),
            // The duplicate's fields go with it: no error per field.
            &[("W026", 40, 2, "second `Return type:` line")],
            |out| {
                rest_intact(out);
                let rt = rest(out).return_type.as_ref().unwrap();
                assert_eq!(rt.ty.as_ref().unwrap().value, TypeExpr::Named("PingResponse".into()));
            },
        ),
        case(
            "return type that is not a type",
            with("Return type: PingResponse", "Return type: Ping Response"),
            // Its fields are skipped with it, not reported one by one.
            &[("E021", 34, 15, "`Ping Response` is not a return type")],
            |out| {
                assert!(rest(out).return_type.is_none());
                assert_eq!(param_names(rest(out)), ["count", "options", "target"]);
            },
        ),
        // --- ONE-OF ---
        case(
            "ONE-OF with no members",
            after(
                "        - name: label | type: string | description: Label.",
                "    - ONE-OF:",
            ),
            &[("W030", 33, 5, "ONE-OF group has no members")],
            |out| assert_eq!(param_names(rest(out)), ["count", "options", "target"]),
        ),
        case(
            "nested ONE-OF",
            with(
                "        - name: mode",
                "    - ONE-OF:\n       - ONE-OF:\n          - name: a | type: string\n     - name: b | type: string\n        - name: mode",
            ),
            &[("E030", 31, 8, "a ONE-OF group directly inside another ONE-OF group")],
            |out| {
                let options = param(rest(out), "options");
                assert_eq!(names(&options.members), ["ONE-OF", "mode", "label"]);
                let Member::OneOf(group) = &options.members[0] else {
                    unreachable!()
                };
                assert_eq!(group.members.len(), 1);
                assert_eq!(group.members[0].name.value, "b");
            },
        ),
        case(
            "unexpected text after `- ONE-OF:`",
            with(
                "        - name: mode",
                "    - ONE-OF: - optional: maybe\n     - name: a | type: string\n        - name: mode",
            ),
            &[("W028", 30, 15, "unexpected `- optional: maybe` after `- ONE-OF:`")],
            |out| assert_eq!(names(&param(rest(out), "options").members), ["ONE-OF", "mode", "label"]),
        ),
        case(
            "undecidable nesting under a param",
            with(
                "        - name: mode",
                "    - ONE-OF:\n     - name: a | type: Alpha\n        - name: z | type: string\n        - name: mode",
            ),
            &[("W050", 32, 9, "cannot tell whether `z` belongs to `a` or to `options`")],
            |out| {
                let options = param(rest(out), "options");
                assert_eq!(names(&options.members), ["ONE-OF"]);
            },
        ),
        // --- enums ---
        case(
            "enum line with no field",
            after("  - name: echo | type: string | description: Echo.", "  - enum: A, B"),
            &[("E031", 36, 3, "`- enum:` line does not follow a field")],
            |out| {
                rest_intact(out);
                assert!(
                    field(&rest(out).return_type.as_ref().unwrap().members, "echo")
                        .enum_values
                        .is_none()
                );
            },
        ),
        case(
            "enum line directly under `Return type:`",
            after(" Return type: PingResponse", "     - enum: A, B"),
            &[("W029", 35, 6, "enum values directly under `Return type:`")],
            rest_intact,
        ),
        case(
            "block enum value without `- enum:`",
            after(
                "  - name: echo | type: string | description: Echo.",
                "     -     OK: Fine.",
            ),
            &[("E032", 36, 6, "enum value line does not follow `- enum:`")],
            rest_intact,
        ),
        case(
            "block enum value after an inline list",
            after(
                "             - enum: FAST, SLOW",
                "             -     MEDIUM: In between.",
            ),
            &[("W031", 32, 20, "block enum value after an inline `- enum:` list")],
            |out| {
                let mode = field(&param(rest(out), "options").members, "mode");
                assert_eq!(enum_names(&mode.enum_values), ["FAST", "SLOW", "MEDIUM"]);
            },
        ),
        case(
            "`- enum:` with no values",
            with("             - enum: FAST, SLOW", "             - enum:"),
            &[("W032", 31, 14, "`- enum:` lists no values")],
            rest_intact,
        ),
        // --- types listed elsewhere ---
        case(
            "type not listed on the page",
            with("  - name: echo | type: string", "  - name: echo | type: Echo"),
            &[("W051", 35, 24, "type `Echo` of `echo` is not listed on this page")],
            rest_intact,
        ),
        // --- possible errors ---
        case(
            "`HTTP Code: abc`",
            with(
                " Return type: PingResponse",
                " Possible Errors:\n HTTP Code: abc | Status Code: NOT_FOUND | Description: Gone.\n Return type: PingResponse",
            ),
            &[("W040", 35, 13, "`HTTP Code: abc` is not a number")],
            |out| {
                let e = &rest(out).errors[0];
                assert_eq!(e.http_code, None);
                assert_eq!(e.status_code.as_deref(), Some("NOT_FOUND"));
                assert_eq!(e.description.as_deref(), Some("Gone."));
                rest_intact(out);
            },
        ),
        case(
            "`HTTP Code:` outside `Possible Errors:`",
            after(" Method: POST", " HTTP Code: 404 | Status Code: NOT_FOUND"),
            &[("W027", 27, 2, "outside `Possible Errors:`")],
            |out| assert_eq!(rest(out).errors[0].http_code, Some(404)),
        ),
    ]
}

/// Parse one case and check it; `Err` describes every mismatch.
fn run(case: &Case) -> Result<(), String> {
    let out = catch_unwind(|| parse(&case.input)).map_err(|p| format!("parse panicked: {}", panic_message(&*p)))?;
    let found: Vec<(&str, u32, u32)> = out
        .diagnostics
        .iter()
        .map(|d| (d.code, d.span.line, d.span.column))
        .collect();
    let mut expected: Vec<(&str, u32, u32)> = case.expect.iter().map(|&(c, l, col, _)| (c, l, col)).collect();
    let mut sorted_found = found.clone();
    sorted_found.sort();
    expected.sort();
    let mut problems = String::new();
    if sorted_found != expected {
        let _ = writeln!(
            problems,
            "diagnostics differ:\n  expected {expected:?}\n  found    {found:?}"
        );
        for d in &out.diagnostics {
            let _ = writeln!(problems, "    {}", d.one_line("page.md"));
        }
    }
    for &(code, line, column, message) in &case.expect {
        if let Some(d) = out
            .diagnostics
            .iter()
            .find(|d| (d.code, d.span.line, d.span.column) == (code, line, column))
            && !d.message.contains(message)
        {
            let _ = writeln!(problems, "{code} message `{}` lacks `{message}`", d.message);
        }
    }
    for d in &out.diagnostics {
        if d.help.as_deref().is_none_or(|h| h.trim().is_empty()) {
            let _ = writeln!(problems, "{} has no help", d.code);
        }
        if d.code.starts_with('E') != d.is_error() {
            let _ = writeln!(problems, "{} has severity {:?}", d.code, d.severity);
        }
    }
    if let Err(panic) = catch_unwind(AssertUnwindSafe(|| (case.check)(&out))) {
        let _ = writeln!(problems, "model check failed: {}", panic_message(&*panic));
    }
    if problems.is_empty() { Ok(()) } else { Err(problems) }
}

fn panic_message(panic: &(dyn std::any::Any + Send)) -> String {
    panic
        .downcast_ref::<String>()
        .cloned()
        .or_else(|| panic.downcast_ref::<&str>().map(|s| (*s).to_owned()))
        .unwrap_or_default()
}

#[test]
fn malformed_and_odd_pages() {
    let cases = cases();
    let mut failures = String::new();
    for case in &cases {
        if let Err(e) = run(case) {
            let _ = writeln!(failures, "--- {}\n{e}", case.name);
        }
    }
    assert!(failures.is_empty(), "\n{failures}");
}

#[test]
fn the_table_is_big_and_its_names_unique() {
    let cases = cases();
    assert!(cases.len() >= 30, "{} cases", cases.len());
    let mut names: Vec<&str> = cases.iter().map(|c| c.name).collect();
    names.sort_unstable();
    names.dedup();
    assert_eq!(names.len(), cases.len(), "duplicate case names");
    // Every case but the clean template, the unchecked `Required
    // parameters:` path and `URL: null` (a page kind, noted by lowering)
    // expects at least one diagnostic.
    assert_eq!(cases.iter().filter(|c| c.expect.is_empty()).count(), 3);
}

// ---------------------------------------------------------------------------
// CRLF: the same model as LF

/// The model as JSON without byte offsets and lengths (which CRLF shifts);
/// lines and columns stay.
fn shape(out: &ParseOutput) -> serde_json::Value {
    fn strip(v: &mut serde_json::Value) {
        match v {
            serde_json::Value::Object(map) => {
                if map.contains_key("line") && map.contains_key("offset") {
                    map.remove("offset");
                    map.remove("len");
                }
                map.values_mut().for_each(strip);
            }
            serde_json::Value::Array(items) => items.iter_mut().for_each(strip),
            _ => {}
        }
    }
    let mut v = serde_json::to_value(out.page.as_ref().expect("a page")).unwrap();
    strip(&mut v);
    v
}

fn positions(out: &ParseOutput) -> Vec<(&'static str, u32, u32)> {
    out.diagnostics
        .iter()
        .map(|d| (d.code, d.span.line, d.span.column))
        .collect()
}

fn assert_crlf_same_as_lf(name: &str, lf: &str) {
    assert!(!lf.contains('\r'), "{name} already has CR");
    let crlf = lf.replace('\n', "\r\n");
    let (a, b) = (parse(lf.as_bytes()), parse(crlf.as_bytes()));
    assert_eq!(shape(&a), shape(&b), "{name}: CRLF model differs from LF");
    let mut expected = positions(&a);
    expected.push(("W002", 1, lf.lines().next().unwrap().chars().count() as u32 + 1));
    expected.sort();
    let mut found = positions(&b);
    found.sort();
    assert_eq!(found, expected, "{name}: CRLF diagnostics");
}

#[test]
fn crlf_parses_to_the_same_model_as_lf() {
    // Multi-line text that the model copies: an introduction, an example
    // description and a curl body over several lines.
    let page = edit(
        TEMPLATE,
        "Pings the demo service.",
        "Pings the demo service.\nTwice if asked.",
    );
    let page = edit(&page, "### Ping once\n", "### Ping once\nSends one\nping.\n");
    let page = edit(&page, "-d '{\"count\": 1}'", "-d '{\n  \"count\": 1\n}'");
    let out = parse(page.as_bytes());
    let p = out.page.as_ref().unwrap();
    assert_eq!(
        p.introduction.as_ref().unwrap().value,
        "Pings the demo service.\nTwice if asked."
    );
    let example = &p.rest.as_ref().unwrap().examples[0];
    assert_eq!(example.description.as_ref().unwrap().value, "Sends one\nping.");
    assert_eq!(
        example.curl.as_ref().unwrap().body.as_ref().unwrap().value,
        "{\n  \"count\": 1\n}"
    );
    assert_crlf_same_as_lf("template", &page);

    for path in [
        "seeds/get-or-create-conversation.md",
        "real/query-resource-types.md",
        "real/get-availability-time-slot.md",
        "reconstructed/get-conversation.md",
    ] {
        let text = String::from_utf8(fixture_page(path)).unwrap();
        assert_crlf_same_as_lf(path, &text);
    }
}

// ---------------------------------------------------------------------------
// The diagnostic cap

#[test]
fn ten_megabyte_page_parses_and_the_cap_holds() {
    let fixture = String::from_utf8(fixture_page("real/get-availability-time-slot.md")).unwrap();
    // The file has no final newline: add one so that copies start a new line.
    let unit = format!("{fixture}\n");
    let single = parse(unit.as_bytes());
    let copies = (10 << 20) / unit.len() + 1;
    let big = unit.repeat(copies);
    assert!(big.len() >= 10 << 20);

    let out = parse(big.as_bytes());
    // The first copy is the page. Each later copy repeats the four `#`
    // headings (W060) and the four `##` sections (W061); on top of that, the
    // first copy has its own W024.
    let page = out.page.as_ref().expect("a page");
    assert_eq!(page.title.as_ref().unwrap().value, "GetAvailabilityTimeSlot");
    assert_eq!(shape(&out), shape(&single));
    assert_eq!(single.diagnostics.len(), 1);
    let total = 1 + 8 * (copies - 1);
    assert_eq!(out.diagnostics.len(), 101);
    let shown = &out.diagnostics[..100];
    assert!(
        shown
            .windows(2)
            .all(|w| (w[0].span.line, w[0].span.column) <= (w[1].span.line, w[1].span.column))
    );
    let summary = &out.diagnostics[100];
    assert_eq!(summary.code, "E099");
    assert_eq!(summary.severity, Severity::Warning, "no error was hidden");
    assert_eq!(
        summary.message,
        format!(
            "{} more problems on this page were not shown (0 of them errors)",
            total - 100
        )
    );
    assert_eq!(summary.span, shown[99].span);
}

#[test]
fn one_hidden_problem_is_named_in_the_singular() {
    let junk: String = (0..101).map(|i| format!(" junk line {i}\n")).collect();
    let page = edit(TEMPLATE, " Method: POST\n", &format!(" Method: POST\n{junk}"));
    let out = parse(page.as_bytes());
    assert_eq!(out.diagnostics.len(), 101);
    let summary = &out.diagnostics[100];
    assert_eq!((summary.code, summary.severity), ("E099", Severity::Error));
    assert_eq!(summary.message, "1 more problem on this page was not shown (an error)");
}

#[test]
fn the_cap_summary_is_an_error_when_errors_were_hidden() {
    let junk: String = (0..150).map(|i| format!(" junk line {i}\n")).collect();
    let page = edit(TEMPLATE, " Method: POST\n", &format!(" Method: POST\n{junk}"));
    let out = parse(page.as_bytes());
    assert_eq!(out.diagnostics.len(), 101);
    assert!(out.diagnostics[..100].iter().all(|d| d.code == "E020"));
    assert_eq!(out.diagnostics[99].span.line, 27 + 99);
    let summary = &out.diagnostics[100];
    assert_eq!((summary.code, summary.severity), ("E099", Severity::Error));
    assert!(summary.message.starts_with("50 more problems"), "{}", summary.message);
    assert!(summary.message.contains("(50 of them errors)"), "{}", summary.message);
    // The page is still read past the junk.
    assert_eq!(param_names(rest(&out)), ["count", "options", "target"]);
}

// ---------------------------------------------------------------------------
// Rendering

/// Render the only diagnostic of `input` as the CLI does (original bytes,
/// lossily decoded).
fn render_only(input: &[u8]) -> String {
    let out = parse(input);
    assert_eq!(out.diagnostics.len(), 1, "{:?}", out.diagnostics);
    out.diagnostics[0].render("demo/ping.md", &String::from_utf8_lossy(input), false)
}

#[test]
fn render_unknown_line() {
    let r = render_only(&after(" Method: POST", " Frobnicate: yes"));
    assert!(r.starts_with("error[E020]: unknown line in schema block"), "{r}");
    assert!(r.contains("--> demo/ping.md:27:2"), "{r}");
    assert!(r.contains("27 |  Frobnicate: yes"), "{r}");
    assert!(r.contains("^^^^^^^^^^^^^^^"), "underlines the line: {r}");
    assert!(r.contains("= help: expected `Method:`"), "{r}");
}

#[test]
fn render_counts_characters_not_bytes() {
    let r = render_only(&with(
        "- name: label | type: string | description: Label.",
        "- name: 名前ラベル | type: string | flavour: x",
    ));
    assert!(r.starts_with("warning[W014]"), "{r}");
    assert!(r.contains("--> demo/ping.md:32:40"), "{r}");
    assert!(r.contains("= help: known attributes are"), "{r}");
}

#[test]
fn render_after_a_byte_order_mark_keeps_the_span_column() {
    let input = [b"\xEF\xBB\xBF".as_slice(), TEMPLATE.as_bytes()].concat();
    let r = render_only(&input);
    assert!(r.contains("--> demo/ping.md:1:1"), "{r}");
    assert!(!r.contains('\u{feff}'), "the BOM is not shown: {r:?}");
    assert!(r.contains("= help: save the page as UTF-8 without a BOM"), "{r}");
}

#[test]
fn render_collapsed_page() {
    let input = fixture_page("seeds/000_4f03bd3e1384cd8c.txt");
    let r = render_only(&input);
    assert!(
        r.starts_with("error[E100]: the page has lost its line structure"),
        "{r}"
    );
    assert!(r.contains("--> demo/ping.md:1:1"), "{r}");
    assert!(
        r.contains("= help: fetch the real page with `curl -sSL 'https://dev.wix.com/docs/api-reference/crm/communication/inbox/conversations/get-or-create-conversation.md'`"),
        "{r}"
    );
}

#[test]
fn render_tab_indented_line_and_invalid_utf8() {
    let r = render_only(&with("        - name: label", "\t       - name: label"));
    assert!(r.contains("--> demo/ping.md:32:1"), "{r}");
    assert!(r.contains("= help: nesting is read from indentation"), "{r}");

    let r = render_only(&byte_before("the demo service", 0xFF));
    assert!(r.contains("--> demo/ping.md:14:7"), "{r}");
    assert!(r.contains("= help: save the page as UTF-8"), "{r}");
}
