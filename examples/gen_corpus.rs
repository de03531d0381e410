//! Generates a large corpus by replicating real articles under new names,
//! for memory and scale tests of the pipeline.
//!
//! ```text
//! cargo run --release --example gen_corpus -- OUT_DIR --bytes 1G [--from DIR]
//! cargo run --release --example gen_corpus -- OUT_DIR --files 1000000 [--from DIR]
//! ```
//!
//! Articles are read from `--from` (default `../shared/corpora`, `*.txt`) and
//! copied round-robin as `OUT_DIR/NNNN/NNNNNNN.txt` (1,000 files per folder)
//! until the size or file count is reached. The copies are byte-identical to
//! their source, so the generated corpus is as messy as the real one.

fn main() {
    let mut args = std::env::args().skip(1);
    let out = std::path::PathBuf::from(
        args.next().expect("usage: gen_corpus OUT_DIR (--bytes N[K|M|G] | --files N) [--from DIR]"),
    );
    let (mut max_bytes, mut max_files, mut from) = (u64::MAX, u64::MAX, "../shared/corpora".to_string());
    while let Some(a) = args.next() {
        let v = args.next().expect("option value");
        match a.as_str() {
            "--bytes" => max_bytes = parse_size(&v),
            "--files" => max_files = v.parse().expect("--files N"),
            "--from" => from = v,
            other => panic!("unknown option {other}"),
        }
    }
    assert!(max_bytes < u64::MAX || max_files < u64::MAX, "give --bytes or --files");
    let mut sources = Vec::new();
    let mut stack = vec![std::path::PathBuf::from(&from)];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).expect("readable source dir").flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == "txt") {
                sources.push(std::fs::read(&p).unwrap());
            }
        }
    }
    assert!(!sources.is_empty(), "no .txt files under {from}");
    let (mut bytes, mut files) = (0u64, 0u64);
    while bytes < max_bytes && files < max_files {
        let src = &sources[(files as usize) % sources.len()];
        let dir = out.join(format!("{:04}", files / 1000));
        if files % 1000 == 0 {
            std::fs::create_dir_all(&dir).unwrap();
        }
        std::fs::write(dir.join(format!("{files:07}.txt")), src).unwrap();
        bytes += src.len() as u64;
        files += 1;
    }
    println!("wrote {files} files, {:.1} MB to {}", bytes as f64 / 1e6, out.display());
}

fn parse_size(s: &str) -> u64 {
    let (num, mult) = match s.chars().last() {
        Some('K' | 'k') => (&s[..s.len() - 1], 1u64 << 10),
        Some('M' | 'm') => (&s[..s.len() - 1], 1 << 20),
        Some('G' | 'g') => (&s[..s.len() - 1], 1 << 30),
        _ => (s, 1),
    };
    num.parse::<u64>().expect("size") * mult
}
