//! Print the diagnostics (and with `--json`, the model) of pages:
//! `cargo run -p wixgen-schema --example dump -- [--json] PAGE...`
fn main() {
    let mut json = false;
    for arg in std::env::args().skip(1) {
        if arg == "--json" {
            json = true;
            continue;
        }
        let bytes = match std::fs::read(&arg) {
            Ok(b) => b,
            Err(e) => {
                eprintln!("{arg}: {e}");
                continue;
            }
        };
        let out = wixgen_schema::parse(&bytes);
        let text = String::from_utf8_lossy(&bytes);
        for d in &out.diagnostics {
            eprintln!("{}", d.render(&arg, &text, false));
        }
        if json {
            println!("{}", serde_json::to_string_pretty(&out.page).unwrap_or_default());
        }
    }
}
