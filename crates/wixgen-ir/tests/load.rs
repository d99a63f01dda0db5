//! The load stage puts each example on its method and each article with its
//! package (`wixgen_ir::load`, `wixgen_ir::articles`), over the repository's
//! `tests/fixtures/pages/`.

use std::path::{Path, PathBuf};
use wixgen_ir::articles::{Placement, place, placements};
use wixgen_ir::load::load_pages;
use wixgen_ir::model::{Api, ArticleSkip, ArticleSource, Method, ResponseObject, Service};

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/pages")
}

fn load() -> Api {
    let dir = fixtures();
    let rels = wixgen_schema::find_pages(&dir).expect("fixture pages");
    let mut loaded = load_pages(&dir, &rels, "fixtures").expect("load");
    loaded.assemble().api
}

fn service<'a>(api: &'a Api, package: &str, service: &str) -> &'a Service {
    api.packages
        .iter()
        .find(|p| p.name == package)
        .and_then(|p| p.services.iter().find(|s| s.name == service))
        .unwrap_or_else(|| panic!("no service {package}.{service}"))
}

fn method<'a>(api: &'a Api, package: &str, svc: &str, name: &str) -> &'a Method {
    let s = service(api, package, svc);
    s.methods.iter().find(|m| m.name == name).unwrap_or_else(|| {
        panic!(
            "no method {name} in {:?}",
            s.methods.iter().map(|m| &m.name).collect::<Vec<_>>()
        )
    })
}

#[test]
fn examples_are_on_their_methods_in_page_order() {
    let api = load();
    let m = method(&api, "inbox", "ConversationsService", "GetOrCreateConversation");
    let requests: Vec<(&str, u32)> = m.examples.requests.iter().map(|e| (e.page.as_str(), e.line)).collect();
    assert!(!requests.is_empty());
    assert!(
        requests
            .iter()
            .all(|(page, _)| *page == "fixtures/seeds/get-or-create-conversation.md")
    );
    let lines: Vec<u32> = m.examples.responses.iter().map(|e| e.line).collect();
    assert_eq!(lines.len(), 6, "six `Promise resolves to` comments: {lines:?}");
    assert!(lines.windows(2).all(|w| w[0] < w[1]), "page order: {lines:?}");
    assert!(
        m.examples
            .responses
            .iter()
            .all(|e| e.object.trim_start().starts_with('{'))
    );
    // Another method's examples stay on it.
    let get = method(&api, "inbox", "ConversationsService", "GetConversation");
    assert!(
        get.examples
            .requests
            .iter()
            .all(|e| e.page == "fixtures/reconstructed/get-conversation.md" && e.method == "GetConversation")
    );
    assert!(!get.examples.requests.is_empty());
    // A service plugin's examples are on the plugin method, not unplaced.
    let plugin = &service(&api, "giftCards", "GiftCardProvider").plugin_methods;
    assert_eq!(plugin.len(), 1);
    assert!(!plugin[0].examples.requests.is_empty());
    assert!(api.unplaced.examples.is_empty(), "{:?}", api.unplaced.examples);
}

#[test]
fn articles_go_with_the_package_whose_method_pages_share_their_folder() {
    let mut api = load();
    // The fixtures' README is directly under the root: in no package folder.
    assert_eq!(
        placements(&api),
        [Placement {
            path: "fixtures/README.md".to_owned(),
            package: Err(ArticleSkip::NoFolder)
        }]
    );
    let src = |path: &str| ArticleSource {
        path: path.into(),
        text: "# About\n\nText.\n".into(),
    };
    place(
        &mut api,
        "fixtures",
        vec![
            src("fixtures/real/about.md"),
            src("fixtures/other/about.md"),
            src("fixtures/reconstructed/about.md"),
            src("fixtures/seeds/about.md"),
        ],
    );
    // `real/` holds pages of two packages, `reconstructed/` too, `other/` none.
    let by_path = |path: &str| {
        placements(&api)
            .into_iter()
            .find(|p| p.path == path)
            .expect(path)
            .package
    };
    let Err(ArticleSkip::Unplaced(why)) = by_path("fixtures/real/about.md") else {
        panic!("{:?}", by_path("fixtures/real/about.md"))
    };
    assert!(why.contains("are of several packages (resources, timeSlots)"), "{why}");
    let Err(ArticleSkip::Unplaced(why)) = by_path("fixtures/other/about.md") else {
        panic!("{:?}", by_path("fixtures/other/about.md"))
    };
    assert!(why.contains("no method page of `fixtures/other/`"), "{why}");
    assert!(matches!(
        by_path("fixtures/reconstructed/about.md"),
        Err(ArticleSkip::Unplaced(_))
    ));
    assert_eq!(by_path("fixtures/seeds/about.md"), Ok("inbox".to_owned()));
    let inbox = api.packages.iter().find(|p| p.name == "inbox").expect("inbox");
    assert_eq!(inbox.articles, [src("fixtures/seeds/about.md")]);
    assert!(
        api.packages
            .iter()
            .filter(|p| p.name != "inbox")
            .all(|p| p.articles.is_empty())
    );
}

#[test]
fn response_objects_are_read_into_wire_names_in_the_load_stage() {
    let api = load();
    let m = method(&api, "inbox", "ConversationsService", "GetOrCreateConversation");
    let mut read = 0;
    for e in &m.examples.responses {
        match &e.wire {
            ResponseObject::Wire(v) => {
                read += 1;
                // `_id` is the SDK name of the wire field `id`.
                let conversation = &v["conversation"];
                assert!(conversation.get("id").is_some(), "{v}");
                assert!(conversation.get("_id").is_none(), "{v}");
            }
            ResponseObject::Unusable { line, reason } => {
                // Two objects hold a bare `EMAIL`: not JSON5; the line is the token's.
                assert!(reason.contains("at `EMAIL`"), "{reason}");
                assert_eq!(*line, e.line + 9, "{}:{line}", e.page);
            }
            ResponseObject::NotRead => panic!("{}:{} was not read", e.page, e.line),
        }
    }
    assert_eq!(
        read,
        4,
        "{:?}",
        m.examples.responses.iter().map(|e| &e.wire).collect::<Vec<_>>()
    );
}
