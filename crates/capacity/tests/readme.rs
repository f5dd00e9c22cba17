//! The README's worked-example blocks are what the code prints.

use silkway_capacity::table::{plan_table, sizing_table};
use silkway_capacity::{ServiceRequest, plan, size};
use silkway_model::builtin;

const README: &str = include_str!("../README.md");

fn assert_in_readme(block: &str, what: &str) {
    assert!(
        README.contains(block),
        "README.md's {what} block is stale; replace it with:\n{block}"
    );
}

#[test]
fn readme_blocks_are_current() {
    let s = builtin::load("caspian").unwrap();
    let current = plan(&s, None);
    assert_in_readme(&plan_table(&current), "carrier plan");
    for (file, text) in [
        (
            "uz_vsat_kazsat3.toml",
            include_str!("../examples/uz_vsat_kazsat3.toml"),
        ),
        (
            "pk_backhaul_azerspace1.toml",
            include_str!("../examples/pk_backhaul_azerspace1.toml"),
        ),
    ] {
        let req = ServiceRequest::from_toml(text, file).unwrap();
        let r = size(&s, &current, &req, None).unwrap();
        assert_in_readme(&sizing_table(&r), file);
    }
}
