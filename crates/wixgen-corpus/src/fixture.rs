//! A hand-built IR with the shapes pages rarely show at once: a recursive
//! type (boxed), keywords and hostile text as names and docs, ONE-OFs with
//! int64, array and recursive members, a type that is both sent and returned,
//! path, query and body params on one method, an int path param, an empty
//! response, deprecation, and cursor pagination (in the body through required
//! and optional messages and a ONE-OF member, and in a GET's query string). Its golden is compiled by
//! trybuild, so every one of these shapes is code that builds.
//!
//! Test material only: `wixgen-codegen`'s tests, the `tests` crate and
//! `cargo xtask golden` (the golden `tests/golden/edge_cases.rs`) read it; no
//! published crate ships it.

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
        .map(|m| wixgen_ir::names::type_name(&m.wire_name))
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
        operation: format!("edge.EdgeService.{}{}", name[..1].to_lowercase(), &name[1..]),
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
