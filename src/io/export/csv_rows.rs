//! CSV: a header row, then one row per sentence; RFC 4180 quoting by the `csv` crate, UTF-8
//! with a byte-order mark so that spreadsheets (Excel among them) read the accents right.

use super::Row;
use std::io::Write;

pub fn write(rows: &[Row], out: &mut dyn Write) -> std::io::Result<()> {
    out.write_all("\u{feff}".as_bytes())?;
    let mut writer = csv::Writer::from_writer(out);
    for row in rows {
        writer.serialize(row).map_err(std::io::Error::other)?;
    }
    if rows.is_empty() {
        // The header alone, so that an empty review is still a table with its columns.
        writer.write_record(HEADER).map_err(std::io::Error::other)?;
    }
    writer.flush()
}

const HEADER: [&str; 18] = [
    "index",
    "id",
    "start_byte",
    "end_byte",
    "start_char",
    "end_char",
    "text",
    "label",
    "kind",
    "status",
    "source",
    "reliability",
    "credibility",
    "grade",
    "hedging",
    "note",
    "links",
    "analyst",
];
