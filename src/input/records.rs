//! JSON Lines records: `{"id","text","date","title","url"}` per line.

use chrono::NaiveDate;
use serde::Deserialize;

/// One article given as a JSON object.
#[derive(Debug, Clone, Deserialize, PartialEq)]
pub struct Record {
    /// Identifier; defaults to `path#line`.
    #[serde(default)]
    pub id: Option<serde_json::Value>,
    /// The article text (required).
    pub text: String,
    /// Publication date, `YYYY-MM-DD` (a longer ISO timestamp is accepted and cut).
    #[serde(default)]
    pub date: Option<String>,
    /// Headline.
    #[serde(default)]
    pub title: Option<String>,
    /// Where the article was published.
    #[serde(default)]
    pub url: Option<String>,
}

impl Record {
    /// Parses one line. Errors say what is wrong in plain words.
    pub fn parse(line: &str) -> Result<Record, String> {
        let value: serde_json::Value = serde_json::from_str(line).map_err(|e| format!("malformed JSON: {e}"))?;
        if !value.is_object() {
            return Err("a record must be a JSON object".to_string());
        }
        match value.get("text") {
            None | Some(serde_json::Value::Null) => return Err("record has no \"text\" field".to_string()),
            Some(serde_json::Value::String(_)) => {}
            Some(_) => return Err("record field \"text\" must be a string".to_string()),
        }
        serde_json::from_value(value).map_err(|e| format!("bad record: {e}"))
    }

    /// The record's id as a string, if it has one.
    pub fn id_string(&self) -> Option<String> {
        match &self.id {
            None | Some(serde_json::Value::Null) => None,
            Some(serde_json::Value::String(s)) => Some(s.clone()),
            Some(other) => Some(other.to_string()),
        }
    }

    /// Parses the `date` field. `Err` carries a warning for an unreadable date.
    pub fn parsed_date(&self) -> Result<Option<NaiveDate>, String> {
        let Some(d) = self.date.as_deref().map(str::trim).filter(|d| !d.is_empty()) else {
            return Ok(None);
        };
        let head = d.get(..10).unwrap_or(d);
        NaiveDate::parse_from_str(head, "%Y-%m-%d")
            .map(Some)
            .map_err(|_| format!("record date {d:?} is not YYYY-MM-DD; ignored"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_full_and_minimal_records() {
        let r = Record::parse(r#"{"id":7,"text":"Hi","date":"2022-06-30T10:00:00Z","title":"T","url":"u"}"#).unwrap();
        assert_eq!(r.id_string().as_deref(), Some("7"));
        assert_eq!(r.parsed_date().unwrap(), NaiveDate::from_ymd_opt(2022, 6, 30));
        let m = Record::parse(r#"{"text":"only"}"#).unwrap();
        assert_eq!(m.id_string(), None);
        assert_eq!(m.parsed_date().unwrap(), None);
    }

    #[test]
    fn explains_bad_records() {
        assert!(Record::parse("{nope").unwrap_err().starts_with("malformed JSON"));
        assert_eq!(Record::parse(r#"{"id":"x"}"#).unwrap_err(), "record has no \"text\" field");
        assert_eq!(Record::parse(r#"{"text":5}"#).unwrap_err(), "record field \"text\" must be a string");
        assert_eq!(Record::parse("[1]").unwrap_err(), "a record must be a JSON object");
        let r = Record::parse(r#"{"text":"a","date":"30/06/2022"}"#).unwrap();
        assert!(r.parsed_date().unwrap_err().contains("not YYYY-MM-DD"));
    }
}
