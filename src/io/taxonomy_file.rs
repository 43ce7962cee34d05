//! Label presets as RON files: export the session's labels, import a preset into a review.

use super::atomic::write_atomic;
use super::error::{FileError, Problem};
use crate::model::Taxonomy;
use std::path::Path;

pub fn save_taxonomy(path: &Path, taxonomy: &Taxonomy) -> Result<(), FileError> {
    let pretty = ron::ser::PrettyConfig::new().indentor("    ");
    let text = ron::ser::to_string_pretty(taxonomy, pretty)
        .map_err(|e| FileError::save(path, Problem::WriteFailed(e.to_string())))?;
    write_atomic(path, |out| out.write_all(text.as_bytes()))
        .map_err(|e| FileError::save(path, Problem::WriteFailed(e.to_string())))
}

pub fn load_taxonomy(path: &Path) -> Result<Taxonomy, FileError> {
    let fail = |problem| FileError::open(path, problem);
    // A preset is a few kilobytes; ten megabytes is anything but one.
    let bytes = super::bounded::read_file(path, 10_000_000)?;
    let text = String::from_utf8(bytes).map_err(|_| {
        fail(Problem::Invalid(
            "not a label preset: it is not UTF-8 text".into(),
        ))
    })?;
    let mut taxonomy = Taxonomy::from_ron(&text)
        .map_err(|e| fail(Problem::Invalid(format!("not a label preset: {e}"))))?;
    taxonomy.refresh_default_colours();
    Ok(taxonomy)
}
