//! Writes JSON Lines article records to stdout, for streaming benchmarks.
//!
//! `cargo run --release --example gen_records -- 1G | /usr/bin/time -v lede analyze - -f jsonl > /dev/null`
//!
//! The argument is how many bytes to write (suffixes K, M, G); without one
//! it writes forever. Records vary (a counter changes names and numbers) so
//! the extractors cannot just see the same text again.

use std::io::Write;

const FIRST: &[&str] = &["Alice", "Omar", "Mei", "Carlos", "Ingrid", "Kwame", "Priya", "Jonas"];
const LAST: &[&str] = &["Smith", "Haddad", "Chen", "Ruiz", "Larsen", "Mensah", "Patel", "Weber"];
const CITY: &[&str] = &["Paris", "Lagos", "Osaka", "Lima", "Oslo", "Accra", "Pune", "Bremen"];
const MONTH: &[&str] = &["January", "March", "May", "July", "September", "November"];

fn limit() -> Option<u64> {
    let arg = std::env::args().nth(1)?;
    let (num, mult) = match arg.chars().last()?.to_ascii_uppercase() {
        'K' => (&arg[..arg.len() - 1], 1 << 10),
        'M' => (&arg[..arg.len() - 1], 1 << 20),
        'G' => (&arg[..arg.len() - 1], 1 << 30),
        _ => (&arg[..], 1),
    };
    Some(num.parse::<u64>().expect("a byte count like 1G") * mult)
}

fn main() {
    let max = limit();
    let mut out = std::io::BufWriter::with_capacity(1 << 16, std::io::stdout().lock());
    let mut written = 0u64;
    let mut line = String::new();
    for i in 0u64.. {
        let k = i as usize;
        let who = format!("{} {}", FIRST[k % 8], LAST[(k / 8) % 8]);
        let city = CITY[(k / 3) % 8];
        let month = MONTH[k % 6];
        let text = format!(
            "{city} council approves {n} new homes\\n\\n{city}, {month} {d}, 20{y:02} -- The council of {city} approved \
             a plan on Tuesday to build {n} homes at a cost of ${m} million, {who} said. \\\"This is the largest \
             investment in a decade,\\\" {who} told reporters, adding that rents had risen {p}% since last year.\\n\\n\
             About {n2},000 residents live in the district, according to the {city} Statistics Office. Work starts \
             next month and should end by {month} 20{y2:02}.",
            n = 100 + k % 900,
            m = 3 + k % 97,
            d = 1 + k % 28,
            y = 10 + k % 15,
            y2 = 26 + k % 5,
            p = 1 + k % 30,
            n2 = 5 + k % 90,
        );
        line.clear();
        line.push_str(&format!("{{\"id\":\"gen-{i}\",\"text\":\"{text}\"}}\n"));
        if out.write_all(line.as_bytes()).is_err() {
            return; // the reader went away
        }
        written += line.len() as u64;
        if max.is_some_and(|m| written >= m) {
            break;
        }
    }
    let _ = out.flush();
}
