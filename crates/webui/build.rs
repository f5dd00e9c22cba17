//! The web UI is built by npm (web/ → web/dist/) and embedded at compile
//! time. A missing build must stop the compile with instructions, never
//! produce a binary that serves an empty UI.

use std::path::Path;

fn main() {
    let dist = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../web/dist");
    // Re-embed whenever the web build changes (cargo scans the directory).
    println!("cargo:rerun-if-changed={}", dist.display());
    let index = dist.join("index.html");
    if !index.is_file() {
        // stderr of a failing build script is shown by cargo as is.
        eprintln!(
            "\n\nsilkway-webui: {} is missing.\n\
             The web UI is compiled by npm and embedded into the binary; build it first:\n\n    \
             bash scripts/web-build.sh        (= cd web && npm ci && npm run build)\n\n\
             then run cargo again.\n",
            index.display()
        );
        std::process::exit(1);
    }
}
