//! The catalogue of ITU-R digital maps used by this crate: for each map,
//! its cache name and where it comes from in the ITU-Rpy data folder.

/// Exceedance probabilities (%) of the P.453-14, P.836-6 and P.840-8 maps.
pub const P_LEVELS_PCT: [f64; 18] = [
    0.1, 0.2, 0.3, 0.5, 1.0, 2.0, 3.0, 5.0, 10.0, 20.0, 30.0, 50.0, 60.0, 70.0, 80.0, 90.0, 95.0,
    99.0,
];

/// Suffix ITU-Rpy uses for a probability level (`0.1` → `01`, `10` → `10`).
fn p_suffix(p: f64) -> String {
    let s = if p.fract() == 0.0 {
        format!("{}", p as i64)
    } else {
        format!("{p}")
    };
    s.replace('.', "")
}

/// One digital map.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum MapId {
    /// P.1510-1 annual mean surface temperature (K).
    P1510TAnnual,
    /// P.1510-1 monthly mean surface temperature (K), month 1..=12.
    P1510TMonth(u8),
    /// P.1511-2 topographic height above mean sea level (m).
    P1511Topo,
    /// P.453-14 wet refractivity Nwet exceeded for `P_LEVELS_PCT[i]` %.
    P453Nwet(u8),
    /// P.836-6 surface water-vapour density (g/m³), level i.
    P836Rho(u8),
    /// P.836-6 total columnar water-vapour content (kg/m²), level i.
    P836V(u8),
    /// P.836-6 water-vapour scale height (km), level i.
    P836Vsch(u8),
    /// P.836-6 topography of the water-vapour maps (km).
    P836Topo,
    /// P.837-7 rainfall rate exceeded 0.01 % of an average year (mm/h).
    P837R001,
    /// P.837-7 monthly mean total rainfall (mm), month 1..=12.
    P837Mt(u8),
    /// P.839-4 mean annual 0 °C isotherm height (km).
    P839H0,
    /// P.840-8 reduced cloud liquid water content (kg/m²), level i.
    P840Lred(u8),
}

/// Total number of maps in the catalogue.
pub const MAP_COUNT: usize = 1 + 12 + 1 + 18 * 5 + 1 + 1 + 12 + 1;

/// Where a map comes from in ITU-Rpy's `data` folder: values, latitudes,
/// longitudes (paths relative to `itur/data/`).
#[derive(Debug, Clone)]
pub struct Source {
    /// The values file.
    pub values: String,
    /// The latitude grid file.
    pub lat: &'static str,
    /// The longitude grid file.
    pub lon: &'static str,
}

impl MapId {
    /// Every map, in index order.
    pub fn all() -> Vec<MapId> {
        let mut v = vec![MapId::P1510TAnnual];
        v.extend((1..=12).map(MapId::P1510TMonth));
        v.push(MapId::P1511Topo);
        v.extend((0..18).map(MapId::P453Nwet));
        v.extend((0..18).map(MapId::P836Rho));
        v.extend((0..18).map(MapId::P836V));
        v.extend((0..18).map(MapId::P836Vsch));
        v.push(MapId::P836Topo);
        v.push(MapId::P837R001);
        v.extend((1..=12).map(MapId::P837Mt));
        v.push(MapId::P839H0);
        v.extend((0..18).map(MapId::P840Lred));
        v
    }

    /// Dense index in `0..MAP_COUNT`.
    pub fn index(self) -> usize {
        use MapId::*;
        match self {
            P1510TAnnual => 0,
            P1510TMonth(m) => m as usize, // 1..=12
            P1511Topo => 13,
            P453Nwet(i) => 14 + i as usize, // 14..32
            P836Rho(i) => 32 + i as usize,  // 32..50
            P836V(i) => 50 + i as usize,    // 50..68
            P836Vsch(i) => 68 + i as usize, // 68..86
            P836Topo => 86,
            P837R001 => 87,
            P837Mt(m) => 87 + m as usize, // 88..=99
            P839H0 => 100,
            P840Lred(i) => 101 + i as usize, // 101..119
        }
    }

    /// File stem in the cache.
    pub fn name(self) -> String {
        use MapId::*;
        let lvl = |i: u8| p_suffix(P_LEVELS_PCT[i as usize]);
        match self {
            P1510TAnnual => "p1510_t_annual".into(),
            P1510TMonth(m) => format!("p1510_t_month{m:02}"),
            P1511Topo => "p1511_topo".into(),
            P453Nwet(i) => format!("p453_nwet_{}", lvl(i)),
            P836Rho(i) => format!("p836_rho_{}", lvl(i)),
            P836V(i) => format!("p836_v_{}", lvl(i)),
            P836Vsch(i) => format!("p836_vsch_{}", lvl(i)),
            P836Topo => "p836_topo".into(),
            P837R001 => "p837_r001".into(),
            P837Mt(m) => format!("p837_mt_month{m:02}"),
            P839H0 => "p839_h0".into(),
            P840Lred(i) => format!("p840_lred_{}", lvl(i)),
        }
    }

    /// Where the map is in ITU-Rpy's data folder.
    pub fn source(self) -> Source {
        use MapId::*;
        let lvl = |i: u8| p_suffix(P_LEVELS_PCT[i as usize]);
        let (values, lat, lon) = match self {
            P1510TAnnual => (
                "1510/v1_t_annual.npz".to_string(),
                "1510/v1_lat.npz",
                "1510/v1_lon.npz",
            ),
            P1510TMonth(m) => (
                format!("1510/v1_t_month{m:02}.npz"),
                "1510/v1_lat.npz",
                "1510/v1_lon.npz",
            ),
            P1511Topo => (
                "1511/v2_topo.npz".into(),
                "1511/v2_lat.npz",
                "1511/v2_lon.npz",
            ),
            P453Nwet(i) => (
                format!("453/v13_nwet_annual_{}.npz", lvl(i)),
                "453/v13_lat_n.npz",
                "453/v13_lon_n.npz",
            ),
            P836Rho(i) => (
                format!("836/v6_rho_{}.npz", lvl(i)),
                "836/v6_lat.npz",
                "836/v6_lon.npz",
            ),
            P836V(i) => (
                format!("836/v6_v_{}.npz", lvl(i)),
                "836/v6_lat.npz",
                "836/v6_lon.npz",
            ),
            P836Vsch(i) => (
                format!("836/v6_vsch_{}.npz", lvl(i)),
                "836/v6_lat.npz",
                "836/v6_lon.npz",
            ),
            P836Topo => (
                "836/v6_topo_0dot5.npz".into(),
                "836/v6_topolat.npz",
                "836/v6_topolon.npz",
            ),
            P837R001 => (
                "837/v7_r001.npz".into(),
                "837/v7_lat_r001.npz",
                "837/v7_lon_r001.npz",
            ),
            P837Mt(m) => (
                format!("837/v7_mt_month{m:02}.npz"),
                "837/v7_lat_mt.npz",
                "837/v7_lon_mt.npz",
            ),
            P839H0 => (
                "839/v4_esa0height.npz".into(),
                "839/v4_esalat.npz",
                "839/v4_esalon.npz",
            ),
            P840Lred(i) => (
                format!("840/v7_lred_{}.npz", lvl(i)),
                "840/v7_lat.npz",
                "840/v7_lon.npz",
            ),
        };
        Source { values, lat, lon }
    }
}

/// Bracket `p_pct` between two map levels: `(below, above, weight)` with
/// the value = v_below + (v_above − v_below)·weight, weight linear in ln p
/// (the interpolation in probability of P.453-14 §2.2, P.836-6 Annex 1
/// and P.840-8 §3.2). `None` outside [0.1, 99] %.
pub fn level_bracket(p_pct: f64) -> Option<(u8, u8, f64)> {
    if !(P_LEVELS_PCT[0]..=P_LEVELS_PCT[17]).contains(&p_pct) {
        return None;
    }
    for (i, &lv) in P_LEVELS_PCT.iter().enumerate() {
        if (p_pct - lv).abs() <= 1e-12 * lv {
            return Some((i as u8, i as u8, 0.0));
        }
    }
    let above = P_LEVELS_PCT.iter().position(|&lv| lv > p_pct)?;
    let below = above - 1;
    let (pb, pa) = (P_LEVELS_PCT[below], P_LEVELS_PCT[above]);
    let w = (p_pct.ln() - pb.ln()) / (pa.ln() - pb.ln());
    Some((below as u8, above as u8, w))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn indices_are_dense_and_unique() {
        let all = MapId::all();
        assert_eq!(all.len(), MAP_COUNT);
        for (k, m) in all.iter().enumerate() {
            assert_eq!(m.index(), k, "{m:?}");
        }
        assert_eq!(MapId::P836Rho(0).source().values, "836/v6_rho_01.npz");
        assert_eq!(
            MapId::P453Nwet(8).source().values,
            "453/v13_nwet_annual_10.npz"
        );
    }
}
