//! Document CRUD: validation, ownership, roles, references, paging.

use serde_json::json;
use silkway_store::{Kind, PageRequest, Role, StoreError};

use crate::harness::{actor, caspian, on_every_backend};

fn new_station(id: &str, operator: &str) -> serde_json::Value {
    json!({
        "id": id, "name": "Test VSAT", "kind": "vsat", "operator": operator,
        "position": {"lat_deg": 40.4, "lon_deg": 49.9, "alt_m": 10.0}
    })
}

#[test]
fn engineers_create_replace_and_delete_their_own_documents() {
    on_every_backend("crud", |store| async move {
        caspian(&store).await;
        let eng = actor(&store, "azercosmos", Role::Engineer).await;
        let rec = store
            .create(&eng, Kind::Stations, new_station("t-vsat", "azercosmos"))
            .await
            .unwrap();
        assert_eq!(
            (rec.revision, rec.owner_org.as_deref()),
            (1, Some("azercosmos"))
        );
        // Defaults of the model are filled in.
        assert_eq!(rec.body["elevation_mask_deg"], json!(5.0));
        let mut body = rec.body.clone();
        body["name"] = json!("Renamed");
        let rec2 = store
            .replace(&eng, Kind::Stations, "t-vsat", body)
            .await
            .unwrap();
        assert_eq!(
            (rec2.revision, rec2.body["name"].as_str()),
            (2, Some("Renamed"))
        );
        assert!(store.scenario().await.unwrap().station("t-vsat").is_some());
        store.delete(&eng, Kind::Stations, "t-vsat").await.unwrap();
        assert!(matches!(
            store.get(Kind::Stations, "t-vsat").await,
            Err(StoreError::NotFound { .. })
        ));
        let dup = store
            .create(
                &eng,
                Kind::Stations,
                new_station("baku-teleport", "azercosmos"),
            )
            .await;
        assert!(matches!(dup, Err(StoreError::Conflict { .. })), "{dup:?}");
    });
}

#[test]
fn invalid_documents_name_the_field_and_change_nothing() {
    on_every_backend("validation", |store| async move {
        caspian(&store).await;
        let eng = actor(&store, "azercosmos", Role::Engineer).await;
        let mut bad = new_station("t-bad", "azercosmos");
        bad["position"]["lat_deg"] = json!(95.0);
        match store.create(&eng, Kind::Stations, bad).await {
            Err(StoreError::Invalid { problems, .. }) => {
                assert_eq!(problems[0].field, "position.lat_deg", "{problems:?}");
                assert!(problems[0].message.contains("95"), "{problems:?}");
            }
            other => panic!("{other:?}"),
        }
        let mut wrong_type = new_station("t-bad", "azercosmos");
        wrong_type["position"]["lon_deg"] = json!("east");
        match store.create(&eng, Kind::Stations, wrong_type).await {
            Err(StoreError::Invalid { problems, .. }) => {
                assert_eq!(problems[0].field, "position.lon_deg")
            }
            other => panic!("{other:?}"),
        }
        let mut unknown_ref = new_station("t-bad", "azercosmos");
        unknown_ref["kind"] = json!("teleport");
        let sat = json!({"id": "t-sat", "name": "T", "norad_id": 99999, "orbit": "geo",
                         "operator": "azercosmos", "status": "planned"});
        match store.create(&eng, Kind::Satellites, sat).await {
            Err(StoreError::Invalid { problems, .. }) => {
                assert_eq!(problems[0].field, "geo_longitude_deg")
            }
            other => panic!("{other:?}"),
        }
        match store
            .create(&eng, Kind::Stations, json!({"name": "no id"}))
            .await
        {
            Err(StoreError::Invalid { problems, .. }) => assert_eq!(problems[0].field, "id"),
            other => panic!("{other:?}"),
        }
        assert!(store.get(Kind::Stations, "t-bad").await.is_err());
        assert!(store.get(Kind::Satellites, "t-sat").await.is_err());
    });
}

#[test]
fn other_organizations_cannot_change_or_claim_documents() {
    on_every_backend("ownership", |store| async move {
        caspian(&store).await;
        let kt = actor(&store, "kazakhtelecom", Role::Admin).await;
        let before = store.get(Kind::Satellites, "azerspace-1").await.unwrap();
        let mut body = before.body.clone();
        body["name"] = json!("HIJACKED");
        let r = store
            .replace(&kt, Kind::Satellites, "azerspace-1", body.clone())
            .await;
        assert!(matches!(r, Err(StoreError::Forbidden { .. })), "{r:?}");
        // Taking it over by naming oneself operator is refused too.
        body["operator"] = json!("kazakhtelecom");
        let r = store
            .replace(&kt, Kind::Satellites, "azerspace-1", body)
            .await;
        assert!(matches!(r, Err(StoreError::Forbidden { .. })), "{r:?}");
        let r = store.delete(&kt, Kind::Satellites, "azerspace-1").await;
        assert!(matches!(r, Err(StoreError::Forbidden { .. })), "{r:?}");
        // Creating a document another organization would own.
        let r = store
            .create(&kt, Kind::Stations, new_station("kt-fake", "azercosmos"))
            .await;
        assert!(matches!(r, Err(StoreError::Forbidden { .. })), "{r:?}");
        assert_eq!(
            store.get(Kind::Satellites, "azerspace-1").await.unwrap(),
            before
        );
        assert!(store.get(Kind::Stations, "kt-fake").await.is_err());
    });
}

#[test]
fn viewers_change_nothing_and_only_admins_change_organizations() {
    on_every_backend("roles", |store| async move {
        caspian(&store).await;
        let viewer = actor(&store, "azercosmos", Role::Viewer).await;
        let r = store
            .create(&viewer, Kind::Stations, new_station("v-st", "azercosmos"))
            .await;
        assert!(matches!(r, Err(StoreError::Forbidden { .. })), "{r:?}");
        let eng = actor(&store, "azercosmos", Role::Engineer).await;
        let org = store.get(Kind::Organizations, "azercosmos").await.unwrap();
        let r = store
            .replace(&eng, Kind::Organizations, "azercosmos", org.body.clone())
            .await;
        assert!(matches!(r, Err(StoreError::Forbidden { .. })), "{r:?}");
        let admin = actor(&store, "azercosmos", Role::Admin).await;
        let mut body = org.body.clone();
        body["name"] = json!("Azercosmos OJSC");
        store
            .replace(&admin, Kind::Organizations, "azercosmos", body)
            .await
            .unwrap();
        assert!(store.get(Kind::Stations, "v-st").await.is_err());
    });
}

#[test]
fn referenced_documents_cannot_be_deleted() {
    on_every_backend("references", |store| async move {
        caspian(&store).await;
        let sc = store.scenario().await.unwrap();
        let link = sc
            .links
            .iter()
            .find(|l| !l.owners.is_empty())
            .unwrap()
            .clone();
        let node_owner = store
            .get(Kind::Nodes, &link.a)
            .await
            .unwrap()
            .owner_org
            .unwrap();
        let owner = actor(&store, &node_owner, Role::Engineer).await;
        let r = store.delete(&owner, Kind::Nodes, &link.a).await;
        match r {
            Err(StoreError::Conflict { message }) => assert!(
                message.contains(".a") || message.contains(".b"),
                "{message}"
            ),
            other => panic!("{other:?}"),
        }
        assert!(store.get(Kind::Nodes, &link.a).await.is_ok());
    });
}

#[test]
fn pages_walk_every_document_once() {
    on_every_backend("paging", |store| async move {
        caspian(&store).await;
        let total = store.scenario().await.unwrap().nodes.len();
        let mut seen = Vec::new();
        let mut req = PageRequest {
            limit: 4,
            after: None,
        };
        loop {
            let page = store.list(Kind::Nodes, req).await.unwrap();
            assert!(page.items.len() <= 4);
            seen.extend(page.items.into_iter().map(|r| r.id));
            match page.next_cursor {
                Some(c) => req.after = Some(c.parse().unwrap()),
                None => break,
            }
        }
        let mut unique = seen.clone();
        unique.sort();
        unique.dedup();
        assert_eq!((seen.len(), unique.len()), (total, total));
    });
}

#[test]
fn link_definitions_and_tasking_documents() {
    on_every_backend("other_documents", |store| async move {
        caspian(&store).await;
        let eng = actor(&store, "azercosmos", Role::Engineer).await;
        let toml = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../link/examples/azerspace1_tashkent.toml"
        ))
        .expect("crates/link/examples/azerspace1_tashkent.toml");
        let rec = store
            .create(
                &eng,
                Kind::LinkDefinitions,
                json!({"id": "baku-as1", "toml": toml}),
            )
            .await
            .unwrap();
        assert!(rec.body["link"]["satellite"].is_object(), "{}", rec.body);
        let mut bad = rec.body.clone();
        bad["link"]["carrier"]["rolloff"] = json!(3.0);
        match store
            .replace(&eng, Kind::LinkDefinitions, "baku-as1", bad)
            .await
        {
            Err(StoreError::Invalid { problems, .. }) => {
                assert_eq!(problems[0].field, "link.carrier.rolloff")
            }
            other => panic!("{other:?}"),
        }
        let req = store
            .create(&eng, Kind::TaskingRequests, json!({"id": "tr-1", "status": "submitted", "aoi": {"type": "Point", "coordinates": [49.8, 40.4]}}))
            .await
            .unwrap();
        assert_eq!(
            (req.status.as_deref(), req.owner_org.as_deref()),
            (Some("submitted"), Some("azercosmos"))
        );
        let other = actor(&store, "kazakhtelecom", Role::Engineer).await;
        let r = store.delete(&other, Kind::TaskingRequests, "tr-1").await;
        assert!(matches!(r, Err(StoreError::Forbidden { .. })), "{r:?}");
        let r = store
            .create(&eng, Kind::TaskingOrders, json!({"id": "o-1", "status": 3}))
            .await;
        assert!(matches!(r, Err(StoreError::Invalid { .. })), "{r:?}");
    });
}
