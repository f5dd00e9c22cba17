//! The carrier plan against hand-worked figures, and one test per
//! violation the plan must report.

use silkway_capacity::{LimitedBy, PlanReport, ViolationKind, plan};
use silkway_model::Scenario;

/// Geometry of silkway-link's worked example: Baku teleport and a 1.2 m
/// VSAT in Tashkent (sea level) toward 46°E; the transponder of link's
/// `sample_link` (EIRP 50 dBW, SFD −85 dBW/m², G/T 2 dB/K, IBO 5, OBO 3),
/// no beams (peak values), no interference.
const BASE: &str = r#"name = "plan-test"

[[organizations]]
id = "op"
name = "Operator"
kind = "operator"
country = "AZ"

[[organizations]]
id = "isp"
name = "ISP"
kind = "partner"
country = "UZ"

[[satellites]]
id = "geo"
name = "GEO"
norad_id = 39079
orbit = "geo"
geo_longitude_deg = 46.0
operator = "op"
status = "active"

[[stations]]
id = "baku"
name = "Baku teleport"
kind = "teleport"
operator = "op"
position = { lat_deg = 40.41, lon_deg = 49.87, alt_m = 0.0 }
antennas = [{ id = "ku", diameter_m = 9.0, efficiency = 0.7 }]

[[stations]]
id = "tashkent"
name = "Tashkent VSAT"
kind = "vsat"
operator = "isp"
position = { lat_deg = 41.30, lon_deg = 69.24, alt_m = 0.0 }
antennas = [{ id = "dish", diameter_m = 1.2, efficiency = 0.65 }]

[[transponders]]
id = "t1"
satellite = "geo"
band = "Ku"
downlink_centre_mhz = 12000.0
uplink_centre_mhz = 14250.0
bandwidth_mhz = 72.0
saturated_eirp_dbw = 50.0
sfd_dbw_m2 = -85.0
gt_dbk = 2.0
ibo_db = 5.0
obo_db = 3.0
guard_band_mhz = 0.5

[[carriers]]
id = "c1"
owner = "op"
transponder = "t1"
centre_mhz = 12000.0
symbol_rate_msps = 10.0
rolloff = 0.2
modcod = "QPSK 3/4"
implementation_margin_db = 0.5
uplink = { station = "baku", antenna = "ku" }
downlink = { station = "tashkent", antenna = "dish", antenna_noise_temp_k = 40.0, lnb_noise_temp_k = 75.0 }

[[carriers]]
id = "c2"
owner = "op"
transponder = "t1"
centre_mhz = 12018.5
symbol_rate_msps = 20.0
rolloff = 0.2
modcod = "8PSK 3/4"
implementation_margin_db = 0.5
uplink = { station = "baku", antenna = "ku" }
downlink = { station = "tashkent", antenna = "dish", antenna_noise_temp_k = 40.0, lnb_noise_temp_k = 75.0 }

[[carriers]]
id = "c3"
owner = "isp"
transponder = "t1"
centre_mhz = 11975.0
symbol_rate_msps = 5.0
rolloff = 0.2
modcod = "QPSK 1/2"
uplink = { station = "baku", antenna = "ku" }
downlink = { station = "tashkent", antenna = "dish", antenna_noise_temp_k = 40.0, lnb_noise_temp_k = 75.0 }

[[leases]]
id = "l1"
lessee = "isp"
transponder = "t1"
from_mhz = 11964.0
to_mhz = 11990.0
start = "2026-01-01"
end = "2027-12-31"
"#;

fn run(text: &str, date: Option<&str>) -> PlanReport {
    let s = Scenario::from_toml(text, "test.toml").unwrap();
    plan(&s, date)
}

fn mutated(from: &str, to: &str) -> String {
    assert!(BASE.contains(from), "{from:?} not in BASE");
    BASE.replacen(from, to, 1)
}

fn kinds(r: &PlanReport) -> Vec<ViolationKind> {
    r.violations.iter().map(|v| v.kind).collect()
}

fn carrier<'a>(r: &'a PlanReport, id: &str) -> &'a silkway_capacity::CarrierUse {
    r.transponders[0]
        .carriers
        .iter()
        .find(|c| c.id == id)
        .unwrap()
}

#[test]
fn base_plan_is_clean() {
    let r = run(BASE, Some("2026-06-01"));
    assert!(r.violations.is_empty(), "{:#?}", r.violations);
}

#[test]
fn peb_and_power_sharing_hand_worked() {
    // silkway-link's hand-worked sample link (budget.rs) at an uplink EIRP
    // of 70 dBW and 10 MBd: C/N_up = 23.585 dB, C/N_down = 18.578 dB,
    // PFD −92.482 dBW/m² → carrier OBO 5.482 dB, share
    // 10^((3 − 5.482)/10) = 0.564 677. End to end:
    // −10 log(10^−2.3585 + 10^−1.8578) = 17.386 dB.
    // Without interference both hops scale with the uplink EIRP, so the
    // share needed for a target T is 0.564 677 · 10^((T − 17.386)/10).
    //
    // c1: QPSK 3/4 (4.03 dB, EN 302 307-1 Table 13) + 0.5 dB = 4.53 dB:
    //   share = 0.564 677 · 10^(−1.2856) = 0.029 252; PEB = 0.029 252 · 72
    //   = 2.106 MHz < 12 MHz occupied → bandwidth-limited.
    // c2: 8PSK 3/4 (7.91 dB) + 0.5 = 8.41 dB at 20 MBd (−3.010 dB on C/N):
    //   share = 0.564 677 · 10^((8.41 − 14.376)/10) = 0.142 953; PEB =
    //   10.293 MHz < 24 MHz. (c2 sits 18.5 MHz off centre: its uplink
    //   free-space loss is 0.011 dB higher, ≈ 0.003 dB on the total; hence
    //   the looser tolerance.)
    let r = run(BASE, None);
    let c1 = carrier(&r, "c1");
    let share1 = c1.power_pct.unwrap() / 100.0;
    assert!((share1 / 0.029_252 - 1.0).abs() < 2e-3, "{share1}");
    assert!((c1.peb_mhz.unwrap() - 2.106).abs() < 5e-3, "{c1:?}");
    assert_eq!(c1.limited_by, Some(LimitedBy::Bandwidth));
    assert!((c1.occupied_bandwidth_mhz - 12.0).abs() < 1e-12);
    let c2 = carrier(&r, "c2");
    let share2 = c2.power_pct.unwrap() / 100.0;
    assert!((share2 / 0.142_953 - 1.0).abs() < 5e-3, "{share2}");
    // Shares are additive: the transponder's power used is their sum.
    let t = &r.transponders[0];
    let sum: f64 = t.carriers.iter().map(|c| c.power_pct.unwrap()).sum();
    assert!((t.power_used_pct - sum).abs() < 1e-9);
    assert!((t.bandwidth_used_mhz - (12.0 + 24.0 + 6.0)).abs() < 1e-9);
    // Carrier EIRP and share agree: EIRP_c = (50 − 3) + 10 log(share).
    let b = c1.budget.as_ref().unwrap();
    // The uplink EIRP scales with the share: 70 + 10 log(0.029 252 /
    // 0.564 677) = 70 − 12.856 = 57.144 dBW.
    assert!((b.uplink_eirp_dbw - 57.144).abs() < 2e-3, "{b:?}");
    assert!((b.eirp_dbw - (47.0 + 10.0 * share1.log10())).abs() < 1e-9);
}

#[test]
fn more_demanding_modcod_is_power_limited() {
    // 32APSK 9/10 needs 16.05 + 0.5 = 16.55 dB at 10 MBd: share =
    // 0.564 677 · 10^((16.55 − 17.386)/10) = 0.4655; PEB = 33.5 MHz
    // > 12 MHz occupied → power-limited.
    let text = mutated("modcod = \"QPSK 3/4\"", "modcod = \"32APSK 9/10\"");
    let r = run(&text, None);
    let c1 = carrier(&r, "c1");
    assert!(
        (c1.power_pct.unwrap() / 100.0 / 0.4655 - 1.0).abs() < 3e-3,
        "{c1:?}"
    );
    assert_eq!(c1.limited_by, Some(LimitedBy::Power));
}

#[test]
fn carrier_outside_its_transponder() {
    // t1 spans 11 964–12 036 MHz; c3 at 11 968 MHz occupies 11 965–11 971:
    // inside. At 11 966 MHz it occupies 11 963–11 969: 1 MHz below the edge.
    let r = run(
        &mutated("centre_mhz = 11975.0", "centre_mhz = 11966.0"),
        None,
    );
    let v = r
        .violations
        .iter()
        .find(|v| v.kind == ViolationKind::OutsideTransponder)
        .unwrap_or_else(|| panic!("{:#?}", r.violations));
    assert_eq!(v.path, "carriers[2].centre_mhz");
    assert_eq!(v.ids, ["c3"]);
}

#[test]
fn carriers_overlapping() {
    // c2 at 12 010 MHz: 11 998–12 022, over c1's 11 994–12 006.
    let r = run(
        &mutated("centre_mhz = 12018.5", "centre_mhz = 12010.0"),
        None,
    );
    let v = r
        .violations
        .iter()
        .find(|v| v.kind == ViolationKind::Overlap)
        .unwrap_or_else(|| panic!("{:#?}", r.violations));
    assert_eq!(v.ids, ["c1", "c2"]);
    assert!(v.message.contains("overlap by 8.000 MHz"), "{}", v.message);
}

#[test]
fn carriers_closer_than_the_guard_band() {
    // c2 at 12 018.2 MHz starts at 12 006.2: 0.2 MHz from c1, guard 0.5.
    let r = run(
        &mutated("centre_mhz = 12018.5", "centre_mhz = 12018.2"),
        None,
    );
    assert_eq!(kinds(&r), [ViolationKind::GuardBand], "{:#?}", r.violations);
}

#[test]
fn carrier_outside_its_lease() {
    // The lease is 11 964–11 990 MHz; c3 at 11 988 MHz occupies 11 985–11 991.
    let r = run(
        &mutated("centre_mhz = 11975.0", "centre_mhz = 11988.0"),
        None,
    );
    let v = r
        .violations
        .iter()
        .find(|v| v.kind == ViolationKind::OutsideLease)
        .unwrap_or_else(|| panic!("{:#?}", r.violations));
    assert_eq!(v.ids, ["c3"]);
    assert_eq!(v.path, "carriers[2].centre_mhz");
}

#[test]
fn carrier_without_a_lease_on_that_date() {
    let r = run(BASE, Some("2028-01-01"));
    assert_eq!(kinds(&r), [ViolationKind::NoLease], "{:#?}", r.violations);
}

#[test]
fn lessee_above_its_power_share() {
    // The lease grants 26/72 = 36.1 % by default; 0.01 % explicitly is less
    // than c3 needs.
    let text = mutated(
        "end = \"2027-12-31\"",
        "end = \"2027-12-31\"\npower_pct = 0.01",
    );
    let r = run(&text, None);
    assert_eq!(
        kinds(&r),
        [ViolationKind::LeasePowerExceeded],
        "{:#?}",
        r.violations
    );
}

#[test]
fn transponder_power_overbooked() {
    // c2 at 32APSK 9/10 + 3 dB margin: 0.142 953 · 10^((19.05 − 8.41)/10)
    // = 1.66 of the transponder on its own.
    let text = mutated(
        "modcod = \"8PSK 3/4\"\nimplementation_margin_db = 0.5",
        "modcod = \"32APSK 9/10\"\nimplementation_margin_db = 3.0",
    );
    let r = run(&text, None);
    assert!(
        kinds(&r).contains(&ViolationKind::PowerOverbooked),
        "{:#?}",
        r.violations
    );
    assert!(r.transponders[0].power_used_pct > 100.0);
}

#[test]
fn unknown_modcod_is_reported_not_fatal() {
    let r = run(
        &mutated("modcod = \"QPSK 1/2\"", "modcod = \"QPSK 7/7\""),
        None,
    );
    let v = &r.violations[0];
    assert_eq!(v.kind, ViolationKind::InvalidCarrier);
    assert!(v.message.contains("carriers[2].modcod"), "{}", v.message);
    assert_eq!(carrier(&r, "c3").peb_mhz, None);
}

#[test]
fn intermod_limits_a_carrier() {
    // With an intermodulation C/I of 5 dB, C/(N+I) stays below 5 dB at any
    // uplink power: 32APSK 9/10 (16.55 dB) cannot close.
    let text = mutated(
        "guard_band_mhz = 0.5",
        "guard_band_mhz = 0.5\nintermod_ci_db = 5.0",
    )
    .replacen("modcod = \"QPSK 3/4\"", "modcod = \"32APSK 9/10\"", 1);
    let r = run(&text, None);
    assert_eq!(
        r.violations[0].kind,
        ViolationKind::DoesNotClose,
        "{:#?}",
        r.violations
    );
}

#[test]
fn largest_free_block() {
    // Carriers 11 972–11 978, 11 994–12 006, 12 006.5–12 030.5; with 0.5 MHz
    // guards the widest free stretch is 11 978.5–11 993.5 = 15 MHz.
    let r = run(BASE, None);
    assert!((r.transponders[0].largest_free_block_mhz - 15.0).abs() < 1e-9);
}

#[test]
fn station_outside_the_beam() {
    // A beam over the Caucasus only: Tashkent (69.24°E) is outside it.
    let text = mutated(
        "[[transponders]]",
        "[[beams]]\nid = \"caucasus\"\nsatellite = \"geo\"\nname = \"Caucasus\"\n\
         contours = [{ level_db = 0.0, polygon = [[40.0, 38.0], [52.0, 38.0], [52.0, 44.0], [40.0, 44.0]] }]\n\n\
         [[transponders]]\ndownlink_beam = \"caucasus\"",
    );
    let r = run(&text, None);
    assert!(
        r.violations
            .iter()
            .all(|v| v.kind == ViolationKind::NotCovered)
    );
    assert_eq!(r.violations.len(), 3, "{:#?}", r.violations);
    assert!(
        r.violations[0]
            .message
            .contains("outside the coverage of beam caucasus")
    );
    // Baku's uplink is covered: with the beam as uplink beam only, the plan
    // is clean and unchanged (peak level 0 dB at Baku).
    let text = text.replace("downlink_beam = \"caucasus\"", "uplink_beam = \"caucasus\"");
    let r2 = run(&text, None);
    assert!(r2.violations.is_empty(), "{:#?}", r2.violations);
    let base = run(BASE, None);
    assert_eq!(carrier(&r2, "c1").power_pct, carrier(&base, "c1").power_pct);
}

#[test]
fn beam_level_costs_power() {
    // Tashkent in a −3 dB downlink contour: the carrier needs more power.
    let text = mutated(
        "[[transponders]]",
        "[[beams]]\nid = \"wide\"\nsatellite = \"geo\"\nname = \"Wide\"\n\
         contours = [{ level_db = -3.0, polygon = [[30.0, 30.0], [80.0, 30.0], [80.0, 50.0], [30.0, 50.0]] }]\n\n\
         [[transponders]]\ndownlink_beam = \"wide\"",
    );
    let r = run(&text, None);
    let base = run(BASE, None);
    let (a, b) = (
        carrier(&base, "c1").power_pct.unwrap(),
        carrier(&r, "c1").power_pct.unwrap(),
    );
    // At most 3 dB more (the uplink share of the noise does not change).
    assert!(b > a && b < a * 10f64.powf(0.3) + 1e-9, "{a} {b}");
}

#[test]
fn lease_overlapping_another_lessee_and_outside_the_transponder() {
    let extra = "\n[[leases]]\nid = \"l2\"\nlessee = \"op\"\ntransponder = \"t1\"\n\
                 from_mhz = 11980.0\nto_mhz = 12040.0\nstart = \"2027-06-01\"\nend = \"2029-01-01\"\n";
    let r = run(&(BASE.to_owned() + extra), None);
    let mut k = kinds(&r);
    k.sort_by_key(|x| format!("{x:?}"));
    assert_eq!(
        k,
        [
            ViolationKind::LeaseOutsideTransponder,
            ViolationKind::LeaseOverlap
        ],
        "{:#?}",
        r.violations
    );
    assert_eq!(
        r.violations
            .iter()
            .find(|v| v.kind == ViolationKind::LeaseOverlap)
            .unwrap()
            .path,
        "leases[1]"
    );
}

#[test]
fn uplink_power_is_eirp_minus_gain() {
    // 9 m, η 0.7 at 14.25 GHz: 10 log(0.7 (π · 9 / 0.021 038)²) = 61.02 dBi.
    let r = run(BASE, None);
    let b = carrier(&r, "c1").budget.clone().unwrap();
    assert!((b.uplink_gain_dbi - 61.019).abs() < 1e-3, "{b:?}");
    assert!((b.uplink_power_dbw - (b.uplink_eirp_dbw - b.uplink_gain_dbi)).abs() < 1e-12);
    assert!((r.transponders[0].operating_eirp_dbw - 47.0).abs() < 1e-12);
}

#[test]
fn lease_use_is_reported() {
    // c3 (6 MHz, inside 11 964–11 990) is the ISP's only carrier; the lease
    // grants 26/72 = 36.11 % of the power.
    let r = run(BASE, Some("2026-06-01"));
    let l = &r.transponders[0].leases[0];
    assert_eq!((l.id.as_str(), l.lessee.as_str()), ("l1", "isp"));
    assert!((l.used_bandwidth_mhz - 6.0).abs() < 1e-9);
    assert!((l.granted_power_pct - 100.0 * 26.0 / 72.0).abs() < 1e-9);
    assert_eq!(Some(l.used_power_pct), carrier(&r, "c3").power_pct);
    assert!(
        run(BASE, Some("2028-06-01")).transponders[0]
            .leases
            .is_empty()
    );
}
