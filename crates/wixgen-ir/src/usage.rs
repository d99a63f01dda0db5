//! Usage: which named types are reachable from a request, which from a
//! response. Types reachable from neither are not generated.

use crate::draft::{MethodDraft, Transport, TypeDraft};
use crate::model::Usage;
use std::collections::{BTreeMap, HashMap};

/// Marks every type reachable from the REST methods' params as `request` and
/// every type reachable from their responses as `response`, transitively
/// through fields, ONE-OF members and array elements. A service plugin is the
/// other way round: Wix sends the request (its type, `plugin_requests` by
/// method name, is decoded: `response`), the app builds the response
/// (`request`). Unreachable types are absent.
pub(crate) fn compute<'a>(
    table: &BTreeMap<String, TypeDraft>,
    methods: impl Iterator<Item = &'a MethodDraft>,
    plugin_requests: &HashMap<String, String>,
) -> BTreeMap<String, Usage> {
    let mut usage: BTreeMap<String, Usage> = BTreeMap::new();
    for m in methods {
        if m.transport == Transport::ServicePlugin {
            if let Some(key) = plugin_requests.get(&m.name) {
                visit(table, &mut usage, key, false);
            }
            if let Some(n) = m.response.as_ref().and_then(|r| r.named()) {
                visit(table, &mut usage, n, true);
            }
            continue;
        }
        for (_, p) in &m.params {
            if let Some(n) = p.ty.named() {
                visit(table, &mut usage, n, true);
            }
        }
        if let Some(n) = m.response.as_ref().and_then(|r| r.named()) {
            visit(table, &mut usage, n, false);
        }
    }
    usage
}

fn visit(table: &BTreeMap<String, TypeDraft>, usage: &mut BTreeMap<String, Usage>, root: &str, request: bool) {
    let mut work = vec![root.to_string()];
    while let Some(name) = work.pop() {
        let Some(t) = table.get(&name) else { continue };
        let entry = usage.entry(name).or_default();
        let flag = if request {
            &mut entry.request
        } else {
            &mut entry.response
        };
        if *flag {
            continue;
        }
        *flag = true;
        if let TypeDraft::Struct(s) = t {
            for f in s.one_ofs.iter().flat_map(|g| g.members.iter()).chain(s.fields.iter()) {
                if let Some(n) = f.ty.named() {
                    work.push(n.to_string());
                }
            }
        }
    }
}
