//! The `.spot_sol.txt` solution format.
//!
//! ```text
//! profit = <P>, weight = <W>
//! number of candidate photographs = <N>
//! number of selected photographs = <S>
//! N lines: the camera value of each photograph (0 = not selected)
//! ```

use std::fmt::Write as _;
use std::path::Path;

use super::instance::{Instance, NOT_SELECTED};
use crate::Error;

/// A solution: one camera value per photograph, [`NOT_SELECTED`] (0) for
/// photographs left out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Solution {
    /// Camera value of each photograph, by id.
    pub values: Vec<u32>,
}

impl Solution {
    /// The solution selecting nothing for `n` photographs.
    pub fn empty(n: usize) -> Self {
        Solution {
            values: vec![NOT_SELECTED; n],
        }
    }

    /// Number of selected photographs.
    pub fn selected(&self) -> usize {
        self.values.iter().filter(|&&v| v != NOT_SELECTED).count()
    }
}

/// A solution file with its header as written (headers may be wrong: the
/// checker recomputes profit and weight).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SolutionFile {
    /// Profit claimed in the header.
    pub claimed_profit: u64,
    /// Weight claimed in the header.
    pub claimed_weight: u64,
    /// Number of candidate photographs in the header.
    pub candidates: usize,
    /// Number of selected photographs in the header.
    pub selected: usize,
    /// The assignment.
    pub solution: Solution,
}

/// Writes `sol` for `inst` in the `.spot_sol.txt` format; profit and weight
/// in the header are computed from the assignment (values not in a
/// photograph's domain count profit but no weight — run the checker first).
pub fn write_solution(inst: &Instance, sol: &Solution) -> String {
    let mut profit = 0u64;
    let mut weight = 0u64;
    for (p, &v) in inst.photos.iter().zip(&sol.values) {
        if v != NOT_SELECTED {
            profit += p.profit;
            weight += p
                .options
                .iter()
                .find(|o| o.value == v)
                .map_or(0, |o| o.weight());
        }
    }
    let mut s = String::with_capacity(64 + 3 * sol.values.len());
    let _ = writeln!(s, "profit = {profit}, weight = {weight}");
    let _ = writeln!(s, "number of candidate photographs = {}", sol.values.len());
    let _ = writeln!(s, "number of selected photographs = {}", sol.selected());
    for v in &sol.values {
        let _ = writeln!(s, "{v}");
    }
    s
}

/// Reads and parses a `.spot_sol.txt` file.
pub fn read_solution(path: &Path) -> Result<SolutionFile, Error> {
    let text = std::fs::read_to_string(path).map_err(|source| Error::Io {
        path: path.to_path_buf(),
        source,
    })?;
    parse_solution(&text, &path.display().to_string())
}

/// Parses the text of a `.spot_sol.txt` file; `file` names it in errors.
pub fn parse_solution(text: &str, file: &str) -> Result<SolutionFile, Error> {
    let err = |line: usize, field: &str, expected: &str, found: &str| Error::Parse {
        file: file.to_string(),
        line,
        field: field.to_string(),
        expected: expected.to_string(),
        found: found.to_string(),
    };
    let mut lines = text
        .lines()
        .enumerate()
        .map(|(i, l)| (i + 1, l.trim()))
        .filter(|(_, l)| !l.is_empty());
    let (line, head) = lines
        .next()
        .ok_or_else(|| err(0, "header", "`profit = P, weight = W`", "end of file"))?;
    let mut claimed_profit = None;
    let mut claimed_weight = None;
    for part in head.split(',') {
        let (key, value) = part
            .split_once('=')
            .ok_or_else(|| err(line, "header", "`key = value` pairs", part.trim()))?;
        let value: u64 = value
            .trim()
            .parse()
            .map_err(|_| err(line, key.trim(), "a non-negative integer", value.trim()))?;
        match key.trim() {
            "profit" => claimed_profit = Some(value),
            "weight" => claimed_weight = Some(value),
            other => return Err(err(line, "header", "`profit` or `weight`", other)),
        }
    }
    let claimed_profit = claimed_profit.ok_or_else(|| err(line, "profit", "`profit = P`", head))?;
    let claimed_weight = claimed_weight.ok_or_else(|| err(line, "weight", "`weight = W`", head))?;
    let mut counted = |label: &str| -> Result<usize, Error> {
        let (line, l) = lines
            .next()
            .ok_or_else(|| err(0, label, &format!("`{label} = N`"), "end of file"))?;
        let (key, value) = l
            .split_once('=')
            .ok_or_else(|| err(line, label, &format!("`{label} = N`"), l))?;
        if key.trim() != label {
            return Err(err(line, label, &format!("`{label} = N`"), l));
        }
        value
            .trim()
            .parse()
            .map_err(|_| err(line, label, "a non-negative integer", value.trim()))
    };
    let candidates = counted("number of candidate photographs")?;
    let selected = counted("number of selected photographs")?;
    let mut values = Vec::with_capacity(candidates.min(1 << 20));
    let mut last = 0;
    for (line, l) in lines {
        last = line;
        let v: u32 = l.parse().map_err(|_| {
            err(
                line,
                &format!("value of photograph {}", values.len()),
                "a camera value",
                l,
            )
        })?;
        values.push(v);
    }
    if values.len() != candidates {
        return Err(err(
            last,
            "assignment",
            &format!("{candidates} values (the candidate count)"),
            &format!("{} values", values.len()),
        ));
    }
    Ok(SolutionFile {
        claimed_profit,
        claimed_weight,
        candidates,
        selected,
        solution: Solution { values },
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::spot5::parse_instance;

    #[test]
    fn round_trip() {
        let inst =
            parse_instance("2\n0 3 1 13 902 1\n1 4 2 1 0 2 0\n1\n2 0 1 13 1\n", "t").unwrap();
        let sol = Solution {
            values: vec![13, 2],
        };
        let text = write_solution(&inst, &sol);
        assert!(text.starts_with("profit = 7, weight = 2\n"), "{text}");
        let back = parse_solution(&text, "t.sol").unwrap();
        assert_eq!(back.solution, sol);
        assert_eq!(
            (
                back.claimed_profit,
                back.claimed_weight,
                back.candidates,
                back.selected
            ),
            (7, 2, 2, 2)
        );
    }

    #[test]
    fn bad_files_are_errors() {
        assert!(parse_solution("", "x").is_err());
        assert!(parse_solution("profit = 1\n", "x").is_err());
        let e = parse_solution(
            "profit = 1, weight = 0\nnumber of candidate photographs = 2\nnumber of selected photographs = 1\n1\n",
            "x",
        )
        .unwrap_err()
        .to_string();
        assert!(e.contains("2 values"), "{e}");
    }
}
