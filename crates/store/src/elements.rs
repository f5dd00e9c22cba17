//! Element sets: TLE/OMM import (silkway-orbit's parsers), and the history
//! of element sets per satellite. The newest TLE of a satellite becomes
//! its `tle` in the scenario (OMM sets are kept in the history with their
//! mean elements; the scenario format holds TLE lines only).

use serde_json::{Value, json};
use silkway_model::ElementSet as ModelTle;
use silkway_orbit::ElementSet;
use silkway_orbit::omm::{Format, detect_format, parse_elements};
use silkway_orbit::tle::{TleOptions, parse_tle_lines, parse_tle_text};
use sqlx::any::AnyRow;
use sqlx::{AnyConnection, Row};

use crate::actor::{Actor, Role};
use crate::audit::{self, Change};
use crate::clock::now_rfc3339;
use crate::error::{Result, StoreError};
use crate::kind::Kind;
use crate::paging::{Page, PageRequest};
use crate::pool::Store;
use crate::resources::fetch;
use crate::scenario_doc::ScenarioDoc;

/// One stored element set.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct ElementSetRecord {
    /// Position in the history table.
    pub seq: i64,
    /// The satellite (id of a `satellites` document).
    pub satellite_id: String,
    /// NORAD catalog number.
    pub norad_id: i64,
    /// Epoch (RFC 3339, UTC).
    pub epoch: String,
    /// TLE line 1, when imported from a TLE.
    pub line1: Option<String>,
    /// TLE line 2, when imported from a TLE.
    pub line2: Option<String>,
    /// The mean elements as read (silkway-orbit's `ElementSet`).
    pub elements: Value,
    /// Where it came from (file name or URL given at import).
    pub source: String,
    /// When it was imported.
    pub imported_at: String,
    /// Who imported it (user id; none for a loaded scenario).
    pub imported_by: Option<String>,
}

/// What an import did.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize)]
pub struct ImportReport {
    /// Element sets stored: `(satellite id, NORAD id, epoch)`.
    pub imported: Vec<ImportedSet>,
    /// Element sets already in the history (same satellite and epoch).
    pub duplicates: Vec<ImportedSet>,
    /// Records not imported, each with the reason (file, line, field).
    pub rejected: Vec<String>,
}

/// One element set of an import.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct ImportedSet {
    /// The satellite it was filed under.
    pub satellite_id: String,
    /// NORAD catalog number.
    pub norad_id: u32,
    /// Epoch (RFC 3339, UTC).
    pub epoch: String,
}

type Parsed = (ElementSet, Option<(String, String)>);

/// Parse a TLE/3LE or OMM (JSON, CSV, XML) text; TLE sets keep their lines.
fn parse(source: &str, text: &str) -> (Vec<Parsed>, Vec<String>) {
    if detect_format(text) != Format::Tle {
        let report = parse_elements(source, text);
        return (
            report.sets.into_iter().map(|s| (s, None)).collect(),
            report.rejected.iter().map(ToString::to_string).collect(),
        );
    }
    // The reader reports every bad record; the pairs are re-read here to keep their text.
    let rejected = parse_tle_text(source, text, TleOptions::default())
        .rejected
        .iter()
        .map(ToString::to_string)
        .collect();
    let lines: Vec<&str> = text.lines().map(|l| l.trim_end()).collect();
    let mut sets = Vec::new();
    let mut i = 0;
    while i + 1 < lines.len() {
        let (l1, l2) = (lines[i], lines[i + 1]);
        if l1.starts_with("1 ") && l2.starts_with("2 ") {
            let title = (i > 0)
                .then(|| lines[i - 1])
                .filter(|t| !t.is_empty() && !t.starts_with("2 ") && !t.starts_with('#'))
                .map(|t| t.strip_prefix("0 ").unwrap_or(t));
            if let Ok(set) = parse_tle_lines(source, title, l1, l2, TleOptions::default()) {
                sets.push((set, Some((l1.to_owned(), l2.to_owned()))));
            }
            i += 2;
        } else {
            i += 1;
        }
    }
    (sets, rejected)
}

/// Insert one element set; false when the satellite already has one at that epoch.
async fn insert(
    conn: &mut AnyConnection,
    satellite_id: &str,
    set: &ElementSet,
    lines: Option<&(String, String)>,
    source: &str,
    imported_by: Option<&str>,
) -> Result<bool> {
    let epoch = set.epoch.to_rfc3339_ms();
    let dup = sqlx::query("SELECT seq FROM element_sets WHERE satellite_id = $1 AND epoch = $2")
        .bind(satellite_id)
        .bind(epoch.clone())
        .fetch_optional(&mut *conn)
        .await?;
    if dup.is_some() {
        return Ok(false);
    }
    sqlx::query(
        "INSERT INTO element_sets (satellite_id, norad_id, epoch, line1, line2, elements, source, imported_at, imported_by) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
    )
    .bind(satellite_id)
    .bind(i64::from(set.norad_id))
    .bind(epoch)
    .bind(lines.map(|l| l.0.clone()))
    .bind(lines.map(|l| l.1.clone()))
    .bind(serde_json::to_string(set).unwrap_or_else(|_| "{}".into()))
    .bind(source)
    .bind(now_rfc3339())
    .bind(imported_by.map(str::to_owned))
    .execute(conn)
    .await?;
    Ok(true)
}

/// Start a loaded satellite's history with the scenario's element set
/// (skipped, with a warning, when silkway-orbit rejects its lines).
pub(crate) async fn insert_scenario_tle(
    conn: &mut AnyConnection,
    satellite_id: &str,
    tle: &ModelTle,
) -> Result<()> {
    let source = tle.source.clone().unwrap_or_else(|| "scenario".into());
    match parse_tle_lines(&source, None, &tle.line1, &tle.line2, TleOptions::default()) {
        Ok(set) => {
            insert(
                conn,
                satellite_id,
                &set,
                Some(&(tle.line1.clone(), tle.line2.clone())),
                &source,
                None,
            )
            .await?;
        }
        Err(e) => {
            tracing::warn!("satellite {satellite_id}: element set not added to the history: {e}")
        }
    }
    Ok(())
}

fn record_from_row(row: &AnyRow) -> Result<(i64, ElementSetRecord)> {
    let seq: i64 = row.try_get("seq")?;
    let elements: String = row.try_get("elements")?;
    Ok((
        seq,
        ElementSetRecord {
            seq,
            satellite_id: row.try_get("satellite_id")?,
            norad_id: row.try_get("norad_id")?,
            epoch: row.try_get("epoch")?,
            line1: row.try_get("line1")?,
            line2: row.try_get("line2")?,
            elements: serde_json::from_str(&elements).unwrap_or(Value::Null),
            source: row.try_get("source")?,
            imported_at: row.try_get("imported_at")?,
            imported_by: row.try_get("imported_by")?,
        },
    ))
}

impl Store {
    /// Import element sets from a TLE/3LE or OMM text (format detected).
    /// Each set is filed under the satellite with its NORAD number; the
    /// newest TLE becomes the satellite's `tle`. All or nothing: when any
    /// set belongs to a satellite of another organization nothing is stored.
    ///
    /// # Errors
    /// [`StoreError::Forbidden`] for viewers and for other organizations'
    /// satellites.
    pub async fn import_element_sets(
        &self,
        actor: &Actor,
        source: &str,
        text: &str,
    ) -> Result<ImportReport> {
        actor.require(Role::Engineer)?;
        let (sets, rejected) = parse(source, text);
        let mut report = ImportReport {
            rejected,
            ..Default::default()
        };
        let mut w = self.begin_write().await?;
        let doc = ScenarioDoc::read(&mut w.tx).await?;
        let sc = doc.to_scenario().map_err(|p| StoreError::Corrupt {
            kind: "scenario".into(),
            id: doc.name.clone(),
            message: p.message,
        })?;
        let mut newest: Vec<(String, String, (String, String))> = Vec::new();
        for (set, lines) in &sets {
            let Some(sat) = sc.satellites.iter().find(|s| s.norad_id == set.norad_id) else {
                report.rejected.push(format!(
                    "{source}: {} (NORAD {}): no satellite with this NORAD number; create it first",
                    set.name, set.norad_id
                ));
                continue;
            };
            if sat.operator != actor.org_id {
                return Err(StoreError::forbidden(format!(
                    "satellite {:?} (NORAD {}) is operated by {:?}; organization {:?} may not import its element sets",
                    sat.id, set.norad_id, sat.operator, actor.org_id
                )));
            }
            let entry = ImportedSet {
                satellite_id: sat.id.clone(),
                norad_id: set.norad_id,
                epoch: set.epoch.to_rfc3339_ms(),
            };
            if insert(
                &mut w.tx,
                &sat.id,
                set,
                lines.as_ref(),
                source,
                Some(&actor.user_id),
            )
            .await?
            {
                audit::record(
                    &mut w.tx,
                    Change {
                        actor: Some(actor),
                        action: "import",
                        kind: "element_sets",
                        resource_id: &sat.id,
                        owner_org: Some(&sat.operator),
                        before: None,
                        after: Some(&json!({"norad_id": set.norad_id, "epoch": entry.epoch, "source": source})),
                    },
                )
                .await?;
                if let Some(l) = lines {
                    match newest.iter_mut().find(|(id, _, _)| *id == sat.id) {
                        Some(n) if n.1 < entry.epoch => {
                            *n = (sat.id.clone(), entry.epoch.clone(), l.clone())
                        }
                        Some(_) => {}
                        None => newest.push((sat.id.clone(), entry.epoch.clone(), l.clone())),
                    }
                }
                report.imported.push(entry);
            } else {
                report.duplicates.push(entry);
            }
        }
        for (sat_id, epoch, (line1, line2)) in newest {
            let latest: Option<String> = sqlx::query(
                "SELECT MAX(epoch) AS e FROM element_sets WHERE satellite_id = $1 AND line1 IS NOT NULL",
            )
            .bind(sat_id.clone())
            .fetch_one(&mut *w.tx)
            .await?
            .try_get("e")?;
            if latest.as_deref() != Some(epoch.as_str()) {
                continue;
            }
            let Some(rec) = fetch(&mut w.tx, Kind::Satellites, &sat_id).await? else {
                continue;
            };
            let mut body = rec.body.clone();
            body["tle"] = json!({"line1": line1, "line2": line2, "source": source});
            sqlx::query(
                "UPDATE resources SET body = $1, revision = revision + 1, updated_at = $2 WHERE kind = $3 AND id = $4",
            )
            .bind(body.to_string())
            .bind(now_rfc3339())
            .bind(Kind::Satellites.as_str())
            .bind(sat_id.clone())
            .execute(&mut *w.tx)
            .await?;
            audit::record(
                &mut w.tx,
                Change {
                    actor: Some(actor),
                    action: "update",
                    kind: Kind::Satellites.as_str(),
                    resource_id: &sat_id,
                    owner_org: rec.owner_org.as_deref(),
                    before: Some(&rec.body),
                    after: Some(&body),
                },
            )
            .await?;
        }
        w.commit().await?;
        Ok(report)
    }

    /// The element-set history of a satellite, oldest first by import.
    ///
    /// # Errors
    /// [`StoreError::NotFound`] for an unknown satellite.
    pub async fn element_sets(
        &self,
        satellite_id: &str,
        page: PageRequest,
    ) -> Result<Page<ElementSetRecord>> {
        self.get(Kind::Satellites, satellite_id).await?;
        let rows = sqlx::query(
            "SELECT seq, satellite_id, norad_id, epoch, line1, line2, elements, source, imported_at, imported_by \
             FROM element_sets WHERE satellite_id = $1 AND seq > $2 ORDER BY seq LIMIT $3",
        )
        .bind(satellite_id)
        .bind(page.after_seq())
        .bind(page.fetch())
        .fetch_all(&self.pool)
        .await?;
        let rows = rows
            .iter()
            .map(record_from_row)
            .collect::<Result<Vec<_>>>()?;
        Ok(Page::from_rows(rows, &page))
    }
}
