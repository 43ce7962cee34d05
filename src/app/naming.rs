//! What reviews and their files are called: the name in the title bar and on a tab, and the
//! path proposed when a review is saved for the first time.

use super::review::OpenReview;
use std::path::{Path, PathBuf};

impl OpenReview {
    /// How the review is called in the title bar and its tab: its file's name, or the
    /// article's title while it has no file.
    pub fn name(&self) -> String {
        match &self.doc.path {
            Some(p) => p
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default(),
            None => match self.review_a() {
                Some(a) => format!(
                    "Adjudication of {} (new review)",
                    Path::new(&a.file)
                        .file_name()
                        .map_or_else(|| a.file.clone(), |n| n.to_string_lossy().into_owned())
                ),
                None => format!("{} (new review)", self.doc.session().article().title),
            },
        }
    }

    /// Review A of an adjudication: the one it was made from.
    fn review_a(&self) -> Option<&crate::model::adjudication::Input> {
        let record = self.doc.session().provenance().adjudication.as_ref()?;
        record.inputs.first()
    }

    /// The path proposed when the review is saved: its file, or beside the article and named
    /// after it.
    pub fn suggested_save_path(&self) -> PathBuf {
        if let Some(path) = &self.doc.path {
            return path.clone();
        }
        if let Some(a) = self.review_a() {
            // Beside review A: `hyesan.kim.review.ron` → `hyesan.kim.adjudicated.review.ron`.
            let a = Path::new(&a.file);
            let name = a.file_name().map(|n| n.to_string_lossy().into_owned());
            let stem = name.as_deref().unwrap_or("review");
            let stem = stem.strip_suffix(".ron").unwrap_or(stem);
            let stem = stem.strip_suffix(".review").unwrap_or(stem);
            return a.with_file_name(format!("{stem}.adjudicated.review.ron"));
        }
        let article = self.doc.session().article();
        let source = article.source_path.as_deref().map(Path::new);
        let stem = source
            .and_then(|p| p.file_stem())
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_else(|| file_stem_from_title(&article.title));
        let dir = source
            .and_then(|p| p.parent())
            .filter(|d| d.is_dir())
            .map(Path::to_path_buf)
            .unwrap_or_default();
        dir.join(format!("{stem}.review.ron"))
    }

    /// Where the label preset is proposed to go: beside the review's file.
    /// Beside the session (or where a new review's session would go), named after it:
    /// `hyesan.review.ron` → `hyesan.csv`, `hyesan.ann`.
    pub fn suggested_export_path(&self, format: crate::io::export::Format) -> PathBuf {
        let session = self
            .doc
            .path
            .clone()
            .unwrap_or_else(|| self.suggested_save_path());
        let stem = crate::io::export::stem_of(&session);
        session.with_file_name(format!("{stem}{}", format.suffix()))
    }

    pub fn suggested_labels_path(&self) -> PathBuf {
        self.doc
            .path
            .as_ref()
            .and_then(|p| p.parent())
            .map(|d| d.join("labels.ron"))
            .unwrap_or_else(|| PathBuf::from("labels.ron"))
    }
}

/// A file name made from an article title: letters, digits and dashes.
fn file_stem_from_title(title: &str) -> String {
    let mut stem: String = title
        .chars()
        .map(|c| {
            if c.is_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    while stem.contains("--") {
        stem = stem.replace("--", "-");
    }
    let stem = stem.trim_matches('-').chars().take(60).collect::<String>();
    if stem.is_empty() {
        "review".to_string()
    } else {
        stem
    }
}

/// Sessions are recognised by their extension, so a name typed without one gets `.ron`.
pub fn with_ron_extension(path: PathBuf) -> PathBuf {
    if crate::io::open::is_session_path(&path) {
        path
    } else {
        let mut name = path.into_os_string();
        name.push(".ron");
        PathBuf::from(name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_become_plain_file_names() {
        assert_eq!(
            file_stem_from_title("Rice prices: up 20% (Hyesan)"),
            "rice-prices-up-20-hyesan"
        );
        assert_eq!(file_stem_from_title("“…”"), "review");
    }

    #[test]
    fn a_name_typed_without_extension_gets_ron() {
        assert_eq!(
            with_ron_extension(PathBuf::from("a/report")),
            PathBuf::from("a/report.ron")
        );
        assert_eq!(
            with_ron_extension(PathBuf::from("a/report.RON")),
            PathBuf::from("a/report.RON")
        );
    }
}
