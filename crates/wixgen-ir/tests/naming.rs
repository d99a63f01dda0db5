//! Type names a user can guess: a method's request is `<Method>Request`, its
//! response has the name the page gives its return type, and where two
//! services of a package share a method name (or a return-type name stands
//! for two structures) the names are qualified by the service, reported like
//! splits; never a counter, `Unnamed` or the method name twice.

mod common;

use common::*;
use wixgen_ir::{LowerOutput, Package};

fn lower_md(pages: &[(&str, String)]) -> LowerOutput {
    let inputs: Vec<_> = pages.iter().map(|(p, md)| parse(p, md.as_bytes())).collect();
    wixgen_ir::lower(&inputs)
}

/// A POST method page of package `ecom` with one param and a response with one field.
fn page(title: &str, service: &str, method: &str, param: &str, response: &str, field: &str) -> String {
    let rest = format!(
        " Method: {method}
 Description: Does it.
 URL: https://www.wixapis.com/ecom/v1/{service}/{method}
 Method: POST
 Method parameters:
   param name: {param} | type: string | description: A param.
 Return type: {response}
  - name: {field} | type: string | description: A field."
    );
    method_page(title, "ecom", service, &rest, None)
}

fn type_names(pkg: &Package) -> Vec<String> {
    let mut names: Vec<String> = pkg.types.iter().map(|t| t.rust_name().to_owned()).collect();
    for s in &pkg.services {
        names.extend(s.methods.iter().map(|m| m.request_rust_name.clone()));
    }
    names.sort();
    names
}

fn request_of<'a>(pkg: &'a Package, service: &str, method: &str) -> &'a str {
    let s = pkg.services.iter().find(|s| s.name == service).expect("service");
    let m = s
        .methods
        .iter()
        .find(|m| m.name.eq_ignore_ascii_case(method))
        .expect("method");
    &m.request_rust_name
}

#[test]
fn same_named_methods_of_two_services_are_qualified_by_service() {
    let out = lower_md(&[
        (
            "checkout.md",
            page(
                "GetPricePreview",
                "CheckoutService",
                "getPricePreview",
                "checkoutId",
                "GetPricePreviewResponse",
                "checkoutTotal",
            ),
        ),
        (
            "orders.md",
            page(
                "GetPricePreview",
                "OrdersService",
                "getPricePreview",
                "orderId",
                "GetPricePreviewResponse",
                "orderTotal",
            ),
        ),
        (
            "other.md",
            page(
                "GetOther",
                "OrdersService",
                "getOther",
                "id",
                "GetOtherResponse",
                "other",
            ),
        ),
    ]);
    assert!(!out.has_errors(), "{}", diag_lines(&out));
    let pkg = package(&out, "ecom");
    assert_eq!(
        request_of(pkg, "CheckoutService", "getPricePreview"),
        "CheckoutGetPricePreviewRequest"
    );
    assert_eq!(
        request_of(pkg, "OrdersService", "getPricePreview"),
        "OrdersGetPricePreviewRequest"
    );
    // A method only one service has keeps the plain name.
    assert_eq!(request_of(pkg, "OrdersService", "getOther"), "GetOtherRequest");
    assert_eq!(
        type_names(pkg),
        [
            "CheckoutGetPricePreviewRequest",
            "CheckoutGetPricePreviewResponse",
            "GetOtherRequest",
            "GetOtherResponse",
            "OrdersGetPricePreviewRequest",
            "OrdersGetPricePreviewResponse",
        ]
    );
    // Each response type is the one of its service's page.
    let checkout = strukt(pkg, "CheckoutGetPricePreviewResponse");
    assert_eq!(wire_names(&checkout.fields), ["checkoutTotal"]);
    // The qualified requests are reported like splits, saying why.
    let split = out
        .types
        .splits
        .iter()
        .find(|s| s.name == "GetPricePreviewRequest")
        .expect("reported");
    let names: Vec<&str> = split.types.iter().map(|t| t.rust_name.as_str()).collect();
    assert_eq!(
        names,
        ["CheckoutGetPricePreviewRequest", "OrdersGetPricePreviewRequest"]
    );
    assert!(
        split.types[0]
            .reason
            .contains("another service of the package has a method `GetPricePreview`"),
        "{}",
        split.types[0].reason
    );
    assert_eq!(split.types[0].sources[0].page, "checkout.md");
}

#[test]
fn a_return_type_name_two_services_give_different_structures_is_qualified_by_service() {
    let out = lower_md(&[
        (
            "a.md",
            page(
                "CreateDelivery",
                "DeliveriesService",
                "createDelivery",
                "orderId",
                "CreateDeliveryResponse",
                "deliveryId",
            ),
        ),
        (
            "b.md",
            page(
                "CreateDelivery",
                "ShipmentsService",
                "createDelivery",
                "shipmentId",
                "CreateDeliveryResponse",
                "trackingNumber",
            ),
        ),
        (
            "c.md",
            page(
                "GetInfo",
                "DeliveriesService",
                "getInfo",
                "id",
                "InfoResponse",
                "carrier",
            ),
        ),
        (
            "d.md",
            page(
                "FetchInfo",
                "ShipmentsService",
                "fetchInfo",
                "id",
                "InfoResponse",
                "weight",
            ),
        ),
    ]);
    assert!(!out.has_errors(), "{}", diag_lines(&out));
    let pkg = package(&out, "ecom");
    assert_eq!(
        type_names(pkg),
        [
            "DeliveriesCreateDeliveryRequest",
            "DeliveriesCreateDeliveryResponse",
            "DeliveriesInfoResponse",
            "FetchInfoRequest",
            "GetInfoRequest",
            "ShipmentsCreateDeliveryRequest",
            "ShipmentsCreateDeliveryResponse",
            "ShipmentsInfoResponse",
        ]
    );
    assert_eq!(wire_names(&strukt(pkg, "ShipmentsInfoResponse").fields), ["weight"]);
    let split = out
        .types
        .splits
        .iter()
        .find(|s| s.name == "InfoResponse")
        .expect("a split");
    assert_eq!(split.types.len(), 2);
}

#[test]
fn three_services_with_create_get_and_update_have_no_counters() {
    let mut pages = Vec::new();
    for service in ["BookingsService", "AttendanceService", "WaitlistService"] {
        for method in ["create", "get", "update"] {
            let response = format!("{}Response", names_upper(method));
            let field = format!("{}{}", method, &service[..3]);
            pages.push((
                format!("{service}-{method}.md"),
                page(&names_upper(method), service, method, "id", &response, &field),
            ));
        }
    }
    let pages: Vec<(&str, String)> = pages.iter().map(|(p, s)| (p.as_str(), s.clone())).collect();
    let out = lower_md(&pages);
    assert!(!out.has_errors(), "{}", diag_lines(&out));
    let pkg = package(&out, "ecom");
    let names = type_names(pkg);
    assert!(names.contains(&"BookingsCreateRequest".to_owned()), "{names:?}");
    assert!(names.contains(&"WaitlistUpdateResponse".to_owned()), "{names:?}");
    for n in &names {
        assert!(!n.ends_with(|c: char| c.is_ascii_digit()), "{n} in {names:?}");
        assert!(!n.contains("Unnamed"), "{n}");
    }
    assert_eq!(names.len(), 18, "{names:?}");
}

fn names_upper(method: &str) -> String {
    let mut c = method.chars();
    c.next()
        .map(|f| f.to_ascii_uppercase().to_string() + c.as_str())
        .unwrap_or_default()
}
