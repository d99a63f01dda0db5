// A field the entity does not have: `ResourceType` has `name`, not `title`.
use wix_apis::resources::ResourceType;
use wix_client::wql::Query;

fn main() {
    let _ = Query::new().filter(ResourceType::TITLE.starts_with("meeting"));
}
