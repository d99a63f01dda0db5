//! Wix's common types (paging, sorting, queries, bulk results, money,
//! addresses). A package uses the `wix.common` copies or its own identical
//! copies under its namespace: same short name, same structure.

use super::types::*;
use crate::model::Ty;

const PAGING_LIMIT: &str = "Number of items to load.";
const CURSOR: &str = "Pointer to the next or previous page in the list of results.  You can get the relevant cursor token from the `pagingMetadata` object in the previous call's response. Not relevant for the first request.";

pub(crate) fn cursor_paging(t: &mut Types, ns: &str) -> Ty {
    message(
        t,
        &format!("{ns}.CursorPaging"),
        vec![],
        vec![
            f("limit", Ty::Int32, PAGING_LIMIT).val("minimum 0, maximum 100, format int32"),
            f("cursor", Ty::String, CURSOR).val("maxLength 16000"),
        ],
    )
}

pub(crate) fn paging(t: &mut Types, ns: &str) -> Ty {
    message(
        t,
        &format!("{ns}.Paging"),
        vec![],
        vec![
            f("limit", Ty::Int32, PAGING_LIMIT).val("minimum 1, maximum 100"),
            f(
                "offset",
                Ty::Int32,
                "Number of items to skip in the current sort order.",
            )
            .val("minimum 0"),
        ],
    )
}

pub(crate) fn cursors(t: &mut Types, ns: &str) -> Ty {
    message(
        t,
        &format!("{ns}.Cursors"),
        vec![],
        vec![
            f(
                "next",
                Ty::String,
                "Cursor string pointing to the next page in the list of results.",
            ),
            f(
                "prev",
                Ty::String,
                "Cursor pointing to the previous page in the list of results.",
            ),
        ],
    )
}

pub(crate) fn cursor_paging_metadata(t: &mut Types, ns: &str) -> Ty {
    let c = cursors(t, ns);
    message(
        t,
        &format!("{ns}.CursorPagingMetadata"),
        vec![],
        vec![
            f("count", Ty::Int32, "Number of items returned in the response."),
            f("cursors", c, "Offset that was requested."),
            f(
                "hasNext",
                Ty::Bool,
                "Indicates if there are more results after the current page. If `true`, another page of results can be retrieved. If `false`, this is the last page.",
            ),
        ],
    )
}

pub(crate) fn paging_metadata_v2(t: &mut Types, ns: &str) -> Ty {
    let c = cursors(t, ns);
    message(
        t,
        &format!("{ns}.PagingMetadataV2"),
        vec![],
        vec![
            f("count", Ty::Int32, "Number of items returned in the response."),
            f("offset", Ty::Int32, "Offset that was requested."),
            f(
                "total",
                Ty::Int32,
                "Total number of items that match the query. Returned if offset paging is used and the `tooManyToCount` flag is not set.",
            ),
            f(
                "tooManyToCount",
                Ty::Bool,
                "Whether the server failed to calculate the `total` field.",
            ),
            f(
                "cursors",
                c,
                "Cursors to navigate through the result pages using `next` and `prev`. Returned if cursor paging is used.",
            ),
            f(
                "hasNext",
                Ty::Bool,
                "Whether there are more pages to retrieve following the current page.  + `true`: Another page of results can be retrieved. + `false`: This is the last page.",
            ),
        ],
    )
}

pub(crate) fn sort_order(t: &mut Types, ns: &str) -> Ty {
    enumeration(t, &format!("{ns}.SortOrder"), &["ASC", "DESC"])
}

pub(crate) fn sorting(t: &mut Types, ns: &str) -> Ty {
    let o = sort_order(t, ns);
    message(
        t,
        &format!("{ns}.Sorting"),
        vec![],
        vec![
            f("fieldName", Ty::String, "Name of the field to sort by.").val("maxLength 512"),
            f("order", o, "Sort order."),
        ],
    )
}

pub(crate) fn cursor_query(t: &mut Types, ns: &str) -> Ty {
    let cp = cursor_paging(t, ns);
    let s = sorting(t, ns);
    message(
        t,
        &format!("{ns}.CursorQuery"),
        vec![one_of(
            "paging",
            vec![f("cursorPaging", cp, "Cursor token pointing to a page of results. Not used in the first request. Following requests use the cursor token and not `filter` or `sort`.")],
        )],
        vec![
            f("filter", Ty::Map, "Filter object in the following format: `\"filter\" : { \"fieldName1\": \"value1\", \"fieldName2\":{\"$operator\":\"value2\"} }` Example of operators: `$eq`, `$ne`, `$lt`, `$lte`, `$gt`, `$gte`, `$in`, `$hasSome`, `$hasAll`, `$startsWith`, `$contains`"),
            f("sort", arr(s), "Sort object in the following format: `[{\"fieldName\":\"sortField1\",\"order\":\"ASC\"},{\"fieldName\":\"sortField2\",\"order\":\"DESC\"}]`").val("maxSize 5"),
        ],
    )
}

pub(crate) fn extended_fields(t: &mut Types, ns: &str) -> Ty {
    message(
        t,
        &format!("{ns}.ExtendedFields"),
        vec![],
        vec![f(
            "namespaces",
            Ty::Map,
            "Extended field data. Each key corresponds to the namespace of the app that created the extended fields. The value of each key is structured according to the schema defined when the extended fields were configured.  You can only access fields for which you have the appropriate permissions.  Learn more about [extended fields](https://dev.wix.com/docs/rest/articles/getting-started/extended-fields.md).",
        )],
    )
}

pub(crate) fn application_error(t: &mut Types, ns: &str) -> Ty {
    message(
        t,
        &format!("{ns}.ApplicationError"),
        vec![],
        vec![
            f("code", Ty::String, "Error code."),
            f("description", Ty::String, "Description of the error."),
            f("data", Ty::Map, "Data related to the error."),
        ],
    )
}

pub(crate) fn item_metadata(t: &mut Types, ns: &str) -> Ty {
    let e = application_error(t, ns);
    message(
        t,
        &format!("{ns}.ItemMetadata"),
        vec![],
        vec![
            f("id", Ty::String, "Item GUID. Should always be available, unless it's impossible (for example, when failing to create an item).").val("format GUID"),
            f("originalIndex", Ty::Int32, "Index of the item within the request array. Allows for correlation between request and response items."),
            f("success", Ty::Bool, "Whether the requested action was successful for this item. When `false`, the `error` field is populated."),
            f("error", e, "Details about the error in case of failure."),
        ],
    )
}

pub(crate) fn bulk_action_metadata(t: &mut Types, ns: &str) -> Ty {
    message(
        t,
        &format!("{ns}.BulkActionMetadata"),
        vec![],
        vec![
            f(
                "totalSuccesses",
                Ty::Int32,
                "Number of items that were successfully processed.",
            ),
            f(
                "totalFailures",
                Ty::Int32,
                "Number of items that couldn't be processed.",
            ),
            f(
                "undetailedFailures",
                Ty::Int32,
                "Number of failures without details because detailed failure threshold was exceeded.",
            ),
        ],
    )
}

pub(crate) fn money(t: &mut Types, ns: &str) -> Ty {
    message(
        t,
        &format!("{ns}.Money"),
        vec![],
        vec![
            f("value", Ty::String, "Monetary amount. Decimal string with a period as a decimal separator (e.g., 3.99). Optionally, a single (-), to indicate that the amount is negative.").val("format DECIMAL_VALUE, decimalValue {\"maxScale\":2}"),
            f("currency", Ty::String, "Currency code. Must be valid ISO 4217 currency code (e.g., USD).").val("format CURRENCY"),
            f("formattedValue", Ty::String, "Monetary amount. Decimal string in local format (e.g., 1 000,30). Optionally, a single (-), to indicate that the amount is negative.").ro(),
        ],
    )
}

pub(crate) fn image(t: &mut Types, ns: &str) -> Ty {
    message(
        t,
        &format!("{ns}.Image"),
        vec![],
        vec![
            f("id", Ty::String, "WixMedia image GUID."),
            f("url", Ty::String, "Image URL."),
            f("height", Ty::Int32, "Original image height."),
            f("width", Ty::Int32, "Original image width."),
            f("altText", Ty::String, "Image alt text."),
        ],
    )
}

/// `wix.common.Address` with its `StreetAddress` (number, name, apt).
pub(crate) fn address(t: &mut Types, ns: &str) -> Ty {
    let street = message(
        t,
        &format!("{ns}.StreetAddress"),
        vec![],
        vec![
            f("number", Ty::String, "Street number."),
            f("name", Ty::String, "Street name."),
            f("apt", Ty::String, "Apartment number."),
        ],
    );
    let location = message(
        t,
        &format!("{ns}.AddressLocation"),
        vec![],
        vec![
            f("latitude", Ty::Number, "Address latitude."),
            f("longitude", Ty::Number, "Address longitude."),
        ],
    );
    message(
        t,
        &format!("{ns}.Address"),
        vec![one_of(
            "streetAddressOneOf",
            vec![
                f("streetAddress", street, "Street name and number."),
                f(
                    "addressLine",
                    Ty::String,
                    "Main address line, usually street and number as free text.",
                ),
            ],
        )],
        vec![
            f("country", Ty::String, "Country code.").val("format COUNTRY"),
            f(
                "subdivision",
                Ty::String,
                "Subdivision shorthand. Usually, a short code (2 or 3 letters) that represents a state, region, prefecture, or province. e.g. NY",
            ),
            f("city", Ty::String, "City name."),
            f("postalCode", Ty::String, "Zip/postal code."),
            f(
                "addressLine2",
                Ty::String,
                "Free text providing more detailed address info. Usually contains Apt, Suite, and Floor.",
            ),
            f("location", location, "Coordinates of the physical address."),
        ],
    )
}

pub(crate) fn empty(t: &mut Types) -> Ty {
    message(t, "google.protobuf.Empty", vec![], vec![])
}
