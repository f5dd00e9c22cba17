//! Payload rules (beams, transponders, carriers, leases): a bad file per
//! rule, each reported with its field path and line.

use silkway_model::{ModelError, Scenario};

const BASE: &str = r#"name = "payload"

[[organizations]]
id = "op"
name = "Operator"
kind = "operator"
country = "AZ"

[[organizations]]
id = "isp"
name = "ISP"
kind = "partner"
country = "PK"

[[satellites]]
id = "geo1"
name = "GEO ONE"
norad_id = 39079
orbit = "geo"
geo_longitude_deg = 46.0
operator = "op"
status = "active"

[[satellites]]
id = "geo2"
name = "GEO TWO"
norad_id = 39728
orbit = "geo"
geo_longitude_deg = 58.5
operator = "op"
status = "active"

[[stations]]
id = "hub"
name = "Hub"
kind = "teleport"
operator = "op"
position = { lat_deg = 40.41, lon_deg = 49.87, alt_m = 10.0 }
antennas = [{ id = "big", diameter_m = 9.0, efficiency = 0.7 }]

[[stations]]
id = "vsat"
name = "VSAT"
kind = "vsat"
operator = "isp"
position = { lat_deg = 33.68, lon_deg = 73.05, alt_m = 540.0 }
antennas = [{ id = "dish", diameter_m = 1.2, efficiency = 0.65 }]

[[beams]]
id = "b1"
satellite = "geo1"
name = "Beam"
illustrative = true
contours = [
  { level_db = 0.0, polygon = [[40.0, 30.0], [80.0, 30.0], [80.0, 50.0]] },
]

[[transponders]]
id = "t1"
satellite = "geo1"
band = "Ku"
downlink_centre_mhz = 11470.0
uplink_centre_mhz = 14020.0
bandwidth_mhz = 36.0
uplink_beam = "b1"
downlink_beam = "b1"
saturated_eirp_dbw = 52.0
sfd_dbw_m2 = -88.0
gt_dbk = 5.0
ibo_db = 4.0
obo_db = 2.5
guard_band_mhz = 0.5

[[carriers]]
id = "c1"
owner = "isp"
transponder = "t1"
centre_mhz = 11470.0
symbol_rate_msps = 10.0
rolloff = 0.2
modcod = "QPSK 3/4"
implementation_margin_db = 0.5
uplink = { station = "hub", antenna = "big" }
downlink = { station = "vsat", antenna = "dish", fade_db = 1.0, lnb_noise_temp_k = 75.0 }

[[leases]]
id = "l1"
lessee = "isp"
transponder = "t1"
from_mhz = 11460.0
to_mhz = 11480.0
start = "2026-01-01"
end = "2027-12-31"
power_pct = 50.0
"#;

#[test]
fn the_base_file_is_valid() {
    let s = Scenario::from_toml(BASE, "base.toml").unwrap();
    assert_eq!(s.carriers.len(), 1);
    assert!(s.leases[0].active_on("2026-06-01"));
    assert!(!s.leases[0].active_on("2028-01-01"));
}

fn case(from: &str, to: &str, path: &str) {
    case_at(from, to, path, from);
}

/// The problem is reported on the line of `at` (another field of the entry).
fn case_at(from: &str, to: &str, path: &str, at: &str) {
    let offset = BASE
        .find(at)
        .unwrap_or_else(|| panic!("{at:?} not in BASE"));
    let line = BASE[..offset].matches('\n').count() + 1;
    let text = BASE.replacen(from, to, 1);
    match Scenario::from_toml(&text, "bad.toml") {
        Ok(_) => panic!("expected a problem at {path}, the file was accepted"),
        Err(ModelError::Invalid { problems, .. }) => {
            let hit = problems
                .iter()
                .find(|p| p.path == path)
                .unwrap_or_else(|| panic!("no problem at {path}: {problems:?}"));
            assert_eq!(hit.line, Some(line), "{hit:?}");
        }
        Err(other) => panic!("expected a validation problem at {path}, got {other}"),
    }
}

#[test]
fn beam_rules() {
    case(
        "satellite = \"geo1\"\nname = \"Beam\"",
        "satellite = \"geo9\"\nname = \"Beam\"",
        "beams[0].satellite",
    );
    case(
        "level_db = 0.0",
        "level_db = 3.0",
        "beams[0].contours[0].level_db",
    );
    case(
        "[[40.0, 30.0], [80.0, 30.0], [80.0, 50.0]]",
        "[[40.0, 30.0], [80.0, 30.0]]",
        "beams[0].contours[0].polygon",
    );
    case(
        "[80.0, 50.0]",
        "[80.0, 95.0]",
        "beams[0].contours[0].polygon[2][1]",
    );
    case("id = \"b1\"", "id = \"b 1\"", "beams[0].id");
}

#[test]
fn transponder_rules() {
    case(
        "uplink_beam = \"b1\"",
        "uplink_beam = \"b2\"",
        "transponders[0].uplink_beam",
    );
    case_at(
        "satellite = \"geo1\"\nband",
        "satellite = \"geo2\"\nband",
        "transponders[0].uplink_beam",
        "uplink_beam = \"b1\"",
    );
    case(
        "bandwidth_mhz = 36.0",
        "bandwidth_mhz = 0.0",
        "transponders[0].bandwidth_mhz",
    );
    case(
        "downlink_centre_mhz = 11470.0",
        "downlink_centre_mhz = 9e9",
        "transponders[0].downlink_centre_mhz",
    );
    case("ibo_db = 4.0", "ibo_db = 41.0", "transponders[0].ibo_db");
    case("obo_db = 2.5", "obo_db = 5.0", "transponders[0].obo_db");
    case(
        "guard_band_mhz = 0.5",
        "guard_band_mhz = -0.5",
        "transponders[0].guard_band_mhz",
    );
    case(
        "saturated_eirp_dbw = 52.0",
        "saturated_eirp_dbw = nan",
        "transponders[0].saturated_eirp_dbw",
    );
}

#[test]
fn carrier_rules() {
    case("owner = \"isp\"", "owner = \"nobody\"", "carriers[0].owner");
    case(
        "transponder = \"t1\"\ncentre",
        "transponder = \"t9\"\ncentre",
        "carriers[0].transponder",
    );
    case(
        "symbol_rate_msps = 10.0",
        "symbol_rate_msps = -1.0",
        "carriers[0].symbol_rate_msps",
    );
    case("rolloff = 0.2", "rolloff = 1.5", "carriers[0].rolloff");
    case(
        "modcod = \"QPSK 3/4\"",
        "modcod = \" \"",
        "carriers[0].modcod",
    );
    case(
        "implementation_margin_db = 0.5",
        "implementation_margin_db = -1.0",
        "carriers[0].implementation_margin_db",
    );
    case(
        "{ station = \"hub\"",
        "{ station = \"nowhere\"",
        "carriers[0].uplink.station",
    );
    case(
        "antenna = \"dish\", fade",
        "antenna = \"horn\", fade",
        "carriers[0].downlink.antenna",
    );
    case(
        "fade_db = 1.0",
        "fade_db = -1.0",
        "carriers[0].downlink.fade_db",
    );
    case(
        "lnb_noise_temp_k = 75.0",
        "lnb_noise_temp_k = 0.0",
        "carriers[0].downlink.lnb_noise_temp_k",
    );
    case(
        "centre_mhz = 11470.0\nsymbol",
        "centre_mhz = -1.0\nsymbol",
        "carriers[0].centre_mhz",
    );
}

#[test]
fn lease_rules() {
    case("lessee = \"isp\"", "lessee = \"ghost\"", "leases[0].lessee");
    case(
        "transponder = \"t1\"\nfrom",
        "transponder = \"tx\"\nfrom",
        "leases[0].transponder",
    );
    case("to_mhz = 11480.0", "to_mhz = 11450.0", "leases[0].to_mhz");
    case(
        "start = \"2026-01-01\"",
        "start = \"01/01/2026\"",
        "leases[0].start",
    );
    case(
        "end = \"2027-12-31\"",
        "end = \"2025-12-31\"",
        "leases[0].end",
    );
    case(
        "power_pct = 50.0",
        "power_pct = 150.0",
        "leases[0].power_pct",
    );
}

#[test]
fn builtin_payload_is_marked_illustrative_and_sourced() {
    let s = silkway_model::builtin::load("caspian").unwrap();
    assert!(s.beams.len() >= 2 && s.transponders.len() >= 2);
    for sat in ["azerspace-1", "kazsat-3"] {
        assert!(s.transponders.iter().any(|t| t.satellite == sat), "{sat}");
        assert!(
            s.carriers
                .iter()
                .any(|c| s.transponder(&c.transponder).unwrap().satellite == sat),
            "{sat}"
        );
    }
    assert!(s.beams.iter().all(|b| b.illustrative && b.source.is_some()));
    assert!(
        s.transponders
            .iter()
            .all(|t| t.illustrative && t.source.is_some())
    );
    assert!(s.carriers.iter().all(|c| c.source.is_some()));
    assert!(s.leases.iter().all(|l| l.source.is_some()));
}
