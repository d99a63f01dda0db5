//! Walking cursor-paginated listings as a stream of items.

use std::collections::{HashSet, VecDeque};
use std::future::Future;

use futures::stream::FusedStream;

use crate::error::Error;

/// Follows cursors until the response has no next cursor; yields every item once.
///
/// `fetch` sends one page request; `set_cursor` puts the next cursor into a
/// copy of the original request; `split` takes a response apart into its items
/// and the next cursor (`None` or an empty string ends the walk). The stream
/// ends after the first error, which it yields. If Wix returns a cursor it
/// returned before (the same one twice, or a cycle such as A → B → A), the
/// stream yields [`Error::Pagination`] instead of looping forever.
///
/// The stream is not `Unpin`; pin it before polling, e.g. with [`std::pin::pin!`].
///
/// ```
/// use futures::StreamExt;
/// use wix_client::{paginate::cursor_stream, Error};
///
/// #[derive(Clone)]
/// struct Req { cursor: Option<String> }
/// struct Resp { items: Vec<u32>, next: Option<String> }
///
/// # futures::executor::block_on(async {
/// let pages = cursor_stream(
///     Req { cursor: None },
///     |req: Req| async move {
///         Ok::<_, Error>(match req.cursor.as_deref() {
///             None => Resp { items: vec![1, 2], next: Some("p2".into()) },
///             Some(_) => Resp { items: vec![3], next: None },
///         })
///     },
///     |req, cursor| req.cursor = Some(cursor),
///     |resp| (resp.items, resp.next),
/// );
/// let items: Vec<u32> = pages.map(|r| r.expect("page")).collect().await;
/// assert_eq!(items, [1, 2, 3]);
/// # });
/// ```
pub fn cursor_stream<Req, Resp, Item, F, Fut>(
    request: Req,
    fetch: F,
    set_cursor: fn(&mut Req, String),
    split: fn(Resp) -> (Vec<Item>, Option<String>),
) -> impl FusedStream<Item = Result<Item, Error>>
where
    F: FnMut(Req) -> Fut,
    Fut: Future<Output = Result<Resp, Error>>,
    Req: Clone,
{
    let state = State {
        request,
        fetch,
        buffered: VecDeque::new(),
        next: Next::First,
        seen: HashSet::new(),
    };
    // Fused: polling again after the end keeps yielding `None` instead of panicking.
    futures::StreamExt::fuse(futures::stream::unfold(state, move |mut state| async move {
        loop {
            if let Some(item) = state.buffered.pop_front() {
                return Some((Ok(item), state));
            }
            let cursor = match std::mem::replace(&mut state.next, Next::Done) {
                Next::Done => return None,
                Next::Failed(error) => return Some((Err(error), state)),
                Next::First => None,
                Next::Cursor(cursor) => Some(cursor),
            };
            let mut page_request = state.request.clone();
            if let Some(cursor) = &cursor {
                set_cursor(&mut page_request, cursor.clone());
            }
            let response = match (state.fetch)(page_request).await {
                Ok(response) => response,
                // `next` is `Done`: the stream ends after this error.
                Err(error) => return Some((Err(error), state)),
            };
            let (items, next_cursor) = split(response);
            state.buffered.extend(items);
            if let Some(cursor) = cursor {
                state.seen.insert(cursor);
            }
            state.next = match next_cursor.filter(|c| !c.is_empty()) {
                None => Next::Done,
                Some(next) if state.seen.contains(&next) => Next::Failed(Error::Pagination {
                    reason: format!(
                        "page {} pointed back to a cursor already followed (a cycle)",
                        state.seen.len() + 1
                    ),
                }),
                Some(next) => Next::Cursor(next),
            };
        }
    }))
}

struct State<Req, F, Item> {
    request: Req,
    fetch: F,
    buffered: VecDeque<Item>,
    next: Next,
    /// Every cursor followed so far.
    seen: HashSet<String>,
}

/// What the stream does once its buffered items are out.
enum Next {
    /// Fetch the first page (the request as given).
    First,
    /// Fetch the page at this cursor.
    Cursor(String),
    /// Yield this error, then end.
    Failed(Error),
    /// End.
    Done,
}
