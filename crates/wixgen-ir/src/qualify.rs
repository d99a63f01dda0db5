//! Names of request and response types, qualified by service only where they
//! must be.
//!
//! The rule (README, "Type names"): a method's request type is
//! `<Method>Request` and its response type has the name the page gives its
//! return type. Where two services of one package each have a method of the
//! same name, those methods' request types are qualified by their service:
//! `<Service><Method>Request`, `<Service>` being the service's name without a
//! trailing `Service` (`CheckoutService.getPricePreview` →
//! `CheckoutGetPricePreviewRequest`). A return-type name that stands for
//! different structures on two pages (a split) is qualified the same way,
//! by the service of the method it is the response of
//! (`CheckoutGetPricePreviewResponse`), never by the method name again. Each
//! qualified request is reported like a split.

use crate::draft::{MethodDraft, PageDraft, Transport};
use crate::model::{SourceRef, SplitType, TypeSplit};
use crate::names;
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// Which services have which methods, to qualify the names that need it.
pub(crate) struct Qualify {
    /// Page → (service, method name).
    by_page: HashMap<String, (String, String)>,
    /// Method names that two or more services of the package have.
    shared: BTreeSet<String>,
}

impl Qualify {
    pub(crate) fn new(pages: &[PageDraft]) -> Self {
        let mut services_of: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
        let mut by_page = HashMap::new();
        for p in pages {
            if p.method.transport != Transport::ServicePlugin {
                services_of.entry(&p.method.name).or_default().insert(&p.service);
            }
            by_page.insert(p.method.source.page.clone(), (p.service.clone(), p.method.name.clone()));
        }
        let shared = services_of
            .into_iter()
            .filter(|(_, s)| s.len() > 1)
            .map(|(m, _)| m.to_owned())
            .collect();
        Qualify { by_page, shared }
    }

    /// Whether two services of the package have a method named `method`.
    pub(crate) fn is_shared(&self, method: &str) -> bool {
        self.shared.contains(method)
    }

    /// The request type name of `method` of `service`.
    pub(crate) fn request_name(&self, service: &str, method: &str) -> String {
        if self.is_shared(method) {
            qualified(service, &names::request_struct_name(method))
        } else {
            names::request_struct_name(method)
        }
    }

    /// The service of the method named `method` among the pages `sources`
    /// (a type's listings), when one of them is that method's page.
    pub(crate) fn service_of(&self, sources: &[SourceRef], method: &str) -> Option<&str> {
        sources
            .iter()
            .filter_map(|s| self.by_page.get(&s.page))
            .find(|(_, m)| m == method)
            .map(|(s, _)| s.as_str())
    }

    /// The splits to report for the qualified request names: one per shared
    /// method name, with the request type of each service (`methods`: each
    /// REST method with its service; `claimed`: the names given, by service
    /// and method).
    pub(crate) fn report<'a>(
        &self,
        package: &str,
        methods: impl Iterator<Item = (&'a str, &'a MethodDraft)>,
        claimed: &HashMap<(String, String), String>,
    ) -> Vec<TypeSplit> {
        let mut by_method: BTreeMap<&str, Vec<SplitType>> = BTreeMap::new();
        for (service, m) in methods {
            if !self.is_shared(&m.name) || m.transport == Transport::ServicePlugin {
                continue;
            }
            let method = m.name.as_str();
            by_method.entry(method).or_default().push(SplitType {
                rust_name: claimed
                    .get(&(service.to_owned(), m.name.clone()))
                    .cloned()
                    .unwrap_or_else(|| self.request_name(service, method)),
                kind: "message".to_owned(),
                sources: vec![m.source.clone()],
                reason: format!(
                    "the request of `{service}.{method}`: another service of the package has a method `{method}`, so the name is qualified by the service"
                ),
                used_by: vec![format!("{service}.{method}")],
            });
        }
        by_method
            .into_iter()
            .map(|(method, types)| TypeSplit {
                package: package.to_owned(),
                name: names::request_struct_name(method),
                types,
            })
            .collect()
    }
}

/// `name` qualified by `service`: the service's type name without a trailing
/// `Service` (kept when nothing else is left), then `name`.
pub(crate) fn qualified(service: &str, name: &str) -> String {
    let svc = names::type_name(service.rsplit('.').next().unwrap_or(service));
    let prefix = match svc.strip_suffix("Service") {
        Some(p) if !p.is_empty() => p,
        _ => svc.as_str(),
    };
    format!("{prefix}{name}")
}

#[cfg(test)]
mod tests {
    use super::qualified;

    #[test]
    fn the_service_prefix_drops_a_trailing_service() {
        assert_eq!(
            qualified("CheckoutService", "GetPricePreviewRequest"),
            "CheckoutGetPricePreviewRequest"
        );
        assert_eq!(
            qualified("Orders", "GetPricePreviewRequest"),
            "OrdersGetPricePreviewRequest"
        );
        assert_eq!(qualified("Service", "CreateRequest"), "ServiceCreateRequest");
        assert_eq!(
            qualified("wix.bookings.v2.BookingsService", "CreateRequest"),
            "BookingsCreateRequest"
        );
    }
}
