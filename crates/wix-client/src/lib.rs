#[cfg(test)]
mod t {
    #[test]
    fn urls() {
        for p in ["/a/%2E%2E/b", "/a/%2e%2E/b", "/a/.%2E/b", "/a/%2E/b", "/a/%252E%252E/b", "/a/%2F/b"] {
            let u = reqwest::Url::parse(&format!("http://x{p}")).unwrap();
            println!("{p} -> {}", u.path());
        }
        let mut u = reqwest::Url::parse("http://x/a").unwrap();
        u.path_segments_mut().unwrap().push("..").push(".").push("b");
        println!("push -> {}", u.path());
    }
}
