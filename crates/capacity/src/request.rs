//! A service request (TOML): N terminals at sites or over a region, a
//! throughput, an availability target; `silkway capacity size --request FILE`.
//!
//! ```toml
//! name = "Uzbek VSAT network"
//! terminals = 300
//! throughput_mbps_per_terminal = 2.0
//! contention = 10.0                 # overbooking: 300 × 2 / 10 = 60 Mbit/s
//! availability_pct = 99.7
//! rain_fade_db = 2.0                # downlink fade at 99.7 %, from P.618 (given)
//! candidates = ["kz3-ku-01", "kz3-ku-02"]
//! hubs = [{ satellite = "kazsat-3", station = "kz-akkol-gcc", antenna = "ku-9m" }]
//! terminal = { diameter_m = 1.2, efficiency = 0.65 }
//! sites = [{ name = "Tashkent", lat_deg = 41.30, lon_deg = 69.24 }]
//! ```

use serde::Deserialize;
use silkway_link::ModcodSet;

use crate::error::{Error, Result, field};
use crate::site::{Aperture, DEFAULT_ANTENNA_NOISE_TEMP_K, DEFAULT_LNB_NOISE_TEMP_K, Site};

/// Which way the service's traffic flows.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Direction {
    /// Hub → terminals: one carrier received by every terminal.
    #[default]
    Forward,
    /// Terminals → hub: the return aggregate (MF-TDMA or SCPC carriers).
    Return,
}

/// The hub to use on a satellite.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Hub {
    /// Satellite id.
    pub satellite: String,
    /// Station id in the scenario.
    pub station: String,
    /// Antenna id at that station.
    pub antenna: String,
}

/// The terminals' antenna and receiver.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TerminalSpec {
    /// Dish diameter, m.
    #[serde(default)]
    pub diameter_m: Option<f64>,
    /// Aperture efficiency.
    #[serde(default)]
    pub efficiency: Option<f64>,
    /// Gain, dBi (instead of diameter and efficiency).
    #[serde(default)]
    pub gain_dbi: Option<f64>,
    /// Clear-sky antenna noise temperature, K (default 50).
    #[serde(default)]
    pub antenna_noise_temp_k: Option<f64>,
    /// LNB noise temperature, K (default 75).
    #[serde(default)]
    pub lnb_noise_temp_k: Option<f64>,
    /// Transmit power available at the antenna flange, W (return: checked
    /// for one terminal at its peak rate).
    #[serde(default)]
    pub max_tx_power_w: Option<f64>,
}

/// A terminal site.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RequestSite {
    /// Name.
    pub name: String,
    /// Latitude, degrees north.
    pub lat_deg: f64,
    /// Longitude, degrees east.
    pub lon_deg: f64,
    /// Height above sea level, m.
    #[serde(default)]
    pub height_m: f64,
}

/// A request for capacity.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ServiceRequest {
    /// Name of the service.
    pub name: String,
    /// Customer organization (id), for the report.
    #[serde(default)]
    pub customer: Option<String>,
    /// Number of terminals.
    pub terminals: u32,
    /// Peak information rate per terminal, Mbit/s.
    #[serde(default)]
    pub throughput_mbps_per_terminal: Option<f64>,
    /// Total information rate, Mbit/s (instead of per terminal).
    #[serde(default)]
    pub total_throughput_mbps: Option<f64>,
    /// Contention (overbooking) ratio applied to the per-terminal rate (≥ 1; default 1).
    #[serde(default = "one")]
    pub contention: f64,
    /// Availability target, % of an average year.
    pub availability_pct: f64,
    /// `forward` (default) or `return`.
    #[serde(default)]
    pub direction: Direction,
    /// Rain fade on the terminals' paths at the availability target, dB:
    /// their downlink (forward) or uplink (return). Required until a
    /// propagation model is plugged in.
    #[serde(default)]
    pub rain_fade_db: Option<f64>,
    /// Fade allowance on the hub's path, dB (default 0): its uplink
    /// (forward; uplink power control usual) or its downlink (return).
    #[serde(default)]
    pub hub_fade_db: f64,
    /// Roll-off (default 0.20).
    #[serde(default = "default_rolloff")]
    pub rolloff: f64,
    /// `"dvb-s2"` (default) or `"dvb-s2x"`.
    #[serde(default)]
    pub modcods: Option<ModcodSet>,
    /// Implementation margin over the QEF thresholds, dB (default 0.5).
    #[serde(default = "default_margin")]
    pub implementation_margin_db: f64,
    /// Transponder ids to consider (default: all).
    #[serde(default)]
    pub candidates: Vec<String>,
    /// Hub per satellite.
    pub hubs: Vec<Hub>,
    /// Terminal antenna and receiver.
    pub terminal: TerminalSpec,
    /// Terminal sites.
    #[serde(default)]
    pub sites: Vec<RequestSite>,
    /// Or a region `[[lon, lat], ...]`: sized at its vertices and centre.
    #[serde(default)]
    pub region: Vec<[f64; 2]>,
}

fn one() -> f64 {
    1.0
}
fn default_rolloff() -> f64 {
    0.2
}
fn default_margin() -> f64 {
    0.5
}

fn check(ok: bool, path: &str, message: String) -> Result<()> {
    if ok {
        Ok(())
    } else {
        Err(field(path, message))
    }
}

impl ServiceRequest {
    /// Parses and validates a request.
    pub fn from_toml(text: &str, origin: &str) -> Result<ServiceRequest> {
        let r: ServiceRequest = toml::from_str(text).map_err(|e| Error::Parse {
            origin: origin.to_owned(),
            message: e.to_string(),
        })?;
        r.validate()?;
        Ok(r)
    }

    /// Checks the fields; errors name the field.
    pub fn validate(&self) -> Result<()> {
        check(self.terminals > 0, "terminals", "must be at least 1".into())?;
        match (
            self.throughput_mbps_per_terminal,
            self.total_throughput_mbps,
        ) {
            (Some(x), None) | (None, Some(x)) => {
                let path = if self.total_throughput_mbps.is_some() {
                    "total_throughput_mbps"
                } else {
                    "throughput_mbps_per_terminal"
                };
                check(
                    x.is_finite() && x > 0.0,
                    path,
                    format!("must be > 0, found {x}"),
                )?;
            }
            _ => {
                return Err(field(
                    "throughput_mbps_per_terminal",
                    "give throughput_mbps_per_terminal or total_throughput_mbps (one of them)",
                ));
            }
        }
        check(
            self.contention.is_finite() && self.contention >= 1.0,
            "contention",
            format!("must be >= 1, found {}", self.contention),
        )?;
        check(
            self.availability_pct > 0.0 && self.availability_pct < 100.0,
            "availability_pct",
            format!("must be within (0, 100) %, found {}", self.availability_pct),
        )?;
        if let Some(a) = self.rain_fade_db {
            check(
                a.is_finite() && a >= 0.0,
                "rain_fade_db",
                format!("must be >= 0 dB, found {a}"),
            )?;
        }
        check(
            self.hub_fade_db.is_finite() && self.hub_fade_db >= 0.0,
            "hub_fade_db",
            format!("must be >= 0 dB, found {}", self.hub_fade_db),
        )?;
        check(
            (0.0..=1.0).contains(&self.rolloff),
            "rolloff",
            format!("must be within [0, 1], found {}", self.rolloff),
        )?;
        check(
            (0.0..=20.0).contains(&self.implementation_margin_db),
            "implementation_margin_db",
            format!(
                "must be within [0, 20] dB, found {}",
                self.implementation_margin_db
            ),
        )?;
        check(
            !self.hubs.is_empty(),
            "hubs",
            "name at least one hub (satellite, station, antenna)".into(),
        )?;
        check(
            !self.sites.is_empty() || self.region.len() >= 3,
            "sites",
            "give sites, or a region of at least 3 points".into(),
        )?;
        for (i, s) in self.sites.iter().enumerate() {
            check(
                (-90.0..=90.0).contains(&s.lat_deg),
                &format!("sites[{i}].lat_deg"),
                format!("latitude within ±90, found {}", s.lat_deg),
            )?;
            check(
                (-180.0..=180.0).contains(&s.lon_deg),
                &format!("sites[{i}].lon_deg"),
                format!("longitude within ±180, found {}", s.lon_deg),
            )?;
            check(
                (-500.0..=9000.0).contains(&s.height_m),
                &format!("sites[{i}].height_m"),
                format!("height within -500..9000 m, found {}", s.height_m),
            )?;
        }
        for (i, p) in self.region.iter().enumerate() {
            check(
                (-180.0..=180.0).contains(&p[0]),
                &format!("region[{i}][0]"),
                format!("longitude within ±180, found {}", p[0]),
            )?;
            check(
                (-90.0..=90.0).contains(&p[1]),
                &format!("region[{i}][1]"),
                format!("latitude within ±90, found {}", p[1]),
            )?;
        }
        self.terminal_aperture()?;
        if let Some(w) = self.terminal.max_tx_power_w {
            check(
                w.is_finite() && w > 0.0,
                "terminal.max_tx_power_w",
                format!("must be > 0 W, found {w}"),
            )?;
        }
        for (key, t) in [
            (
                "terminal.antenna_noise_temp_k",
                self.terminal.antenna_noise_temp_k,
            ),
            ("terminal.lnb_noise_temp_k", self.terminal.lnb_noise_temp_k),
        ] {
            if let Some(t) = t {
                check(
                    t.is_finite() && t > 0.0,
                    key,
                    format!("must be > 0 K, found {t}"),
                )?;
            }
        }
        Ok(())
    }

    /// Information rate the service needs, bit/s.
    pub fn throughput_bps(&self) -> f64 {
        match (
            self.total_throughput_mbps,
            self.throughput_mbps_per_terminal,
        ) {
            (Some(t), _) => t * 1e6,
            (None, Some(p)) => f64::from(self.terminals) * p * 1e6 / self.contention,
            (None, None) => 0.0,
        }
    }

    /// Peak information rate of one terminal, bit/s.
    pub fn per_terminal_bps(&self) -> f64 {
        match (
            self.throughput_mbps_per_terminal,
            self.total_throughput_mbps,
        ) {
            (Some(p), _) => p * 1e6,
            (None, Some(t)) => t * 1e6 / f64::from(self.terminals.max(1)),
            (None, None) => 0.0,
        }
    }

    fn terminal_aperture(&self) -> Result<Aperture> {
        let t = &self.terminal;
        match (t.gain_dbi, t.diameter_m, t.efficiency) {
            (Some(g), None, None) => {
                check(
                    g.is_finite() && (-30.0..=90.0).contains(&g),
                    "terminal.gain_dbi",
                    format!("gain within -30..90 dBi, found {g}"),
                )?;
                Ok(Aperture::Gain(g))
            }
            (None, Some(d), Some(e)) => {
                check(
                    d.is_finite() && d > 0.0,
                    "terminal.diameter_m",
                    format!("must be > 0 m, found {d}"),
                )?;
                check(
                    e > 0.0 && e <= 1.0,
                    "terminal.efficiency",
                    format!("must be within (0, 1], found {e}"),
                )?;
                Ok(Aperture::Dish {
                    diameter_m: d,
                    efficiency: e,
                })
            }
            _ => Err(field(
                "terminal",
                "give gain_dbi, or diameter_m with efficiency",
            )),
        }
    }

    /// The terminal sites to size at: the sites, or the region's vertices
    /// and centre (vertex mean).
    pub fn terminal_sites(&self) -> Result<Vec<Site>> {
        let aperture = self.terminal_aperture()?;
        let make = |name: String, lat: f64, lon: f64, h: f64| Site {
            name,
            lat_deg: lat,
            lon_deg: lon,
            height_m: h,
            aperture,
            antenna_noise_temp_k: self
                .terminal
                .antenna_noise_temp_k
                .unwrap_or(DEFAULT_ANTENNA_NOISE_TEMP_K),
            lnb_noise_temp_k: self
                .terminal
                .lnb_noise_temp_k
                .unwrap_or(DEFAULT_LNB_NOISE_TEMP_K),
        };
        let mut out: Vec<Site> = self
            .sites
            .iter()
            .map(|s| make(s.name.clone(), s.lat_deg, s.lon_deg, s.height_m))
            .collect();
        if self.sites.is_empty() && !self.region.is_empty() {
            let n = self.region.len() as f64;
            for (i, p) in self.region.iter().enumerate() {
                out.push(make(format!("region vertex {i}"), p[1], p[0], 0.0));
            }
            let lon = self.region.iter().map(|p| p[0]).sum::<f64>() / n;
            let lat = self.region.iter().map(|p| p[1]).sum::<f64>() / n;
            out.push(make("region centre".into(), lat, lon, 0.0));
        }
        Ok(out)
    }
}
