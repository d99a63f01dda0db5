//! Where verification runs: on the calling task for ordinary bodies, on
//! tokio's blocking pool for large ones.
//!
//! Measured (release, 2048-bit key, on a 2-core machine with a load average
//! of about 16): the RS256 check alone on aws-lc-rs with the key parsed once
//! takes a median of 19-21 µs (RustCrypto: 208-222 µs); the whole
//! `verify_webhook` of a 3.2 KB order token a mean of 73 µs (`cargo bench -p
//! wix-app --bench verify`, the load inflating it), inside the 10-100 µs tokio
//! allows a task between two `.await`s. Near the 1 MiB cap it takes 4.2 ms
//! (1.5-1.7 ms median for the signature and the claims' decoding alone): a
//! stall for every other task on the worker, so such bodies move to the
//! blocking pool.

use crate::Verifier;

/// Bodies up to this size (16 KiB, about 0.1 ms by the figures above:
/// 73 µs at 3.2 KB, about 4 µs more per KB) are verified on the calling task,
/// as every ordinary webhook and plugin call is; larger ones, up to the
/// verifier's cap, on tokio's blocking pool.
pub(crate) const INLINE_MAX_BYTES: usize = 16 * 1024;

/// Runs `verify` on `body`: inline when the body is small, larger than the
/// verifier's cap (refused at once, undecoded) or when no tokio runtime is
/// running; else on the blocking pool, off the async worker.
pub(crate) async fn verify_off_worker<R, F>(verifier: &Verifier, body: &[u8], verify: F) -> R
where
    R: Send + 'static,
    F: Fn(&Verifier, &[u8]) -> R + Clone + Send + 'static,
{
    if body.len() <= INLINE_MAX_BYTES || body.len() > verifier.token_byte_limit() {
        return verify(verifier, body);
    }
    let Ok(runtime) = tokio::runtime::Handle::try_current() else {
        return verify(verifier, body);
    };
    let (owned_verifier, owned_body, off_worker) = (verifier.clone(), body.to_vec(), verify.clone());
    match runtime
        .spawn_blocking(move || off_worker(&owned_verifier, &owned_body))
        .await
    {
        Ok(result) => result,
        Err(error) => match error.try_into_panic() {
            Ok(panic) => std::panic::resume_unwind(panic),
            // The runtime is shutting down and did not start the task: answer anyway.
            Err(_) => verify(verifier, body),
        },
    }
}

#[cfg(test)]
mod tests {
    use std::thread::ThreadId;

    use super::*;
    use crate::PublicKey;

    fn verifier() -> Verifier {
        Verifier::new(PublicKey::from_pem(include_str!("../tests/keys/test_public.pem")).unwrap())
    }

    async fn thread_of(verifier: &Verifier, size: usize) -> ThreadId {
        verify_off_worker(verifier, &vec![b'A'; size], |_, _| std::thread::current().id()).await
    }

    #[tokio::test]
    async fn point_4_large_bodies_are_verified_off_the_async_worker() {
        let here = std::thread::current().id();
        let verifier = verifier();
        assert_eq!(thread_of(&verifier, 3 * 1024).await, here);
        assert_eq!(thread_of(&verifier, INLINE_MAX_BYTES).await, here);
        assert_ne!(thread_of(&verifier, INLINE_MAX_BYTES + 1).await, here);
        assert_ne!(thread_of(&verifier, crate::DEFAULT_MAX_TOKEN_BYTES).await, here);
        // Over the cap: refused at once, nothing to move.
        assert_eq!(thread_of(&verifier, crate::DEFAULT_MAX_TOKEN_BYTES + 1).await, here);
    }

    #[test]
    fn without_a_runtime_it_verifies_inline() {
        let here = std::thread::current().id();
        let verifier = verifier();
        let on = futures::executor::block_on(thread_of(&verifier, INLINE_MAX_BYTES + 1));
        assert_eq!(on, here);
    }
}
