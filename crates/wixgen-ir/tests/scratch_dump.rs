#[test]
fn dump() {
    for p in ["/work/shared/seeds/get-or-create-conversation.md","/work/shared/fixtures/reconstructed/get-conversation.md","/work/shared/fixtures/real/query-resource-types.md","/work/shared/fixtures/real/get-availability-time-slot.md"] {
        let bytes = std::fs::read(p).unwrap();
        let out = wixgen_schema::parse(&bytes);
        for d in &out.diagnostics { eprintln!("{}", d.one_line(p)); }
        let page = out.page.unwrap();
        let lo = wixgen_ir::lower(&[wixgen_ir::PageInput{path: p.rsplit('/').next().unwrap().to_string(), page}]);
        for d in &lo.diagnostics { eprintln!("{}", d.one_line()); }
        eprintln!("{}", serde_json::to_string_pretty(&lo.api).unwrap());
    }
}
