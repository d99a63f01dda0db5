//! Building the model: how many packages, how many methods each, which
//! themes, and each package's types and methods.

mod common;
mod entity;
pub(crate) mod methods;
mod ricos;
pub(crate) mod sdk;
mod special;
mod spi;
pub(crate) mod types;

use crate::catalog::{Feature, PLUGINS, THEMES, Theme};
use crate::model::*;
use crate::rng::Rng;
use entity::{Gen, pluralize};
use methods::{ACTIONS, Kind, Res};
use types::*;

/// Build the model of an API with exactly `pages` methods.
pub(crate) fn build_api(pages: usize) -> Api {
    let mut api = Api::default();
    if pages == 0 {
        return api;
    }
    let mut rng = Rng::new(pages, "plan");
    let packages = ((pages as f64 / 7.5).round() as usize).max(20).min(pages);

    // Service plugins: about 2% of the methods, in their own packages.
    let spi_target = ((pages as f64 * 0.02).round() as usize)
        .max(1)
        .min(packages.saturating_sub(1).max(1));
    let mut spi: Vec<(usize, usize)> = Vec::new(); // (plugin index, method count)
    let mut spi_pages = 0;
    let mut i = 0;
    while spi_pages < spi_target && spi.len() < packages.saturating_sub(1).max(1) {
        let kind = PLUGINS[i % PLUGINS.len()].kind;
        let n = kind.methods().min(spi_target - spi_pages);
        spi.push((i, n));
        spi_pages += n;
        i += 1;
    }
    if pages == 1 {
        spi.clear();
        spi_pages = 0;
    }
    let regular = packages - spi.len();
    let regular_pages = pages - spi_pages;
    let mut counts = vec![(regular_pages / regular).clamp(1, 3); regular];
    let mut left = regular_pages - counts.iter().sum::<usize>();
    let mut cap = 15;
    while left > 0 {
        let open: Vec<usize> = (0..regular).filter(|&k| counts[k] < cap).collect();
        if open.is_empty() {
            cap += 1;
            continue;
        }
        let k = *rng.pick(&open);
        counts[k] += 1;
        left -= 1;
    }

    for (k, &count) in counts.iter().enumerate() {
        let theme = &THEMES[k % THEMES.len()];
        let variant = k / THEMES.len();
        let pkg = regular_package(&mut api.types, pages, theme, variant, k, count);
        api.packages.push(pkg);
    }
    for &(idx, count) in &spi {
        let theme = &PLUGINS[idx % PLUGINS.len()];
        let variant = idx / PLUGINS.len();
        let (dir, name, proto) = variant_names(theme.dir, theme.name, theme.proto, variant);
        let mut prng = Rng::new(pages, &format!("pkg:{dir}"));
        let methods = spi::build(&mut api.types, &mut prng, theme, &proto, count);
        api.packages.push(Package {
            dir,
            name,
            docs_path: theme.docs.to_owned(),
            sdk_module: theme.sdk.to_owned(),
            service_plugin: true,
            methods,
        });
    }
    sdk::add_options_types(&mut api);
    api
}

/// `bookings` → `bookings-v2`, `bookingsV2`, `wix.bookings_v2.v2` for variant 1.
fn variant_names(dir: &str, name: &str, proto: &str, variant: usize) -> (String, String, String) {
    if variant == 0 {
        return (dir.to_owned(), name.to_owned(), proto.to_owned());
    }
    let v = variant + 1;
    let mut parts: Vec<String> = proto.split('.').map(str::to_owned).collect();
    if parts.len() > 1 {
        parts[1] = format!("{}_v{v}", parts[1]);
    }
    (format!("{dir}-v{v}"), format!("{name}V{v}"), parts.join("."))
}

fn regular_package(t: &mut Types, pages: usize, theme: &Theme, variant: usize, index: usize, count: usize) -> Package {
    let (dir, name, proto) = variant_names(theme.dir, theme.name, theme.proto, variant);
    let mut rng = Rng::new(pages, &format!("pkg:{dir}"));
    let url_root = if variant == 0 {
        theme.url.to_owned()
    } else {
        let (a, b) = theme.url.split_once('/').unwrap_or((theme.url, ""));
        format!("{a}-v{}/{b}", variant + 1)
    };
    // Identical copies of the common types under several namespaces: some
    // packages have their own, some two (query types apart from list types).
    let common_ns = if index % 4 == 1 || rng.chance(25) {
        proto.clone()
    } else {
        "wix.common".to_owned()
    };
    let query_ns = if index % 5 != 2 && rng.chance(80) {
        common_ns.clone()
    } else if common_ns == "wix.common" {
        format!("{proto}.upstream")
    } else {
        "wix.common".to_owned()
    };
    let id_style = match theme.feature {
        Feature::ItemType | Feature::Badges => true,
        Feature::Bookings => false,
        _ => rng.chance(40),
    };
    let dotted = match theme.feature {
        Feature::Badges => true,
        Feature::Bookings => false,
        _ => rng.chance(85),
    };
    let shows_read_only = theme.feature == Feature::Plain && rng.chance(20);
    let chain = if index.is_multiple_of(3) { 6 } else { rng.below(3) };

    let mut g = Gen {
        t,
        rng: &mut rng,
        proto: proto.clone(),
        common: common_ns.clone(),
        words: theme.words,
        messages: Vec::new(),
        enums: Vec::new(),
        budget: 0,
        status_read_only: theme.feature == Feature::Bookings,
    };
    let mut resources = Vec::new();
    let second = theme.entities.len() > 1 && count >= 6;
    for (ei, (entity, namespace)) in theme.entities.iter().enumerate() {
        if ei > 0 && !second {
            break;
        }
        let extras = if ei == 0 {
            match theme.feature {
                Feature::RichContent => {
                    let rc = ricos::rich_content(g.t);
                    vec![types::f("richContent", rc, "Rich content. <!--ONLY:VELO [Rich Content](https://www.wix.com/velo/reference/$w/richcontentviewer) ONLY:VELO-->").val("format RICH_CONTENT")]
                }
                Feature::Bookings => special::booking_extras(g.t, &proto),
                Feature::ItemType => {
                    let li = special::line_item(g.t, &proto, &common_ns);
                    let money = common::money(g.t, &common_ns);
                    vec![
                        types::f("lineItems", arr(li), "Line items.").val("maxSize 300"),
                        types::f("subtotal", money, "Sum of the line items' prices.").ro(),
                    ]
                }
                Feature::Badges | Feature::Plain => vec![],
            }
        } else {
            vec![]
        };
        g.budget = g.rng.range(12, 40);
        let full = g.resource(entity, if ei == 0 { chain } else { 0 }, extras);
        let camel = lower_first(entity);
        let id_param = if id_style {
            "id".to_owned()
        } else {
            format!("{camel}Id")
        };
        let plural_path = kebab(&pluralize(&camel));
        resources.push(Res {
            entity: (*entity).to_owned(),
            full,
            namespace: (*namespace).to_owned(),
            proto: proto.clone(),
            base: format!("https://www.wixapis.com/{url_root}/{plural_path}"),
            root: format!("https://www.wixapis.com/{url_root}"),
            id_param,
            dotted_update: dotted,
            common: common_ns.clone(),
            query_ns: query_ns.clone(),
            scope: (theme.scope.0.to_owned(), theme.scope.1.to_owned()),
            pkg_words: name.clone(),
        });
    }

    let plan = plan(theme.dir, &mut rng, count, resources.len());
    let mut methods = Vec::new();
    for (ri, kind) in plan {
        let mut m = methods::build(t, &mut rng, &resources[ri], kind);
        m.style.request_shows_read_only = shows_read_only;
        methods.push(m);
    }
    Package {
        dir,
        name,
        docs_path: theme.docs.to_owned(),
        sdk_module: theme.sdk.to_owned(),
        service_plugin: false,
        methods,
    }
}

/// Which methods a package has, the package's special cases first.
fn plan(dir: &str, rng: &mut Rng, count: usize, resources: usize) -> Vec<(usize, Kind)> {
    use Kind::*;
    let must: Vec<Kind> = match dir {
        "bookings" => vec![Create, Get, Query],
        "blog" => vec![GetBySlug, Create, Query],
        "ecom-cart" => vec![Get, Create, Update],
        "members-badges" => vec![Update, ListMemberBadges, AssignBadge],
        "forum" => vec![Get, Create, List],
        "comments" => vec![Create, Get, Query],
        "ecom-checkout" => vec![Create, Get, Action("Complete")],
        "ecom-orders" => vec![Get, Query, List],
        "inbox" => vec![Create, List, Get],
        "contacts" => vec![Delete, Lookup, Get],
        "media" => vec![GetBySlug, Delete, Sync],
        "stores" => vec![Query, Get, Create],
        "events" => vec![GetSettings, Get, Query],
        "pricing-plans" => vec![GetSettings, Action("Archive"), Count],
        "loyalty" => vec![Sync, Get, BulkDelete],
        _ => vec![Get, Create, Query],
    };
    let mut pool: Vec<Kind> = vec![Update, Delete, List, Count, BulkDelete, Create, Get, Query];
    if rng.chance(10) {
        pool.push(Lookup);
    }
    if rng.chance(30) {
        pool.push(GetSettings);
    }
    if rng.chance(25) {
        pool.push(GetBySlug);
    }
    if rng.chance(25) {
        pool.push(Sync);
    }
    let mut words: Vec<&'static str> = ACTIONS.to_vec();
    // A word the package's special methods already use would name a method twice
    // (`Archive` beside `Action("Archive")`, `Assign` beside `AssignBadge`).
    let assigns = must.contains(&AssignBadge);
    words.retain(|w| !(must.contains(&Action(w)) || (assigns && *w == "Assign")));
    rng.shuffle(&mut words);
    for w in words.iter().take(3) {
        pool.push(Action(w));
    }
    pool.retain(|k| !must.contains(k));
    rng.shuffle(&mut pool);
    let mut out: Vec<(usize, Kind)> = must.into_iter().map(|k| (0, k)).collect();
    out.extend(pool.into_iter().map(|k| (0, k)));
    if resources > 1 {
        // The second resource's methods, after the first resource's core ones.
        let second = [Get, Create, List, Update, Delete, Query];
        let at = 5.min(out.len());
        for (j, k) in second.iter().enumerate() {
            out.insert((at + 2 * j).min(out.len()), (1, *k));
        }
        // One method name in both services (see `Kind::Shared`).
        let at = 3.min(out.len());
        out.insert(at, (1, Shared("GetPricePreview")));
        out.insert(at, (0, Shared("GetPricePreview")));
    }
    let mut extra = words.iter().skip(3);
    while out.len() < count {
        match extra.next() {
            Some(w) => out.push((0, Action(w))),
            None => break,
        }
    }
    out.truncate(count);
    out
}
