//! The selection core against brute force on small random problems: the
//! Russian doll search finds the true optimum, the tabu search and the
//! portfolio return feasible selections no better than it.

use std::time::Duration;

use proptest::prelude::*;
use silkway_eo::lck::exact::russian_doll;
use silkway_eo::lck::tabu::{TabuParams, tabu_search};
use silkway_eo::lck::{Problem, ProblemBuilder, Selection, SolveOptions, Stop, solve};

#[derive(Debug, Clone)]
struct Spec {
    groups: Vec<Vec<(u64, u64)>>,
    pairs: Vec<(usize, usize)>,
    triples: Vec<(usize, usize, usize)>,
    capacity: Option<u64>,
}

fn spec() -> impl Strategy<Value = Spec> {
    let groups = prop::collection::vec(prop::collection::vec((1u64..20, 0u64..5), 1..4), 1..8);
    (
        groups,
        prop::collection::vec((0usize..64, 0usize..64), 0..20),
        prop::collection::vec((0usize..64, 0usize..64, 0usize..64), 0..10),
        prop::option::of(0u64..12),
    )
        .prop_map(|(groups, pairs, triples, capacity)| Spec {
            groups,
            pairs,
            triples,
            capacity,
        })
}

fn build(s: &Spec) -> Problem {
    let mut b = ProblemBuilder::new(s.groups.len());
    let mut n = 0;
    for (g, items) in s.groups.iter().enumerate() {
        for &(p, w) in items {
            b.add_item(g, p, w);
            n += 1;
        }
    }
    for &(x, y) in &s.pairs {
        b.forbid_pair((x % n) as u32, (y % n) as u32);
    }
    for &(x, y, z) in &s.triples {
        b.forbid_triple((x % n) as u32, (y % n) as u32, (z % n) as u32);
    }
    if let Some(c) = s.capacity {
        b.capacity(c);
    }
    b.build()
}

fn brute_force(p: &Problem) -> u64 {
    let g = p.group_count();
    let items: Vec<Vec<u32>> = (0..g)
        .map(|k| {
            (0..p.item_count() as u32)
                .filter(|&i| p.item(i).group as usize == k)
                .collect()
        })
        .collect();
    let mut best = 0;
    let mut idx = vec![0usize; g];
    loop {
        let sel = Selection {
            chosen: (0..g)
                .map(|k| {
                    if idx[k] == 0 {
                        None
                    } else {
                        Some(items[k][idx[k] - 1])
                    }
                })
                .collect(),
        };
        if p.is_feasible(&sel) {
            best = best.max(p.profit(&sel));
        }
        let mut k = 0;
        loop {
            if k == g {
                return best;
            }
            idx[k] += 1;
            if idx[k] <= items[k].len() {
                break;
            }
            idx[k] = 0;
            k += 1;
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn exact_matches_brute_force(s in spec()) {
        let p = build(&s);
        let opt = brute_force(&p);
        let out = russian_doll(&p, &Stop::after(Duration::from_secs(10)), &mut |_, _| {});
        prop_assert!(out.proven);
        let sel = out.selection.unwrap();
        prop_assert!(p.is_feasible(&sel));
        prop_assert_eq!(p.profit(&sel), opt);
        prop_assert_eq!(out.profit, opt);

        let stop = Stop { deadline: std::time::Instant::now() + Duration::from_secs(10), max_iterations: Some(300), cancel: None };
        let t = tabu_search(&p, None, TabuParams::new(3, 0), &stop, &mut |_| {});
        prop_assert!(p.is_feasible(&t.selection));
        prop_assert!(t.profit <= opt);
        prop_assert_eq!(p.profit(&t.selection), t.profit);

        let mut opts = SolveOptions::new(Duration::from_secs(10));
        opts.max_iterations = Some(200);
        let sol = solve(&p, &opts, &|_| {});
        prop_assert!(p.is_feasible(&sol.selection));
        prop_assert_eq!(sol.profit, opt);
        prop_assert!(sol.proven_optimal);
    }
}
