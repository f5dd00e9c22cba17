//! Incremental bookkeeping of a feasible selection for local search.

use super::problem::{ItemId, Problem};

/// A feasible selection with, for every item, the total profit and weight
/// of the selected items it conflicts with by a forbidden pair.
#[derive(Debug, Clone)]
pub(crate) struct State<'p> {
    pub(crate) p: &'p Problem,
    pub(crate) chosen: Vec<Option<ItemId>>,
    pub(crate) on: Vec<bool>,
    pub(crate) pair_loss: Vec<u64>,
    pub(crate) pair_wloss: Vec<u64>,
    pub(crate) profit: u64,
    pub(crate) weight: u64,
}

impl<'p> State<'p> {
    /// The empty selection.
    pub(crate) fn new(p: &'p Problem) -> Self {
        let n = p.item_count();
        State {
            p,
            chosen: vec![None; p.group_count()],
            on: vec![false; n],
            pair_loss: vec![0; n],
            pair_wloss: vec![0; n],
            profit: 0,
            weight: 0,
        }
    }

    /// Replaces the content by `sel` (assumed feasible).
    pub(crate) fn load(&mut self, sel: &[Option<ItemId>]) {
        for g in 0..self.chosen.len() {
            if let Some(x) = self.chosen[g] {
                self.remove(x);
            }
        }
        for &x in sel.iter().flatten() {
            self.add(x);
        }
    }

    /// Selects `x` (the caller has made room for it).
    pub(crate) fn add(&mut self, x: ItemId) {
        let it = self.p.items[x as usize];
        debug_assert!(self.chosen[it.group as usize].is_none());
        self.on[x as usize] = true;
        self.chosen[it.group as usize] = Some(x);
        self.profit += it.profit;
        self.weight += it.weight;
        for &y in &self.p.adj[x as usize] {
            self.pair_loss[y as usize] += it.profit;
            self.pair_wloss[y as usize] += it.weight;
        }
    }

    /// Deselects `x`.
    pub(crate) fn remove(&mut self, x: ItemId) {
        let it = self.p.items[x as usize];
        debug_assert!(self.on[x as usize]);
        self.on[x as usize] = false;
        self.chosen[it.group as usize] = None;
        self.profit -= it.profit;
        self.weight -= it.weight;
        for &y in &self.p.adj[x as usize] {
            self.pair_loss[y as usize] -= it.profit;
            self.pair_wloss[y as usize] -= it.weight;
        }
    }

    /// Whether `y` is dropped anyway when `x` is added (same group or a
    /// forbidden pair with `x`).
    pub(crate) fn dropped_by_pair(&self, x: ItemId, y: ItemId) -> bool {
        let g = self.p.items[x as usize].group as usize;
        self.chosen[g] == Some(y) || self.p.adj[x as usize].binary_search(&y).is_ok()
    }

    /// Items that must leave when `x` is added because of triples, given
    /// the pair drops; the cheaper of the two other items each time.
    /// Returns their total (profit, weight).
    pub(crate) fn triple_drops(&self, x: ItemId, out: &mut Vec<ItemId>) -> (u64, u64) {
        out.clear();
        let (mut lp, mut lw) = (0, 0);
        for &t in &self.p.item_triples[x as usize] {
            let tr = self.p.triples[t as usize];
            let mut others = tr.iter().copied().filter(|&i| i != x);
            let (Some(y), Some(z)) = (others.next(), others.next()) else {
                continue;
            };
            if !(self.on[y as usize] && self.on[z as usize]) {
                continue;
            }
            if out.contains(&y) || out.contains(&z) {
                continue;
            }
            if self.dropped_by_pair(x, y) || self.dropped_by_pair(x, z) {
                continue;
            }
            let (py, pz) = (self.p.items[y as usize], self.p.items[z as usize]);
            let d = if py.profit <= pz.profit { y } else { z };
            let it = self.p.items[d as usize];
            lp += it.profit;
            lw += it.weight;
            out.push(d);
        }
        (lp, lw)
    }

    /// Adds `x` and removes whatever it conflicts with (pairs, triples,
    /// then the least profitable items per unit of weight until the
    /// capacity holds). The removed items are appended to `dropped`.
    pub(crate) fn force_add(
        &mut self,
        x: ItemId,
        dropped: &mut Vec<ItemId>,
        scratch: &mut Vec<ItemId>,
    ) {
        dropped.clear();
        let g = self.p.items[x as usize].group as usize;
        if let Some(y) = self.chosen[g] {
            dropped.push(y);
        }
        for &y in &self.p.adj[x as usize] {
            if self.on[y as usize] {
                dropped.push(y);
            }
        }
        self.triple_drops(x, scratch);
        dropped.extend_from_slice(scratch);
        for &d in dropped.iter() {
            self.remove(d);
        }
        if let Some(cap) = self.p.capacity {
            let w = self.p.items[x as usize].weight;
            if self.weight + w > cap {
                scratch.clear();
                scratch.extend(self.chosen.iter().flatten().copied());
                let items = &self.p.items;
                scratch.sort_by(|&a, &b| ratio_order(items, a, b));
                for &d in scratch.iter() {
                    if self.weight + w <= cap {
                        break;
                    }
                    if items[d as usize].weight > 0 {
                        self.remove(d);
                        dropped.push(d);
                    }
                }
            }
        }
        self.add(x);
    }
}

/// Order of removal when making room: least profit per unit of weight
/// first (`a.profit / a.weight < b.profit / b.weight`), ties by id.
pub(crate) fn ratio_order(
    items: &[super::problem::Item],
    a: ItemId,
    b: ItemId,
) -> std::cmp::Ordering {
    let (ia, ib) = (items[a as usize], items[b as usize]);
    (u128::from(ia.profit) * u128::from(ib.weight.max(1)))
        .cmp(&(u128::from(ib.profit) * u128::from(ia.weight.max(1))))
        .then(a.cmp(&b))
}
