//! The one rule between SDK names and REST wire names. The JavaScript SDK
//! writes some fields with a leading `_` (`_id`, `_createdDate`,
//! `_updatedDate`, `_owner`); REST writes them without it. Reconciliation
//! (matching SDK fields to REST ones), the example evidence for bare
//! references, the response-example tests and the corpus generator all map
//! names here, so they cannot disagree.

/// The REST names the SDK is known to write with a leading `_`, and how.
const SDK_RENAMES: &[(&str, &str)] = &[
    ("_id", "id"),
    ("_createdDate", "createdDate"),
    ("_updatedDate", "updatedDate"),
];

/// The REST wire name of an SDK field name: without its leading `_`
/// (`_id` → `id`, `_owner` → `owner`); any other name is its own.
pub fn rest_name_of_sdk(sdk: &str) -> &str {
    sdk.strip_prefix('_').unwrap_or(sdk)
}

/// The SDK name of a REST wire name, as the SDK writes the names it renames
/// (`id` → `_id`, `createdDate` → `_createdDate`, `updatedDate` →
/// `_updatedDate`); any other name is its own.
pub fn sdk_name_of_rest(rest: &str) -> &str {
    SDK_RENAMES.iter().find(|(_, r)| *r == rest).map_or(rest, |(s, _)| s)
}

/// Of `items` (each with its name), the one that stands for `name` of the
/// other side: an item of the same name first, else the one the SDK rule
/// pairs with it. `items_are_sdk` says which side the items' names are on.
pub fn counterpart<'a, T>(
    items: impl Iterator<Item = (&'a str, T)> + Clone,
    name: &str,
    items_are_sdk: bool,
) -> Option<T> {
    let paired = |item: &str| {
        if items_are_sdk {
            rest_name_of_sdk(item) == name
        } else {
            item == rest_name_of_sdk(name)
        }
    };
    let mut items2 = items.clone();
    items
        .into_iter()
        .find(|(n, _)| *n == name)
        .or_else(|| items2.find(|(n, _)| paired(n)))
        .map(|(_, t)| t)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sdk_names_lose_their_underscore_and_the_known_ones_map_back() {
        assert_eq!(rest_name_of_sdk("_id"), "id");
        assert_eq!(rest_name_of_sdk("_owner"), "owner");
        assert_eq!(rest_name_of_sdk("title"), "title");
        for (sdk, rest) in SDK_RENAMES {
            assert_eq!(rest_name_of_sdk(sdk), *rest);
            assert_eq!(sdk_name_of_rest(rest), *sdk);
        }
        assert_eq!(sdk_name_of_rest("owner"), "owner");
    }

    #[test]
    fn the_same_name_wins_over_a_paired_one() {
        let sdk = [("_id", 1), ("id", 2), ("_owner", 3)];
        assert_eq!(counterpart(sdk.iter().copied(), "id", true), Some(2));
        assert_eq!(counterpart(sdk[..1].iter().copied(), "id", true), Some(1));
        assert_eq!(counterpart(sdk.iter().copied(), "owner", true), Some(3));
        assert_eq!(counterpart(sdk.iter().copied(), "name", true), None);
        let rest = [("owner", 1), ("id", 2)];
        assert_eq!(counterpart(rest.iter().copied(), "_owner", false), Some(1));
        assert_eq!(counterpart(rest.iter().copied(), "_id", false), Some(2));
        assert_eq!(counterpart(rest.iter().copied(), "_x", false), None);
    }
}
