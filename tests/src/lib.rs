//! Integration tests of the whole pipeline.
