//! The problem data: groups, items, forbidden pairs and triples, capacity.

/// Index of an item in a [`Problem`].
pub type ItemId = u32;

/// One way to satisfy a group.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Item {
    /// The group this item belongs to.
    pub group: u32,
    /// Profit earned when the item is selected.
    pub profit: u64,
    /// Capacity used when the item is selected (same unit as the capacity).
    pub weight: u64,
}

/// A logic-constrained knapsack problem (see the [module docs](super)).
///
/// Built with [`ProblemBuilder`], which normalises the constraints: pairs
/// inside one group are implied and dropped, duplicates are removed,
/// degenerate triples become pairs or bans.
#[derive(Debug, Clone)]
pub struct Problem {
    pub(crate) items: Vec<Item>,
    pub(crate) banned: Vec<bool>,
    pub(crate) group_items: Vec<Vec<ItemId>>,
    /// Per item, the items it may not be selected with (sorted, other groups).
    pub(crate) adj: Vec<Vec<ItemId>>,
    pub(crate) triples: Vec<[ItemId; 3]>,
    /// Per item, the indices of the triples it takes part in.
    pub(crate) item_triples: Vec<Vec<u32>>,
    pub(crate) capacity: Option<u64>,
}

/// At most one item per group: `chosen[g]` is the selected item of group `g`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Selection {
    /// Selected item of each group, `None` when the group is left out.
    pub chosen: Vec<Option<ItemId>>,
}

impl Problem {
    /// Number of groups.
    pub fn group_count(&self) -> usize {
        self.group_items.len()
    }

    /// Number of items.
    pub fn item_count(&self) -> usize {
        self.items.len()
    }

    /// The item `id`.
    pub fn item(&self, id: ItemId) -> Item {
        self.items[id as usize]
    }

    /// The capacity, if any.
    pub fn capacity(&self) -> Option<u64> {
        self.capacity
    }

    /// An empty selection.
    pub fn empty_selection(&self) -> Selection {
        Selection {
            chosen: vec![None; self.group_count()],
        }
    }

    /// Total profit of `sel`.
    pub fn profit(&self, sel: &Selection) -> u64 {
        sel.chosen
            .iter()
            .flatten()
            .map(|&i| self.items[i as usize].profit)
            .sum()
    }

    /// Total weight of `sel`.
    pub fn weight(&self, sel: &Selection) -> u64 {
        sel.chosen
            .iter()
            .flatten()
            .map(|&i| self.items[i as usize].weight)
            .sum()
    }

    /// A quick upper bound: the best item of every group (banned excluded).
    pub fn trivial_bound(&self) -> u64 {
        self.group_items
            .iter()
            .map(|its| {
                its.iter()
                    .filter(|&&i| !self.banned[i as usize])
                    .map(|&i| self.items[i as usize].profit)
                    .max()
                    .unwrap_or(0)
            })
            .sum()
    }

    /// Whether `sel` satisfies every constraint of this problem (the
    /// solvers' own check; SPOT5 results are also checked independently by
    /// [`crate::spot5::check()`]).
    pub fn is_feasible(&self, sel: &Selection) -> bool {
        if sel.chosen.len() != self.group_count() {
            return false;
        }
        let mut on = vec![false; self.items.len()];
        for (g, c) in sel.chosen.iter().enumerate() {
            if let Some(i) = *c {
                let Some(item) = self.items.get(i as usize) else {
                    return false;
                };
                if item.group as usize != g || self.banned[i as usize] {
                    return false;
                }
                on[i as usize] = true;
            }
        }
        let pair_ok = (0..self.items.len())
            .filter(|&i| on[i])
            .all(|i| self.adj[i].iter().all(|&j| !on[j as usize]));
        let triple_ok = self
            .triples
            .iter()
            .all(|t| !t.iter().all(|&i| on[i as usize]));
        let cap_ok = self.capacity.is_none_or(|c| self.weight(sel) <= c);
        pair_ok && triple_ok && cap_ok
    }
}

/// Builds a [`Problem`].
#[derive(Debug, Clone, Default)]
pub struct ProblemBuilder {
    items: Vec<Item>,
    groups: usize,
    banned: Vec<bool>,
    pairs: Vec<(ItemId, ItemId)>,
    triples: Vec<[ItemId; 3]>,
    capacity: Option<u64>,
}

impl ProblemBuilder {
    /// A builder for `groups` groups.
    pub fn new(groups: usize) -> Self {
        ProblemBuilder {
            groups,
            ..Default::default()
        }
    }

    /// Adds an item to `group` (< the group count) and returns its id.
    ///
    /// # Panics
    /// If `group` is out of range.
    pub fn add_item(&mut self, group: usize, profit: u64, weight: u64) -> ItemId {
        assert!(group < self.groups, "group {group} out of range");
        self.items.push(Item {
            group: group as u32,
            profit,
            weight,
        });
        self.banned.push(false);
        (self.items.len() - 1) as ItemId
    }

    /// Forbids selecting `a` and `b` together (`a == b` bans the item).
    ///
    /// # Panics
    /// If an id was not returned by [`ProblemBuilder::add_item`].
    pub fn forbid_pair(&mut self, a: ItemId, b: ItemId) {
        if a == b {
            self.banned[a as usize] = true;
        } else if self.items[a as usize].group != self.items[b as usize].group {
            self.pairs.push((a.min(b), a.max(b)));
        }
    }

    /// Forbids selecting `a`, `b` and `c` together.
    ///
    /// # Panics
    /// If an id was not returned by [`ProblemBuilder::add_item`].
    pub fn forbid_triple(&mut self, a: ItemId, b: ItemId, c: ItemId) {
        let mut t = [a, b, c];
        t.sort_unstable();
        if t[0] == t[1] || t[1] == t[2] {
            // Repeated item: the triple is a pair (or a ban).
            let (x, y) = if t[0] == t[1] {
                (t[0], t[2])
            } else {
                (t[0], t[1])
            };
            self.forbid_pair(x, y);
            return;
        }
        let g = |i: ItemId| self.items[i as usize].group;
        if g(t[0]) == g(t[1]) || g(t[1]) == g(t[2]) || g(t[0]) == g(t[2]) {
            // Two distinct items of one group are never selected together.
            return;
        }
        self.triples.push(t);
    }

    /// Sets the capacity (total weight bound).
    pub fn capacity(&mut self, capacity: u64) {
        self.capacity = Some(capacity);
    }

    /// The finished problem.
    pub fn build(mut self) -> Problem {
        let n = self.items.len();
        if let Some(c) = self.capacity {
            for (i, it) in self.items.iter().enumerate() {
                if it.weight > c {
                    self.banned[i] = true;
                }
            }
        }
        let mut adj = vec![Vec::new(); n];
        self.pairs.sort_unstable();
        self.pairs.dedup();
        for &(a, b) in &self.pairs {
            adj[a as usize].push(b);
            adj[b as usize].push(a);
        }
        for a in &mut adj {
            a.sort_unstable();
        }
        self.triples.sort_unstable();
        self.triples.dedup();
        // A triple already covered by one of its pairs is redundant.
        let covered = |t: &[ItemId; 3]| {
            let has = |x: ItemId, y: ItemId| adj[x as usize].binary_search(&y).is_ok();
            has(t[0], t[1]) || has(t[0], t[2]) || has(t[1], t[2])
        };
        let triples: Vec<[ItemId; 3]> = self
            .triples
            .iter()
            .copied()
            .filter(|t| !covered(t))
            .collect();
        let mut item_triples = vec![Vec::new(); n];
        for (k, t) in triples.iter().enumerate() {
            for &i in t {
                item_triples[i as usize].push(k as u32);
            }
        }
        let mut group_items = vec![Vec::new(); self.groups];
        for (i, it) in self.items.iter().enumerate() {
            group_items[it.group as usize].push(i as ItemId);
        }
        Problem {
            items: self.items,
            banned: self.banned,
            group_items,
            adj,
            triples,
            item_triples,
            capacity: self.capacity,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builder_normalises_constraints() {
        let mut b = ProblemBuilder::new(3);
        let a0 = b.add_item(0, 5, 1);
        let a1 = b.add_item(0, 5, 1);
        let b0 = b.add_item(1, 3, 1);
        let c0 = b.add_item(2, 4, 9);
        b.forbid_pair(a0, a1); // same group: implied
        b.forbid_pair(a0, b0);
        b.forbid_pair(b0, a0); // duplicate
        b.forbid_triple(a0, b0, c0); // covered by the pair
        b.forbid_triple(a1, b0, c0);
        b.forbid_triple(a0, a1, c0); // never all selected
        b.capacity(5);
        let p = b.build();
        assert_eq!(p.adj[a0 as usize], vec![b0]);
        assert_eq!(p.triples, vec![[a1, b0, c0]]);
        assert!(p.banned[c0 as usize]);
        assert_eq!(p.trivial_bound(), 8);
        let sel = Selection {
            chosen: vec![Some(a1), Some(b0), None],
        };
        assert!(p.is_feasible(&sel));
        let bad = Selection {
            chosen: vec![Some(a0), Some(b0), None],
        };
        assert!(!p.is_feasible(&bad));
    }
}
