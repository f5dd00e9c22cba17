//! Tasking requests and plans: the types a customer-facing layer exchanges.
//!
//! They follow the STAPI flow (products → opportunities → orders): a
//! [`TaskingRequest`] carries an order's parameters for an optical tasking
//! product (area, window, geometry limits, mono or stereo); the access
//! computation's [`crate::access::Opportunity`] is what an opportunity
//! search returns; a [`Plan`] is the set of accepted orders with their
//! scheduled acquisitions and downlinks. Field names are those of
//! Airbus OneAtlas / Planet tasking where they exist (`max_incidence_deg`
//! ≈ `maxIncidenceAngle`, `min_sun_elevation_deg`, `priority`). All types
//! are serde-(de)serialisable so an HTTP layer can take them as they are.

use serde::{Deserialize, Serialize};
use serde_json::Value;
use silkway_orbit::UtcTime;

use crate::aoi::{self, Aoi};
use crate::contacts::Contact;
use crate::error::Error;
use crate::json_span::{Step, display, line_of, parse_path};

/// A time interval.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TimeWindow {
    /// Start (RFC 3339).
    pub start: UtcTime,
    /// End (RFC 3339).
    pub end: UtcTime,
}

/// Mono (one look) or along-track stereo (two looks of the same strip in
/// the same pass, fore and aft).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Mode {
    /// One acquisition per strip.
    #[default]
    Mono,
    /// A fore and an aft acquisition per strip in one pass.
    Stereo,
}

/// A customer's tasking request (an order's parameters).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TaskingRequest {
    /// Unique id.
    pub id: String,
    /// Customer or label, free text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub customer: Option<String>,
    /// Area of interest: a GeoJSON geometry (Point, Polygon, MultiPolygon).
    pub aoi: Value,
    /// When the acquisition may take place.
    pub window: TimeWindow,
    /// Priority weight (> 0): the plan maximises Σ priority × covered
    /// fraction of the area.
    pub priority: f64,
    /// Maximum incidence at the target, degrees (default: the sensor's).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_incidence_deg: Option<f64>,
    /// Minimum sun elevation at the target, degrees (default: the sensor's).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_sun_elevation_deg: Option<f64>,
    /// Mono or stereo.
    #[serde(default)]
    pub mode: Mode,
    /// The data must be on the ground by then (default: the end of the
    /// planning horizon).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deliver_by: Option<UtcTime>,
    /// Satellites allowed (ids); empty: any.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub satellites: Vec<String>,
}

/// A requests file: `{"requests": [...]}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RequestFile {
    /// The requests.
    pub requests: Vec<TaskingRequest>,
}

/// A request with its parsed area.
#[derive(Debug, Clone)]
pub struct ParsedRequest {
    /// The request as given.
    pub request: TaskingRequest,
    /// Its area (the samples measure coverage).
    pub aoi: Aoi,
}

/// Parse and validate a requests file.
///
/// # Errors
/// [`Error::Parse`] naming the file, line and field (e.g.
/// `requests[4].window.end`) for bad JSON, unknown or missing fields,
/// duplicate ids, a non-positive priority, an empty window, angles out of
/// range, or an area that is not a valid GeoJSON Point or Polygon.
pub fn parse_requests(text: &str, file: &str) -> Result<Vec<ParsedRequest>, Error> {
    let de = &mut serde_json::Deserializer::from_str(text);
    let parsed: RequestFile = serde_path_to_error::deserialize(de).map_err(|e| {
        let path = parse_path(&e.path().to_string());
        let inner = e.into_inner();
        Error::Parse {
            file: file.to_owned(),
            line: if inner.line() > 0 {
                inner.line()
            } else {
                line_of(text, &path)
            },
            field: display(&path),
            expected: "a requests file ({\"requests\": [...]}, see docs)".into(),
            found: inner.to_string(),
        }
    })?;
    let err = |path: Vec<Step>, expected: &str, found: String| Error::Parse {
        file: file.to_owned(),
        line: line_of(text, &path),
        field: display(&path),
        expected: expected.to_owned(),
        found,
    };
    let mut out = Vec::new();
    let mut ids = std::collections::HashSet::new();
    for (i, r) in parsed.requests.into_iter().enumerate() {
        let at = |k: &str| {
            vec![
                Step::Key("requests".into()),
                Step::Index(i),
                Step::Key(k.into()),
            ]
        };
        if r.id.trim().is_empty() || !ids.insert(r.id.clone()) {
            return Err(err(
                at("id"),
                "a unique, non-empty id",
                format!("{:?}", r.id),
            ));
        }
        if !(r.priority.is_finite() && r.priority > 0.0) {
            return Err(err(
                at("priority"),
                "a number greater than 0",
                r.priority.to_string(),
            ));
        }
        if r.window.end.seconds_since(r.window.start).is_nan() || r.window.end <= r.window.start {
            let mut p = at("window");
            p.push(Step::Key("end".into()));
            return Err(err(p, "an end after the start", r.window.end.to_string()));
        }
        if let Some(v) = r.max_incidence_deg.filter(|v| !(0.0..=90.0).contains(v)) {
            return Err(err(
                at("max_incidence_deg"),
                "degrees in 0..90",
                v.to_string(),
            ));
        }
        if let Some(v) = r
            .min_sun_elevation_deg
            .filter(|v| !(-90.0..=90.0).contains(v))
        {
            return Err(err(
                at("min_sun_elevation_deg"),
                "degrees in -90..90",
                v.to_string(),
            ));
        }
        let mut aois = aoi::parse_geometry_value(&r.aoi, text, file, &at("aoi"), &r.id)?;
        if aois.len() != 1 {
            return Err(err(
                at("aoi"),
                "one Point, Polygon or MultiPolygon",
                "a MultiPoint".into(),
            ));
        }
        out.push(ParsedRequest {
            aoi: aois.remove(0),
            request: r,
        });
    }
    if out.is_empty() {
        return Err(err(
            vec![Step::Key("requests".into())],
            "at least one request",
            "[]".into(),
        ));
    }
    Ok(out)
}

/// Fore or aft look of a stereo pair.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StereoLook {
    /// Looking ahead (positive pitch), first in time.
    Fore,
    /// Looking back (negative pitch), second.
    Aft,
}

/// One scheduled acquisition: a constant-attitude pushbroom strip.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Acquisition {
    /// Id within the plan (`acq-1`...).
    pub id: String,
    /// Request id.
    pub request: String,
    /// Satellite id.
    pub satellite: String,
    /// Ground strips of the request covered (indices, see [`RequestOutcome::strips`]).
    pub strips: Vec<usize>,
    /// Start.
    pub start: UtcTime,
    /// End.
    pub end: UtcTime,
    /// Roll, degrees.
    pub roll_deg: f64,
    /// Pitch, degrees.
    pub pitch_deg: f64,
    /// Stereo look, for stereo requests.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stereo: Option<StereoLook>,
    /// Data volume written to memory, Gbit.
    pub volume_gbit: f64,
    /// Incidence at the boresight's ground point at mid-acquisition, degrees.
    pub incidence_deg: f64,
    /// Sun elevation there, degrees.
    pub sun_elevation_deg: f64,
    /// Footprint ring, (lon, lat) degrees.
    pub footprint: Vec<[f64; 2]>,
}

/// Part of an acquisition's data sent to the ground.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Downlink {
    /// Acquisition id.
    pub acquisition: String,
    /// Satellite id.
    pub satellite: String,
    /// Station id.
    pub station: String,
    /// Start.
    pub start: UtcTime,
    /// End.
    pub end: UtcTime,
    /// Volume, Gbit.
    pub volume_gbit: f64,
}

/// What the plan gives one request.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RequestOutcome {
    /// Request id.
    pub id: String,
    /// Priority.
    pub priority: f64,
    /// Ground strips the area was cut into.
    pub strips: usize,
    /// Fraction of the area covered by the plan's acquisitions (strip
    /// shares of the area that are acquired).
    pub covered_fraction: f64,
    /// priority × covered fraction.
    pub value: f64,
    /// Candidate acquisitions the planner found for it.
    pub candidates: usize,
}

/// Solver figures.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SolverStats {
    /// `exact` (branch and bound, proven) or `lns`.
    pub method: String,
    /// The value is proven optimal (for the candidate acquisitions).
    pub proven_optimal: bool,
    /// Candidate acquisitions considered.
    pub candidates: usize,
    /// LNS iterations or exact nodes.
    pub iterations: u64,
    /// Seed.
    pub seed: u64,
    /// Time spent building candidates, s.
    pub candidates_s: f64,
    /// Time spent searching, s.
    pub search_s: f64,
    /// Time spent in the independent checker, s.
    pub check_s: f64,
}

/// An acquisition and downlink plan.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Plan {
    /// Planning horizon start.
    pub start: UtcTime,
    /// Planning horizon end.
    pub end: UtcTime,
    /// Σ priority × covered fraction.
    pub value: f64,
    /// Σ priority over all requests (the value if everything were covered).
    pub max_value: f64,
    /// Per request.
    pub requests: Vec<RequestOutcome>,
    /// Acquisitions, by satellite then time.
    pub acquisitions: Vec<Acquisition>,
    /// Downlinks, by satellite then time.
    pub downlinks: Vec<Downlink>,
    /// Contacts available.
    pub contacts: Vec<Contact>,
    /// Solver figures.
    pub solver: SolverStats,
}
