//! Loading a scenario and building it back.

use silkway_model::Scenario;
use silkway_store::StoreError;

use crate::harness::{caspian, on_every_backend};

fn sorted(mut s: Scenario) -> Scenario {
    s.organizations.sort_by(|a, b| a.id.cmp(&b.id));
    s.sensors.sort_by(|a, b| a.id.cmp(&b.id));
    s.satellites.sort_by(|a, b| a.id.cmp(&b.id));
    s.stations.sort_by(|a, b| a.id.cmp(&b.id));
    s.nodes.sort_by(|a, b| a.id.cmp(&b.id));
    s.links.sort_by(|a, b| a.id.cmp(&b.id));
    s.assignments.sort_by(|a, b| a.id.cmp(&b.id));
    s.demands.sort_by(|a, b| a.id.cmp(&b.id));
    s.beams.sort_by(|a, b| a.id.cmp(&b.id));
    s.transponders.sort_by(|a, b| a.id.cmp(&b.id));
    s.carriers.sort_by(|a, b| a.id.cmp(&b.id));
    s.leases.sort_by(|a, b| a.id.cmp(&b.id));
    s
}

#[test]
fn caspian_round_trips() {
    on_every_backend("caspian_round_trips", |store| async move {
        assert!(store.is_empty().await.unwrap());
        let original = silkway_model::builtin::load("caspian").unwrap();
        assert!(
            !original.satellites.is_empty()
                && !original.links.is_empty()
                && !original.carriers.is_empty()
        );
        store.load_scenario(&original).await.unwrap();
        assert!(!store.is_empty().await.unwrap());
        let built = store.scenario().await.unwrap();
        assert_eq!(sorted(built.clone()), sorted(original.clone()));
        // Insertion order is kept too.
        assert_eq!(built, original);
        assert!(built.problems().is_empty());
    });
}

#[test]
fn a_scenario_loads_only_into_an_empty_store() {
    on_every_backend(
        "a_scenario_loads_only_into_an_empty_store",
        |store| async move {
            caspian(&store).await;
            let again = store
                .load_scenario(&silkway_model::builtin::load("caspian").unwrap())
                .await;
            assert!(
                matches!(again, Err(StoreError::Conflict { .. })),
                "{again:?}"
            );
        },
    );
}

#[test]
fn empty_store_builds_an_empty_scenario() {
    on_every_backend("empty_store_builds_an_empty_scenario", |store| async move {
        let s = store.scenario().await.unwrap();
        assert!(s.satellites.is_empty() && s.organizations.is_empty());
    });
}
