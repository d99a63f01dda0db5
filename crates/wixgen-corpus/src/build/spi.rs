//! Service-plugin methods: what Wix sends an app and what the app answers.
//! Their pages say `URL: null` and have no permission scopes.

use super::common;
use super::methods::{examples_for, random_style};
use super::types::*;
use crate::catalog::{PluginKind, PluginTheme};
use crate::model::*;
use crate::rng::Rng;

struct Spec {
    name: &'static str,
    desc: &'static str,
    params: Vec<FieldDef>,
    resp: Vec<FieldDef>,
    required: Vec<&'static str>,
}

fn line_items(t: &mut Types, proto: &str) -> Ty {
    let unit = enumeration(
        t,
        &format!("{proto}.WeightUnit"),
        &[
            "UNSPECIFIED_WEIGHT_UNIT: Weight unit can't be classified due to an error.",
            "KG: Kilograms.",
            "LB: Pounds.",
        ],
    );
    let phys = message(
        t,
        &format!("{proto}.PhysicalProperties"),
        vec![],
        vec![
            f(
                "weight",
                Ty::Number,
                "Line item weight. Measurement unit matches the weight unit specified in `weightUnit` in the request.",
            ),
            f(
                "sku",
                Ty::String,
                "Stock-keeping unit. Learn more about [SKUs](https://www.wix.com/encyclopedia/definition/stock-keeping-unit-sku).",
            ),
            f("shippable", Ty::Bool, "Whether this line item is shippable."),
        ],
    );
    let item = message(
        t,
        &format!("{proto}.LineItem"),
        vec![],
        vec![
            f("id", Ty::String, "Line item GUID.").req(),
            f("quantity", Ty::Int32, "Number of items.").val("minimum 1, maximum 100000"),
            f("price", Ty::String, "Price of a single item.")
                .val("format DECIMAL_VALUE, decimalValue {\"gte\":\"0\",\"maxScale\":2}"),
            f("physicalProperties", phys, "Physical properties of the item."),
            f("weightUnit", unit, "Weight unit."),
        ],
    );
    arr(item)
}

fn specs(t: &mut Types, kind: PluginKind, proto: &str) -> Vec<Spec> {
    match kind {
        PluginKind::GiftCards => vec![
            Spec {
                name: "GetBalance",
                desc: "Retrieves the balance of a gift card.  Wix calls this method when a customer enters a gift card code at checkout.",
                params: vec![
                    f("code", Ty::String, "Gift card code.")
                        .req()
                        .val("minLength 1, maxLength 50"),
                    f(
                        "currencyCode",
                        Ty::String,
                        "Currency code of the site, in [ISO-4217](https://en.wikipedia.org/wiki/ISO_4217) format.",
                    )
                    .val("format CURRENCY"),
                ],
                resp: vec![
                    f("balance", Ty::Number, "Current balance of the gift card."),
                    f("currencyCode", Ty::String, "Currency code of the balance.").val("format CURRENCY"),
                    f("expirationDate", Ty::Timestamp, "Date and time the gift card expires."),
                ],
                required: vec!["code"],
            },
            Spec {
                name: "Redeem",
                desc: "Redeems an amount from a gift card.  Wix calls this method when a customer completes a purchase paid with a gift card.",
                params: vec![
                    f("code", Ty::String, "Gift card code.").req(),
                    f("amount", Ty::Number, "Amount to redeem.").req(),
                    f("orderId", Ty::String, "GUID of the order paid with the gift card.").val("format GUID"),
                    f("currencyCode", Ty::String, "Currency code.").val("format CURRENCY"),
                ],
                resp: vec![
                    f(
                        "transactionId",
                        Ty::String,
                        "GUID of the redeem transaction. Wix passes it to `Void` to cancel the redemption.",
                    ),
                    f(
                        "remainingBalance",
                        Ty::Number,
                        "Balance left on the gift card after the redemption.",
                    ),
                    f("currencyCode", Ty::String, "Currency code.").val("format CURRENCY"),
                ],
                required: vec!["code", "amount"],
            },
            Spec {
                name: "Void",
                desc: "Voids a gift card transaction.  Wix calls this method when a payment fails after the gift card was redeemed.",
                params: vec![f("transactionId", Ty::String, "GUID of the transaction to void.").req()],
                resp: vec![],
                required: vec!["transactionId"],
            },
        ],
        PluginKind::ShippingRates => {
            let items = line_items(t, proto);
            let address = common::address(t, "wix.common");
            let charge_type = enumeration(t, &format!("{proto}.ChargeType"), &["HANDLING_FEE", "INSURANCE"]);
            let charge = message(
                t,
                &format!("{proto}.AdditionalCharge"),
                vec![],
                vec![
                    f("type", charge_type, "Type of additional cost."),
                    f("price", Ty::String, "Price of added charge.").val("format DECIMAL_VALUE"),
                    f(
                        "details",
                        Ty::String,
                        "Description of the additional charge. For example, `\"Handling fee of $5 applied for gift wrapping\"`.",
                    ),
                ],
            );
            let logistics = message(
                t,
                &format!("{proto}.DeliveryLogistics"),
                vec![],
                vec![
                    f(
                        "deliveryTime",
                        Ty::String,
                        "Expected delivery time, in free text. For example, `\"3-5 business days\"`.",
                    ),
                    f(
                        "instructions",
                        Ty::String,
                        "Instructions for caller, e.g for pickup: `\"Please deliver during opening hours, and please don't park in disabled parking spot\"`.",
                    ),
                ],
            );
            let rate = message(t, &format!("{proto}.ShippingRate"), vec![], vec![
                f("code", Ty::String, "Unique code that acts as an GUID for a shipping option. For example, `\"usps_std_overnight\"`.").req(),
                f("title", Ty::String, "Shipping option title. For example, `\"USPS Standard Overnight Delivery\"`, `\"Standard\"` or `\"First-Class Package International\"`.").req(),
                f("logistics", logistics, "Shipping logistics."),
                f("cost", Ty::String, "Shipping price.").val("format DECIMAL_VALUE"),
                f("additionalCharges", arr(charge), "Additional costs such as handling fees or insurance."),
            ]);
            vec![Spec {
                name: "GetShippingRates",
                desc: "Retrieves applicable shipping rates for a delivery from an app.  Wix calls this method during the checkout.",
                params: vec![
                    f("lineItems", items, "List of items to ship.").req(),
                    f("shippingDestination", address, "Shipping destination address."),
                    f(
                        "purchaseFlowId",
                        Ty::String,
                        "Persistent GUID that correlates between the various eCommerce elements: cart, checkout, and order.",
                    ),
                    f("currency", Ty::String, "The currency of the rates, in ISO-4217 format.")
                        .req()
                        .val("format CURRENCY"),
                ],
                resp: vec![f("shippingRates", arr(rate), "Shipping rates.")],
                required: vec!["lineItems", "currency"],
            }]
        }
        PluginKind::AdditionalFees => {
            let items = line_items(t, proto);
            let address = common::address(t, "wix.common");
            let tax = message(
                t,
                &format!("{proto}.TaxDetails"),
                vec![],
                vec![
                    f("taxable", Ty::Bool, "Whether additional fee is taxable."),
                    f("taxGroupId", Ty::String, "Reserved for internal use."),
                ],
            );
            let fee = message(
                t,
                &format!("{proto}.AdditionalFee"),
                vec![],
                vec![
                    f(
                        "code",
                        Ty::String,
                        "Additional fee's unique code (or GUID) for future processing.",
                    )
                    .val("minLength 1, maxLength 100"),
                    f("name", Ty::String, "Translated additional fee's name.")
                        .req()
                        .val("minLength 1, maxLength 50"),
                    f("price", Ty::String, "Additional fee's price.")
                        .req()
                        .val("format DECIMAL_VALUE, decimalValue {\"gte\":\"0\"}"),
                    f("taxDetails", tax, "Tax details."),
                    f(
                        "lineItemIds",
                        arr(Ty::String),
                        "Optional - Line items associated with this additional fee. If no `lineItemIds` are provided, the fee will be associated with the whole cart/checkout/order.",
                    ),
                ],
            );
            vec![Spec {
                name: "CalculateAdditionalFees",
                desc: "Calculates additional fees for a cart or checkout.  Wix calls this method whenever the cart or checkout changes.",
                params: vec![
                    f("lineItems", items, "Cart or checkout line items."),
                    f("shippingAddress", address, "Shipping address."),
                    f("currency", Ty::String, "Currency of the cart or checkout.").val("format CURRENCY"),
                ],
                resp: vec![
                    f("additionalFees", arr(fee), "Additional fees calculated by the app."),
                    f("currency", Ty::String, "Currency of the fees.").val("format CURRENCY"),
                ],
                required: vec![],
            }]
        }
        PluginKind::Tax => {
            let items = line_items(t, proto);
            let address = common::address(t, "wix.common");
            let breakdown = message(
                t,
                &format!("{proto}.TaxBreakdown"),
                vec![],
                vec![
                    f(
                        "jurisdiction",
                        Ty::String,
                        "Jurisdiction that taxes were calculated for.",
                    ),
                    f(
                        "rate",
                        Ty::String,
                        "Tax rate used for this jurisdiction, as a decimal. For example, 10% tax is `\"0.1000\"`.",
                    )
                    .val("format DECIMAL_VALUE"),
                    f("taxAmount", Ty::String, "Amount of tax calculated for this line item.")
                        .val("format DECIMAL_VALUE"),
                ],
            );
            let detail = message(
                t,
                &format!("{proto}.LineItemTaxDetails"),
                vec![],
                vec![
                    f("id", Ty::String, "Line item GUID."),
                    f("taxBreakdown", arr(breakdown), "Tax breakdown per jurisdiction."),
                ],
            );
            vec![Spec {
                name: "CalculateTax",
                desc: "Calculates tax for the provided line items.  Wix calls this method when the cart, checkout or an order changes.",
                params: vec![
                    f("currency", Ty::String, "Currency code.").req().val("format CURRENCY"),
                    f(
                        "addresses",
                        arr(address),
                        "Array of addresses. Each line item can individually reference the address to apply with `lineItems.addressIndex`.",
                    ),
                    f("lineItems", items, "Line items to calculate tax for.").req(),
                ],
                resp: vec![
                    f("currency", Ty::String, "Currency code.").val("format CURRENCY"),
                    f("lineItemTaxDetails", arr(detail), "Tax details per line item."),
                ],
                required: vec!["currency", "lineItems"],
            }]
        }
        PluginKind::Validations => {
            let source = enumeration(
                t,
                &format!("{proto}.SourceInfo.Source"),
                &["OTHER: Other source", "CART: Cart", "CHECKOUT: Checkout"],
            );
            let flow = enumeration(
                t,
                &format!("{proto}.SourceInfo.PurchaseFlow"),
                &[
                    "UNKNOWN_PURCHASE_FLOW",
                    "CART",
                    "CHECKOUT",
                    "QUICK_CHECKOUT",
                    "PAY_LINK",
                ],
            );
            let info = message(
                t,
                &format!("{proto}.SourceInfo"),
                vec![],
                vec![
                    f("source", source, "Source of the validation request."),
                    f("purchaseFlow", flow, "Purchase flow the request comes from."),
                ],
            );
            let severity = enumeration(
                t,
                &format!("{proto}.Severity"),
                &[
                    "WARNING: The user is allowed to move forward in the flow.",
                    "ERROR: The user is blocked from moving forward in the flow.",
                ],
            );
            let other_name = enumeration(
                t,
                &format!("{proto}.Target.Other.NameInOther"),
                &["OTHER_DEFAULT: Default location, in case no specific location is specified."],
            );
            let other = message(
                t,
                &format!("{proto}.Target.Other"),
                vec![],
                vec![f(
                    "name",
                    other_name,
                    "Location on a checkout or a cart page where a general (other) violation will be displayed.",
                )],
            );
            let li_name = enumeration(
                t,
                &format!("{proto}.Target.LineItem.NameInLineItem"),
                &["LINE_ITEM_DEFAULT: Default location, in case no specific location is specified."],
            );
            let target_li = message(
                t,
                &format!("{proto}.Target.LineItem"),
                vec![],
                vec![
                    f(
                        "name",
                        li_name,
                        "Location on a checkout or a cart page where the specific line item violation will be displayed.",
                    ),
                    f("id", Ty::String, "GUID of the line item containing the violation."),
                ],
            );
            let target = message(
                t,
                &format!("{proto}.Target"),
                vec![one_of(
                    "target",
                    vec![
                        f("other", other, "General (other) violation."),
                        f("lineItem", target_li, "Specific line item violation."),
                    ],
                )],
                vec![],
            );
            let violation = message(
                t,
                &format!("{proto}.Violation"),
                vec![],
                vec![
                    f(
                        "severity",
                        severity,
                        "Severity of the violation. The violations are shown on the cart and checkout pages. A warning is displayed as yellow, and allows a site visitor to proceed with caution. An error is displayed as red, and doesn't allow a site visitor to proceed with the eCommerce flow.",
                    ),
                    f(
                        "target",
                        target,
                        "Target location on a checkout or cart page where the violation will be displayed.",
                    ),
                    f(
                        "description",
                        Ty::String,
                        "Violation description. Can include rich text. Only HTTP or HTTPS links in the following format are allowed: `<a href=\"https://www.wix.com\">Click me</a>`.",
                    ),
                ],
            );
            vec![Spec {
                name: "GetValidationViolations",
                desc: "Retrieves any validation violations in a site visitor's cart or checkout.",
                params: vec![
                    f("sourceInfo", info, "Information about the source of the request."),
                    f("validationInfo", Ty::Map, "Information to validate."),
                ],
                resp: vec![f("violations", arr(violation), "List of validation violations.")],
                required: vec![],
            }]
        }
    }
}

/// The first `count` methods of a service plugin.
pub(crate) fn build(t: &mut Types, rng: &mut Rng, theme: &PluginTheme, proto: &str, count: usize) -> Vec<Method> {
    let mut out = Vec::new();
    for spec in specs(t, theme.kind, proto).into_iter().take(count) {
        let request = format!("{proto}.{}Request", spec.name);
        message(t, &request, vec![], spec.params);
        let response = format!("{proto}.{}Response", spec.name);
        let empty = spec.resp.is_empty();
        message(t, &response, vec![], spec.resp);
        let mut cases = vec!["service-plugin"];
        if empty {
            cases.push("empty-response");
        }
        let style = random_style(rng);
        out.push(Method {
            name: spec.name.to_owned(),
            namespace: theme.namespace.to_owned(),
            verb: Verb::Post,
            url: None,
            request,
            response,
            scopes: vec![],
            errors: vec![],
            description: spec.desc.to_owned(),
            intro: spec.desc.split("  ").map(str::to_owned).collect(),
            required_paths: spec.required.iter().map(|s| (*s).to_owned()).collect(),
            examples: examples_for(rng, spec.name, Verb::Post),
            js_resolves: false,
            style,
            cases,
        });
    }
    out
}
