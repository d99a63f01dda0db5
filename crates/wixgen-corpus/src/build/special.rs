//! Types of the packages built to show one identity case each.

use super::common;
use super::types::*;
use crate::model::*;

/// Bookings: `wix.common.Address` (with `StreetAddress` number/name/apt) on the
/// contact details, and `wix.bookings.v2.Address` (with its own
/// `StreetAddress` number/name) on the location: two `Address` and two
/// `StreetAddress` types in one package, on one page.
pub(crate) fn booking_extras(t: &mut Types, proto: &str) -> Vec<FieldDef> {
    let common_address = common::address(t, "wix.common");
    let street = message(
        t,
        &format!("{proto}.StreetAddress"),
        vec![],
        vec![
            f("number", Ty::String, "Street number."),
            f("name", Ty::String, "Street name."),
        ],
    );
    let address = message(
        t,
        &format!("{proto}.Address"),
        vec![],
        vec![
            f("streetAddress", street, "Street address of the business location."),
            f(
                "formattedAddress",
                Ty::String,
                "Full address as a single line, formatted for display.",
            ),
            f("city", Ty::String, "City name."),
            f(
                "country",
                Ty::String,
                "2-letter country code in an [ISO-3166 alpha-2](https://www.iso.org/obp/ui/#search/code/) format.",
            ),
            f("postalCode", Ty::String, "Postal or zip code."),
        ],
    );
    let location_type = enumeration(
        t,
        &format!("{proto}.LocationType"),
        &[
            "BUSINESS: A business location, either the default business address, or locations defined for the business by the Business Info.",
            "CUSTOM: The location is unique to this service and isn't defined as 1 of the business locations.",
            "CUSTOMER: The location can be determined by the customer and isn't set up beforehand.",
        ],
    );
    let location = message(
        t,
        &format!("{proto}.Location"),
        vec![],
        vec![
            f("id", Ty::String, "[Location GUID](https://dev.wix.com/docs/api-reference/business-management/locations/introduction.md). Available only for business locations.").val("format GUID"),
            f("name", Ty::String, "Location name."),
            f("formattedAddress", Ty::String, "Formatted location address."),
            f("locationType", location_type, "Location type."),
            f("address", address, "Address of the location."),
        ],
    );
    let contact = message(
        t,
        &format!("{proto}.ContactDetails"),
        vec![],
        vec![
            f("contactId", Ty::String, "Contact GUID.").val("format GUID"),
            f("firstName", Ty::String, "Contact's first name. When populated from a standard booking form, this property corresponds to the `name` field.").val("maxLength 250"),
            f("lastName", Ty::String, "Contact's last name.").val("maxLength 250"),
            f("email", Ty::String, "Contact's email. Used to create a new contact or get existing one from the [Contacts API](https://www.wix.com/velo/reference/wix-crm-v2/contacts).").val("format EMAIL"),
            f("fullAddress", common_address, "Contact's full address."),
            f("timeZone", Ty::String, "Contact's time zone.").val("maxLength 100"),
        ],
    );
    vec![
        f("location", location, "Location where the session takes place.").req(),
        f(
            "contactDetails",
            contact,
            "Contact details of the customer booking the service.",
        ),
    ]
}

/// Three `Badge` types of one package: v1 (legacy), v2 (member badges) and
/// the v3 resource (built by the generic generator with these extras).
pub(crate) fn legacy_badges(t: &mut Types) -> (Ty, Ty) {
    let v1 = message(
        t,
        "wix.badges.v1.Badge",
        vec![],
        vec![
            f("id", Ty::String, "Badge GUID.").ro(),
            f("title", Ty::String, "Badge title as displayed on the member profile."),
            f("color", Ty::String, "Badge color as a hexadecimal value."),
            f("iconUrl", Ty::String, "URL of the badge icon."),
        ],
    );
    let v2 = message(
        t,
        "wix.badges.v2.Badge",
        vec![],
        vec![
            f("id", Ty::String, "Badge GUID.").ro().val("format GUID"),
            f("title", Ty::String, "Badge title.").val("maxLength 50"),
            f("description", Ty::String, "Badge description.").val("maxLength 200"),
            f(
                "backgroundColor",
                Ty::String,
                "Badge background color as a hexadecimal RGB color.",
            ),
            f(
                "permissionsEnabled",
                Ty::Bool,
                "Whether the badge grants permissions to the members who have it.",
            ),
            f("assignedMembersCount", Ty::Int64, "Number of members with the badge.").ro(),
        ],
    );
    (v1, v2)
}

/// eCommerce line items: `ItemType` is a message holding a ONE-OF whose
/// member `preset` is an enum also named `ItemType`.
pub(crate) fn line_item(t: &mut Types, proto: &str, common_ns: &str) -> Ty {
    let preset = enumeration(
        t,
        &format!("{proto}.ItemType.ItemType"),
        &["UNRECOGNISED", "PHYSICAL", "DIGITAL", "GIFT_CARD", "SERVICE"],
    );
    let item_type = message(
        t,
        &format!("{proto}.ItemType"),
        vec![one_of(
            "itemTypeData",
            vec![
                f("preset", preset, "Preset item type."),
                f(
                    "custom",
                    Ty::String,
                    "Custom item type. When none of the preset types are suitable, specifies the custom type.",
                ),
            ],
        )],
        vec![],
    );
    let catalog_ref = message(
        t,
        &format!("{proto}.CatalogReference"),
        vec![],
        vec![
            f("catalogItemId", Ty::String, "GUID of the item within the catalog it belongs to.").req().val("minLength 1, maxLength 36"),
            f("appId", Ty::String, "GUID of the app providing the catalog.  You can get the app's GUID from its page in the [Wix Dev Center](https://dev.wix.com/apps).  For items from Wix catalogs, the following values always apply: + Wix Stores: `\"215238eb-22a5-4c36-9e7b-e7c08025e04e\"` + Wix Bookings: `\"13d21c63-b5ec-5912-8397-c3a5ddb27a97\"`").req().val("minLength 1"),
            f("options", Ty::Map, "Additional item details in key:value pairs. Use this optional field to provide more specificity with item selection. The `options` field values differ depending on which catalog is providing the items."),
        ],
    );
    let product_name = message(
        t,
        &format!("{proto}.ProductName"),
        vec![],
        vec![
            f("original", Ty::String, "__Required.__ Item name in the site's default language as defined in the [request envelope](https://dev.wix.com/docs/build-apps/develop-your-app/frameworks/self-hosting/supported-extensions/backend-extensions/add-self-hosted-service-plugin-extensions#request-envelope).  Min: 1 character. Max: 200 characters.").val("minLength 1, maxLength 200"),
            f("translated", Ty::String, "Item name translated into the buyer's language.  Min: 1 character. Max: 400 characters. Default: Same as `original`.").val("minLength 1, maxLength 400"),
        ],
    );
    let price = message(
        t,
        &format!("{proto}.MultiCurrencyPrice"),
        vec![],
        vec![
            f("amount", Ty::String, "Amount.").val("format DECIMAL_VALUE, decimalValue {\"gte\":\"0\",\"maxScale\":2}"),
            f("convertedAmount", Ty::String, "Converted amount.")
                .ro()
                .val("format DECIMAL_VALUE, decimalValue {\"gte\":\"0\",\"maxScale\":2}"),
            f("formattedAmount", Ty::String, "Amount formatted with currency symbol.").ro(),
            f(
                "formattedConvertedAmount",
                Ty::String,
                "Converted amount formatted with currency symbol.",
            )
            .ro(),
        ],
    );
    let payment_option = enumeration(
        t,
        &format!("{proto}.PaymentOptionType"),
        &[
            "FULL_PAYMENT_ONLINE: The entire payment for this item happens as part of the checkout.",
            "FULL_PAYMENT_OFFLINE: The entire payment for this item happens after the checkout. For example, when using cash, check, or other offline payment methods.",
            "MEMBERSHIP: Payment for this item is done by charging a membership. When selected, `price` is `0`.",
            "DEPOSIT_ONLINE: Partial payment to be paid upfront during the checkout. Initial amount to be paid for each line item is specified in `depositAmount`.",
        ],
    );
    let image = common::image(t, common_ns);
    message(
        t,
        &format!("{proto}.LineItem"),
        vec![],
        vec![
            f("id", Ty::String, "Line item GUID.").ro().val("format GUID"),
            f("quantity", Ty::Int32, "Item quantity.  Min: `\"1\"` Max: `\"100000\"`").val("minimum 1, maximum 100000"),
            f(
                "catalogReference",
                catalog_ref,
                "Catalog and item reference. Holds GUIDs for the item and the catalog it came from, as well as further optional info. Optional for custom line items, which don't trigger the Catalog service plugin.",
            ),
            f(
                "productName",
                product_name,
                "Item name.  + Stores - `product.name` + Bookings - `service.info.name` + Events - `ticket.name`",
            )
            .ro(),
            f(
                "price",
                price.clone(),
                "Item price **after** catalog-defined discount and line item discounts.",
            )
            .ro(),
            f(
                "fullPrice",
                price,
                "Item price **before** catalog-defined discount. Defaults to `price` when not provided.",
            )
            .ro(),
            f("itemType", item_type, "Item type. Either a preset type or custom.").ro(),
            f(
                "paymentOption",
                payment_option,
                "Type of selected payment option for current item.  Default: `FULL_PAYMENT_ONLINE`",
            )
            .ro(),
            f("image", image, "Line item image details.").ro(),
        ],
    )
}
