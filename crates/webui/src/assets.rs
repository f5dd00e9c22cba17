//! The files of `web/dist/`, compiled into the binary.

use rust_embed::{EmbeddedFile, RustEmbed};

/// `web/dist/` (the `debug-embed` feature embeds in debug builds too, so a
/// test binary serves exactly what a release binary would).
#[derive(RustEmbed)]
#[folder = "../../web/dist/"]
struct Dist;

/// The embedded file at `path` (relative, no leading slash).
pub(crate) fn get(path: &str) -> Option<EmbeddedFile> {
    Dist::get(path)
}

/// True when the build embedded a file at `path` (relative, e.g. `index.html`).
pub fn has_asset(path: &str) -> bool {
    Dist::get(path).is_some()
}

/// Relative paths of every embedded file.
pub fn asset_names() -> Vec<String> {
    Dist::iter().map(|n| n.into_owned()).collect()
}
