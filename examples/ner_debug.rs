//! Prints the entities of each argument (debugging aid).
fn main() {
    for a in std::env::args().skip(1) {
        let doc = lede::document::Document::verbatim(a.replace("\\n", "\n"));
        for e in lede::extract::entities::extract(&doc) {
            println!("{:?}\t{}\t{}\t{:?}", e.kind, doc.slice(e.span), e.canonical, e.country);
        }
        println!("--");
    }
}
