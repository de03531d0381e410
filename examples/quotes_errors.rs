//! Prints the quotes whose named gold speaker `lede eval` scores as wrong
//! or missing, with the text around each (debugging aid).
//!
//! `cargo run --release --example quotes_errors -- ../shared/eval/quotes/dev.jsonl [LIMIT]`

use lede::document::Document;
use lede::extract::{entities, quotes};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let path = args.get(1).map_or("../shared/eval/quotes/dev.jsonl", String::as_str);
    let limit: usize = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(usize::MAX);
    let raw = match std::fs::read_to_string(path) {
        Ok(r) => r,
        Err(e) => return eprintln!("{path}: {e}"),
    };
    let mut shown = 0;
    for line in raw.lines() {
        let Ok(v) = serde_json::from_str::<serde_json::Value>(line) else { continue };
        let text = v["text"].as_str().unwrap_or_default();
        let doc = Document::verbatim(text.to_string());
        let ents = entities::extract(&doc);
        let preds = quotes::extract(&doc, &ents);
        let chars: Vec<char> = text.chars().collect();
        let sl = |a: usize, b: usize| chars[a.min(chars.len())..b.min(chars.len())].iter().collect::<String>();
        for g in v["quotes"].as_array().into_iter().flatten() {
            let (Some(gs), Some(ge)) = (g["start"].as_u64(), g["end"].as_u64()) else { continue };
            let (gs, ge) = (gs as usize, ge as usize);
            let Some(gsp) = g["speaker"].as_str() else { continue };
            if g["speaker_is_pronoun"].as_bool() == Some(true) || !lede::eval::quotes::is_name(gsp) {
                continue;
            }
            let hit = preds.iter().find(|q| {
                let (a, b) = (doc.char_offset(q.span.start), doc.char_offset(q.span.end));
                2 * b.min(ge).saturating_sub(a.max(gs)) >= (b - a).min(ge - gs).max(1)
            });
            let Some(q) = hit else { continue };
            let pred = q.speaker.clone().unwrap_or_default();
            let lp = pred.to_lowercase();
            let lg = gsp.to_lowercase();
            let right =
                !pred.is_empty() && (lg.contains(&lp) || lp.split_whitespace().last().is_some_and(|l| lg.contains(l)));
            if right {
                continue;
            }
            let q_len = ge - gs;
            let ctx_a = gs.saturating_sub(160);
            let ctx_b = (ge + 120).min(chars.len());
            println!(
                "GOLD {gsp:?} PRED {pred:?} VERB {:?} KIND {:?}\n  …{}⟦{}⟧{}…\n",
                q.verb,
                q.kind,
                sl(ctx_a, gs).replace('\n', "¶"),
                if q_len > 80 { format!("{}…", sl(gs, gs + 60)) } else { sl(gs, ge) },
                sl(ge, ctx_b).replace('\n', "¶")
            );
            shown += 1;
            if shown >= limit {
                return;
            }
        }
    }
}
