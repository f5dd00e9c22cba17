//! Tabu search for the logic-constrained knapsack, after Vasquez & Hao
//! (2001), "A logic-constrained knapsack formulation and a tabu search
//! algorithm for the daily photograph scheduling of an Earth observation
//! satellite", Comput. Optim. Appl. 20(2):137–157.
//!
//! The search moves between *feasible* selections only. A move adds one
//! item and drops whatever it conflicts with: the other item of its group,
//! the selected items it forms a forbidden pair with, one item of every
//! forbidden triple it would complete, and — when a capacity is exceeded —
//! the least profitable items per unit of weight. The move of best profit
//! change is taken, even when it loses profit; dropped items may not come
//! back for a random tenure unless that beats the best selection found
//! (aspiration). After a long stretch without improvement the search
//! restarts from the best selection with a few random items removed.

use super::problem::{ItemId, Problem, Selection};
use super::progress::Stop;
use super::state::{State, ratio_order};
use crate::rng::Rng;

/// Parameters of the tabu search.
#[derive(Debug, Clone, Copy)]
pub struct TabuParams {
    /// Seed of the random choices (ties, tenures, perturbations).
    pub seed: u64,
    /// Stream of the generator, so parallel workers differ.
    pub stream: u64,
    /// Iterations without a new best before a perturbation.
    pub stagnation: u64,
}

impl TabuParams {
    /// Defaults for a seed and stream.
    pub fn new(seed: u64, stream: u64) -> Self {
        TabuParams {
            seed,
            stream,
            stagnation: 10_000,
        }
    }
}

/// Result of one tabu search run.
#[derive(Debug, Clone)]
pub struct TabuOutcome {
    /// The best selection found (feasible).
    pub selection: Selection,
    /// Its profit.
    pub profit: u64,
    /// Iterations performed.
    pub iterations: u64,
}

/// Runs the tabu search from `start` (or the empty selection) until `stop`
/// says so; `on_improve` is called with each new best profit.
///
/// Deterministic for a given problem, parameters and number of iterations.
pub fn tabu_search(
    p: &Problem,
    start: Option<&Selection>,
    params: TabuParams,
    stop: &Stop<'_>,
    on_improve: &mut dyn FnMut(u64),
) -> TabuOutcome {
    let n = p.item_count();
    let mut rng = Rng::new(params.seed, params.stream);
    let mut st = State::new(p);
    if let Some(s) = start {
        st.load(&s.chosen);
    }
    let mut best = st.chosen.clone();
    let mut best_profit = st.profit;
    let mut tabu_until = vec![0u64; n];
    let mut dropped = Vec::new();
    let mut scratch = Vec::new();
    let mut tdrops = Vec::new();
    let mut by_ratio: Vec<ItemId> = Vec::new();
    let tenure_base = 3 + (p.group_count() as u64) / 100;
    let tenure_range = 5 + (p.group_count() as u64) / 25;
    let mut last_improve = 0u64;
    let mut kicks = 0u64;
    // Nothing can beat the best item of every group.
    let ceiling = p.trivial_bound();
    let mut iter = 0u64;
    loop {
        if best_profit >= ceiling {
            break;
        }
        if (iter % 64 == 0 || stop.max_iterations.is_some()) && stop.should_stop(iter) {
            break;
        }
        iter += 1;
        // Selected items in the order the capacity repair removes them.
        if p.capacity.is_some() {
            by_ratio.clear();
            by_ratio.extend(st.chosen.iter().flatten().copied());
            by_ratio.sort_by(|&a, &b| ratio_order(&p.items, a, b));
        }
        let mut best_move: Option<ItemId> = None;
        let mut best_delta = i64::MIN;
        let mut ties = 0u64;
        for x in 0..n as ItemId {
            let xi = x as usize;
            if st.on[xi] || p.banned[xi] {
                continue;
            }
            let it = p.items[xi];
            let mut loss = st.pair_loss[xi];
            let mut wloss = st.pair_wloss[xi];
            if let Some(y) = st.chosen[it.group as usize] {
                let yi = p.items[y as usize];
                loss += yi.profit;
                wloss += yi.weight;
            }
            if p.item_triples[xi].is_empty() {
                tdrops.clear();
            } else {
                let (lp, lw) = st.triple_drops(x, &mut tdrops);
                loss += lp;
                wloss += lw;
            }
            if let Some(cap) = p.capacity {
                let w = st.weight - wloss + it.weight;
                if w > cap {
                    let mut freed = 0;
                    let mut extra = 0;
                    for &d in &by_ratio {
                        let di = p.items[d as usize];
                        if di.weight == 0 || tdrops.contains(&d) || st.dropped_by_pair(x, d) {
                            continue;
                        }
                        freed += di.weight;
                        extra += di.profit;
                        if w - freed <= cap {
                            break;
                        }
                    }
                    loss += extra;
                }
            }
            let delta = it.profit as i64 - loss as i64;
            let tabu = tabu_until[xi] > iter;
            if tabu && st.profit as i64 + delta <= best_profit as i64 {
                continue;
            }
            if delta > best_delta {
                best_delta = delta;
                best_move = Some(x);
                ties = 1;
            } else if delta == best_delta {
                ties += 1;
                if rng.below(ties) == 0 {
                    best_move = Some(x);
                }
            }
        }
        let Some(x) = best_move else {
            continue;
        };
        st.force_add(x, &mut dropped, &mut scratch);
        for &d in &dropped {
            tabu_until[d as usize] = iter + tenure_base + rng.below(tenure_range);
        }
        if st.profit > best_profit {
            best_profit = st.profit;
            best.clone_from(&st.chosen);
            last_improve = iter;
            on_improve(best_profit);
        } else if iter - last_improve > params.stagnation {
            // Restart from the best selection with a few random items
            // removed; every tenth restart starts afresh from nothing.
            kicks += 1;
            if kicks % 10 == 0 {
                st.load(&vec![None; p.group_count()]);
            } else {
                st.load(&best);
            }
            let selected: Vec<ItemId> = st.chosen.iter().flatten().copied().collect();
            if !selected.is_empty() {
                let k = 1 + rng.below((selected.len() as u64 / 5).max(2));
                for _ in 0..k {
                    let d = selected[rng.below(selected.len() as u64) as usize];
                    if st.on[d as usize] {
                        st.remove(d);
                        tabu_until[d as usize] = iter + tenure_base + rng.below(tenure_range);
                    }
                }
            }
            last_improve = iter;
        }
    }
    let selection = Selection { chosen: best };
    debug_assert!(p.is_feasible(&selection));
    TabuOutcome {
        selection,
        profit: best_profit,
        iterations: iter,
    }
}
