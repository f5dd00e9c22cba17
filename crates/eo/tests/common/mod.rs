//! Helpers shared by the integration tests (included with `mod common;`).

use std::path::PathBuf;

use silkway_eo::spot5::{self, Instance, SolutionFile};

/// Path of a file under `testdata/spot5`.
pub fn data(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("testdata/spot5")
        .join(name)
}

/// The instance and reference solution `id`; fails with instructions when
/// the test data is missing.
#[allow(dead_code)] // not every test file uses it
pub fn load(id: &str) -> (Instance, SolutionFile) {
    let ipath = data(&format!("{id}.spot"));
    let spath = data(&format!("{id}.spot_sol.txt"));
    assert!(
        ipath.exists() && spath.exists(),
        "missing test data {}: copy {id}.spot and {id}.spot_sol.txt from shared/data/spot5 (see testdata/spot5/SOURCES.md)",
        ipath.display()
    );
    let inst = spot5::read_instance(&ipath).unwrap_or_else(|e| panic!("{e}"));
    let sol = spot5::read_solution(&spath).unwrap_or_else(|e| panic!("{e}"));
    (inst, sol)
}
