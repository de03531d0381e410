//! A direct JSON writer for the `lede/1` document record.
//!
//! [`wire::DocOut`] is the format's definition: it derives the JSON schema,
//! reads records back (`lede check`) and is what the tests compare against.
//! Printing through it costs a copy of every string into a `DocOut` and
//! serde's per-field machinery, a tenth of a whole run on news text; this
//! writer emits the same bytes straight from the analyzed document. A test
//! below holds the two byte-identical on every fixture, so a field added to
//! `DocOut` and not here fails it.
//!
//! [`wire::DocOut`]: super::wire::DocOut

use super::wire::SCHEMA;
use crate::document::{DateSource, Document, Span, ascii};
use crate::extract::EntityKind;
use crate::pipeline::{Analyzed, NameOf, NameSpot};

/// `,"name":`, how every member starts, as one literal: written in one
/// copy of a length known at compile time, where the comma, quotes, name
/// and colon apart would cost a capacity check and a length update each.
/// (The first member's comma is turned into the object's `{`.)
macro_rules! key {
    ($name:literal) => {
        concat!(",\"", $name, "\":")
    };
}

/// Appends the JSON object of one analyzed document to `out`, exactly as
/// `serde_json::to_vec(&DocOut::new(a, with_text))` would.
///
/// Notes in `names`, when given, where the values that corpus name
/// resolution may rewrite were written, and whose they are: the
/// `canonical` of each person entity and the `speaker` of each quote, so
/// that [`rewrite_names`] can change them without writing the record again.
pub fn write_doc(out: &mut Vec<u8>, a: &Analyzed, with_text: bool, mut names: Option<&mut Vec<NameSpot>>) {
    let doc = &a.doc;
    let mut o = Object::open(out);
    o.label(key!("schema"), SCHEMA);
    o.str(key!("id"), &doc.id);
    o.str(key!("path"), &doc.path);
    o.opt_str(key!("title"), doc.title.as_deref());
    o.opt_str(key!("date"), doc.date.map(crate::extract::dates::resolve::day).as_deref());
    o.opt_str(key!("date_source"), doc.date_source.map(date_source));
    o.some_str(key!("url"), doc.url.as_deref());
    o.some_str(key!("author"), doc.author.as_deref());
    o.some_str(key!("language"), doc.language.as_deref());
    if with_text {
        o.str(key!("text"), &doc.text);
    }
    let mut i = 0;
    o.objects(key!("entities"), &a.ex.entities, |o, e| {
        o.str(key!("text"), doc.slice(e.span));
        o.label(key!("type"), e.kind.as_str());
        if e.kind == EntityKind::Person {
            o.noted_str(key!("canonical"), Some(&e.canonical), names.as_deref_mut(), NameOf::Canonical(i));
        } else {
            o.str(key!("canonical"), &e.canonical);
        }
        o.some_str(key!("country"), e.country.as_deref());
        o.offsets(doc, e.span);
        i += 1;
    });
    o.objects(key!("dates"), &a.ex.dates, |o, d| {
        o.str(key!("text"), doc.slice(d.span));
        o.label(key!("type"), d.kind.as_str());
        o.str(key!("value"), &d.value);
        o.some_str(key!("mod"), d.modifier.as_deref());
        o.offsets(doc, d.span);
    });
    let mut i = 0;
    o.objects(key!("quotes"), &a.ex.quotes, |o, q| {
        o.str(key!("text"), doc.slice(q.span));
        o.noted_str(key!("speaker"), q.speaker.as_deref(), names.as_deref_mut(), NameOf::Speaker(i));
        i += 1;
        o.opt_str(key!("speaker_role"), q.speaker_role.as_deref());
        o.opt_str(key!("verb"), q.verb.as_deref());
        o.label(key!("kind"), q.kind.as_str());
        o.offsets(doc, q.span);
    });
    o.objects(key!("figures"), &a.ex.figures, |o, f| {
        o.str(key!("text"), doc.slice(f.span));
        o.label(key!("kind"), f.kind.as_str());
        o.f64(key!("value"), f.value);
        if let Some(max) = f.value_max {
            o.f64(key!("value_max"), max);
        }
        o.opt_str(key!("unit"), f.unit.as_deref());
        o.opt_str(key!("object"), f.object.as_deref());
        o.opt_str(key!("qualifier"), f.qualifier.as_deref());
        o.some_str(key!("relative_to"), f.relative_to);
        if let Some(c) = &f.converted_to {
            o.key(key!("converted_to"));
            let mut inner = Object::open(o.out);
            inner.str(key!("text"), doc.slice(c.span));
            inner.str(key!("unit"), &c.unit);
            inner.offsets(doc, c.span);
            inner.close();
        }
        o.offsets(doc, f.span);
    });
    o.strings(key!("warnings"), &doc.warnings);
    o.close();
}

/// Writes into `out` the record [`write_doc`] wrote as `old`, with the
/// values noted in `names` replaced by the document's current ones: what
/// a worker rendered before delivery resolved a name across documents. Each spot says whose name it holds, so the order in which
/// `write_doc` writes them is not repeated here. Resolution changes names,
/// never how many entities or quotes there are; should the spots not
/// match the document (one for each person and each quote), the record is
/// written afresh (`with_text` as it was first written).
pub fn rewrite_names(out: &mut Vec<u8>, old: &[u8], names: &[NameSpot], a: &Analyzed, with_text: bool) {
    let value = |of: NameOf| match of {
        NameOf::Canonical(i) => {
            a.ex.entities.get(i).filter(|e| e.kind == EntityKind::Person).map(|e| Some(&*e.canonical))
        }
        NameOf::Speaker(i) => a.ex.quotes.get(i).map(|q| q.speaker.as_deref()),
    };
    let persons = a.ex.entities.iter().filter(|e| e.kind == EntityKind::Person).count();
    if names.len() != persons + a.ex.quotes.len() || names.iter().any(|n| value(n.of).is_none()) {
        return write_doc(out, a, with_text, None);
    }
    out.reserve(old.len() + 64);
    let mut copied = 0;
    for n in names {
        out.extend_from_slice(&old[copied..n.range.start]);
        write_opt_str(out, value(n.of).flatten());
        copied = n.range.end;
    }
    out.extend_from_slice(&old[copied..]);
}

/// The name [`DateSource`] serializes to.
fn date_source(s: DateSource) -> &'static str {
    match s {
        DateSource::Record => "record",
        DateSource::Dateline => "dateline",
        DateSource::Published => "published",
        DateSource::Meta => "meta",
        DateSource::Cli => "cli",
    }
}

/// A JSON object being written. Members start with their comma (see
/// [`key!`]); the first one's becomes the opening brace.
struct Object<'a> {
    out: &'a mut Vec<u8>,
    /// No member written yet (so no `{` either).
    first: bool,
}

impl<'a> Object<'a> {
    fn open(out: &'a mut Vec<u8>) -> Object<'a> {
        Object { out, first: true }
    }

    fn close(self) {
        // An object without members never had a comma to turn into `{`.
        if self.first {
            self.out.push(b'{');
        }
        self.out.push(b'}');
    }

    /// Writes `key`, a [`key!`]. Keys are this module's own literals and
    /// never need escaping.
    #[inline]
    fn key(&mut self, key: &str) {
        debug_assert!(
            key.strip_prefix(",\"")
                .and_then(|k| k.strip_suffix("\":"))
                .is_some_and(|name| name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_'))
        );
        let comma = self.out.len();
        self.out.extend_from_slice(key.as_bytes());
        if std::mem::take(&mut self.first) {
            self.out[comma] = b'{';
        }
    }

    #[inline]
    fn str(&mut self, key: &str, value: &str) {
        self.key(key);
        write_str(self.out, value);
    }

    /// A member whose value is one of the format's own labels (`"ORG"`,
    /// `"full"`): plain names that never need escaping, so not scanned.
    #[inline]
    fn label(&mut self, key: &str, value: &'static str) {
        debug_assert!(!needs_escape(value.as_bytes()));
        self.key(key);
        self.out.push(b'"');
        self.out.extend_from_slice(value.as_bytes());
        self.out.push(b'"');
    }

    /// A member that is `null` when absent (serde's plain `Option`).
    #[inline]
    fn opt_str(&mut self, key: &str, value: Option<&str>) {
        self.key(key);
        write_opt_str(self.out, value);
    }

    /// [`Object::opt_str`], noting in `names` where the value went and
    /// whose it is.
    #[inline]
    fn noted_str(&mut self, key: &str, value: Option<&str>, names: Option<&mut Vec<NameSpot>>, of: NameOf) {
        self.key(key);
        let start = self.out.len();
        write_opt_str(self.out, value);
        if let Some(names) = names {
            names.push(NameSpot { range: start..self.out.len(), of });
        }
    }

    /// A member left out when absent (`skip_serializing_if = "Option::is_none"`).
    #[inline]
    fn some_str(&mut self, key: &str, value: Option<&str>) {
        if let Some(v) = value {
            self.str(key, v);
        }
    }

    #[inline]
    fn uint(&mut self, key: &str, value: usize) {
        self.key(key);
        self.out.extend_from_slice(itoa::Buffer::new().format(value).as_bytes());
    }

    /// Floats go through serde_json itself: its shortest round-trip
    /// formatting (and `null` for non-finite values) is the format.
    fn f64(&mut self, key: &str, value: f64) {
        self.key(key);
        serde_json::to_writer(&mut *self.out, &value).expect("writing to a Vec cannot fail");
    }

    /// `start` and `end` of a span, in code points. Always inlined: the
    /// compiler otherwise keeps one copy shared by the object writers, and
    /// calling it (saving and reloading registers around the call) cost
    /// about a fifth of writing the two numbers.
    #[inline(always)]
    fn offsets(&mut self, doc: &Document, span: Span) {
        self.uint(key!("start"), doc.char_offset(span.start));
        self.uint(key!("end"), doc.char_offset(span.end));
    }

    /// An array member holding one object per item, each written by `each`.
    fn objects<T>(&mut self, key: &str, items: &[T], mut each: impl FnMut(&mut Object, &T)) {
        self.key(key);
        self.out.push(b'[');
        for (i, item) in items.iter().enumerate() {
            if i > 0 {
                self.out.push(b',');
            }
            let mut inner = Object::open(self.out);
            each(&mut inner, item);
            inner.close();
        }
        self.out.push(b']');
    }

    /// An array member of strings.
    fn strings(&mut self, key: &str, items: &[String]) {
        self.key(key);
        self.out.push(b'[');
        for (i, item) in items.iter().enumerate() {
            if i > 0 {
                self.out.push(b',');
            }
            write_str(self.out, item);
        }
        self.out.push(b']');
    }
}

/// What byte `b` must be written as inside a JSON string: 0 for itself,
/// `u` for `\u00XX`, or the letter after the backslash. These are
/// serde_json's choices (short forms where JSON has them, nothing escaped
/// beyond what JSON requires), so both writers agree byte for byte.
const fn escape(b: u8) -> u8 {
    match b {
        b'"' => b'"',
        b'\\' => b'\\',
        0x08 => b'b',
        0x0c => b'f',
        b'\n' => b'n',
        b'\r' => b'r',
        b'\t' => b't',
        0..0x20 => b'u',
        _ => 0,
    }
}

/// Whether any of the eight bytes in `x` needs escaping: is below 0x20,
/// `"` or `\`. Flipping bit 1 of every byte sends `"` (0x22) to 0x20 and
/// keeps the control bytes below it, so one test "below 0x21" finds both.
/// Exact for "any" (a hit is rescanned byte by byte); both tests run, with
/// no branch between them.
fn any_escape(x: u64) -> bool {
    ascii::has_below(x ^ (ascii::ONES * 0x02), 0x21) | ascii::has_byte(x, b'\\')
}

/// Eight bytes, each one of `short`'s (one to eight bytes) and together
/// all of them: two overlapping loads, so that a short string is tested
/// as one word without being copied into a padded one.
fn spread(short: &[u8]) -> u64 {
    let n = short.len();
    let le32 = |at: usize| u32::from_le_bytes(short[at..at + 4].try_into().expect("four bytes"));
    let (low, high) = match n {
        1..=3 => {
            let x = u32::from_le_bytes([short[0], short[n / 2], short[n - 1], short[0]]);
            (x, x)
        }
        _ => (le32(0), le32(n - 4)),
    };
    u64::from(low) | u64::from(high) << 32
}

/// Whether any byte of `bytes` needs escaping, eight at a time; a last
/// partial word is read overlapping the one before, and strings shorter
/// than a word are [`spread`] over one.
fn needs_escape(bytes: &[u8]) -> bool {
    let n = bytes.len();
    if n < 8 {
        return n > 0 && any_escape(spread(bytes));
    }
    let word = |w: &[u8], i| ascii::word_at(w, i).is_some_and(any_escape);
    bytes.chunks_exact(8).any(|w| word(w, 0)) || (!n.is_multiple_of(8) && word(bytes, n - 8))
}

/// Appends `s` as a JSON string literal. Most strings need no escaping at
/// all, so they are checked a word at a time and copied whole.
#[inline]
pub fn write_str(out: &mut Vec<u8>, s: &str) {
    let bytes = s.as_bytes();
    out.reserve(bytes.len() + 2);
    out.push(b'"');
    if needs_escape(bytes) {
        write_escaped(out, bytes);
    } else {
        out.extend_from_slice(bytes);
    }
    out.push(b'"');
}

/// Appends `s` as a JSON string literal, or `null`.
#[inline]
fn write_opt_str(out: &mut Vec<u8>, s: Option<&str>) {
    match s {
        Some(s) => write_str(out, s),
        None => out.extend_from_slice(b"null"),
    }
}

/// The contents of a string that does need escaping, a byte at a time.
fn write_escaped(out: &mut Vec<u8>, bytes: &[u8]) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let mut run = 0;
    for (i, &b) in bytes.iter().enumerate() {
        let e = escape(b);
        if e == 0 {
            continue;
        }
        out.extend_from_slice(&bytes[run..i]);
        out.extend_from_slice(&[b'\\', e]);
        if e == b'u' {
            out.extend_from_slice(&[b'0', b'0', HEX[usize::from(b >> 4)], HEX[usize::from(b & 0xf)]]);
        }
        run = i + 1;
    }
    out.extend_from_slice(&bytes[run..]);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::output::wire::DocOut;
    use crate::pipeline::{Config, Outcome, process};
    use proptest::prelude::*;

    fn serde(s: &str) -> String {
        serde_json::to_string(s).unwrap()
    }

    fn ours(s: &str) -> String {
        let mut out = Vec::new();
        write_str(&mut out, s);
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn escapes_every_control_byte_and_nothing_else_as_serde_json_does() {
        for b in 0..=0x7fu8 {
            let s = format!("ab{}cdefghij", b as char);
            assert_eq!(ours(&s), serde(&s), "byte {b:#04x}");
        }
        assert_eq!(ours("say \"hi\"\n\\ é “x”"), r#""say \"hi\"\n\\ é “x”""#);
        assert_eq!(ours("\u{1}"), r#""\u0001""#);
        assert_eq!(ours(""), r#""""#);
    }

    /// Every length the word scan treats apart (spread short strings, whole
    /// words, the overlapping last word), with each escape at each place.
    #[test]
    fn finds_an_escape_at_every_place_of_every_short_length() {
        for n in 1..=24 {
            for at in 0..n {
                for b in ['"', '\\', '\n', '\u{1f}'] {
                    let s: String = (0..n).map(|i| if i == at { b } else { 'é' }).collect();
                    assert_eq!(ours(&s), serde(&s), "{n} chars, {b:?} at {at}");
                    let s: String = (0..n).map(|i| if i == at { b } else { 'x' }).collect();
                    assert_eq!(ours(&s), serde(&s), "{n} bytes, {b:?} at {at}");
                }
            }
        }
    }

    proptest! {
        #[test]
        fn any_string_is_written_as_serde_json_writes_it(s in any::<String>()) {
            prop_assert_eq!(ours(&s), serde(&s));
        }

        #[test]
        fn control_heavy_strings_too(s in "[\\x00-\\x21\"\\\\a-c]{0,40}") {
            prop_assert_eq!(ours(&s), serde(&s));
        }
    }

    /// The fixture articles, analyzed.
    fn fixture_documents() -> Vec<Analyzed> {
        let cfg = Config { date: chrono::NaiveDate::from_ymd_opt(2022, 6, 30), ..Config::default() };
        let files = crate::fixtures::texts(&[]);
        assert!(files.len() >= 5);
        let mut docs = Vec::new();
        for path in files {
            let bytes = std::fs::read(&path).unwrap();
            let item = crate::input::Item::Text { path: path.display().to_string(), bytes };
            for outcome in process(item, &cfg) {
                let Outcome::Doc(a) = outcome else { panic!("{} failed", path.display()) };
                docs.push(*a);
            }
        }
        assert!(docs.len() >= 5, "{} documents", docs.len());
        docs
    }

    fn written(a: &Analyzed, with_text: bool) -> (Vec<u8>, Vec<NameSpot>) {
        let mut out = Vec::new();
        let mut names = Vec::new();
        write_doc(&mut out, a, with_text, Some(&mut names));
        (out, names)
    }

    /// Every fixture article, with and without `--text`, against the
    /// serde writer of the format's definition.
    #[test]
    fn documents_are_written_exactly_as_the_wire_types_serialize() {
        for a in fixture_documents() {
            for with_text in [false, true] {
                let want = serde_json::to_vec(&DocOut::new(&a, with_text)).unwrap();
                assert_eq!(String::from_utf8(written(&a, with_text).0).unwrap(), String::from_utf8(want).unwrap());
            }
        }
    }

    /// Each noted spot holds, in the record, the value of the name it says
    /// it holds.
    #[test]
    fn name_spots_say_whose_value_they_hold() {
        let mut spots = 0;
        for a in fixture_documents() {
            let (out, names) = written(&a, false);
            for n in &names {
                let value = match n.of {
                    NameOf::Canonical(i) => Some(a.ex.entities[i].canonical.as_str()),
                    NameOf::Speaker(i) => a.ex.quotes[i].speaker.as_deref(),
                };
                let mut want = Vec::new();
                write_opt_str(&mut want, value);
                assert_eq!(out[n.range.clone()], want[..], "{n:?}");
                spots += 1;
            }
        }
        assert!(spots > 20, "{spots} spots");
    }

    /// Renaming every person and speaker (with characters that need
    /// escaping) and rewriting the names of the old record gives the record
    /// of the renamed document; so does the fallback for a wrong count.
    #[test]
    fn rewritten_names_equal_a_record_written_afresh() {
        let (mut persons, mut speakers) = (0, 0);
        for a in fixture_documents() {
            let (old, names) = written(&a, false);
            let mut renamed = a.clone();
            for e in renamed.ex.entities.iter_mut().filter(|e| e.kind == EntityKind::Person) {
                e.canonical = format!("{} \"Jr\" é", e.canonical);
                persons += 1;
            }
            for s in renamed.ex.quotes.iter_mut().filter_map(|q| q.speaker.as_mut()) {
                s.push_str("\\x");
                speakers += 1;
            }
            let want = String::from_utf8(written(&renamed, false).0).unwrap();
            let mut out = Vec::new();
            rewrite_names(&mut out, &old, &names, &renamed, false);
            assert_eq!(String::from_utf8(out).unwrap(), want);
            let mut afresh = Vec::new();
            rewrite_names(&mut afresh, &old, &names[..names.len().saturating_sub(1)], &renamed, false);
            assert_eq!(String::from_utf8(afresh).unwrap(), want);
            // A spot naming an entity that is no person, or none at all.
            for of in [NameOf::Canonical(a.ex.entities.len()), NameOf::Speaker(a.ex.quotes.len())]
                .into_iter()
                .chain(a.ex.entities.iter().position(|e| e.kind != EntityKind::Person).map(NameOf::Canonical))
            {
                let mut wrong = names.clone();
                if let Some(n) = wrong.first_mut() {
                    n.of = of;
                    let mut afresh = Vec::new();
                    rewrite_names(&mut afresh, &old, &wrong, &renamed, false);
                    assert_eq!(String::from_utf8(afresh).unwrap(), want, "{of:?}");
                }
            }
        }
        assert!(persons > 10 && speakers > 5, "{persons} persons, {speakers} speakers");
    }
}
