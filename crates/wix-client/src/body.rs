//! Reading a response body with a size limit, stopping at the limit.

use bytes::{Bytes, BytesMut};

/// The default limit of a response body: 16 MiB, far above any Wix answer
/// (a page of 1,000 items is a few MiB) and small enough not to hurt.
pub(crate) const DEFAULT_MAX_RESPONSE_BODY: usize = 16 * 1024 * 1024;

/// A body read up to a limit.
pub(crate) struct Capped {
    /// The body, or its first `limit` bytes.
    pub(crate) bytes: Bytes,
    /// Whether the body was longer than the limit (then `bytes` is its start).
    pub(crate) truncated: bool,
}

/// Reads at most `limit` bytes of `response`'s body and drops the rest
/// unread (the connection is closed rather than reused then).
///
/// With `refuse_early`, a `content-length` over the limit returns an empty,
/// truncated body without reading anything.
pub(crate) async fn read(
    mut response: reqwest::Response,
    limit: usize,
    refuse_early: bool,
) -> Result<Capped, reqwest::Error> {
    let declared = response
        .content_length()
        .map(|n| usize::try_from(n).unwrap_or(usize::MAX));
    match declared {
        // The HTTP stack stops at the declared length: read the body in one go, as without a limit.
        Some(len) if len <= limit => {
            return Ok(Capped {
                bytes: response.bytes().await?,
                truncated: false,
            });
        }
        Some(_) if refuse_early => {
            return Ok(Capped {
                bytes: Bytes::new(),
                truncated: true,
            });
        }
        _ => {}
    }
    let mut body = BytesMut::with_capacity(declared.unwrap_or(0).min(limit).min(64 * 1024));
    while let Some(chunk) = response.chunk().await? {
        let room = limit - body.len();
        if chunk.len() > room {
            body.extend_from_slice(&chunk[..room]);
            return Ok(Capped {
                bytes: body.freeze(),
                truncated: true,
            });
        }
        body.extend_from_slice(&chunk);
    }
    Ok(Capped {
        bytes: body.freeze(),
        truncated: false,
    })
}
