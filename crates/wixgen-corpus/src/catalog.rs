//! Package themes named after real Wix packages. When a corpus needs more
//! packages than listed, variants (`bookings-v2`, ...) are derived.

/// Special cases a package is built to show (FORMAT.md section 7 and the
/// corpus brief).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Feature {
    Plain,
    /// Rich-content nodes (`wix.ricos.v1`).
    RichContent,
    /// Two `Address`/`StreetAddress` types; `Booking` request and response views.
    Bookings,
    /// `Badge` v1, v2 and v3; `{badge.id}`.
    Badges,
    /// `ItemType` message with a ONE-OF whose member `preset` is an enum `ItemType`.
    ItemType,
}

pub(crate) struct Theme {
    pub dir: &'static str,
    pub name: &'static str,
    pub proto: &'static str,
    pub docs: &'static str,
    pub url: &'static str,
    pub sdk: &'static str,
    /// Permission scope display word and id word.
    pub scope: (&'static str, &'static str),
    /// (Entity, Namespace) pairs: the first is the package's main resource.
    pub entities: &'static [(&'static str, &'static str)],
    /// Domain words used as field names.
    pub words: &'static [&'static str],
    pub feature: Feature,
}

macro_rules! theme {
    ($dir:literal, $name:literal, $proto:literal, $docs:literal, $url:literal, $sdk:literal, ($sn:literal, $si:literal), [$(($e:literal, $ns:literal)),+], [$($w:literal),*], $feat:ident) => {
        Theme { dir: $dir, name: $name, proto: $proto, docs: $docs, url: $url, sdk: $sdk, scope: ($sn, $si),
            entities: &[$(($e, $ns)),+], words: &[$($w),*], feature: Feature::$feat }
    };
}

/// Ordered so that the first twenty show every special case.
pub(crate) const THEMES: &[Theme] = &[
    theme!(
        "bookings",
        "bookings",
        "wix.bookings.v2",
        "business-solutions/bookings/bookings/bookings-writer-v2",
        "bookings/v2",
        "@wix/bookings",
        ("Bookings", "BOOKINGS"),
        [("Booking", "BookingsService")],
        [
            "totalParticipants",
            "startDate",
            "endDate",
            "timezone",
            "bookingSource",
            "selectedPaymentOption",
            "doubleBooked",
            "externalUserId"
        ],
        Bookings
    ),
    theme!(
        "blog",
        "blog",
        "wix.blog.v3",
        "business-solutions/blog/posts-stats",
        "blog/v3",
        "@wix/blog",
        ("Blog", "BLOG"),
        [("Post", "PostService"), ("Category", "CategoryService")],
        [
            "excerpt",
            "featured",
            "pinned",
            "commentingEnabled",
            "minutesToRead",
            "heroImage",
            "language",
            "hashtags",
            "memberId"
        ],
        RichContent
    ),
    theme!(
        "ecom-cart",
        "cart",
        "wix.ecom.cart.v1",
        "business-solutions/e-commerce/purchase-flow/cart/cart",
        "ecom/v1",
        "@wix/ecom",
        ("eCommerce", "ECOM"),
        [("Cart", "CartService")],
        [
            "buyerNote",
            "currency",
            "conversionCurrency",
            "checkoutId",
            "purchaseFlowId",
            "weightUnit",
            "taxIncludedInPrices"
        ],
        ItemType
    ),
    theme!(
        "members-badges",
        "badges",
        "wix.badges.v3",
        "crm/members-contacts/members/badges",
        "badges/v3",
        "@wix/members",
        ("Manage Badges", "BADGES"),
        [("Badge", "BadgesService")],
        ["backgroundColor", "textColor", "icon", "permissionsEnabled", "slug"],
        Badges
    ),
    theme!(
        "forum",
        "forum",
        "wix.forum.v2",
        "business-solutions/forum/posts",
        "forum/v2",
        "@wix/forum",
        ("Forum", "FORUM"),
        [("ForumPost", "PostsService")],
        [
            "categoryId",
            "pinned",
            "commentingDisabled",
            "viewCount",
            "likeCount",
            "lastActivityDate",
            "ownerId"
        ],
        RichContent
    ),
    theme!(
        "comments",
        "comments",
        "wix.comments.v2",
        "crm/community/comments",
        "comments/v2",
        "@wix/comments",
        ("Comments", "COMMENTS"),
        [("Comment", "CommentsService")],
        [
            "appId",
            "contextId",
            "resourceId",
            "parentCommentId",
            "replyCount",
            "reactionCount",
            "mentions"
        ],
        RichContent
    ),
    theme!(
        "ecom-checkout",
        "checkout",
        "wix.ecom.checkout.v1",
        "business-solutions/e-commerce/purchase-flow/checkout/checkout",
        "ecom/v1",
        "@wix/ecom",
        ("eCommerce", "ECOM"),
        [("Checkout", "CheckoutService")],
        [
            "buyerLanguage",
            "channelType",
            "completed",
            "currency",
            "payNow",
            "payLater",
            "giftCardCode"
        ],
        ItemType
    ),
    theme!(
        "ecom-orders",
        "orders",
        "wix.ecom.orders.v1",
        "business-solutions/e-commerce/orders/orders",
        "ecom/v1",
        "@wix/ecom",
        ("eCommerce Orders", "ECOM-ORDERS"),
        [("Order", "OrdersService")],
        [
            "number",
            "paymentStatus",
            "fulfillmentStatus",
            "archived",
            "seenByAHuman",
            "taxIncludedInPrices",
            "purchasedDate"
        ],
        ItemType
    ),
    theme!(
        "inbox",
        "inbox",
        "wix.inbox.v2",
        "crm/communication/inbox/conversations",
        "inbox/v2",
        "@wix/inbox",
        ("Inbox Messages", "INBOX"),
        [("Conversation", "ConversationsService"), ("Message", "MessagesService")],
        [
            "previewText",
            "unreadCount",
            "silent",
            "sequence",
            "channelType",
            "appId"
        ],
        Plain
    ),
    theme!(
        "contacts",
        "contacts",
        "wix.contacts.v4",
        "crm/members-contacts/contacts/contacts",
        "contacts/v4",
        "@wix/crm",
        ("Contacts", "CONTACTS"),
        [("Contact", "ContactsV4Service"), ("Label", "LabelsService")],
        [
            "firstName",
            "lastName",
            "company",
            "jobTitle",
            "birthdate",
            "locale",
            "primaryEmail",
            "primaryPhone"
        ],
        Plain
    ),
    theme!(
        "media",
        "media",
        "wix.media.site_media.v1",
        "assets/media/media-manager/files",
        "site-media/v1",
        "@wix/media",
        ("Media Manager", "MEDIA"),
        [("File", "FilesService"), ("Folder", "FoldersService")],
        [
            "displayName",
            "mimeType",
            "sizeInBytes",
            "hash",
            "private",
            "parentFolderId",
            "thumbnailUrl",
            "labels"
        ],
        Plain
    ),
    theme!(
        "stores",
        "stores",
        "wix.stores.catalog.v3",
        "business-solutions/stores/catalog-v3/products-v3",
        "stores/v3",
        "@wix/stores",
        ("Stores", "STORES"),
        [
            ("Product", "ProductsService"),
            ("StoresCollection", "CollectionsService")
        ],
        [
            "slug",
            "visible",
            "brand",
            "ribbon",
            "sku",
            "weight",
            "handle",
            "inventoryStatus"
        ],
        Plain
    ),
    theme!(
        "events",
        "events",
        "wix.events.v3",
        "business-solutions/events/events-v3",
        "events/v3",
        "@wix/events",
        ("Events", "EVENTS"),
        [
            ("Event", "EventsService"),
            ("TicketDefinition", "TicketDefinitionsService")
        ],
        [
            "slug",
            "timeZoneId",
            "recurring",
            "registrationType",
            "guestLimit",
            "summary",
            "instanceId"
        ],
        Plain
    ),
    theme!(
        "pricing-plans",
        "pricingPlans",
        "wix.pricing_plans.v2",
        "business-solutions/pricing-plans/plans",
        "pricing-plans/v2",
        "@wix/pricing-plans",
        ("Pricing Plans", "PRICING-PLANS"),
        [("Plan", "PlansService")],
        [
            "slug",
            "maxPurchasesPerBuyer",
            "allowFutureStartDate",
            "buyerCanCancel",
            "termsAndConditions",
            "archived",
            "primary"
        ],
        Plain
    ),
    theme!(
        "members",
        "members",
        "wix.members.v1",
        "crm/members-contacts/members/members",
        "members/v1",
        "@wix/members",
        ("Members", "MEMBERS"),
        [("Member", "MembersService")],
        [
            "loginEmail",
            "nickname",
            "slug",
            "privacyStatus",
            "activityStatus",
            "lastLoginDate",
            "contactId"
        ],
        Plain
    ),
    theme!(
        "loyalty",
        "loyalty",
        "wix.loyalty.v1",
        "business-solutions/loyalty-program/accounts",
        "loyalty-accounts/v1",
        "@wix/loyalty",
        ("Loyalty", "LOYALTY"),
        [("LoyaltyAccount", "LoyaltyAccounts")],
        [
            "contactId",
            "memberId",
            "pointsExpiration",
            "tier",
            "earned",
            "redeemed",
            "adjusted"
        ],
        Plain
    ),
    theme!(
        "coupons",
        "coupons",
        "wix.coupons.v2",
        "business-solutions/e-commerce/discounts/coupons",
        "stores/v2",
        "@wix/marketing",
        ("Coupons", "COUPONS"),
        [("Coupon", "CouponsService")],
        [
            "code",
            "limitPerCustomer",
            "usageLimit",
            "active",
            "expirationTime",
            "scope",
            "minimumSubtotal"
        ],
        Plain
    ),
    theme!(
        "restaurants",
        "restaurants",
        "wix.restaurants.menus.v1",
        "business-solutions/restaurants/menus",
        "restaurants/menus/v1",
        "@wix/restaurants",
        ("Restaurants", "RESTAURANTS"),
        [("Menu", "MenusService"), ("Section", "SectionsService")],
        ["visible", "businessLocationIds", "urlQueryParam", "seoData", "itemIds"],
        Plain
    ),
    theme!(
        "locations",
        "locations",
        "wix.locations.v1",
        "business-management/locations",
        "locations/v1",
        "@wix/business-tools",
        ("Locations", "LOCATIONS"),
        [("Location", "LocationsService")],
        [
            "default",
            "archived",
            "timeZone",
            "email",
            "phone",
            "fax",
            "businessSchedule"
        ],
        Plain
    ),
    theme!(
        "automations",
        "automations",
        "wix.automations.v2",
        "business-management/automations/automations-v2",
        "automations/v2",
        "@wix/automations",
        ("Automations", "AUTOMATIONS"),
        [("Automation", "AutomationsService")],
        [
            "trigger",
            "origin",
            "configurationStatus",
            "draftInfo",
            "appDefinitionId",
            "archived"
        ],
        Plain
    ),
    theme!(
        "forms",
        "forms",
        "wix.forms.v4",
        "crm/forms/form-submissions",
        "form-submission-service/v4",
        "@wix/forms",
        ("Forms", "FORMS"),
        [("FormSubmission", "SubmissionService"), ("Form", "FormsService")],
        ["formId", "namespace", "submitter", "seen", "orderDetails", "contactId"],
        Plain
    ),
    theme!(
        "stores-inventory",
        "inventory",
        "wix.stores.inventory.v3",
        "business-solutions/stores/catalog-v3/inventory-items-v3",
        "stores/v3",
        "@wix/stores",
        ("Stores", "STORES"),
        [("InventoryItem", "InventoryItemsService")],
        [
            "variantId",
            "productId",
            "locationId",
            "trackQuantity",
            "quantity",
            "preorderInfo",
            "availabilityStatus"
        ],
        Plain
    ),
    theme!(
        "data-items",
        "data",
        "wix.cloud.data.v2",
        "business-solutions/cms/data-items",
        "wix-data/v2",
        "@wix/data",
        ("Wix Data", "DATA"),
        [
            ("DataItem", "DataItemService"),
            ("DataCollection", "DataCollectionService")
        ],
        [
            "dataCollectionId",
            "consistentRead",
            "referringItemFieldName",
            "appOptions",
            "includeReferences"
        ],
        Plain
    ),
    theme!(
        "calendar",
        "calendar",
        "wix.calendar.v3",
        "business-management/calendar/schedules-v3",
        "calendar/v3",
        "@wix/calendar",
        ("Calendar", "CALENDAR"),
        [("Schedule", "ScheduleService"), ("CalendarEvent", "EventService")],
        [
            "timeZone",
            "appId",
            "externalScheduleId",
            "defaultCapacity",
            "totalCapacity",
            "recurrenceType"
        ],
        Plain
    ),
    theme!(
        "benefit-programs",
        "benefitPrograms",
        "wix.benefit_programs.v1",
        "business-solutions/benefit-programs/pools",
        "benefit-programs/v1",
        "@wix/benefit-programs",
        ("Benefit Programs", "BENEFIT-PROGRAMS"),
        [("Pool", "PoolService"), ("PoolDefinition", "PoolDefinitionService")],
        ["programId", "beneficiary", "creditBalance", "renewalCount", "namespace"],
        Plain
    ),
    theme!(
        "online-programs",
        "onlinePrograms",
        "wix.online_programs.v3",
        "business-solutions/online-programs/programs",
        "online-programs/v3",
        "@wix/online-programs",
        ("Online Programs", "ONLINE-PROGRAMS"),
        [("Program", "ProgramsService"), ("ProgramStep", "ProgramStepsService")],
        [
            "durationInDays",
            "timeline",
            "selfPaced",
            "stepCount",
            "sectionCount",
            "accessType"
        ],
        Plain
    ),
    theme!(
        "portfolio",
        "portfolio",
        "wix.portfolio.projects.v1",
        "business-solutions/portfolio/projects",
        "portfolio/v1",
        "@wix/portfolio",
        ("Portfolio", "PORTFOLIO"),
        [("Project", "ProjectsService"), ("ProjectItem", "ProjectItemsService")],
        ["slug", "hidden", "coverImage", "details", "sortOrder", "collectionIds"],
        Plain
    ),
    theme!(
        "referrals",
        "referrals",
        "wix.loyalty.referral.v1",
        "business-solutions/referral-program/programs",
        "referral-programs/v1",
        "@wix/loyalty",
        ("Referrals", "REFERRALS"),
        [
            ("ReferralProgram", "ReferralPrograms"),
            ("ReferralReward", "ReferralRewards")
        ],
        [
            "programName",
            "referredFriendReward",
            "referringCustomerReward",
            "successfulReferralActions",
            "emails"
        ],
        Plain
    ),
    theme!(
        "email-marketing",
        "emailMarketing",
        "wix.email_marketing.v1",
        "crm/marketing/email-marketing/campaigns",
        "email-marketing/v1",
        "@wix/email-marketing",
        ("Email Marketing", "EMAIL-MARKETING"),
        [("Campaign", "CampaignService")],
        [
            "emailSubject",
            "firstImageUrl",
            "publishingData",
            "statistics",
            "visibilityStatus",
            "distributionStatus"
        ],
        Plain
    ),
    theme!(
        "bookings-services",
        "services",
        "wix.bookings.services.v2",
        "business-solutions/bookings/services/services-v2",
        "bookings/v2",
        "@wix/bookings",
        ("Bookings", "BOOKINGS"),
        [("Service", "ServicesService")],
        [
            "tagLine",
            "defaultCapacity",
            "onlineBooking",
            "sortOrder",
            "hidden",
            "mainSlug"
        ],
        Plain
    ),
    theme!(
        "staff-members",
        "staffMembers",
        "wix.bookings.staff.v1",
        "business-solutions/bookings/staff-members/staff-members",
        "bookings/v1",
        "@wix/bookings",
        ("Bookings", "BOOKINGS"),
        [("StaffMember", "StaffMembersService")],
        ["email", "phone", "resourceId", "associatedWixIdentity", "tagIds"],
        Plain
    ),
    theme!(
        "resources",
        "resources",
        "wix.bookings.resources.v2",
        "business-solutions/bookings/resources/resource-types-v2",
        "bookings/v2",
        "@wix/bookings",
        ("Bookings", "BOOKINGS"),
        [
            ("ResourceType", "ResourceTypesService"),
            ("Resource", "ResourcesService")
        ],
        [
            "workingHoursSchedules",
            "singleResource",
            "eventsSchedule",
            "locationOptions"
        ],
        Plain
    ),
    theme!(
        "restaurants-reservations",
        "reservations",
        "wix.table_reservations.v1",
        "business-solutions/restaurants/table-reservations/reservations",
        "table-reservations/v1",
        "@wix/table-reservations",
        ("Table Reservations", "TABLE-RESERVATIONS"),
        [
            ("Reservation", "ReservationsService"),
            ("ReservationLocation", "ReservationLocationsService")
        ],
        [
            "partySize",
            "tableIds",
            "reservee",
            "reservedBy",
            "migrationNotes",
            "source"
        ],
        Plain
    ),
    theme!(
        "marketing-tags",
        "marketingTags",
        "wix.marketing.tags.v1",
        "business-management/marketing/marketing-tags",
        "marketing-tags/v1",
        "@wix/marketing-tags",
        ("Marketing Tags", "MARKETING-TAGS"),
        [("Tag", "MarketingTagsService")],
        ["position", "content", "loadOnce", "enabled", "pageIds"],
        Plain
    ),
    theme!(
        "donations",
        "donations",
        "wix.donations.v1",
        "business-solutions/donations/donation-campaigns",
        "donations/v1",
        "@wix/donations",
        ("Donations", "DONATIONS"),
        [("DonationCampaign", "DonationCampaignsService")],
        ["goal", "amountOptions", "customAmountEnabled", "recurrence", "currency"],
        Plain
    ),
];

/// Service-plugin themes: package, namespace, docs path.
pub(crate) struct PluginTheme {
    pub dir: &'static str,
    pub name: &'static str,
    pub proto: &'static str,
    pub docs: &'static str,
    pub sdk: &'static str,
    pub namespace: &'static str,
    pub kind: PluginKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum PluginKind {
    GiftCards,
    ShippingRates,
    AdditionalFees,
    Tax,
    Validations,
}

impl PluginKind {
    /// Number of methods the plugin has.
    pub fn methods(self) -> usize {
        match self {
            PluginKind::GiftCards => 3,
            PluginKind::Validations | PluginKind::ShippingRates | PluginKind::AdditionalFees | PluginKind::Tax => 1,
        }
    }
}

pub(crate) const PLUGINS: &[PluginTheme] = &[
    PluginTheme {
        dir: "gift-cards-provider",
        name: "giftCardsProvider",
        proto: "wix.ecom.gift_cards.v1",
        docs: "business-solutions/e-commerce/service-plugins/gift-cards-service-plugin",
        sdk: "@wix/ecom",
        namespace: "GiftCardsProvider",
        kind: PluginKind::GiftCards,
    },
    PluginTheme {
        dir: "shipping-rates",
        name: "shippingRates",
        proto: "wix.ecom.shipping_rates.v1",
        docs: "business-solutions/e-commerce/service-plugins/shipping-rates-service-plugin",
        sdk: "@wix/ecom",
        namespace: "ShippingRatesProvider",
        kind: PluginKind::ShippingRates,
    },
    PluginTheme {
        dir: "additional-fees",
        name: "additionalFees",
        proto: "wix.ecom.additional_fees.v1",
        docs: "business-solutions/e-commerce/service-plugins/additional-fees-service-plugin",
        sdk: "@wix/ecom",
        namespace: "AdditionalFeesProvider",
        kind: PluginKind::AdditionalFees,
    },
    PluginTheme {
        dir: "tax-calculation",
        name: "taxCalculation",
        proto: "wix.billing.tax.v1",
        docs: "business-solutions/e-commerce/service-plugins/tax-calculation-service-plugin",
        sdk: "@wix/ecom",
        namespace: "TaxCalculationProvider",
        kind: PluginKind::Tax,
    },
    PluginTheme {
        dir: "ecom-validations",
        name: "validations",
        proto: "wix.ecom.validations.v1",
        docs: "business-solutions/e-commerce/service-plugins/validations-service-plugin",
        sdk: "@wix/ecom",
        namespace: "ValidationsProvider",
        kind: PluginKind::Validations,
    },
];
