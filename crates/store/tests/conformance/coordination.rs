//! Coordination requests.

use silkway_store::{CoordinationStatus, NewCoordination, PageRequest, Role, StoreError};

use crate::harness::{actor, caspian, on_every_backend};

#[test]
fn only_the_two_administrations_see_and_move_a_request() {
    on_every_backend("coordination", |store| async move {
        caspian(&store).await;
        let az = actor(&store, "az-admin", Role::Engineer).await;
        let ir = actor(&store, "ir-admin", Role::Engineer).await;
        let kz = actor(&store, "kz-admin", Role::Admin).await;
        let req = store
            .open_coordination(
                &az,
                NewCoordination {
                    to_org: "ir-admin".into(),
                    subject: "Astara FS link".into(),
                    assignments: vec!["az-astara-lankaran-tx".into()],
                    analyses: vec![serde_json::json!({"i_over_n_db": -8.2})],
                    ..Default::default()
                },
            )
            .await
            .unwrap();
        assert_eq!(req.status, CoordinationStatus::Open);
        assert!(matches!(
            store.get_coordination(&kz, &req.id).await,
            Err(StoreError::NotFound { .. })
        ));
        assert!(
            store
                .list_coordination(&kz, PageRequest::default())
                .await
                .unwrap()
                .items
                .is_empty()
        );
        assert!(matches!(
            store
                .transition_coordination(&kz, &req.id, CoordinationStatus::Agreed, None)
                .await,
            Err(StoreError::NotFound { .. })
        ));
        assert!(matches!(
            store
                .comment_coordination(&kz, &req.id, "let me in", None)
                .await,
            Err(StoreError::NotFound { .. })
        ));
        // The requester cannot review its own request; no skipping states.
        assert!(matches!(
            store
                .transition_coordination(&az, &req.id, CoordinationStatus::UnderReview, None)
                .await,
            Err(StoreError::Forbidden { .. })
        ));
        assert!(matches!(
            store
                .transition_coordination(&ir, &req.id, CoordinationStatus::Agreed, None)
                .await,
            Err(StoreError::Conflict { .. })
        ));
        store
            .transition_coordination(
                &ir,
                &req.id,
                CoordinationStatus::UnderReview,
                Some("looking"),
            )
            .await
            .unwrap();
        store
            .comment_coordination(
                &az,
                &req.id,
                "profile attached",
                Some(serde_json::json!({"path_loss_db": 142.0})),
            )
            .await
            .unwrap();
        let done = store
            .transition_coordination(&ir, &req.id, CoordinationStatus::Objected, None)
            .await
            .unwrap();
        assert_eq!(done.status, CoordinationStatus::Objected);
        assert_eq!(done.comments.len(), 2);
        assert_eq!(
            store.get_coordination(&az, &req.id).await.unwrap().status,
            CoordinationStatus::Objected
        );
        // Only administrations coordinate; only with another administration.
        let op = actor(&store, "azercosmos", Role::Engineer).await;
        let r = store
            .open_coordination(
                &op,
                NewCoordination {
                    to_org: "ir-admin".into(),
                    subject: "x".into(),
                    ..Default::default()
                },
            )
            .await;
        assert!(matches!(r, Err(StoreError::Forbidden { .. })), "{r:?}");
        match store
            .open_coordination(
                &az,
                NewCoordination {
                    to_org: "azercosmos".into(),
                    subject: "x".into(),
                    ..Default::default()
                },
            )
            .await
        {
            Err(StoreError::Invalid { problems, .. }) => assert_eq!(problems[0].field, "to_org"),
            other => panic!("{other:?}"),
        }
    });
}
