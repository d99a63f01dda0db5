//! Where articles go: the placement rule of the load stage.
//!
//! `wixgen fetch` saves an article (a docs page that is not a method page)
//! as `<schemas>/<package>/<last URL segment>.md`, beside the method pages of
//! its package. An article belongs to the package whose method pages share its
//! folder ([`Package::articles`]); codegen makes it part of that package's docs.
//! An article in a folder without method pages, or whose method pages are of
//! several packages, is placed nowhere ([`ArticleSkip::Unplaced`], a warning);
//! one outside any package folder likewise ([`ArticleSkip::NoFolder`], a note).
//! Never guessed.

use crate::model::{Api, ArticleSkip, ArticleSource, Package, UnplacedArticle};
use std::collections::BTreeSet;

/// Where an article went, for reports: the package (`# Package:` name) whose
/// docs it joins, or why none.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Placement {
    pub path: String,
    pub package: Result<String, ArticleSkip>,
}

/// The folder part of a shown path: `schemas/inbox` of `schemas/inbox/x.md`.
fn folder(path: &str) -> &str {
    path.rsplit_once('/').map_or("", |(dir, _)| dir)
}

/// Place every article (in path order) with the package whose method pages
/// share its folder: into [`Package::articles`], or [`Api::unplaced`] with
/// the reason. `label` is the prefix of shown paths (`schemas`): an article
/// directly in it is in no package folder.
pub fn place(api: &mut Api, label: &str, sources: Vec<ArticleSource>) {
    let root = label.trim_end_matches('/');
    for a in sources {
        match package_of(api, root, &a.path) {
            Ok(index) => api.packages[index].articles.push(a),
            Err(why) => api.unplaced.articles.push(UnplacedArticle { path: a.path, why }),
        }
    }
}

/// The index of the package an article at `path` joins, or why none.
fn package_of(api: &Api, root: &str, path: &str) -> Result<usize, ArticleSkip> {
    let dir = folder(path);
    let has_page_in_dir = |p: &Package| {
        p.services.iter().any(|s| {
            s.methods
                .iter()
                .map(|m| &m.source.page)
                .chain(s.plugin_methods.iter().map(|m| &m.source.page))
                .any(|page| folder(page) == dir)
        })
    };
    // The packages whose method pages share the article's folder.
    let packages: BTreeSet<(&str, usize)> = api
        .packages
        .iter()
        .enumerate()
        .filter(|(_, p)| has_page_in_dir(p))
        .map(|(i, p)| (p.name.as_str(), i))
        .collect();
    // Directly in the root with no method page beside it (a README): in no
    // package folder. (The root can be a package's folder, as for
    // `include_api!("schemas/inbox")`.)
    if dir == root && packages.is_empty() {
        return Err(ArticleSkip::NoFolder);
    }
    match packages.len() {
        1 => Ok(packages.iter().next().map_or(0, |(_, i)| *i)),
        0 => Err(ArticleSkip::Unplaced(format!(
            "no method page of `{dir}/` was generated, so it belongs to no package; put it in the folder of its package's method pages"
        ))),
        _ => Err(ArticleSkip::Unplaced(format!(
            "the method pages of `{dir}/` are of several packages ({}); put it in a folder of one package",
            packages.iter().map(|(name, _)| *name).collect::<Vec<_>>().join(", ")
        ))),
    }
}

/// Every article of the model and where it went, in path order: what the
/// reports say about articles.
pub fn placements(api: &Api) -> Vec<Placement> {
    let mut out: Vec<Placement> = api
        .packages
        .iter()
        .flat_map(|p| {
            p.articles.iter().map(|a| Placement {
                path: a.path.clone(),
                package: Ok(p.name.clone()),
            })
        })
        .chain(api.unplaced.articles.iter().map(|a| Placement {
            path: a.path.clone(),
            package: Err(a.why.clone()),
        }))
        .collect();
    out.sort_by(|a, b| a.path.cmp(&b.path));
    out
}
