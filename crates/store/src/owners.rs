//! Who owns a document, and so may change or delete it.
//!
//! Documents whose model type names an owner belong to it: organizations
//! to themselves, satellites and stations to their `operator`, links to
//! their `owners`, assignments to their notifying `administration`,
//! carriers to their `owner`, beams and transponders to their satellite's
//! operator, leases to the operator of the leased transponder's satellite.
//! The others (nodes, sensors, demands, links without owners, link
//! definitions, tasking documents) belong to the organization that
//! created them, kept in the `owner_org` column; for a loaded scenario
//! that column is derived (see [`derived_owner`]).

use serde_json::Value;
use silkway_model::Scenario;

use crate::actor::Actor;
use crate::error::{Result, StoreError};
use crate::kind::Kind;

fn text<'a>(body: &'a Value, key: &str) -> Option<&'a str> {
    body.get(key).and_then(Value::as_str)
}

fn satellite_operator(sc: Option<&Scenario>, satellite_id: Option<&str>) -> Option<String> {
    let (sc, id) = (sc?, satellite_id?);
    sc.satellites
        .iter()
        .find(|s| s.id == id)
        .map(|s| s.operator.clone())
}

/// Owners named by the document itself (through `sc` for beams,
/// transponders and leases); `None` when the kind names none.
pub(crate) fn body_owners(kind: Kind, body: &Value, sc: Option<&Scenario>) -> Option<Vec<String>> {
    let one = |s: Option<&str>| s.map(|s| vec![s.to_owned()]);
    match kind {
        Kind::Organizations => one(text(body, "id")),
        Kind::Satellites | Kind::Stations => one(text(body, "operator")),
        Kind::Assignments => one(text(body, "administration")),
        Kind::Carriers => one(text(body, "owner")),
        Kind::Links => {
            let owners: Vec<String> = body
                .get("owners")
                .and_then(Value::as_array)
                .map(|a| {
                    a.iter()
                        .filter_map(|v| v.as_str().map(str::to_owned))
                        .collect()
                })
                .unwrap_or_default();
            (!owners.is_empty()).then_some(owners)
        }
        Kind::Beams | Kind::Transponders => {
            satellite_operator(sc, text(body, "satellite")).map(|o| vec![o])
        }
        Kind::Leases => {
            let sat = sc.and_then(|sc| {
                let t = text(body, "transponder")?;
                sc.transponders.iter().find(|x| x.id == t)
            });
            satellite_operator(sc, sat.map(|t| t.satellite.as_str())).map(|o| vec![o])
        }
        _ => None,
    }
}

/// The owners in force: the document's own, else the stored owner.
pub(crate) fn effective_owners(
    kind: Kind,
    body: &Value,
    stored: Option<&str>,
    sc: Option<&Scenario>,
) -> Vec<String> {
    body_owners(kind, body, sc)
        .unwrap_or_else(|| stored.map(|s| vec![s.to_owned()]).unwrap_or_default())
}

/// Err unless the actor's organization is among `owners`.
pub(crate) fn ensure_owner(actor: &Actor, owners: &[String], kind: Kind, id: &str) -> Result<()> {
    if owners.contains(&actor.org_id) {
        Ok(())
    } else {
        Err(StoreError::forbidden(format!(
            "{kind} {id:?} belongs to {}; organization {:?} may not change it",
            if owners.is_empty() {
                "no organization".to_owned()
            } else {
                owners.join(", ")
            },
            actor.org_id
        )))
    }
}

/// Owner of a scenario document loaded from a file, for kinds that name
/// none: a node belongs to the owner of the first link ending there, a
/// sensor to the operator of the first satellite carrying it, a demand to
/// the owner of its source node, an ownerless link to the owner of its
/// first end.
pub(crate) fn derived_owner(kind: Kind, body: &Value, sc: &Scenario) -> Option<String> {
    if let Some(owners) = body_owners(kind, body, Some(sc)) {
        return owners.into_iter().next();
    }
    let id = text(body, "id")?;
    let node_owner = |node: &str| {
        sc.links
            .iter()
            .filter(|l| l.a == node || l.b == node)
            .find_map(|l| l.owners.first().cloned())
    };
    match kind {
        Kind::Nodes => node_owner(id),
        Kind::Links => node_owner(text(body, "a")?),
        Kind::Sensors => sc
            .satellites
            .iter()
            .find(|s| s.sensor.as_deref() == Some(id))
            .map(|s| s.operator.clone()),
        Kind::Demands => node_owner(text(body, "source")?),
        _ => None,
    }
}
