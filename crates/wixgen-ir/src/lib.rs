//! IR
pub mod model;
