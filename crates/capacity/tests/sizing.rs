//! Service sizing on the built-in scenario: the README's worked examples.

use silkway_capacity::{Error, LimitedBy, ServiceRequest, plan, size};
use silkway_link::{EarthSpacePath, Fade, FadeError};
use silkway_model::builtin;

const UZ: &str = include_str!("../examples/uz_vsat_kazsat3.toml");
const PK: &str = include_str!("../examples/pk_backhaul_azerspace1.toml");

#[test]
fn uzbek_vsat_network_on_kazsat3() {
    let s = builtin::load("caspian").unwrap();
    let current = plan(&s, None);
    let req = ServiceRequest::from_toml(UZ, "uz.toml").unwrap();
    // 300 terminals × 2 Mbit/s / 10 = 60 Mbit/s.
    assert!((req.throughput_bps() - 60e6).abs() < 1e-3);
    let r = size(&s, &current, &req, None).unwrap();
    let best = &r.candidates[0];
    // The empty KazSat-3 transponder wins; the busy one cannot take 40 MHz.
    assert_eq!(best.transponder, "kz3-ku-02");
    assert!(best.fits);
    // 8PSK 3/5 (η = 1.779 991): Rs = 60 / 1.779 991 = 33.708 MBd,
    // occupied 1.2 × 33.708 = 40.450 MHz.
    assert_eq!(best.modcod.as_deref(), Some("8PSK 3/5"));
    assert!((best.symbol_rate_msps.unwrap() - 33.708).abs() < 1e-3);
    assert!((best.bandwidth_mhz.unwrap() - 40.450).abs() < 1e-3);
    assert_eq!(best.limited_by, Some(LimitedBy::Bandwidth));
    let busy = r
        .candidates
        .iter()
        .find(|c| c.transponder == "kz3-ku-01")
        .unwrap();
    assert!(busy.feasible && !busy.fits);
    // Ranks are 1..n, fitting candidates first.
    for (i, c) in r.candidates.iter().enumerate() {
        assert_eq!(c.rank, i + 1);
    }
    let first_unfit = r.candidates.iter().position(|c| !c.fits).unwrap();
    assert!(r.candidates[first_unfit..].iter().all(|c| !c.fits));
}

#[test]
fn pakistani_isp_backhaul_on_azerspace1() {
    let s = builtin::load("caspian").unwrap();
    let req = ServiceRequest::from_toml(PK, "pk.toml").unwrap();
    let r = size(&s, &plan(&s, None), &req, None).unwrap();
    let best = &r.candidates[0];
    assert_eq!(best.transponder, "az1-ku-02");
    assert!(best.fits, "{best:?}");
    // A 3.8 m dish needs little power per bit: the high-order MODCOD
    // chosen (smallest footprint max(bandwidth, PEB)) fits the free block.
    let bw = best.bandwidth_mhz.unwrap();
    let peb = best.peb_mhz.unwrap();
    assert!((best.resource_mhz.unwrap() - bw.max(peb)).abs() < 1e-12);
    assert!(bw <= best.largest_free_block_mhz);
    // Supernet's own lease (11 492–11 510 MHz) is full of its carriers:
    // its granted power is half the transponder (18/36), 4.1 % used.
    let lease = best.lease.as_ref().unwrap();
    assert_eq!(lease.leases, ["supernet-az1-ku-02"]);
    assert!(!lease.fits);
    assert_eq!(lease.free_block_mhz, 0.0);
    assert!(
        (lease.free_power_pct - (50.0 - 4.076)).abs() < 0.01,
        "{lease:?}"
    );
}

/// Test double, NOT a propagation model: the same attenuation at every
/// percentage.
struct Constant(f64);
impl Fade for Constant {
    fn attenuation_db(&self, _: &EarthSpacePath, _: f64) -> Result<f64, FadeError> {
        Ok(self.0)
    }
    fn exceedance_pct(&self, _: &EarthSpacePath, _: f64) -> Result<f64, FadeError> {
        Ok(0.0)
    }
}

#[test]
fn a_fade_model_replaces_the_given_fade() {
    let s = builtin::load("caspian").unwrap();
    let current = plan(&s, None);
    let req = ServiceRequest::from_toml(UZ, "uz.toml").unwrap();
    let given = size(&s, &current, &req, None).unwrap();
    let modelled = size(&s, &current, &req, Some(&Constant(2.0))).unwrap();
    assert_eq!(modelled.fade_source, "model");
    assert_eq!(
        given.candidates[0].power_pct,
        modelled.candidates[0].power_pct
    );
    // More rain needs more power.
    let wetter = size(&s, &current, &req, Some(&Constant(4.0))).unwrap();
    let p = |r: &silkway_capacity::SizingReport| {
        r.candidates
            .iter()
            .find(|c| c.transponder == "kz3-ku-02")
            .unwrap()
            .resource_mhz
            .unwrap()
    };
    assert!(p(&wetter) > p(&given));
}

#[test]
fn request_errors_name_the_field() {
    let no_fade = UZ.replace("rain_fade_db = 2.0", "");
    let req = ServiceRequest::from_toml(&no_fade, "uz.toml").unwrap();
    let s = builtin::load("caspian").unwrap();
    let err = size(&s, &plan(&s, None), &req, None).unwrap_err();
    assert!(
        matches!(&err, Error::Field { path, .. } if path == "rain_fade_db"),
        "{err}"
    );

    let bad = UZ.replace("lat_deg = 41.30", "lat_deg = 141.30");
    let err = ServiceRequest::from_toml(&bad, "uz.toml").unwrap_err();
    assert!(err.to_string().contains("sites[0].lat_deg"), "{err}");

    let typo = UZ.replace("terminals = 300", "terminal_count = 300");
    let err = ServiceRequest::from_toml(&typo, "uz.toml").unwrap_err();
    assert!(err.to_string().contains("terminal_count"), "{err}");

    let unknown = UZ.replace("\"kz3-ku-02\", \"az1", "\"kz3-ku-09\", \"az1");
    let req = ServiceRequest::from_toml(&unknown, "uz.toml").unwrap();
    let err = size(&s, &plan(&s, None), &req, None).unwrap_err();
    assert!(err.to_string().contains("candidates[1]"), "{err}");
}

#[test]
fn a_region_is_sized_at_its_vertices_and_centre() {
    let text = UZ.split("sites = [").next().unwrap().to_owned()
        + "region = [[56.0, 37.5], [73.0, 37.5], [73.0, 45.5], [56.0, 45.5]]\n";
    let req = ServiceRequest::from_toml(&text, "uz.toml").unwrap();
    assert_eq!(req.terminal_sites().unwrap().len(), 5);
    let s = builtin::load("caspian").unwrap();
    let r = size(&s, &plan(&s, None), &req, None).unwrap();
    assert!(r.candidates.iter().any(|c| c.feasible));
}

#[test]
fn return_link_checks_the_terminal_power() {
    // 300 × 0.5 Mbit/s / 5 = 30 Mbit/s from the terminals to the hub, with
    // a 3.0 dB fade on the terminals' uplinks.
    let text = UZ
        .replace(
            "throughput_mbps_per_terminal = 2.0",
            "throughput_mbps_per_terminal = 0.5",
        )
        .replace(
            "contention = 10.0",
            "contention = 5.0\ndirection = \"return\"",
        )
        .replace("rain_fade_db = 2.0", "rain_fade_db = 3.0");
    let s = builtin::load("caspian").unwrap();
    let current = plan(&s, None);
    let req = ServiceRequest::from_toml(&text, "uz-return.toml").unwrap();
    let r = size(&s, &current, &req, None).unwrap();
    let kz = r
        .candidates
        .iter()
        .find(|c| c.transponder == "kz3-ku-02")
        .unwrap();
    assert!(kz.fits, "{kz:?}");
    let w = kz.terminal_tx_power_w.unwrap();
    assert!(w > 0.0 && w < 10.0, "{w}");
    // A 0.1 W BUC is too small for any MODCOD; a larger one is enough.
    let tiny = text.replace(
        "lnb_noise_temp_k = 75.0 }",
        "lnb_noise_temp_k = 75.0, max_tx_power_w = 0.1 }",
    );
    let req = ServiceRequest::from_toml(&tiny, "uz-return.toml").unwrap();
    let r = size(&s, &current, &req, None).unwrap();
    let kz = r
        .candidates
        .iter()
        .find(|c| c.transponder == "kz3-ku-02")
        .unwrap();
    assert!(!kz.feasible, "{kz:?}");
    assert!(kz.reason.as_deref().unwrap().contains("needs"), "{kz:?}");
    // Forward sizing reports no terminal power.
    let fwd = size(
        &s,
        &current,
        &ServiceRequest::from_toml(UZ, "uz.toml").unwrap(),
        None,
    )
    .unwrap();
    assert!(
        fwd.candidates
            .iter()
            .all(|c| c.terminal_tx_power_w.is_none())
    );
}
