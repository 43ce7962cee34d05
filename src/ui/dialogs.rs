//! File dialogs: the desktop's own where it has one (an xdg portal's, zenity, or the platform's),
//! otherwise claimlens' built-in one ([`super::file_dialog`]), so that saving never depends on
//! the desktop. Which one is decided once, from what the desktop offers, not by trying a dialog
//! and timing it. Behind a trait so that tests can answer them.

use super::file_dialog::InAppDialogs;
use crate::io::article_file::{ARTICLE_EXTENSIONS, OPENABLE_EXTENSIONS};

/// The files File › Import annotations… lists.
pub const ANNOTATION_EXTENSIONS: &[&str] = &["json", "jsonld", "jsonl", "ann"];
use eframe::egui;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, Sender, TryRecvError, channel};
use std::time::{Duration, Instant};

pub use crate::app::{DialogKind, with_ron_extension};

/// The answer to a dialog: the chosen path, or `None` when the user cancelled.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DialogAnswer {
    pub path: Option<PathBuf>,
    /// False when no dialog could be shown at all.
    pub shown: bool,
}

pub trait FileDialogs {
    /// Starts a dialog; the answer arrives on the receiver. `waker` is repainted when it does.
    fn ask(&mut self, kind: DialogKind, waker: egui::Context) -> Receiver<DialogAnswer>;
    /// Draws a dialog that lives in the window, once a frame; the desktop's have their own.
    fn show(&mut self, _ctx: &egui::Context) {}
    /// Whether the built-in dialog is used whatever the desktop offers (a preference).
    fn built_in(&self) -> bool {
        false
    }
    fn set_built_in(&mut self, _on: bool) {}
    /// Whether the desktop has a dialog of its own (otherwise the built-in one is the only one).
    fn desktop_has_dialog(&self) -> bool {
        true
    }
}

/// A native dialog that answers "cancelled" this fast was never shown (the portal call failed
/// and rfd had nothing to fall back on): a safety net behind [`Desktop::probe`].
const NOT_SHOWN: Duration = Duration::from_millis(200);

/// The platform's dialogs through `rfd`.
pub struct NativeDialogs;

impl FileDialogs for NativeDialogs {
    fn ask(&mut self, kind: DialogKind, waker: egui::Context) -> Receiver<DialogAnswer> {
        let (tx, rx) = channel();
        std::thread::spawn(move || {
            let started = Instant::now();
            let path = native(kind);
            // The receiver is gone only if the app closed meanwhile; nothing to do then.
            let _ = tx.send(DialogAnswer {
                shown: path.is_some() || started.elapsed() >= NOT_SHOWN,
                path,
            });
            waker.request_repaint();
        });
        rx
    }
}

fn native(kind: DialogKind) -> Option<PathBuf> {
    match kind {
        DialogKind::Open => rfd::FileDialog::new()
            .set_title("Open an article or a review session")
            .add_filter("Articles and sessions", OPENABLE_EXTENSIONS)
            .add_filter("Articles", ARTICLE_EXTENSIONS)
            .add_filter("claimlens sessions", &["ron"])
            .add_filter("All files", &["*"])
            .pick_file(),
        DialogKind::OpenFolder => rfd::FileDialog::new()
            .set_title("Open the reviews and articles of a folder")
            .pick_folder(),
        DialogKind::SaveAs { suggested } => {
            let mut dialog = rfd::FileDialog::new()
                .set_title("Save review session")
                .add_filter("claimlens sessions", &["ron"]);
            if let Some(dir) = suggested.parent().filter(|d| d.is_dir()) {
                dialog = dialog.set_directory(dir);
            }
            if let Some(name) = suggested.file_name() {
                dialog = dialog.set_file_name(name.to_string_lossy());
            }
            dialog.save_file().map(with_ron_extension)
        }
        DialogKind::ExportLabels { suggested } => rfd::FileDialog::new()
            .set_title("Export labels")
            .add_filter("Label presets", &["ron"])
            .set_file_name(
                suggested
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_else(|| "labels.ron".into()),
            )
            .save_file()
            .map(with_ron_extension),
        DialogKind::Export { format, suggested } => {
            let mut dialog = rfd::FileDialog::new()
                .set_title(format!("Export the review as {}", format.name()))
                .add_filter(format.name(), &[format.extension()]);
            if let Some(dir) = suggested.parent().filter(|d| d.is_dir()) {
                dialog = dialog.set_directory(dir);
            }
            if let Some(name) = suggested.file_name() {
                dialog = dialog.set_file_name(name.to_string_lossy());
            }
            dialog.save_file()
        }
        DialogKind::ReimportArticle => rfd::FileDialog::new()
            .set_title("Re-import the article (a newer version of its text)")
            .add_filter("Articles", ARTICLE_EXTENSIONS)
            .pick_file(),
        DialogKind::ImportAnnotations => rfd::FileDialog::new()
            .set_title("Import annotations (W3C, brat, Label Studio, doccano)")
            .add_filter("Annotation files", ANNOTATION_EXTENSIONS)
            .pick_file(),
        DialogKind::CompareWith => rfd::FileDialog::new()
            .set_title("Compare with another analyst's review of this article")
            .add_filter("Reviews", &["ron"])
            .pick_file(),
        DialogKind::ImportLabels => rfd::FileDialog::new()
            .set_title("Import labels")
            .add_filter("Label presets", &["ron"])
            .pick_file(),
    }
}

/// What the desktop offers for choosing files.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Desktop {
    /// Windows and macOS: the platform's dialog is always there.
    pub platform_dialog: bool,
    /// Inside a Flatpak sandbox the portal is part of the runtime.
    pub flatpak: bool,
    /// A D-Bus session bus to reach a portal on.
    pub session_bus: bool,
    /// xdg-desktop-portal is installed with a back end that implements the file chooser.
    pub portal_file_chooser: bool,
    /// rfd falls back to zenity when the portal call fails.
    pub zenity: bool,
}

impl Desktop {
    /// Looks once at this machine.
    pub fn probe() -> Self {
        Self::probe_in(Path::new("/"), &|name| std::env::var_os(name))
    }

    /// Looks at the files under `root` and the variables `env` gives (for tests).
    pub fn probe_in(root: &Path, env: &dyn Fn(&str) -> Option<std::ffi::OsString>) -> Self {
        let under = |p: &Path| root.join(p.strip_prefix("/").unwrap_or(p));
        let var = |name: &str| env(name).filter(|v| !v.is_empty());
        let session_bus = var("DBUS_SESSION_BUS_ADDRESS").is_some()
            || var("XDG_RUNTIME_DIR")
                .is_some_and(|d| under(&PathBuf::from(d).join("bus")).exists());
        let mut data_dirs: Vec<PathBuf> = Vec::new();
        if let Some(home) = var("XDG_DATA_HOME") {
            data_dirs.push(home.into());
        } else if let Some(home) = var("HOME") {
            data_dirs.push(PathBuf::from(home).join(".local/share"));
        }
        let system = var("XDG_DATA_DIRS").unwrap_or_else(|| "/usr/local/share:/usr/share".into());
        data_dirs.extend(std::env::split_paths(&system));
        let data_dirs: Vec<PathBuf> = data_dirs.iter().map(|d| under(d)).collect();
        let portal = data_dirs.iter().any(|d| {
            d.join("dbus-1/services/org.freedesktop.portal.Desktop.service")
                .is_file()
        });
        let chooser = data_dirs
            .iter()
            .any(|d| has_file_chooser_backend(&d.join("xdg-desktop-portal/portals")));
        let zenity = var("PATH").is_some_and(|path| {
            std::env::split_paths(&path).any(|dir| under(&dir.join("zenity")).is_file())
        });
        Self {
            platform_dialog: cfg!(any(target_os = "windows", target_os = "macos")),
            flatpak: under(Path::new("/.flatpak-info")).is_file(),
            session_bus,
            portal_file_chooser: portal && chooser,
            zenity,
        }
    }

    /// Whether a desktop dialog can be shown.
    pub fn has_dialog(&self) -> bool {
        self.platform_dialog
            || self.flatpak
            || (self.session_bus && self.portal_file_chooser)
            || self.zenity
    }
}

/// A portal back end (`*.portal`) that lists the file chooser among its interfaces.
fn has_file_chooser_backend(dir: &Path) -> bool {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return false;
    };
    entries.filter_map(Result::ok).any(|e| {
        e.path().extension().is_some_and(|x| x == "portal")
            && std::fs::read_to_string(e.path())
                .is_ok_and(|s| s.contains("org.freedesktop.impl.portal.FileChooser"))
    })
}

/// The dialogs the app runs with: the desktop's where [`Desktop::has_dialog`], else (or when
/// the analyst prefers it) the built-in one. A desktop dialog that still fails to appear hands
/// the same request to the built-in one, which is used from then on.
pub struct SystemDialogs {
    desktop: bool,
    prefer_built_in: bool,
    in_app: InAppDialogs,
    /// A desktop dialog that is open: what it was asked, its answer, and where to send it.
    relay: Option<(DialogKind, Receiver<DialogAnswer>, Sender<DialogAnswer>)>,
}

impl SystemDialogs {
    pub fn new(desktop: &Desktop, prefer_built_in: bool) -> Self {
        Self {
            desktop: desktop.has_dialog(),
            prefer_built_in,
            in_app: InAppDialogs::default(),
            relay: None,
        }
    }
}

impl FileDialogs for SystemDialogs {
    fn ask(&mut self, kind: DialogKind, waker: egui::Context) -> Receiver<DialogAnswer> {
        if self.prefer_built_in || !self.desktop {
            return self.in_app.ask(kind, waker);
        }
        let (tx, rx) = channel();
        let answer = NativeDialogs.ask(kind.clone(), waker);
        self.relay = Some((kind, answer, tx));
        rx
    }

    fn show(&mut self, ctx: &egui::Context) {
        if let Some((_, answer, _)) = &self.relay {
            let got = match answer.try_recv() {
                Ok(a) => Some(a),
                Err(TryRecvError::Empty) => None,
                Err(TryRecvError::Disconnected) => Some(DialogAnswer {
                    path: None,
                    shown: true,
                }),
            };
            if let Some(got) = got
                && let Some((kind, _, tx)) = self.relay.take()
            {
                if got.shown {
                    let _ = tx.send(got);
                } else {
                    self.desktop = false;
                    self.in_app.ask_into(kind, tx);
                }
            }
        }
        self.in_app.show(ctx);
    }

    fn built_in(&self) -> bool {
        self.prefer_built_in
    }

    fn set_built_in(&mut self, on: bool) {
        self.prefer_built_in = on;
    }

    fn desktop_has_dialog(&self) -> bool {
        self.desktop
    }
}

/// A dialog that is open; the workspace knows what its answer is for.
pub struct Pending {
    rx: Receiver<DialogAnswer>,
}

impl Pending {
    pub fn new(rx: Receiver<DialogAnswer>) -> Self {
        Self { rx }
    }

    /// `Some` once the dialog has closed (a vanished dialog thread counts as a cancel).
    pub fn poll(&self) -> Option<DialogAnswer> {
        match self.rx.try_recv() {
            Ok(answer) => Some(answer),
            Err(TryRecvError::Empty) => None,
            Err(TryRecvError::Disconnected) => Some(DialogAnswer {
                path: None,
                shown: true,
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::ffi::OsString;

    fn probe(root: &Path, vars: &[(&str, &str)]) -> Desktop {
        let vars: Vec<(String, OsString)> = vars
            .iter()
            .map(|(k, v)| (k.to_string(), OsString::from(v)))
            .collect();
        Desktop::probe_in(root, &move |name| {
            vars.iter().find(|(k, _)| k == name).map(|(_, v)| v.clone())
        })
    }

    fn touch(root: &Path, path: &str, text: &str) {
        let p = root.join(path);
        std::fs::create_dir_all(p.parent().expect("has a folder")).expect("mkdir");
        std::fs::write(p, text).expect("write");
    }

    #[test]
    fn a_bare_desktop_gets_the_built_in_dialog_and_a_portal_or_zenity_the_desktop_one() {
        let root = tempfile::tempdir().expect("temp dir");
        let r = root.path();
        let bus = [("DBUS_SESSION_BUS_ADDRESS", "unix:path=/run/user/1/bus")];
        // Nothing installed.
        let bare = probe(r, &bus);
        assert!(!bare.has_dialog() || bare.platform_dialog, "{bare:?}");
        // The portal service alone, with no back end that implements the file chooser.
        touch(
            r,
            "usr/share/dbus-1/services/org.freedesktop.portal.Desktop.service",
            "",
        );
        touch(
            r,
            "usr/share/xdg-desktop-portal/portals/wlr.portal",
            "Interfaces=org.freedesktop.impl.portal.Screenshot;",
        );
        let no_chooser = probe(r, &bus);
        assert!(!no_chooser.portal_file_chooser, "{no_chooser:?}");
        // A back end with the file chooser, but no session bus to reach it on.
        touch(
            r,
            "usr/share/xdg-desktop-portal/portals/gtk.portal",
            "Interfaces=org.freedesktop.impl.portal.FileChooser;",
        );
        assert!(probe(r, &bus).has_dialog());
        let no_bus = probe(r, &[]);
        assert!(
            no_bus.portal_file_chooser && !no_bus.session_bus,
            "{no_bus:?}"
        );
        assert!(!no_bus.has_dialog() || no_bus.platform_dialog);
        // zenity on the PATH is enough.
        touch(r, "opt/bin/zenity", "");
        assert!(probe(r, &[("PATH", "/opt/bin")]).zenity);
    }

    #[test]
    fn the_preference_forces_the_built_in_dialog_on_any_desktop() {
        let desktop = Desktop {
            platform_dialog: true,
            flatpak: false,
            session_bus: true,
            portal_file_chooser: true,
            zenity: true,
        };
        let mut dialogs = SystemDialogs::new(&desktop, true);
        let ctx = egui::Context::default();
        let _answer = dialogs.ask(DialogKind::Open, ctx);
        assert!(dialogs.relay.is_none(), "no desktop dialog was started");
        assert!(dialogs.in_app.is_open());
    }
}
