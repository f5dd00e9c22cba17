//! The body of opportunity searches and orders (stapi-spec v0.1.0,
//! "Opportunity Request"): `datetime`, `geometry`, optional CQL2 JSON
//! `filter`, and for orders `order_parameters`.

use serde_json::{Map, Value};
use silkway_analyses::Problem;
use silkway_catalog::filter::Filter;
use silkway_eo::aoi::{Aoi, parse_geometry_value};
use silkway_eo::json_span::Step;
use silkway_eo::tasking::Mode;
use silkway_orbit::UtcTime;

use crate::interval::Interval;

/// A parsed opportunity or order request.
#[derive(Debug, Clone)]
pub(crate) struct TaskingBody {
    /// The interval asked for.
    pub interval: Interval,
    /// The area as given (GeoJSON geometry).
    pub geometry: Value,
    /// The area parsed for the engine.
    pub aoi: Aoi,
    /// The CQL2 JSON filter, as given and parsed.
    pub filter: Option<(Value, Filter)>,
    /// Order parameters (orders only).
    pub parameters: OrderParameters,
}

/// What an order may set besides its area and interval.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct OrderParameters {
    /// Weight in the plan (> 0).
    pub priority: f64,
    /// Mono or along-track stereo.
    pub mode: Mode,
    /// Largest incidence accepted, degrees (default: the sensor's).
    pub max_incidence_deg: Option<f64>,
    /// Lowest sun elevation accepted, degrees (default: the sensor's).
    pub min_sun_elevation_deg: Option<f64>,
}

impl Default for OrderParameters {
    fn default() -> Self {
        Self {
            priority: 1.0,
            mode: Mode::Mono,
            max_incidence_deg: None,
            min_sun_elevation_deg: None,
        }
    }
}

/// The current time.
pub(crate) fn now() -> UtcTime {
    let unix_s = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs_f64())
        .unwrap_or(0.0);
    UtcTime::from_unix_seconds(unix_s)
}

/// Parse a request body; `orders` allows `order_parameters`.
pub(crate) fn parse(bytes: &[u8], orders: bool) -> Result<TaskingBody, Problem> {
    let text = std::str::from_utf8(bytes)
        .map_err(|_| Problem::bad_request("the request body is not UTF-8"))?;
    let doc: Value = serde_json::from_str(text).map_err(|e| {
        Problem::bad_request(format!(
            "the request body is not JSON: {e} (line {}, column {})",
            e.line(),
            e.column()
        ))
    })?;
    let Value::Object(map) = &doc else {
        return Err(Problem::invalid("", "expected a JSON object"));
    };
    let allowed: &[&str] = if orders {
        &["datetime", "geometry", "filter", "order_parameters"]
    } else {
        &["datetime", "geometry", "filter"]
    };
    if let Some(k) = map.keys().find(|k| !allowed.contains(&k.as_str())) {
        return Err(Problem::invalid(
            k.clone(),
            format!("unknown field; expected one of {}", allowed.join(", ")),
        ));
    }
    let interval = match map.get("datetime") {
        Some(Value::String(s)) => {
            Interval::parse(s, now()).map_err(|m| Problem::invalid("datetime", m))?
        }
        Some(other) => {
            return Err(Problem::invalid(
                "datetime",
                format!("expected an interval string `start/end`, found {other}"),
            ));
        }
        None => return Err(Problem::invalid("datetime", "missing (required)")),
    };
    let geometry = map
        .get("geometry")
        .ok_or_else(|| Problem::invalid("geometry", "missing (required)"))?;
    let kind = geometry.get("type").and_then(Value::as_str).unwrap_or("");
    if !matches!(kind, "Polygon" | "MultiPolygon" | "Point") {
        return Err(Problem::invalid(
            "geometry.type",
            format!("expected a GeoJSON Polygon, MultiPolygon or Point geometry, found {kind:?}"),
        ));
    }
    let mut aois = parse_geometry_value(
        geometry,
        text,
        "request body",
        &[Step::Key("geometry".into())],
        "aoi",
    )
    .map_err(|e| match e {
        silkway_eo::Error::Parse {
            field,
            expected,
            found,
            ..
        } => Problem::invalid(field, format!("expected {expected}, found {found}")),
        other => Problem::invalid("geometry", other.to_string()),
    })?;
    if aois.len() != 1 {
        return Err(Problem::invalid("geometry", "expected one area"));
    }
    let aoi = aois.remove(0);
    let filter = match map.get("filter") {
        None | Some(Value::Null) => None,
        Some(f) => Some((
            f.clone(),
            Filter::from_json(f).map_err(|e| Problem::invalid("filter", e.to_string()))?,
        )),
    };
    let parameters = match map.get("order_parameters") {
        None | Some(Value::Null) => OrderParameters::default(),
        Some(Value::Object(p)) => order_parameters(p)?,
        Some(other) => {
            return Err(Problem::invalid(
                "order_parameters",
                format!("expected an object, found {other}"),
            ));
        }
    };
    Ok(TaskingBody {
        interval,
        geometry: geometry.clone(),
        aoi,
        filter,
        parameters,
    })
}

fn number(p: &Map<String, Value>, key: &str, lo: f64, hi: f64) -> Result<Option<f64>, Problem> {
    match p.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(v) => match v.as_f64() {
            Some(x) if x.is_finite() && x >= lo && x <= hi => Ok(Some(x)),
            _ => Err(Problem::invalid(
                format!("order_parameters.{key}"),
                format!("expected a number in [{lo}, {hi}], found {v}"),
            )),
        },
    }
}

pub(crate) fn order_parameters(p: &Map<String, Value>) -> Result<OrderParameters, Problem> {
    const KEYS: &[&str] = &[
        "priority",
        "mode",
        "max_incidence_deg",
        "min_sun_elevation_deg",
    ];
    if let Some(k) = p.keys().find(|k| !KEYS.contains(&k.as_str())) {
        return Err(Problem::invalid(
            format!("order_parameters.{k}"),
            format!(
                "unknown order parameter; expected one of {}",
                KEYS.join(", ")
            ),
        ));
    }
    let priority = number(p, "priority", f64::MIN_POSITIVE, 1e6)?.unwrap_or(1.0);
    let mode = match p.get("mode") {
        None | Some(Value::Null) => Mode::Mono,
        Some(Value::String(s)) if s == "mono" => Mode::Mono,
        Some(Value::String(s)) if s == "stereo" => Mode::Stereo,
        Some(other) => {
            return Err(Problem::invalid(
                "order_parameters.mode",
                format!("expected \"mono\" or \"stereo\", found {other}"),
            ));
        }
    };
    Ok(OrderParameters {
        priority,
        mode,
        max_incidence_deg: number(p, "max_incidence_deg", 0.0, 90.0)?,
        min_sun_elevation_deg: number(p, "min_sun_elevation_deg", -90.0, 90.0)?,
    })
}
