//! The solver on the small SPOT5 instances (Bensana et al. 1999 benchmark,
//! DCKP form of Wei & Hao 2021): best known profit reached, every result
//! accepted by the independent checker, runs reproducible for a seed.

mod common;

use std::time::Duration;

use silkway_eo::lck::SolveOptions;
use silkway_eo::spot5::{self, check::check_file};

fn solve_and_check(id: &str, opts: &SolveOptions) -> u64 {
    let (inst, reference) = common::load(id);
    let best_known = check_file(&inst, &reference);
    assert!(
        best_known.is_valid(),
        "{id}: reference solution invalid: {:?}",
        best_known.violations
    );
    let out = spot5::solve(&inst, opts, &|_| {}).unwrap_or_else(|e| panic!("{id}: {e}"));
    // Round trip through the file format and the independent checker.
    let text = spot5::write_solution(&inst, &out.solution);
    let file = spot5::parse_solution(&text, id).unwrap();
    let report = check_file(&inst, &file);
    assert!(report.is_valid(), "{id}: {:?}", report.violations);
    assert!(report.warnings.is_empty(), "{id}: {:?}", report.warnings);
    assert_eq!(report.profit, out.profit);
    assert!(
        out.profit >= best_known.profit,
        "{id}: profit {} below the best known {}",
        out.profit,
        best_known.profit
    );
    out.profit
}

#[test]
fn small_instances_solved_to_proven_optimum() {
    // Best known (recomputed from the reference files) and our optimum:
    // 408's reference under-reports (3078 claimed, 3080 recomputed) and the
    // Russian doll search proves 3082, the optimum given by Vasquez & Hao.
    let expected = [
        ("8", 10),
        ("54", 70),
        ("29", 12032),
        ("404", 49),
        ("503", 9096),
        ("408", 3082),
        ("1502", 61158),
    ];
    for (id, optimum) in expected {
        let opts = SolveOptions::new(Duration::from_secs(60));
        let (inst, _) = common::load(id);
        let out = spot5::solve(&inst, &opts, &|_| {}).unwrap();
        assert!(out.proven_optimal, "{id}: not proven within the limit");
        assert_eq!(solve_and_check(id, &opts), optimum, "{id}");
    }
}

#[test]
fn tabu_alone_reaches_best_known_and_is_reproducible() {
    let mut opts = SolveOptions::new(Duration::from_secs(30));
    opts.exact_share = 0.0;
    opts.threads = 2;
    opts.seed = 7;
    opts.max_iterations = Some(20_000);
    for id in ["42", "503", "1502"] {
        solve_and_check(id, &opts);
        let (inst, _) = common::load(id);
        let a = spot5::solve(&inst, &opts, &|_| {}).unwrap();
        let b = spot5::solve(&inst, &opts, &|_| {}).unwrap();
        assert_eq!(
            a.solution, b.solution,
            "{id}: same seed and threads, different result"
        );
        assert_eq!(a.iterations, 40_000);
    }
}
