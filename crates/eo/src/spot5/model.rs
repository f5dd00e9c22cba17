//! SPOT5 as a logic-constrained knapsack ([`crate::lck`]), following
//! Vasquez & Hao (2001): every (photograph, camera value) pair is an item
//! of the photograph's group, each forbidden tuple a forbidden pair or
//! triple of items, the memory a capacity.

use super::instance::{Instance, NOT_SELECTED};
use super::solution::Solution;
use crate::lck::{ItemId, Problem, ProblemBuilder, Selection};

/// The selection problem of an instance and the way back to camera values.
#[derive(Debug, Clone)]
pub struct Spot5Model {
    /// The selection problem.
    pub problem: Problem,
    /// For every item, its (photograph, camera value).
    pub item_value: Vec<(u32, u32)>,
}

impl Spot5Model {
    /// Builds the model of `inst`.
    pub fn new(inst: &Instance) -> Self {
        let mut b = ProblemBuilder::new(inst.photos.len());
        let mut item_value = Vec::new();
        let mut items_of: Vec<Vec<(u32, ItemId)>> = Vec::with_capacity(inst.photos.len());
        for (g, photo) in inst.photos.iter().enumerate() {
            let mut its = Vec::with_capacity(photo.options.len());
            for o in &photo.options {
                let weight = if inst.capacity.is_some() {
                    o.weight()
                } else {
                    0
                };
                let id = b.add_item(g, photo.profit, weight);
                item_value.push((g as u32, o.value));
                its.push((o.value, id));
            }
            items_of.push(its);
        }
        let item = |photo: u32, value: u32| -> Option<ItemId> {
            items_of[photo as usize]
                .iter()
                .find(|(v, _)| *v == value)
                .map(|&(_, id)| id)
        };
        for c in &inst.constraints {
            for t in &c.forbidden {
                let ids: Option<Vec<ItemId>> =
                    c.photos.iter().zip(t).map(|(&p, &v)| item(p, v)).collect();
                match ids.as_deref() {
                    Some(&[a, b2]) => b.forbid_pair(a, b2),
                    Some(&[a, b2, c2]) => b.forbid_triple(a, b2, c2),
                    _ => {}
                }
            }
        }
        if let Some(cap) = inst.capacity {
            b.capacity(cap.units);
        }
        Spot5Model {
            problem: b.build(),
            item_value,
        }
    }

    /// The camera values of a selection.
    pub fn solution(&self, sel: &Selection) -> Solution {
        let mut values = vec![NOT_SELECTED; self.problem.group_count()];
        for &i in sel.chosen.iter().flatten() {
            let (photo, value) = self.item_value[i as usize];
            values[photo as usize] = value;
        }
        Solution { values }
    }
}
