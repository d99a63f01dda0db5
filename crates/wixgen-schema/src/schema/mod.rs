//! Inside a `### Schema` fence (FORMAT.md section 2).

mod attrs;
mod block;
mod line;
pub(crate) mod nesting;
mod tree;
mod types;

pub(crate) use block::parse_block;
