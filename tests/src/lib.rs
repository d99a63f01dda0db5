//! Shared helpers of wixgen's cross-crate tests.
