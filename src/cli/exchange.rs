//! The commands that move reviews between claimlens and other tools: `export` and `import`.

use super::ExportFormat;
use crate::io::FileError;
use std::io::Write;
use std::path::{Path, PathBuf};

pub(super) fn export_command(
    sessions: &[PathBuf],
    format: ExportFormat,
    output: Option<&Path>,
    out: &mut dyn Write,
) -> Result<(), String> {
    use crate::io::export::Format as Exported;
    let format = match format {
        ExportFormat::Csv => Exported::Csv,
        ExportFormat::Jsonl => Exported::Jsonl,
        ExportFormat::W3c => Exported::W3c,
        ExportFormat::Brat => Exported::Brat,
        ExportFormat::Labelstudio => Exported::LabelStudio,
    };
    write_files(sessions, format, output, out)
}

/// Writes each session in `format`: to `out`, to the file `output`, or into the folder
/// `output` (one file each). Every session is read before anything is written.
pub(super) fn write_files(
    sessions: &[PathBuf],
    format: crate::io::export::Format,
    output: Option<&Path>,
    out: &mut dyn Write,
) -> Result<(), String> {
    use crate::io::export;
    if output.is_none() && !format.is_one_file() {
        return Err(format!(
            "{} is several files (.txt, .ann, annotation.conf, visual.conf): give a folder or \
             an .ann file with -o",
            format.name()
        ));
    }
    // Every session is read before anything is written: a damaged one stops the export whole.
    let loaded = sessions
        .iter()
        .map(|path| crate::io::load_session(path).map(|s| (path, s)))
        .collect::<Result<Vec<_>, FileError>>()
        .map_err(|e| e.to_string())?;
    let several = loaded.len() > 1;
    match output {
        None => loaded.iter().try_for_each(|(_, session)| {
            export::export(session, format, out).map_err(|e| format!("cannot write output: {e}"))
        }),
        Some(folder) if several || folder.is_dir() => {
            if !folder.is_dir() {
                return Err(format!(
                    "{} is not a folder: several sessions are exported into a folder",
                    folder.display()
                ));
            }
            for (path, session) in &loaded {
                let target = folder.join(format!("{}{}", export::stem_of(path), format.suffix()));
                export::export_to(session, format, &target)?;
            }
            Ok(())
        }
        Some(file) => export::export_to(&loaded[0].1, format, file).map(|_| ()),
    }
}

/// Reads the annotation file, places it on the article and writes the review; the report
/// goes to `out`. Nothing is written unless the whole import succeeds.
pub(super) fn import_command(
    file: &Path,
    article: Option<&Path>,
    output: &Path,
    annotation: Option<usize>,
    out: &mut dyn Write,
) -> Result<(), String> {
    let article = article
        .map(crate::io::read_article)
        .transpose()
        .map_err(|e| e.to_string())?;
    let options = crate::io::import::Options { annotation };
    let taxonomy = crate::model::Taxonomy::default_preset();
    let (session, report) = crate::io::import::import_file(file, article, taxonomy, &options)?;
    crate::io::save_session(output, &session).map_err(|e| e.to_string())?;
    writeln!(out, "{report}\nWrote {}", output.display())
        .map_err(|e| format!("cannot write output: {e}"))
}
