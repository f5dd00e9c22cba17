//! Spectroscopic line tables of ITU-R P.676-12 Annex 1 (Tables 1 and 2),
//! kept as data files in `crates/itur/data/`.

use std::sync::OnceLock;

/// One oxygen line, P.676-12 Table 1.
#[derive(Debug, Clone, Copy)]
pub struct OxygenLine {
    /// Line frequency f0 (GHz).
    pub f0: f64,
    /// a1..a6.
    pub a: [f64; 6],
}

/// One water-vapour line, P.676-12 Table 2.
#[derive(Debug, Clone, Copy)]
pub struct WaterLine {
    /// Line frequency f0 (GHz).
    pub f0: f64,
    /// b1..b6.
    pub b: [f64; 6],
}

const OXYGEN_CSV: &str = include_str!("../../data/p676_12_lines_oxygen.csv");
const WATER_CSV: &str = include_str!("../../data/p676_12_lines_water_vapour.csv");

fn parse(csv: &str) -> Vec<[f64; 7]> {
    csv.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .skip(1) // header
        .filter_map(|l| {
            let v: Vec<f64> = l.split(',').filter_map(|x| x.trim().parse().ok()).collect();
            <[f64; 7]>::try_from(v).ok()
        })
        .collect()
}

/// The 44 oxygen lines.
pub fn oxygen() -> &'static [OxygenLine] {
    static T: OnceLock<Vec<OxygenLine>> = OnceLock::new();
    T.get_or_init(|| {
        parse(OXYGEN_CSV)
            .into_iter()
            .map(|r| OxygenLine {
                f0: r[0],
                a: [r[1], r[2], r[3], r[4], r[5], r[6]],
            })
            .collect()
    })
}

/// The 35 water-vapour lines.
pub fn water_vapour() -> &'static [WaterLine] {
    static T: OnceLock<Vec<WaterLine>> = OnceLock::new();
    T.get_or_init(|| {
        parse(WATER_CSV)
            .into_iter()
            .map(|r| WaterLine {
                f0: r[0],
                b: [r[1], r[2], r[3], r[4], r[5], r[6]],
            })
            .collect()
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn tables_complete() {
        assert_eq!(super::oxygen().len(), 44);
        assert_eq!(super::water_vapour().len(), 35);
        assert!((super::water_vapour()[0].f0 - 22.23508).abs() < 1e-9);
    }
}
