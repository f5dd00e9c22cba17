//! Areas of interest: GeoJSON (RFC 7946) points and polygons, their local
//! plane, area and a uniform grid of sample points for coverage fractions.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::error::Error;
use crate::geom::local::{LocalPlane, Xy, in_ring, ring_area};
use crate::json_span::{Step, display, line_of};

/// A polygon in (longitude, latitude) degrees: an exterior ring and holes,
/// each ring closed implicitly (the repeated last position is dropped).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PolygonLl {
    /// Exterior ring, (lon, lat) degrees.
    pub exterior: Vec<[f64; 2]>,
    /// Holes, (lon, lat) degrees.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub holes: Vec<Vec<[f64; 2]>>,
}

/// What an area of interest is.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AoiShape {
    /// A point target, (lon, lat) degrees.
    Point([f64; 2]),
    /// One or more polygons.
    Polygons(Vec<PolygonLl>),
}

/// An area of interest with the samples used to measure its coverage.
#[derive(Debug, Clone, PartialEq)]
pub struct Aoi {
    /// Identifier (the feature's `id`, `properties.id` or `properties.name`,
    /// else `aoi-N`).
    pub id: String,
    /// The shape.
    pub shape: AoiShape,
    /// Local plane about the centroid.
    pub plane: LocalPlane,
    /// Area, km² (0 for a point).
    pub area_km2: f64,
    /// Centroid, (lon, lat) degrees.
    pub centroid: [f64; 2],
    /// Sample points, (lon, lat) degrees: a uniform grid inside the
    /// polygons (each standing for the same area), or the point itself.
    pub samples: Vec<[f64; 2]>,
}

/// Target number of grid samples per AOI (at most ~1.3× this many).
pub const SAMPLE_TARGET: usize = 400;

impl Aoi {
    /// Build from a shape: centroid, area and sample grid.
    pub fn new(id: String, shape: AoiShape) -> Self {
        match &shape {
            AoiShape::Point(p) => Aoi {
                id,
                plane: LocalPlane::new(p[1], p[0]),
                area_km2: 0.0,
                centroid: *p,
                samples: vec![*p],
                shape,
            },
            AoiShape::Polygons(polys) => {
                let first = polys[0].exterior[0];
                let rough = LocalPlane::new(first[1], first[0]);
                let (c, _) = centroid_area(&rough, polys);
                let centroid = rough.to_lon_lat(c);
                let plane = LocalPlane::new(centroid[1], centroid[0]);
                let (_, area_km2) = centroid_area(&plane, polys);
                let samples = grid_samples(&plane, polys, area_km2);
                Aoi {
                    id,
                    plane,
                    area_km2,
                    centroid,
                    samples,
                    shape,
                }
            }
        }
    }

    /// The shape as a GeoJSON geometry.
    pub fn geometry_geojson(&self) -> Value {
        match &self.shape {
            AoiShape::Point(p) => serde_json::json!({"type": "Point", "coordinates": p}),
            AoiShape::Polygons(polys) => {
                let coords: Vec<Vec<Vec<[f64; 2]>>> = polys
                    .iter()
                    .map(|p| {
                        std::iter::once(&p.exterior)
                            .chain(&p.holes)
                            .map(|r| closed(r))
                            .collect()
                    })
                    .collect();
                if coords.len() == 1 {
                    serde_json::json!({"type": "Polygon", "coordinates": coords[0]})
                } else {
                    serde_json::json!({"type": "MultiPolygon", "coordinates": coords})
                }
            }
        }
    }
}

fn closed(ring: &[[f64; 2]]) -> Vec<[f64; 2]> {
    let mut r = ring.to_vec();
    if let Some(&f) = ring.first() {
        r.push(f);
    }
    r
}

fn rings_xy(plane: &LocalPlane, p: &PolygonLl) -> (Vec<Xy>, Vec<Vec<Xy>>) {
    let ext = p.exterior.iter().map(|&q| plane.to_xy(q)).collect();
    let holes = p
        .holes
        .iter()
        .map(|h| h.iter().map(|&q| plane.to_xy(q)).collect())
        .collect();
    (ext, holes)
}

/// Area-weighted centroid (plane km) and area (km²) of polygons with holes.
fn centroid_area(plane: &LocalPlane, polys: &[PolygonLl]) -> (Xy, f64) {
    let (mut cx, mut cy, mut area) = (0.0, 0.0, 0.0);
    for p in polys {
        let (ext, holes) = rings_xy(plane, p);
        for (ring, sign) in std::iter::once((&ext, 1.0)).chain(holes.iter().map(|h| (h, -1.0))) {
            let a = ring_area(ring).abs() * sign;
            let (rx, ry) = ring_centroid(ring);
            cx += a * rx;
            cy += a * ry;
            area += a;
        }
    }
    if area.abs() < 1e-12 {
        return ([0.0, 0.0], 0.0);
    }
    ([cx / area, cy / area], area)
}

fn ring_centroid(ring: &[Xy]) -> (f64, f64) {
    let n = ring.len();
    let (mut cx, mut cy, mut twice) = (0.0, 0.0, 0.0);
    for i in 0..n {
        let (a, b) = (ring[i], ring[(i + 1) % n]);
        let cr = a[0] * b[1] - b[0] * a[1];
        cx += (a[0] + b[0]) * cr;
        cy += (a[1] + b[1]) * cr;
        twice += cr;
    }
    if twice.abs() < 1e-12 {
        let k = n.max(1) as f64;
        return (
            ring.iter().map(|p| p[0]).sum::<f64>() / k,
            ring.iter().map(|p| p[1]).sum::<f64>() / k,
        );
    }
    (cx / (3.0 * twice), cy / (3.0 * twice))
}

/// Whether a plane point lies inside any polygon (outside its holes).
pub fn inside_polygons(plane: &LocalPlane, polys: &[PolygonLl], xy: Xy) -> bool {
    polys.iter().any(|p| {
        let (ext, holes) = rings_xy(plane, p);
        in_ring(xy, &ext) && !holes.iter().any(|h| in_ring(xy, h))
    })
}

/// A square grid (cell centres) covering the polygons with about
/// [`SAMPLE_TARGET`] points inside; never empty (falls back to the centroid
/// for slivers).
fn grid_samples(plane: &LocalPlane, polys: &[PolygonLl], area_km2: f64) -> Vec<[f64; 2]> {
    let step = (area_km2 / SAMPLE_TARGET as f64).sqrt().max(0.05);
    let xy: Vec<(Vec<Xy>, Vec<Vec<Xy>>)> = polys.iter().map(|p| rings_xy(plane, p)).collect();
    let (mut x0, mut y0, mut x1, mut y1) = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
    for (ext, _) in &xy {
        for p in ext {
            x0 = x0.min(p[0]);
            y0 = y0.min(p[1]);
            x1 = x1.max(p[0]);
            y1 = y1.max(p[1]);
        }
    }
    let mut out = Vec::new();
    let nx = ((x1 - x0) / step).ceil().max(1.0) as usize;
    let ny = ((y1 - y0) / step).ceil().max(1.0) as usize;
    for j in 0..ny {
        for i in 0..nx {
            let q = [x0 + (i as f64 + 0.5) * step, y0 + (j as f64 + 0.5) * step];
            if xy
                .iter()
                .any(|(e, h)| in_ring(q, e) && !h.iter().any(|r| in_ring(q, r)))
            {
                out.push(plane.to_lon_lat(q));
            }
        }
    }
    if out.is_empty() {
        out.push([plane.lon0_deg, plane.lat0_deg]);
    }
    out
}

// ------------------------------------------------------------------ parsing

struct Ctx<'a> {
    file: &'a str,
    text: &'a str,
}

impl Ctx<'_> {
    fn err(&self, path: &[Step], expected: &str, found: &Value) -> Error {
        let mut found = found.to_string();
        if found.len() > 60 {
            found.truncate(57);
            found.push_str("...");
        }
        Error::Parse {
            file: self.file.to_owned(),
            line: line_of(self.text, path),
            field: display(path),
            expected: expected.to_owned(),
            found,
        }
    }
}

fn push(path: &[Step], step: Step) -> Vec<Step> {
    let mut p = path.to_vec();
    p.push(step);
    p
}

/// Parse areas of interest from GeoJSON text: a FeatureCollection, a
/// Feature or a bare geometry; Point, MultiPoint, Polygon and MultiPolygon
/// geometries (each point of a MultiPoint becomes its own AOI).
///
/// # Errors
/// [`Error::Parse`] naming the file, line and field (e.g.
/// `features[2].geometry.coordinates[0][3]`) of anything that is not valid
/// GeoJSON for an AOI: bad JSON, unknown geometry type, a position outside
/// [−180, 180] × [−90, 90], a ring with fewer than 4 positions or not closed,
/// a ring of zero area, a polygon spanning more than 180° of longitude.
pub fn parse_geojson(text: &str, file: &str) -> Result<Vec<Aoi>, Error> {
    let ctx = Ctx { file, text };
    let doc: Value = serde_json::from_str(text).map_err(|e| Error::Parse {
        file: file.to_owned(),
        line: e.line(),
        field: "(document)".into(),
        expected: "JSON".into(),
        found: e.to_string(),
    })?;
    let mut out = Vec::new();
    let kind = doc.get("type").and_then(Value::as_str).unwrap_or("");
    match kind {
        "FeatureCollection" => {
            let path = vec![Step::Key("features".into())];
            let feats = doc
                .get("features")
                .and_then(Value::as_array)
                .ok_or_else(|| ctx.err(&path, "an array of features", &doc["features"]))?;
            for (i, f) in feats.iter().enumerate() {
                feature(&ctx, f, &push(&path, Step::Index(i)), i, &mut out)?;
            }
        }
        "Feature" => feature(&ctx, &doc, &[], 0, &mut out)?,
        _ => geometry(&ctx, &doc, &[], "aoi-1", &mut out)?,
    }
    if out.is_empty() {
        return Err(ctx.err(&[], "at least one Point or Polygon feature", &Value::Null));
    }
    let mut seen = std::collections::HashSet::new();
    for a in &mut out {
        if !seen.insert(a.id.clone()) {
            let mut k = 2;
            while !seen.insert(format!("{}-{k}", a.id)) {
                k += 1;
            }
            a.id = format!("{}-{k}", a.id);
        }
    }
    Ok(out)
}

/// Parse one GeoJSON geometry found at `path` inside a larger JSON
/// document `text` (errors name the line and field there).
///
/// # Errors
/// As [`parse_geojson`].
pub fn parse_geometry_value(
    value: &Value,
    text: &str,
    file: &str,
    path: &[Step],
    id: &str,
) -> Result<Vec<Aoi>, Error> {
    let ctx = Ctx { file, text };
    if !value.is_object() {
        return Err(ctx.err(path, "a GeoJSON geometry object", value));
    }
    let mut out = Vec::new();
    geometry(&ctx, value, path, id, &mut out)?;
    Ok(out)
}

fn feature(
    ctx: &Ctx<'_>,
    f: &Value,
    path: &[Step],
    index: usize,
    out: &mut Vec<Aoi>,
) -> Result<(), Error> {
    if f.get("type").and_then(Value::as_str) != Some("Feature") {
        return Err(ctx.err(
            &push(path, Step::Key("type".into())),
            "\"Feature\"",
            &f["type"],
        ));
    }
    let props = f.get("properties");
    let id = f
        .get("id")
        .and_then(|v| {
            v.as_str()
                .map(str::to_owned)
                .or_else(|| v.as_u64().map(|n| n.to_string()))
        })
        .or_else(|| {
            props
                .and_then(|p| p.get("id").or_else(|| p.get("name")))
                .and_then(Value::as_str)
                .map(str::to_owned)
        })
        .unwrap_or_else(|| format!("aoi-{}", index + 1));
    let gpath = push(path, Step::Key("geometry".into()));
    let g = f
        .get("geometry")
        .filter(|g| g.is_object())
        .ok_or_else(|| ctx.err(&gpath, "a geometry object", &f["geometry"]))?;
    geometry(ctx, g, &gpath, &id, out)
}

fn geometry(
    ctx: &Ctx<'_>,
    g: &Value,
    path: &[Step],
    id: &str,
    out: &mut Vec<Aoi>,
) -> Result<(), Error> {
    let cpath = push(path, Step::Key("coordinates".into()));
    let coords = &g["coordinates"];
    match g.get("type").and_then(Value::as_str).unwrap_or("") {
        "Point" => out.push(Aoi::new(
            id.to_owned(),
            AoiShape::Point(position(ctx, coords, &cpath)?),
        )),
        "MultiPoint" => {
            let pts = array(ctx, coords, &cpath, "an array of positions")?;
            for (i, p) in pts.iter().enumerate() {
                let q = position(ctx, p, &push(&cpath, Step::Index(i)))?;
                out.push(Aoi::new(format!("{id}-{}", i + 1), AoiShape::Point(q)));
            }
        }
        "Polygon" => {
            let p = polygon(ctx, coords, &cpath)?;
            out.push(Aoi::new(id.to_owned(), AoiShape::Polygons(vec![p])));
        }
        "MultiPolygon" => {
            let polys = array(ctx, coords, &cpath, "an array of polygons")?;
            let mut ps = Vec::new();
            for (i, p) in polys.iter().enumerate() {
                ps.push(polygon(ctx, p, &push(&cpath, Step::Index(i)))?);
            }
            if ps.is_empty() {
                return Err(ctx.err(&cpath, "at least one polygon", coords));
            }
            out.push(Aoi::new(id.to_owned(), AoiShape::Polygons(ps)));
        }
        _ => {
            return Err(ctx.err(
                &push(path, Step::Key("type".into())),
                "Point, MultiPoint, Polygon or MultiPolygon",
                &g["type"],
            ));
        }
    }
    Ok(())
}

fn array<'v>(
    ctx: &Ctx<'_>,
    v: &'v Value,
    path: &[Step],
    what: &str,
) -> Result<&'v Vec<Value>, Error> {
    v.as_array().ok_or_else(|| ctx.err(path, what, v))
}

fn position(ctx: &Ctx<'_>, v: &Value, path: &[Step]) -> Result<[f64; 2], Error> {
    let bad = || {
        ctx.err(
            path,
            "[longitude, latitude] in degrees (|lon| ≤ 180, |lat| ≤ 90)",
            v,
        )
    };
    let a = v.as_array().ok_or_else(bad)?;
    if !(2..=3).contains(&a.len()) {
        return Err(bad());
    }
    let lon = a[0].as_f64().ok_or_else(bad)?;
    let lat = a[1].as_f64().ok_or_else(bad)?;
    if !(lon.abs() <= 180.0 && lat.abs() <= 90.0) {
        return Err(bad());
    }
    Ok([lon, lat])
}

fn polygon(ctx: &Ctx<'_>, v: &Value, path: &[Step]) -> Result<PolygonLl, Error> {
    let rings = array(ctx, v, path, "an array of linear rings")?;
    if rings.is_empty() {
        return Err(ctx.err(path, "at least the exterior ring", v));
    }
    let mut parsed = Vec::new();
    for (i, r) in rings.iter().enumerate() {
        let rpath = push(path, Step::Index(i));
        let pts = array(ctx, r, &rpath, "a linear ring (array of positions)")?;
        let mut ring = Vec::new();
        for (j, p) in pts.iter().enumerate() {
            ring.push(position(ctx, p, &push(&rpath, Step::Index(j)))?);
        }
        if ring.len() < 4 {
            return Err(ctx.err(&rpath, "a linear ring of at least 4 positions", r));
        }
        if ring.first() != ring.last() {
            return Err(ctx.err(
                &rpath,
                "a closed ring (last position equal to the first)",
                r,
            ));
        }
        ring.pop();
        let lons = ring.iter().map(|p| p[0]);
        let span = lons.clone().fold(f64::MIN, f64::max) - lons.fold(f64::MAX, f64::min);
        if span > 180.0 {
            return Err(ctx.err(&rpath, "a ring spanning less than 180° of longitude (antimeridian rings are not supported)", r));
        }
        let plane = LocalPlane::new(ring[0][1], ring[0][0]);
        let xy: Vec<Xy> = ring.iter().map(|&q| plane.to_xy(q)).collect();
        if ring_area(&xy).abs() < 1e-6 {
            return Err(ctx.err(&rpath, "a ring enclosing a non-zero area", r));
        }
        parsed.push(ring);
    }
    let exterior = parsed.remove(0);
    Ok(PolygonLl {
        exterior,
        holes: parsed,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const SQUARE: &str = r#"{"type": "FeatureCollection", "features": [
  {"type": "Feature", "properties": {"name": "absheron"},
   "geometry": {"type": "Polygon", "coordinates": [[[49.5, 40.3], [50.0, 40.3], [50.0, 40.6], [49.5, 40.6], [49.5, 40.3]]]}},
  {"type": "Feature", "id": "baku", "properties": {},
   "geometry": {"type": "Point", "coordinates": [49.87, 40.41]}}
]}"#;

    #[test]
    fn parses_polygons_and_points() {
        let aois = parse_geojson(SQUARE, "t.geojson").unwrap();
        assert_eq!(aois.len(), 2);
        assert_eq!(aois[0].id, "absheron");
        // 0.5° × 0.3° at 40.45°N ≈ 42.4 km × 33.3 km.
        assert!(
            (aois[0].area_km2 - 42.4 * 33.3).abs() < 15.0,
            "{}",
            aois[0].area_km2
        );
        let n = aois[0].samples.len();
        assert!((300..=520).contains(&n), "{n}");
        assert_eq!(aois[1].id, "baku");
        assert_eq!(aois[1].samples.len(), 1);
    }

    #[test]
    fn errors_name_line_and_field() {
        let bad = SQUARE.replace("[50.0, 40.6]", "[50.0, 140.6]");
        let e = parse_geojson(&bad, "t.geojson").unwrap_err().to_string();
        assert!(
            e.starts_with("t.geojson:3: features[0].geometry.coordinates[0][2]"),
            "{e}"
        );
        let open = SQUARE.replace(", [49.5, 40.3]]]", "]]");
        let e = parse_geojson(&open, "t.geojson").unwrap_err().to_string();
        assert!(e.contains("closed ring") && e.contains(":3:"), "{e}");
        let e = parse_geojson("{\"type\": \"Feature\",", "x.json")
            .unwrap_err()
            .to_string();
        assert!(e.starts_with("x.json:1:"), "{e}");
        let e = parse_geojson(&SQUARE.replace("\"Point\"", "\"Circle\""), "t")
            .unwrap_err()
            .to_string();
        assert!(e.contains("features[1].geometry.type"), "{e}");
    }
}
