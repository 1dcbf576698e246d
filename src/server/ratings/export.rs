//! `onestop ratings export --since DATE [--hall H]`: the ratings as CSV for
//! the provincial 好差评 system, one a line. Quoted by hand (RFC 4180):
//! six lines do it, and the one thing a library would not do matters more —
//! a citizen's words that begin like a formula (`=`, `+`, `-`, `@`) are
//! written with a leading `'`, so a spreadsheet shows them as text.

use std::io::Write;

use jiff::civil::Date;

use crate::server::{
    ServerError,
    store::{Database, Store, StoredRating},
};

/// The columns, in the provincial system's words and order.
pub const HEADER: [&str; 9] =
    ["办件编号", "大厅", "事项编码", "事项", "窗口", "评价等级", "差评原因", "评价内容", "评价时间"];

/// Writes every rating of tickets from `since` on (`hall`'s only, if given).
pub async fn export(
    database: &Database,
    since: Date,
    hall: Option<&str>,
    out: &mut impl Write,
) -> Result<usize, ExportError> {
    let store = Store::open(database).await.map_err(ServerError::from)?;
    let catalog = store.catalog().await.map_err(ServerError::from)?;
    let ratings = store.ratings_since(&since.to_string(), hall).await.map_err(ServerError::from)?;
    line(out, HEADER.iter().copied())?;
    for r in &ratings {
        let code = catalog.services.iter().find(|s| s.id == r.service).map_or("", |s| s.code.as_str());
        line(out, fields(r, code).iter().map(String::as_str))?;
    }
    Ok(ratings.len())
}

#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error(transparent)]
    Server(#[from] ServerError),
    #[error("cannot write the export")]
    Write(#[from] std::io::Error),
}

fn fields(r: &StoredRating, code: &str) -> [String; 9] {
    let at = jiff::Timestamp::from_second(r.at).unwrap_or(jiff::Timestamp::UNIX_EPOCH);
    [
        // 办件编号: unique across halls and days, as the provincial system needs.
        format!("{}-{}-{}", r.hall, r.day.replace('-', ""), r.number),
        r.hall.clone(),
        code.to_owned(),
        r.service.clone(),
        r.window.to_string(),
        r.level.chinese().to_owned(),
        r.reason.map(|x| x.chinese()).unwrap_or_default().to_owned(),
        r.text.as_deref().map(defused).unwrap_or_default(),
        at.to_string(),
    ]
}

/// A citizen's words a spreadsheet would take for a formula, made text.
fn defused(s: &str) -> String {
    if s.starts_with(['=', '+', '-', '@']) { format!("'{s}") } else { s.to_owned() }
}

fn line<'a>(out: &mut impl Write, fields: impl Iterator<Item = &'a str>) -> std::io::Result<()> {
    let quoted: Vec<String> = fields.map(quote).collect();
    write!(out, "{}\r\n", quoted.join(","))
}

/// RFC 4180: a field with a comma, a quote or a line break goes in quotes,
/// its quotes doubled.
pub fn quote(field: &str) -> String {
    if field.contains([',', '"', '\r', '\n']) {
        format!("\"{}\"", field.replace('"', "\"\""))
    } else {
        field.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_only_what_needs_it() {
        assert_eq!(quote("A001"), "A001");
        assert_eq!(quote("慢,很慢"), "\"慢,很慢\"");
        assert_eq!(quote("他说\"再来\""), "\"他说\"\"再来\"\"\"");
        assert_eq!(quote("a\nb"), "\"a\nb\"");
        assert_eq!(defused("=1+1"), "'=1+1");
        assert_eq!(defused("很好"), "很好");
    }
}
