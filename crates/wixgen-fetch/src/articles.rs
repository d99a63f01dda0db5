//! Which package an article belongs to.
//!
//! The rule: a package's **home** is the deepest directory shared by the docs
//! paths of all its method pages: those fetched in the same run and those
//! already in `--into` (by their `# Method link:`). Inbox's methods under
//! `/docs/api-reference/crm/communication/inbox/conversations/` and
//! `.../inbox/messages/` give the home `.../inbox/`. An article belongs to the
//! package whose home contains the article's directory; when several homes do,
//! the deepest one wins. A home must be at least three directories deep
//! (`/docs/<portal>/<area>/`): a shallower one (pages of one package spread
//! across portals) would claim unrelated articles, so such a package claims
//! none. An article under no home, or under two equally deep ones, is
//! reported and skipped, never guessed.

use crate::docs_url::dir_of;
use std::collections::BTreeMap;

/// The shallowest home accepted: `/docs/<portal>/<area>/`.
const MIN_HOME_DEPTH: usize = 3;

/// Every package's home, from `(package, method page docs path)` pairs. Packages whose home is
/// too shallow are absent.
pub fn homes<'a>(methods: impl IntoIterator<Item = (&'a str, &'a str)>) -> BTreeMap<String, String> {
    let mut dirs: BTreeMap<String, String> = BTreeMap::new();
    for (package, path) in methods {
        let dir = dir_of(path);
        match dirs.get_mut(package) {
            Some(home) => *home = common_dir(home, dir),
            None => {
                dirs.insert(package.to_owned(), dir.to_owned());
            }
        }
    }
    dirs.retain(|_, home| depth(home) >= MIN_HOME_DEPTH);
    dirs
}

/// The package an article at `docs_path` belongs to, or why none does.
pub fn assign(docs_path: &str, homes: &BTreeMap<String, String>) -> Result<String, String> {
    let dir = dir_of(docs_path);
    let mut under: Vec<(&String, &String)> = homes
        .iter()
        .filter(|(_, home)| dir.starts_with(home.as_str()))
        .collect();
    under.sort_by_key(|(_, home)| std::cmp::Reverse(depth(home)));
    match under.as_slice() {
        [] => Err(if homes.is_empty() {
            "no package to put it in: no method page was fetched in this run or is in the target directory".to_owned()
        } else {
            format!(
                "no package to put it in: it is not under the pages of any package ({})",
                homes
                    .iter()
                    .map(|(p, h)| format!("{p}: {h}"))
                    .collect::<Vec<_>>()
                    .join(", ")
            )
        }),
        [(package, _)] => Ok((*package).clone()),
        [(first, a), (second, b), ..] if depth(a) == depth(b) => Err(format!(
            "two packages share its directory ({first} and {second} under {a}); put it in place by hand"
        )),
        [(package, _), ..] => Ok((*package).clone()),
    }
}

/// Number of directories: `/docs/a/b/` → 3.
fn depth(dir: &str) -> usize {
    dir.split('/').filter(|s| !s.is_empty()).count()
}

/// The deepest directory containing both (each ends in `/`).
fn common_dir(a: &str, b: &str) -> String {
    let mut out = String::from("/");
    for (x, y) in a.split('/').zip(b.split('/')).filter(|(x, _)| !x.is_empty()) {
        if x != y {
            break;
        }
        out.push_str(x);
        out.push('/');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const INBOX: &str = "/docs/api-reference/crm/communication/inbox";

    fn inbox_homes() -> BTreeMap<String, String> {
        let a = format!("{INBOX}/conversations/get-conversation.md");
        let b = format!("{INBOX}/messages/send-message.md");
        homes([("inbox", a.as_str()), ("inbox", b.as_str())])
    }

    #[test]
    fn the_home_is_the_deepest_shared_directory() {
        assert_eq!(inbox_homes()["inbox"], format!("{INBOX}/"));
        let one = format!("{INBOX}/conversations/get-conversation.md");
        assert_eq!(
            homes([("inbox", one.as_str())])["inbox"],
            format!("{INBOX}/conversations/")
        );
    }

    #[test]
    fn articles_under_a_home_belong_to_it() {
        let h = inbox_homes();
        assert_eq!(assign(&format!("{INBOX}/introduction.md"), &h).unwrap(), "inbox");
        assert_eq!(
            assign(&format!("{INBOX}/conversations/conversation-id.md"), &h).unwrap(),
            "inbox"
        );
    }

    #[test]
    fn articles_elsewhere_are_skipped_with_a_reason() {
        let h = inbox_homes();
        let e = assign("/docs/build-apps/get-started/glossary.md", &h).unwrap_err();
        assert!(e.contains("inbox: /docs/api-reference/crm/communication/inbox/"), "{e}");
        let e = assign("/docs/x/y.md", &BTreeMap::new()).unwrap_err();
        assert!(e.contains("no method page"), "{e}");
    }

    #[test]
    fn the_deepest_home_wins_and_ties_are_refused() {
        let mut h = BTreeMap::new();
        h.insert("crm".to_owned(), "/docs/api-reference/crm/".to_owned());
        h.insert("inbox".to_owned(), format!("{INBOX}/"));
        assert_eq!(assign(&format!("{INBOX}/intro.md"), &h).unwrap(), "inbox");
        assert_eq!(assign("/docs/api-reference/crm/intro.md", &h).unwrap(), "crm");
        h.insert("chat".to_owned(), format!("{INBOX}/"));
        let e = assign(&format!("{INBOX}/intro.md"), &h).unwrap_err();
        assert!(e.contains("two packages"), "{e}");
    }

    #[test]
    fn shallow_homes_claim_nothing() {
        let h = homes([("x", "/docs/a/one.md"), ("x", "/docs/b/c/d/two.md")]);
        assert!(h.is_empty(), "{h:?}");
    }
}
