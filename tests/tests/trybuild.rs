//! Compile tests. The goldens (`golden/*.rs`) must build and run; each case
//! in `ui/` misuses the generated Inbox API, or gives `include_api!` a path it
//! must refuse (`ui/include_api_*.rs`, reading the pages under
//! `ui/include_api/`), and must fail to compile with the error recorded in its
//! `.stderr` file.
//!
//! After a deliberate change to the generated API or to rustc's messages,
//! regenerate the `.stderr` files with
//!
//! ```text
//! TRYBUILD=overwrite cargo test -p wixgen-tests --test trybuild
//! ```
//!
//! and read them: each must still say plainly what is wrong.

#[test]
fn goldens_compile_and_misuse_does_not() {
    let t = trybuild::TestCases::new();
    t.pass("golden/*.rs");
    t.compile_fail("ui/*.rs");
}
