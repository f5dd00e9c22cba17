//! Fuzz-style robustness: mutated `.spot` and solution files never make
//! the readers (or the checker and model on what they accept) panic.

mod common;

use proptest::prelude::*;
use silkway_eo::spot5::{self, Solution, check, model::Spot5Model, parse_instance, parse_solution};

fn base() -> String {
    std::fs::read_to_string(common::data("54.spot"))
        .expect("testdata/spot5/54.spot (see SOURCES.md)")
}

/// Replacement tokens that stress the parser.
const TOKENS: &[&str] = &[
    "",
    " ",
    "\n",
    "0",
    "-1",
    "13",
    "4294967296",
    "18446744073709551616",
    "1e400",
    "NaN",
    "inf",
    "x",
    "3 3 3",
    "999999999",
    "2",
    "1.5",
];

#[derive(Debug, Clone)]
enum Edit {
    Replace(usize, usize),
    Delete(usize, usize),
    Truncate(usize),
    DupLine(usize),
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        (any::<usize>(), 0..TOKENS.len()).prop_map(|(a, t)| Edit::Replace(a, t)),
        (any::<usize>(), 1usize..40).prop_map(|(a, n)| Edit::Delete(a, n)),
        any::<usize>().prop_map(Edit::Truncate),
        any::<usize>().prop_map(Edit::DupLine),
    ]
}

fn apply(text: &str, edits: &[Edit]) -> String {
    let mut s: Vec<u8> = text.as_bytes().to_vec();
    for e in edits {
        if s.is_empty() {
            break;
        }
        match *e {
            Edit::Replace(at, t) => {
                let at = at % s.len();
                let end = s[at..]
                    .iter()
                    .position(|c| c.is_ascii_whitespace())
                    .map_or(s.len(), |p| at + p);
                s.splice(at..end, TOKENS[t].bytes());
            }
            Edit::Delete(at, n) => {
                let at = at % s.len();
                let end = (at + n).min(s.len());
                s.drain(at..end);
            }
            Edit::Truncate(at) => s.truncate(at % s.len()),
            Edit::DupLine(at) => {
                let text = String::from_utf8_lossy(&s).into_owned();
                let lines: Vec<&str> = text.lines().collect();
                let k = at % lines.len().max(1);
                let mut out: Vec<&str> = lines.clone();
                if let Some(l) = lines.get(k) {
                    out.insert(k, l);
                }
                s = out.join("\n").into_bytes();
            }
        }
    }
    String::from_utf8_lossy(&s).into_owned()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn mutated_instances_never_panic(edits in prop::collection::vec(edit(), 1..6)) {
        let text = apply(&base(), &edits);
        if let Ok(inst) = parse_instance(&text, "fuzz.spot") {
            let model = Spot5Model::new(&inst);
            prop_assert_eq!(model.problem.group_count(), inst.photos.len());
            let r = check(&inst, &Solution::empty(inst.photos.len()));
            prop_assert!(r.is_valid());
        }
    }

    #[test]
    fn mutated_solutions_never_panic(edits in prop::collection::vec(edit(), 1..6)) {
        let sol = std::fs::read_to_string(common::data("54.spot_sol.txt")).unwrap();
        let inst = spot5::read_instance(&common::data("54.spot")).unwrap();
        let text = apply(&sol, &edits);
        if let Ok(file) = parse_solution(&text, "fuzz.sol") {
            let _ = spot5::check::check_file(&inst, &file);
        }
    }
}

#[test]
fn parse_errors_name_file_line_and_field() {
    let mut lines: Vec<String> = base().lines().map(str::to_string).collect();
    let mut toks: Vec<&str> = lines[4].split_whitespace().collect();
    toks[2] = "x";
    lines[4] = toks.join(" ");
    let text = lines.join("\n");
    let e = parse_instance(&text, "54.spot").unwrap_err().to_string();
    assert!(e.starts_with("54.spot:5: domain size: expected"), "{e}");
}
