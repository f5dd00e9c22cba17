//! The audit log.

use serde_json::json;
use silkway_store::{Kind, PageRequest, Role, StoreError};

use crate::harness::{actor, caspian, on_every_backend};

#[test]
fn every_change_is_recorded_with_before_and_after() {
    on_every_backend("audit", |store| async move {
        caspian(&store).await;
        let eng = actor(&store, "azercosmos", Role::Engineer).await;
        let before = store.get(Kind::Satellites, "azerspace-1").await.unwrap();
        let mut body = before.body.clone();
        body["status"] = json!("retired");
        store
            .replace(&eng, Kind::Satellites, "azerspace-1", body)
            .await
            .unwrap();
        let admin = actor(&store, "azercosmos", Role::Admin).await;
        let page = store.audit(&admin, PageRequest::all()).await.unwrap();
        let entry = page
            .items
            .iter()
            .find(|e| e.kind == "satellites" && e.action == "update")
            .expect("update recorded");
        assert_eq!(entry.actor_user.as_deref(), Some(eng.user_id.as_str()));
        assert_eq!(entry.token_id, eng.token_id);
        assert_eq!(entry.before.as_ref().unwrap()["status"], json!("active"));
        assert_eq!(entry.after.as_ref().unwrap()["status"], json!("retired"));
        assert!(entry.at.ends_with('Z'));
        // Not for engineers; other organizations' admins do not see it.
        assert!(matches!(
            store.audit(&eng, PageRequest::default()).await,
            Err(StoreError::Forbidden { .. })
        ));
        let kz = actor(&store, "kazakhtelecom", Role::Admin).await;
        let theirs = store.audit(&kz, PageRequest::all()).await.unwrap();
        assert!(theirs.items.iter().all(|e| e.resource_id != "azerspace-1"));
        // A refused change leaves no entry.
        let n = page.items.len();
        let _ = store.delete(&kz, Kind::Satellites, "azerspace-1").await;
        assert_eq!(
            store
                .audit(&admin, PageRequest::all())
                .await
                .unwrap()
                .items
                .len(),
            n
        );
    });
}
