//! The independent checker: reference solutions accepted (with header
//! warnings where the files under-report), hand-made invalid solutions
//! rejected for each kind of constraint.

mod common;

use silkway_eo::spot5::{self, Solution, Violation, check, check::check_file, parse_instance};

/// A hand-made multi-orbit instance:
/// - photo 0: mono (1, 2, 3), weight 1; photo 1: mono, weight 2;
/// - photo 2: stereo (13), weight 4 (1804.6 / 451 rounds to 4);
/// - binary: photos 0 and 1 may not both use camera 1 (or both 2);
/// - ternary: photos 0, 1, 2 may not be (3, 1, 13);
/// - capacity line (counted in the constraint count, as in the files).
const TINY: &str = "\
3
0 5 3 1 451.15 2 451.15 3 451.15 99 1
1 7 3 1 902.3 2 902.3 3 902.3 99 1
2 9 1 13 1804.6 99 1
3
2 0 1 1 1 2 2
3 0 1 2 3 1 13
90000
";

fn tiny() -> spot5::Instance {
    parse_instance(TINY, "tiny.spot").unwrap()
}

fn sol(values: &[u32]) -> Solution {
    Solution {
        values: values.to_vec(),
    }
}

#[test]
fn valid_solution_recomputed() {
    let r = check(&tiny(), &sol(&[1, 2, 13]));
    assert!(r.is_valid(), "{:?}", r.violations);
    assert_eq!((r.profit, r.weight, r.selected), (21, 7, 3));
}

#[test]
fn binary_violation_rejected() {
    let r = check(&tiny(), &sol(&[2, 2, 0]));
    assert!(
        matches!(r.violations.as_slice(), [Violation::Binary { line: 6, .. }]),
        "{:?}",
        r.violations
    );
    // Left out: satisfied.
    assert!(check(&tiny(), &sol(&[2, 0, 0])).is_valid());
}

#[test]
fn ternary_violation_rejected() {
    let r = check(&tiny(), &sol(&[3, 1, 13]));
    assert!(
        matches!(
            r.violations.as_slice(),
            [Violation::Ternary { line: 7, .. }]
        ),
        "{:?}",
        r.violations
    );
    assert!(check(&tiny(), &sol(&[3, 1, 0])).is_valid());
}

#[test]
fn domain_violation_rejected() {
    let r = check(&tiny(), &sol(&[13, 0, 0]));
    assert_eq!(
        r.violations,
        vec![Violation::NotInDomain {
            photo: 0,
            value: 13
        }]
    );
    let r = check(&tiny(), &sol(&[0, 0, 1]));
    assert_eq!(
        r.violations,
        vec![Violation::NotInDomain { photo: 2, value: 1 }]
    );
}

#[test]
fn capacity_violation_rejected() {
    // 200 units: 40 stereo photos of weight 4 and 41 of them.
    let mut text = String::from("41\n");
    for i in 0..41 {
        text.push_str(&format!("{i} 1 1 13 1804.6 1 1\n"));
    }
    text.push_str("1\n90000\n");
    let inst = parse_instance(&text, "cap.spot").unwrap();
    let mut values = vec![13; 41];
    let r = check(&inst, &sol(&values));
    assert!(r.is_valid(), "164 units fit in 200: {:?}", r.violations);
    assert_eq!(r.weight, 164);
    // Make each photo weigh 5 (2255 / 451): 205 > 200.
    let heavy = text.replace("1804.6", "2255");
    let inst = parse_instance(&heavy, "cap.spot").unwrap();
    let r = check(&inst, &sol(&values));
    assert_eq!(
        r.violations,
        vec![Violation::Capacity {
            weight: 205,
            capacity: 200
        }]
    );
    values[0] = 0;
    assert!(check(&inst, &sol(&values)).is_valid());
}

#[test]
fn length_and_header_violations_rejected() {
    let r = check(&tiny(), &sol(&[1, 2]));
    assert!(r.violations.contains(&Violation::Length {
        expected: 3,
        found: 2
    }));
    let inst = tiny();
    let text = "profit = 21, weight = 7\nnumber of candidate photographs = 3\nnumber of selected photographs = 2\n1\n2\n13\n";
    let file = spot5::parse_solution(text, "x").unwrap();
    let r = check_file(&inst, &file);
    assert_eq!(
        r.violations,
        vec![Violation::SelectedCount {
            claimed: 2,
            actual: 3
        }]
    );
}

#[test]
fn reference_solutions_valid_and_recomputed() {
    // (id, claimed profit, recomputed profit)
    for (id, claimed, actual) in [
        ("408", 3078, 3080),
        ("29", 12032, 12032),
        ("1502", 61158, 61158),
    ] {
        let (inst, file) = common::load(id);
        assert_eq!(file.claimed_profit, claimed);
        let r = check_file(&inst, &file);
        assert!(r.is_valid(), "{id}: {:?}", r.violations);
        assert_eq!(r.profit, actual, "{id}");
        assert_eq!(
            r.warnings.is_empty(),
            claimed == actual,
            "{id}: {:?}",
            r.warnings
        );
    }
}

#[test]
fn corrupted_reference_solution_rejected() {
    // Take the 29 reference and give two photographs of a binary
    // constraint a forbidden pair of values.
    let (inst, file) = common::load("29");
    let c = inst
        .constraints
        .iter()
        .find(|c| c.photos.len() == 2 && c.photos[0] != c.photos[1])
        .unwrap();
    let mut values = file.solution.values.clone();
    values[c.photos[0] as usize] = c.forbidden[0][0];
    values[c.photos[1] as usize] = c.forbidden[0][1];
    let r = check(&inst, &sol(&values));
    assert!(
        r.violations
            .iter()
            .any(|v| matches!(v, Violation::Binary { .. } | Violation::NotInDomain { .. }))
    );
    assert!(!r.is_valid());
}
