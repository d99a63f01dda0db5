//! Query and search methods are recognized by the shape of their query param.

mod common;

use common::*;
use wixgen_ir::queries::query_method;

#[test]
fn query_resource_types_queries_resource_types() {
    let out = lower_fixtures(&["query-resource-types.md"]);
    let pkg = package(&out, "resources");
    let m = method(pkg, "QueryResourceTypes");
    let q = query_method(m, pkg).expect("a query method");
    assert_eq!(q.param.wire_name, "query");
    assert_eq!(q.query_type.name, "CursorQuery");
    assert_eq!(q.items.wire_name, "resourceTypes");
    assert_eq!(q.entity.rust_name, "ResourceType");
    assert!(q.cursor_paging);
    assert!(!q.offset_paging);
    assert!(!q.search);
    assert!(q.query_is_whole_body(m));
}

#[test]
fn list_messages_is_not_a_query_method() {
    let out = wixgen_ir::lower(&[schema("inbox/list-messages.md")]);
    let pkg = package(&out, "inbox");
    assert!(query_method(method(pkg, "ListMessages"), pkg).is_none());
}

const FIND_REST: &str = " Method: findThings
 URL: https://www.wixapis.com/things/v1/things/find
 Method: POST
 Method parameters:
   param name: search | type: CursorSearch
     - name: filter | type: object | description: Filter.
     - name: sort | type: array<Sorting> | description: Sort.
        - name: fieldName | type: string | description: Field.
        - name: order | type: SortOrder | description: Order.
              - enum: ASC, DESC
     - name: paging | type: Paging | description: Offset paging.
        - name: limit | type: integer | description: Limit.
        - name: offset | type: integer | description: Offset.
     - name: search | type: SearchDetails | description: Free text.
        - name: expression | type: string | description: Text.
 Return type: FindThingsResponse
  - name: things | type: array<Thing> | description: Things.
     - name: id | type: string | description: GUID.
     - name: size | type: integer | description: Size.
  - name: total | type: integer | description: Total.";

#[test]
fn a_search_param_of_any_name_with_offset_paging_is_recognized() {
    let page = method_page("FindThings", "things", "ThingsService", FIND_REST, None);
    let out = wixgen_ir::lower(&[parse("find-things.md", page.as_bytes())]);
    let pkg = package(&out, "things");
    let m = method(pkg, "FindThings");
    let q = query_method(m, pkg).expect("a search method");
    assert_eq!(q.param.wire_name, "search");
    assert_eq!(q.entity.rust_name, "Thing");
    assert!(q.offset_paging && !q.cursor_paging && q.search);
}

#[test]
fn without_a_filter_object_there_is_no_query() {
    let rest = FIND_REST.replace("name: filter | type: object", "name: filter | type: string");
    let page = method_page("FindThings", "things", "ThingsService", &rest, None);
    let out = wixgen_ir::lower(&[parse("find-things.md", page.as_bytes())]);
    let pkg = package(&out, "things");
    assert!(query_method(method(pkg, "FindThings"), pkg).is_none());
}
