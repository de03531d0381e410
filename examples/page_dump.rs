//! Prints what the page extractor keeps from one HTML file (debugging aid).
fn main() {
    let path = std::env::args().nth(1).expect("usage: page_dump FILE.html");
    let html = std::fs::read_to_string(path).expect("read");
    for a in lede::clean::clean(&html, false) {
        println!(
            "TITLE: {:?} DATE: {:?} AUTHOR: {:?} URL: {:?} LANG: {:?}",
            a.title, a.date, a.author, a.url, a.language
        );
        for (p, k) in a.paragraphs {
            println!("[{k:?}] {p}");
        }
    }
}
