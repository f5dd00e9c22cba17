//! Exact search: Russian doll search (Verfaillie, Lemaître & Schiex 1996,
//! "Russian doll search for solving constraint optimization problems",
//! AAAI-96), the method with which Bensana, Lemaître & Verfaillie (1999,
//! "Earth observation satellite management", Constraints 4(3)) solved the
//! SPOT5 instances to optimality.
//!
//! Groups are taken in their given order. The search solves the problem
//! restricted to the last group, then to the last two, and so on; the
//! optimum of each suffix is an upper bound used when solving the larger
//! ones (the constraints with earlier groups can only lower it, the
//! capacity left can only be smaller). The depth-first search uses forward
//! checking: selecting an item blocks the items it forms a forbidden pair
//! with, and the third item of a triple whose two other items are selected.
//! The bound at a node is the smallest, over the next few groups `j`, of
//! the best still-available profit of the groups before `j` plus the
//! optimum of the suffix from `j`.

use super::problem::{ItemId, Problem, Selection};
use super::progress::Stop;

/// Result of the exact search.
#[derive(Debug, Clone)]
pub struct ExactOutcome {
    /// The best selection found for the whole problem, when the search got
    /// that far (only complete when `proven`).
    pub selection: Option<Selection>,
    /// Its profit (0 without a selection).
    pub profit: u64,
    /// Whether `profit` is proven optimal.
    pub proven: bool,
    /// How many trailing groups were solved to optimality.
    pub solved_groups: usize,
    /// Search nodes visited.
    pub nodes: u64,
}

/// How many groups ahead the node bound looks (see `Rds::dfs`).
const BOUND_WINDOW: usize = 12;

struct Rds<'p, 's> {
    p: &'p Problem,
    stop: &'s Stop<'s>,
    blocked: Vec<u32>,
    on: Vec<bool>,
    chosen: Vec<Option<ItemId>>,
    undo: Vec<ItemId>,
    profit: u64,
    weight: u64,
    /// opt_suf[i]: optimum of the problem restricted to groups i.. (valid
    /// for i > the group being solved).
    opt_suf: Vec<u64>,
    /// Per group, its items by decreasing profit.
    order: Vec<Vec<ItemId>>,
    best: u64,
    best_sel: Vec<Option<ItemId>>,
    target: u64,
    nodes: u64,
    aborted: bool,
}

impl Rds<'_, '_> {
    fn available(&self, x: ItemId) -> bool {
        let xi = x as usize;
        !self.p.banned[xi]
            && self.blocked[xi] == 0
            && self
                .p
                .capacity
                .is_none_or(|c| self.weight + self.p.items[xi].weight <= c)
    }

    fn best_available(&self, group: usize) -> u64 {
        self.order[group]
            .iter()
            .find(|&&x| self.available(x))
            .map_or(0, |&x| self.p.items[x as usize].profit)
    }

    fn select(&mut self, x: ItemId) {
        let xi = x as usize;
        let it = self.p.items[xi];
        self.on[xi] = true;
        self.chosen[it.group as usize] = Some(x);
        self.profit += it.profit;
        self.weight += it.weight;
        for &y in &self.p.adj[xi] {
            self.blocked[y as usize] += 1;
            self.undo.push(y);
        }
        for &t in &self.p.item_triples[xi] {
            let tr = self.p.triples[t as usize];
            let mut others = tr.iter().copied().filter(|&i| i != x);
            let (Some(y), Some(z)) = (others.next(), others.next()) else {
                continue;
            };
            let third = if self.on[y as usize] {
                z
            } else if self.on[z as usize] {
                y
            } else {
                continue;
            };
            self.blocked[third as usize] += 1;
            self.undo.push(third);
        }
    }

    fn unselect(&mut self, x: ItemId, mark: usize) {
        let xi = x as usize;
        let it = self.p.items[xi];
        while self.undo.len() > mark {
            let y = self.undo.pop().unwrap_or_default();
            self.blocked[y as usize] -= 1;
        }
        self.on[xi] = false;
        self.chosen[it.group as usize] = None;
        self.profit -= it.profit;
        self.weight -= it.weight;
    }

    fn dfs(&mut self, i: usize) {
        self.nodes += 1;
        if self.nodes % 1024 == 0 && self.stop.should_stop(0) {
            self.aborted = true;
        }
        if self.aborted || self.best >= self.target {
            return;
        }
        let g = self.p.group_count();
        if i == g {
            if self.profit > self.best {
                self.best = self.profit;
                self.best_sel.clone_from(&self.chosen);
            }
            return;
        }
        // Bound: for any j > i, the best available profit of groups i..j
        // plus the optimum of the suffix from j (window of BOUND_WINDOW).
        let rest = self.opt_suf[i + 1];
        let mut bound = self.opt_suf[i];
        let mut run = 0;
        for j in i..(i + BOUND_WINDOW).min(g) {
            run += self.best_available(j);
            bound = bound.min(run + self.opt_suf[j + 1]);
            if self.profit + bound <= self.best {
                return;
            }
        }
        for k in 0..self.order[i].len() {
            let x = self.order[i][k];
            if !self.available(x) {
                continue;
            }
            if self.profit + self.p.items[x as usize].profit + rest <= self.best {
                continue;
            }
            let mark = self.undo.len();
            self.select(x);
            self.dfs(i + 1);
            self.unselect(x, mark);
            if self.aborted || self.best >= self.target {
                return;
            }
        }
        if self.profit + rest > self.best {
            self.dfs(i + 1);
        }
    }
}

/// Runs the Russian doll search until it proves the optimum or `stop`
/// fires. Deterministic: the same problem always gives the same selection.
pub fn russian_doll(
    p: &Problem,
    stop: &Stop<'_>,
    on_level: &mut dyn FnMut(usize, u64),
) -> ExactOutcome {
    let order: Vec<usize> = (0..p.group_count()).collect();
    russian_doll_ordered(p, &order, stop, on_level)
}

/// [`russian_doll`] with the groups taken in the order `groups` (a
/// permutation of the group indices): the search solves the suffixes of
/// this sequence.
///
/// # Panics
/// If `groups` is not a permutation of `0..p.group_count()`.
pub fn russian_doll_ordered(
    p: &Problem,
    groups: &[usize],
    stop: &Stop<'_>,
    on_level: &mut dyn FnMut(usize, u64),
) -> ExactOutcome {
    let g = p.group_count();
    assert_eq!(groups.len(), g, "not a permutation of the groups");
    let order: Vec<Vec<ItemId>> = groups
        .iter()
        .map(|&grp| {
            let its = &p.group_items[grp];
            let mut v: Vec<ItemId> = its
                .iter()
                .copied()
                .filter(|&i| !p.banned[i as usize])
                .collect();
            v.sort_by_key(|&i| {
                (
                    std::cmp::Reverse(p.items[i as usize].profit),
                    p.items[i as usize].weight,
                    i,
                )
            });
            v
        })
        .collect();
    let mut r = Rds {
        p,
        stop,
        blocked: vec![0; p.item_count()],
        on: vec![false; p.item_count()],
        chosen: vec![None; g],
        undo: Vec::new(),
        profit: 0,
        weight: 0,
        opt_suf: vec![0; g + 1],
        order,
        best: 0,
        best_sel: vec![None; g],
        target: 0,
        nodes: 0,
        aborted: false,
    };
    // The best selection of the last solved suffix.
    let mut suffix_sel: Vec<Option<ItemId>> = vec![None; g];
    for k in (0..g).rev() {
        let pmax = r.order[k]
            .first()
            .map_or(0, |&x| p.items[x as usize].profit);
        r.best = r.opt_suf[k + 1];
        r.target = r.opt_suf[k + 1] + pmax;
        // Provisional bound for the suffix being solved.
        r.opt_suf[k] = r.target;
        r.best_sel.clone_from(&suffix_sel);
        r.dfs(k);
        if r.aborted {
            return ExactOutcome {
                selection: None,
                profit: 0,
                proven: false,
                solved_groups: g - k - 1,
                nodes: r.nodes,
            };
        }
        r.opt_suf[k] = r.best;
        suffix_sel.clone_from(&r.best_sel);
        on_level(g - k, r.best);
    }
    let selection = Selection { chosen: suffix_sel };
    debug_assert!(p.is_feasible(&selection));
    ExactOutcome {
        profit: p.profit(&selection),
        selection: Some(selection),
        proven: true,
        solved_groups: g,
        nodes: r.nodes,
    }
}
