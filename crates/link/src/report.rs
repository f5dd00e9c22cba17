//! The full link report: clear-sky budget, ACM availability, warnings.

use crate::acm::{AcmSummary, acm_availability};
use crate::antenna::AntennaAtFreq;
use crate::budget::LinkState;
use crate::error::Result;
use crate::fade::{EarthSpacePath, Fade};
use crate::file::{LinkFile, ResolvedLink};
use crate::geometry::GeoLook;
use crate::modcod::{ModcodSet, best_modcod};
use serde::Serialize;
use std::fmt;

/// One station in the report.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StationReport {
    /// Station name.
    pub name: String,
    /// Latitude, degrees north.
    pub lat_deg: f64,
    /// Longitude, degrees east.
    pub lon_deg: f64,
    /// Frequency, GHz.
    pub freq_ghz: f64,
    /// Look angles and slant range.
    pub look: GeoLook,
    /// Antenna gain, beamwidth and pointing loss (uplink: when given).
    pub antenna: Option<AntennaAtFreq>,
}

/// The carrier in the report.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CarrierReport {
    /// Symbol rate, baud.
    pub symbol_rate_baud: f64,
    /// Roll-off factor.
    pub rolloff: f64,
    /// Occupied bandwidth, Hz.
    pub occupied_bandwidth_hz: f64,
    /// MODCOD set.
    pub modcods: ModcodSet,
    /// Implementation margin, dB.
    pub implementation_margin_db: f64,
    /// Uplink EIRP, dBW.
    pub uplink_eirp_dbw: f64,
    /// Fixed uplink fade used throughout, dB.
    pub uplink_fade_db: f64,
}

/// The complete, serialisable report of a link file.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LinkReport {
    /// Link name.
    pub name: String,
    /// Figures are illustrative.
    pub illustrative: bool,
    /// Satellite name.
    pub satellite: String,
    /// Satellite longitude, degrees east.
    pub satellite_lon_deg: f64,
    /// Transmitting station.
    pub uplink: StationReport,
    /// Receiving station.
    pub downlink: StationReport,
    /// Carrier.
    pub carrier: CarrierReport,
    /// The downlink path handed to the propagation model.
    pub downlink_path: EarthSpacePath,
    /// Budget with no downlink fade (uplink: the fixed allowance).
    pub clear_sky: LinkState,
    /// Best MODCOD in clear sky.
    pub clear_sky_modcod: Option<&'static str>,
    /// Clear-sky information bit rate with that MODCOD, bit/s.
    pub clear_sky_throughput_bps: f64,
    /// ACM over an average year.
    pub acm: AcmSummary,
    /// Things worth a look (carrier over its power share, wider than the
    /// transponder, low elevation, large pointing error).
    pub warnings: Vec<String>,
}

/// Computes the full report of a parsed link file with propagation model
/// `fade` applied to the downlink.
///
/// # References
/// See [`crate::Link::evaluate`] and [`crate::acm_availability`].
pub fn link_report(file: &LinkFile, fade: &dyn Fade) -> Result<LinkReport> {
    let r: ResolvedLink = file.resolve()?;
    let link = &r.link;
    let a_up = r.uplink_fade_db;
    let esn0_at = |a: f64| link.evaluate(a_up, a).map(|s| s.cnir_db);
    let modcods = file.carrier.modcods.modcods();
    let margin = file.carrier.implementation_margin_db;
    let clear = link.evaluate(a_up, 0.0)?;
    let best = best_modcod(&modcods, clear.cnir_db, margin);
    let acm = acm_availability(
        &esn0_at,
        fade,
        &r.downlink_path,
        &modcods,
        margin,
        link.symbol_rate_baud,
        &file.availability.levels_pct,
    )?;

    let mut warnings = Vec::new();
    if clear.carrier.power_share > 1.0 {
        warnings.push(format!(
            "carrier takes {:.2} of the transponder power at its operating point (more than all of it): lower the uplink EIRP",
            clear.carrier.power_share
        ));
    }
    if r.occupied_bandwidth_hz > link.transponder.bandwidth_mhz * 1e6 {
        warnings.push(format!(
            "carrier occupies {:.3} MHz, more than the transponder's {:.3} MHz",
            r.occupied_bandwidth_hz / 1e6,
            link.transponder.bandwidth_mhz
        ));
    }
    for (side, look) in [("uplink", r.uplink_look), ("downlink", r.downlink_look)] {
        if look.elevation_deg < 5.0 {
            warnings.push(format!(
                "{side} elevation {:.2}° is below 5°",
                look.elevation_deg
            ));
        }
    }
    for (side, ant, err) in [
        (
            "uplink",
            r.uplink_antenna,
            file.uplink.antenna.map(|a| a.pointing_error_deg),
        ),
        (
            "downlink",
            Some(r.downlink_antenna),
            Some(file.downlink.antenna.pointing_error_deg),
        ),
    ] {
        if let (Some(a), Some(e)) = (ant, err)
            && e > 0.5 * a.beamwidth_3db_deg
        {
            warnings.push(format!(
                "{side} pointing error {e}° exceeds half the 3 dB beamwidth ({:.3}°): the 12(θ/θ3dB)² loss is approximate there",
                a.beamwidth_3db_deg
            ));
        }
    }

    Ok(LinkReport {
        name: file.name.clone(),
        illustrative: file.illustrative,
        satellite: file.satellite.name.clone(),
        satellite_lon_deg: file.satellite.longitude_deg,
        uplink: StationReport {
            name: file.uplink.station.clone(),
            lat_deg: file.uplink.lat_deg,
            lon_deg: file.uplink.lon_deg,
            freq_ghz: link.uplink.freq_ghz,
            look: r.uplink_look,
            antenna: r.uplink_antenna,
        },
        downlink: StationReport {
            name: file.downlink.station.clone(),
            lat_deg: file.downlink.lat_deg,
            lon_deg: file.downlink.lon_deg,
            freq_ghz: link.downlink.freq_ghz,
            look: r.downlink_look,
            antenna: Some(r.downlink_antenna),
        },
        carrier: CarrierReport {
            symbol_rate_baud: link.symbol_rate_baud,
            rolloff: r.rolloff,
            occupied_bandwidth_hz: r.occupied_bandwidth_hz,
            modcods: file.carrier.modcods,
            implementation_margin_db: margin,
            uplink_eirp_dbw: link.uplink.eirp_dbw,
            uplink_fade_db: a_up,
        },
        downlink_path: r.downlink_path,
        clear_sky: clear,
        clear_sky_modcod: best.map(|m| m.name),
        clear_sky_throughput_bps: best.map_or(0.0, |m| m.throughput_bps(link.symbol_rate_baud)),
        acm,
        warnings,
    })
}

/// Parses `toml_text` as a link file and computes its report.
///
/// # Examples
/// ```no_run
/// # fn model() -> Box<dyn silkway_link::Fade> { unimplemented!() }
/// let text = std::fs::read_to_string("crates/link/examples/azerspace1_tashkent.toml").unwrap();
/// let report = silkway_link::link_report_from_toml(&text, model().as_ref()).unwrap();
/// println!("{report}");
/// ```
pub fn link_report_from_toml(toml_text: &str, fade: &dyn Fade) -> Result<LinkReport> {
    link_report(&LinkFile::from_toml_str(toml_text)?, fade)
}

fn opt_db(x: Option<f64>) -> String {
    x.map_or_else(|| "-".to_owned(), |v| format!("{v:.2}"))
}

impl fmt::Display for LinkReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let c = &self.clear_sky;
        writeln!(f, "Link: {}", self.name)?;
        if self.illustrative {
            writeln!(f, "  (illustrative figures)")?;
        }
        writeln!(
            f,
            "Satellite: {} at {:.2}°E",
            self.satellite, self.satellite_lon_deg
        )?;
        writeln!(f)?;
        for (label, s) in [
            ("Uplink station", &self.uplink),
            ("Downlink station", &self.downlink),
        ] {
            writeln!(
                f,
                "{label}: {} ({:.4}°N, {:.4}°E), {:.3} GHz",
                s.name, s.lat_deg, s.lon_deg, s.freq_ghz
            )?;
            writeln!(
                f,
                "  elevation {:.2}°, azimuth {:.2}°, slant range {:.1} km",
                s.look.elevation_deg, s.look.azimuth_deg, s.look.slant_range_km
            )?;
            if let Some(a) = s.antenna {
                writeln!(
                    f,
                    "  antenna gain {:.2} dBi, 3 dB beamwidth {:.3}°, pointing loss {:.2} dB",
                    a.gain_dbi, a.beamwidth_3db_deg, a.pointing_loss_db
                )?;
            }
        }
        writeln!(f)?;
        let k = &self.carrier;
        writeln!(
            f,
            "Carrier: {:.3} Msym/s, roll-off {:.2}, {:.3} MHz occupied, {}, implementation margin {:.2} dB",
            k.symbol_rate_baud / 1e6,
            k.rolloff,
            k.occupied_bandwidth_hz / 1e6,
            k.modcods,
            k.implementation_margin_db
        )?;
        writeln!(f)?;
        writeln!(f, "Clear-sky budget")?;
        writeln!(
            f,
            "  uplink EIRP                 {:>9.2} dBW",
            k.uplink_eirp_dbw
        )?;
        writeln!(
            f,
            "  uplink free-space loss      {:>9.2} dB",
            c.uplink.free_space_loss_db
        )?;
        writeln!(
            f,
            "  uplink fade allowance       {:>9.2} dB",
            c.uplink.atmospheric_loss_db
        )?;
        writeln!(
            f,
            "  PFD at satellite            {:>9.2} dBW/m²",
            c.uplink.pfd_dbw_m2
        )?;
        writeln!(
            f,
            "  uplink C/N0                 {:>9.2} dB·Hz",
            c.uplink.cn0_dbhz
        )?;
        writeln!(
            f,
            "  uplink C/N                  {:>9.2} dB",
            c.uplink.cn_db
        )?;
        writeln!(
            f,
            "  carrier IBO / OBO           {:>9.2} / {:.2} dB",
            c.carrier.ibo_db, c.carrier.obo_db
        )?;
        writeln!(
            f,
            "  carrier downlink EIRP       {:>9.2} dBW",
            c.carrier.eirp_dbw
        )?;
        writeln!(
            f,
            "  power share / PEB           {:>9.3} / {:.3} MHz",
            c.carrier.power_share, c.carrier.peb_mhz
        )?;
        writeln!(
            f,
            "  downlink free-space loss    {:>9.2} dB",
            c.downlink.free_space_loss_db
        )?;
        writeln!(
            f,
            "  system noise temperature    {:>9.1} K",
            c.downlink.noise.t_sys_k
        )?;
        writeln!(
            f,
            "  earth-station G/T           {:>9.2} dB/K",
            c.downlink.noise.gt_dbk
        )?;
        writeln!(
            f,
            "  downlink C/N0               {:>9.2} dB·Hz",
            c.downlink.cn0_dbhz
        )?;
        writeln!(
            f,
            "  downlink C/N                {:>9.2} dB",
            c.downlink.cn_db
        )?;
        writeln!(
            f,
            "  C/N thermal (end to end)    {:>9.2} dB",
            c.cn_thermal_db
        )?;
        writeln!(f, "  C/I aggregate               {:>9} dB", opt_db(c.ci_db))?;
        writeln!(f, "  C/(N+I) = Es/(N0+I0)        {:>9.2} dB", c.cnir_db)?;
        writeln!(
            f,
            "  best MODCOD                 {:>9} ({:.3} Mbit/s)",
            self.clear_sky_modcod.unwrap_or("none"),
            self.clear_sky_throughput_bps / 1e6
        )?;
        writeln!(f)?;
        writeln!(
            f,
            "Availability (ACM, downlink fade from the propagation model)"
        )?;
        writeln!(
            f,
            "  {:>9}  {:>8}  {:>9}  {:<18} {:>9}  {:>12}",
            "avail %", "A dB", "Es/N0 dB", "MODCOD", "excess dB", "Mbit/s"
        )?;
        for l in &self.acm.levels {
            writeln!(
                f,
                "  {:>9.3}  {:>8.2}  {:>9.2}  {:<18} {:>9}  {:>12.3}",
                l.availability_pct,
                l.attenuation_db,
                l.esn0_db,
                l.best_modcod.unwrap_or("none"),
                opt_db(l.excess_margin_db),
                l.throughput_bps / 1e6
            )?;
        }
        writeln!(f)?;
        writeln!(
            f,
            "  {:<18} {:>9}  {:>9}  {:>10}  {:>8}",
            "MODCOD", "req dB", "max A dB", "usable %", "used %"
        )?;
        for m in self
            .acm
            .modcods
            .iter()
            .filter(|m| m.time_selected_pct > 0.0)
        {
            writeln!(
                f,
                "  {:<18} {:>9.2}  {:>9}  {:>10.4}  {:>8.4}",
                m.modcod,
                m.required_esn0_db,
                opt_db(m.max_fade_db),
                m.availability_pct,
                m.time_selected_pct
            )?;
        }
        writeln!(f)?;
        writeln!(
            f,
            "  mean throughput             {:>9.3} Mbit/s",
            self.acm.mean_throughput_bps / 1e6
        )?;
        writeln!(
            f,
            "  outage                      {:>9.4} % ({:.1} min/year)",
            self.acm.outage_pct, self.acm.outage_minutes_per_year
        )?;
        for w in &self.warnings {
            writeln!(f, "warning: {w}")?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fade::test_double::PowerLawFade;

    const EXAMPLE: &str = include_str!("../examples/azerspace1_tashkent.toml");

    #[test]
    fn example_report() {
        let r = link_report_from_toml(EXAMPLE, &PowerLawFade::baku_like()).unwrap();
        let c = &r.clear_sky;
        // 1.2 m at 11.45 GHz, η = 0.65: 41.70 + 20 log(11.45/12) = 41.296 dBi.
        let a = r.downlink.antenna.unwrap();
        assert!((a.gain_dbi - 41.296).abs() < 1e-3, "{a:?}");
        // Hand-worked clear-sky budget (recomputed independently outside the
        // crate):
        //   uplink: 7.3 m at 14.25 GHz, η 0.70 → 59.20 dBi; EIRP = 10.5 − 0.5
        //   + 59.20 = 69.20 dBW; pointing 12 (0.02/0.2015)² = 0.118 dB;
        //   PFD = 69.20 − 0.118 − 0.3 − 162.48 = −93.70 dBW/m²;
        //   C/N0 = 69.20 − 207.01 − 0.418 + 3.0 + 228.60 = 93.37 dB·Hz,
        //   C/N = 93.37 − 73.01 (20 MBd) = 20.36 dB.
        //   transponder: IBO_c = −88 + 93.70 = 5.70, OBO_c = 3.70,
        //   EIRP_c = 46.30 dBW, share 10^(−0.170) = 0.676.
        //   downlink: LNB 290 (10^0.08 − 1) = 59.6 K; T_sys = 45/1.0233
        //   + 290 (1 − 1/1.0233) + 59.6 = 109.2 K; G/T = 41.30 − 0.1 − 20.38
        //   = 20.81 dB/K; C/N0 = 46.30 − 205.23 − 0.116 − 0.3 + 20.81 + 228.60
        //   = 90.07 dB·Hz, C/N = 17.06 dB.
        //   C/I: 30, 30, 22, 25, 21 → 17.12 dB; C/(N+I) = 13.16 dB.
        for (got, want) in [
            (r.carrier.uplink_eirp_dbw, 69.200),
            (c.uplink.pfd_dbw_m2, -93.699),
            (c.uplink.cn_db, 20.357),
            (c.carrier.eirp_dbw, 46.301),
            (c.carrier.power_share, 0.6762),
            (c.downlink.noise.t_sys_k, 109.234),
            (c.downlink.noise.gt_dbk, 20.812),
            (c.downlink.cn_db, 17.058),
            (c.ci_db.unwrap(), 17.119),
            (c.cnir_db, 13.160),
        ] {
            assert!((got - want).abs() < 1.5e-3, "got {got}, want {want}");
        }
        // End to end below each hop, and below the aggregate C/I.
        assert!(c.cnir_db < c.uplink.cn_db && c.cnir_db < c.downlink.cn_db);
        assert!(c.cnir_db < c.ci_db.unwrap());
        assert!(
            c.carrier.power_share > 0.0 && c.carrier.power_share <= 1.0,
            "{c:?}"
        );
        assert!(r.warnings.is_empty(), "{:?}", r.warnings);
        assert!(r.clear_sky_modcod.is_some());
        // JSON round trip of the serialisable report.
        let json = serde_json::to_value(&r).unwrap();
        assert!(json["acm"]["outage_minutes_per_year"].as_f64().unwrap() >= 0.0);
        assert_eq!(json["satellite"], "AZERSPACE 1");
        // Text rendering mentions the essentials.
        let text = r.to_string();
        for needle in ["Tashkent VSAT", "C/(N+I)", "outage", "illustrative"] {
            assert!(text.contains(needle), "{needle} missing in\n{text}");
        }
    }

    #[test]
    fn readme_clear_sky_block_matches_the_code() {
        // The README shows the model-independent part of this report; every
        // line of that block must appear verbatim in the rendered text.
        let readme = include_str!("../README.md");
        let start = readme
            .find("**Clear-sky budget of the example file**")
            .expect("README section");
        let block = &readme[start..];
        let block = &block[block.find("```\n").unwrap() + 4..];
        let block = &block[..block.find("```").unwrap()];
        let text = link_report_from_toml(EXAMPLE, &PowerLawFade::baku_like())
            .unwrap()
            .to_string();
        let mut n = 0;
        for line in block.lines().filter(|l| !l.trim().is_empty()) {
            assert!(
                text.contains(line),
                "README line not in the report: {line:?}\n{text}"
            );
            n += 1;
        }
        assert!(n > 15, "README block too short ({n} lines)");
    }

    #[test]
    fn wetter_climate_worse_report() {
        let dry = link_report_from_toml(EXAMPLE, &PowerLawFade::baku_like()).unwrap();
        let wet = link_report_from_toml(EXAMPLE, &PowerLawFade::scaled(2.5)).unwrap();
        assert!(wet.acm.outage_minutes_per_year > dry.acm.outage_minutes_per_year);
        assert!(wet.acm.mean_throughput_bps < dry.acm.mean_throughput_bps);
        assert_eq!(wet.clear_sky, dry.clear_sky);
    }

    #[test]
    fn overdriven_carrier_is_warned() {
        let text = EXAMPLE.replacen("tx_power_dbw = 10.5", "tx_power_dbw = 20.0", 1);
        let r = link_report_from_toml(&text, &PowerLawFade::baku_like()).unwrap();
        assert!(
            r.warnings.iter().any(|w| w.contains("transponder power")),
            "{:?}",
            r.warnings
        );
    }
}
