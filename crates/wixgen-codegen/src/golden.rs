//! Golden files: the generated code of single pages, checked in under
//! `tests/golden/` of the workspace. The golden test compares them with a fresh
//! rendering and trybuild compiles them; `cargo xtask golden` (and `cargo xtask
//! gen`) regenerates them. They are never edited by hand.

use crate::layout::single_file;
use crate::{GeneratedFiles, Header};
use std::io;
use std::path::{Path, PathBuf};
use wixgen_ir::load::{PageStatus, load_pages};

/// One golden: what it is generated from, and the file it renders to
/// (relative to `tests/golden/`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Golden {
    pub source: Source,
    pub file: &'static str,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    /// A page, relative to the workspace root, generated alone.
    Page(&'static str),
    /// The hand-built IR of [`fixture::api`].
    Fixture,
}

impl Golden {
    /// What the golden is generated from, for messages and its header.
    pub fn origin(&self) -> &'static str {
        match self.source {
            Source::Page(p) => p,
            Source::Fixture => "wixgen_codegen::golden::fixture",
        }
    }
}

/// Every golden.
pub const GOLDENS: &[Golden] = &[
    Golden {
        source: Source::Page("schemas/inbox/get-or-create-conversation.md"),
        file: "get_or_create_conversation.rs",
    },
    Golden {
        source: Source::Fixture,
        file: "edge_cases.rs",
    },
];

/// The directory of the goldens, relative to the workspace root.
pub const GOLDEN_DIR: &str = "tests/golden";

/// The command that regenerates the goldens.
pub const REGENERATE: &str = "cargo xtask golden";

/// Render a golden: its page alone through parse → lower → [`single_file`],
/// or the fixture IR through [`single_file`].
pub fn render(workspace_root: &Path, golden: &Golden) -> io::Result<String> {
    let header = Header::new(golden.origin(), REGENERATE);
    let page = match golden.source {
        Source::Page(page) => Path::new(page),
        Source::Fixture => return Ok(single_file(&fixture::api(), &header)),
    };
    let (dir, file) = (
        page.parent().unwrap_or(Path::new("")),
        page.file_name().unwrap_or_default(),
    );
    let mut parsed = load_pages(
        &workspace_root.join(dir),
        &[PathBuf::from(file)],
        &dir.to_string_lossy(),
    )?;
    if let Some(bad) = parsed.reports.iter().find(|r| r.status != PageStatus::Parsed) {
        return Err(io::Error::other(format!(
            "{}: the page does not parse:\n{}",
            bad.path,
            bad.rendered.join("")
        )));
    }
    let lowered = parsed.assemble();
    if lowered.has_errors() {
        let text: Vec<String> = lowered.errors().map(|d| d.render()).collect();
        return Err(io::Error::other(format!(
            "{}: the page does not lower:\n{}",
            golden.origin(),
            text.join("")
        )));
    }
    Ok(single_file(&lowered.api, &header))
}

/// Every golden, by path relative to [`GOLDEN_DIR`].
pub fn files(workspace_root: &Path) -> io::Result<GeneratedFiles> {
    GOLDENS
        .iter()
        .map(|g| Ok((PathBuf::from(g.file), render(workspace_root, g)?)))
        .collect()
}

/// A hand-built IR with the shapes pages rarely show at once: a recursive
/// type (boxed), keywords and hostile text as names and docs, ONE-OFs with
/// int64, array and recursive members, a type that is both sent and returned,
/// path, query and body params on one method, an int path param, an empty
/// response, deprecation, and cursor pagination (in the body through required
/// and optional messages and a ONE-OF member, and in a GET's query string). Its golden is compiled by
/// trybuild, so every one of these shapes is code that builds.
#[doc(hidden)]
pub mod fixture {
    use wixgen_ir::model::*;
    use wixgen_schema::{Span, ValidationRule};

    fn at() -> SourceRef {
        SourceRef {
            page: "fixture".into(),
            span: Span::default(),
        }
    }

    fn docs(text: &str) -> Docs {
        Docs {
            description: text.into(),
            deprecated: text.contains("Deprecated."),
        }
    }

    fn field(wire: &str, rust: &str, ty: TypeRef, required: bool) -> Field {
        Field {
            wire_name: wire.into(),
            rust_name: rust.into(),
            ty,
            required,
            read_only: false,
            validation: Vec::new(),
            docs: docs(&format!("The `{wire}` field.")),
            source: at(),
        }
    }

    fn named(n: &str) -> TypeRef {
        TypeRef::Named(n.into())
    }

    fn array(t: TypeRef) -> TypeRef {
        TypeRef::Array(Box::new(t))
    }

    fn strukt(name: &str, one_ofs: Vec<OneOfGroup>, fields: Vec<Field>, request: bool, response: bool) -> NamedType {
        NamedType::Struct(StructType {
            name: name.into(),
            rust_name: name.into(),
            docs: docs(&format!("The `{name}` message.")),
            one_ofs,
            fields,
            usage: Usage { request, response },
            sources: vec![at()],
        })
    }

    fn group(rust: &str, field_rust: &str, required: bool, members: Vec<Field>) -> OneOfGroup {
        let variant_rust_names = members
            .iter()
            .map(|m| crate::emit::idents::upper_camel(&m.wire_name))
            .collect();
        OneOfGroup {
            rust_name: rust.into(),
            field_rust_name: field_rust.into(),
            required,
            members,
            variant_rust_names,
        }
    }

    const HOSTILE: &str = "Evil \"] fn evil() {} #[doc = \"x\"] <script>alert(1)</script> \
        */ /* [not a link] [x] (y) see https://example.com/a?b=1. <!-- TODO hidden -->  \
        ```rust  fn main() { panic!() }  ```  After.";

    /// The fixture API.
    pub fn api() -> Api {
        let mut node_text = field("text", "text", TypeRef::String, false);
        node_text.docs = docs(HOSTILE);
        let mut sequence = field("sequence", "sequence", TypeRef::Int64, false);
        sequence.read_only = true;
        sequence.validation = vec![ValidationRule::Format("int64".into())];
        let mut hostile = field("x\"; evil", "a\"; fn evil() {}", TypeRef::String, false);
        hostile.docs = docs("Deprecated. Use `text`.");
        let node = strukt(
            "Node",
            vec![group(
                "NodeKind",
                "kind",
                false,
                vec![
                    node_text,
                    field("number", "number", TypeRef::Int64, false),
                    field("nested", "nested", named("Node"), false),
                ],
            )],
            vec![
                field("id", "id", TypeRef::String, true),
                field("type", "r#type", TypeRef::String, false),
                field("child", "child", named("Node"), false),
                field("children", "children", array(named("Node")), false),
                field("counts", "counts", array(TypeRef::Int64), false),
                field("score", "score", TypeRef::Float64, false),
                field("createdDate", "created_date", TypeRef::Timestamp, false),
                field("data", "data", TypeRef::Json, false),
                field("values", "values", array(TypeRef::Json), false),
                sequence,
                hostile,
            ],
            false,
            true,
        );
        let query = strukt(
            "Query",
            vec![group(
                "QuerySelector",
                "selector",
                false,
                vec![
                    field("ids", "ids", array(TypeRef::String), false),
                    field("all", "all", TypeRef::Bool, false),
                ],
            )],
            vec![
                field("cursorPaging", "cursor_paging", named("Paging"), false),
                field("filter", "filter", TypeRef::Json, false),
                field("sort", "sort", array(named("Sorting")), false),
            ],
            true,
            false,
        );
        let paging = strukt(
            "Paging",
            Vec::new(),
            vec![
                field("limit", "limit", TypeRef::Int32, false),
                field("cursor", "cursor", TypeRef::String, false),
            ],
            true,
            false,
        );
        let mut order = field("order", "order", named("SortOrder"), false);
        order.docs = docs("Sort order. Deprecated.");
        let sorting = strukt(
            "Sorting",
            Vec::new(),
            vec![field("fieldName", "field_name", TypeRef::String, true), order],
            true,
            false,
        );
        let shared = strukt(
            "Shared",
            vec![group(
                "SharedTarget",
                "target",
                true,
                vec![
                    field("a", "a", TypeRef::String, false),
                    field("b", "b", TypeRef::Int64, false),
                ],
            )],
            vec![
                field("name", "name", TypeRef::String, true),
                field("order", "order", named("SortOrder"), true),
                field("total", "total", TypeRef::Int64, true),
                field("tags", "tags", array(TypeRef::String), true),
            ],
            true,
            true,
        );
        let sort_order = NamedType::Enum(EnumType {
            name: "SortOrder".into(),
            rust_name: "SortOrder".into(),
            docs: docs(""),
            variants: ["ASC", "DESC", "UNKNOWN"]
                .iter()
                .zip(["Asc", "Desc", "UnknownValue"])
                .map(|(w, r)| EnumVariant {
                    wire_name: (*w).into(),
                    rust_name: r.into(),
                    docs: docs(""),
                })
                .collect(),
            usage: Usage {
                request: true,
                response: true,
            },
            sources: vec![at()],
        });
        let page = strukt(
            "NodePage",
            Vec::new(),
            vec![
                field("items", "items", array(named("Node")), false),
                field("pagingMetadata", "paging_metadata", named("Meta"), false),
                field("shared", "shared", named("Shared"), false),
            ],
            false,
            true,
        );
        let meta = strukt(
            "Meta",
            Vec::new(),
            vec![field("cursors", "cursors", named("Cursors"), false)],
            false,
            true,
        );
        let cursors = strukt(
            "Cursors",
            Vec::new(),
            vec![field("next", "next", TypeRef::String, false)],
            false,
            true,
        );

        let query_nodes = Method {
            name: "QueryNodes".into(),
            operation: "edge.EdgeService.queryNodes".into(),
            rust_name: "query_nodes".into(),
            http_method: HttpMethod::Post,
            url: "https://www.wixapis.com/edge/v1/{siteId}/nodes/query".into(),
            path: vec![
                PathSegment::Literal("/edge/v1/".into()),
                PathSegment::Param(PathParam::from_template("siteId")),
                PathSegment::Literal("/nodes/query".into()),
            ],
            path_params: vec![field("siteId", "site_id", TypeRef::String, true)],
            query_params: vec![
                field("mode", "mode", TypeRef::String, false),
                field("order", "order", named("SortOrder"), false),
            ],
            body_params: vec![
                field("query", "query", named("Query"), true),
                field("shared", "shared", named("Shared"), false),
            ],
            request_rust_name: "QueryNodesRequest".into(),
            response: Some(named("NodePage")),
            permission_scopes: vec![PermissionScope {
                display_name: "Read <Nodes>".into(),
                id: "SCOPE.EDGE.READ".into(),
            }],
            docs_link: Some("https://dev.wix.com/docs/edge/query-nodes.md".into()),
            docs: docs(HOSTILE),
            errors: vec![ErrorInfo {
                http_code: Some(404),
                status_code: Some("NOT_FOUND".into()),
                application_code: Some("NODE_NOT_FOUND".into()),
                description: Some("No node with `id` <here>.".into()),
            }],
            pagination: Some(Pagination {
                request_cursor: vec!["query".into(), "cursorPaging".into(), "cursor".into()],
                items_field: "items".into(),
                item: named("Node"),
                response_next_cursor: vec!["pagingMetadata".into(), "cursors".into(), "next".into()],
            }),
            samples: MethodSamples::default(),
            examples: Default::default(),
            source: at(),
        };
        let delete_node = Method {
            name: "DeleteNode".into(),
            operation: "edge.EdgeService.deleteNode".into(),
            rust_name: "delete_node".into(),
            http_method: HttpMethod::Delete,
            url: "https://www.wixapis.com/edge/v1/nodes/{nodeNumber}".into(),
            path: vec![
                PathSegment::Literal("/edge/v1/nodes/".into()),
                PathSegment::Param(PathParam::from_template("nodeNumber")),
            ],
            path_params: vec![field("nodeNumber", "node_number", TypeRef::Int64, true)],
            query_params: Vec::new(),
            body_params: Vec::new(),
            request_rust_name: "DeleteNodeRequest".into(),
            response: None,
            permission_scopes: Vec::new(),
            docs_link: None,
            docs: docs("Deletes a node. Deprecated."),
            errors: Vec::new(),
            pagination: None,
            samples: MethodSamples::default(),
            examples: Default::default(),
            source: at(),
        };
        // Cursor paging by type at other names: a GET sends `paging.cursor` in
        // the query string (an optional param, created when missing); a POST
        // reaches it through a required message without `Default` and an
        // optional ONE-OF member.
        let paged = |name: &str, rust: &str, verb: HttpMethod, path: &str, query, body, cursor: &[&str]| Method {
            name: name.into(),
            operation: format!("edge.EdgeService.{}", crate::emit::idents::lower_first(name)),
            rust_name: rust.into(),
            http_method: verb,
            url: format!("https://www.wixapis.com{path}"),
            path: vec![PathSegment::Literal(path.into())],
            path_params: Vec::new(),
            query_params: query,
            body_params: body,
            request_rust_name: format!("{name}Request"),
            response: Some(named("NodePage")),
            permission_scopes: Vec::new(),
            docs_link: None,
            docs: docs(&format!("{name}, page by page.")),
            errors: Vec::new(),
            pagination: Some(Pagination {
                request_cursor: cursor.iter().map(|s| (*s).to_owned()).collect(),
                items_field: "items".into(),
                item: named("Node"),
                response_next_cursor: vec!["pagingMetadata".into(), "cursors".into(), "next".into()],
            }),
            samples: MethodSamples::default(),
            examples: Default::default(),
            source: at(),
        };
        let list_nodes = paged(
            "ListNodes",
            "list_nodes",
            HttpMethod::Get,
            "/edge/v1/nodes",
            vec![
                field("paging", "paging", named("Paging"), false),
                field("order", "order", named("SortOrder"), false),
            ],
            Vec::new(),
            &["paging", "cursor"],
        );
        let search_nodes = paged(
            "SearchNodes",
            "search_nodes",
            HttpMethod::Post,
            "/edge/v1/nodes/search",
            Vec::new(),
            vec![field("search", "search", named("Search"), true)],
            &["search", "cursorPaging", "cursor"],
        );
        let search = strukt(
            "Search",
            vec![group(
                "SearchPaging",
                "paging",
                false,
                vec![
                    field("offset", "offset", TypeRef::Int32, false),
                    field("cursorPaging", "cursor_paging", named("Paging"), false),
                ],
            )],
            vec![field("text", "text", TypeRef::String, true)],
            true,
            false,
        );
        let mut types = vec![
            node, query, paging, sorting, shared, sort_order, page, meta, cursors, search,
        ];
        types.sort_by(|a, b| a.rust_name().cmp(b.rust_name()));
        Api {
            packages: vec![Package {
                name: "edge".into(),
                module: "edge".into(),
                feature: "edge".into(),
                services: vec![Service {
                    name: "EdgeService".into(),
                    rust_name: "EdgeService".into(),
                    methods: vec![delete_node, list_nodes, query_nodes, search_nodes],
                    plugin_methods: vec![],
                }],
                types,
                articles: Vec::new(),
            }],
            unplaced: Default::default(),
        }
    }
}
