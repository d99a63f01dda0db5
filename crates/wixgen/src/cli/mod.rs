//! One module per subcommand.

pub mod generate;
pub mod parse;

use std::io::IsTerminal;

/// Colour diagnostics when stderr is a terminal and `NO_COLOR` is unset.
pub fn use_color() -> bool {
    std::env::var_os("NO_COLOR").is_none() && std::io::stderr().is_terminal()
}
