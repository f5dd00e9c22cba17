//! Users, tokens, passwords.

use silkway_store::{NewUser, Role, StoreError};

use crate::harness::{actor, caspian, on_every_backend};

#[test]
fn tokens_are_stored_hashed_and_revocable() {
    on_every_backend("tokens", |store| async move {
        caspian(&store).await;
        let admin = actor(&store, "az-admin", Role::Admin).await;
        let (info, secret) = store
            .issue_token(Some(&admin), &admin.user_id, "ci")
            .await
            .unwrap();
        assert!(secret.starts_with("swt_") && secret.len() == 68);
        let stored: Vec<String> = sqlx::query_scalar("SELECT token_sha256 FROM tokens")
            .fetch_all(store.pool())
            .await
            .unwrap();
        assert!(!stored.iter().any(|h| h.contains(&secret[4..])));
        assert!(stored.contains(&silkway_store::secret::token_sha256(&secret)));
        assert_eq!(
            store.authenticate(&secret).await.unwrap().unwrap().user_id,
            admin.user_id
        );
        store.revoke_token(&admin, &info.id).await.unwrap();
        assert!(store.authenticate(&secret).await.unwrap().is_none());
        assert!(
            store
                .authenticate("swt_not-a-token")
                .await
                .unwrap()
                .is_none()
        );
    });
}

#[test]
fn admins_manage_only_their_own_organization() {
    on_every_backend("users", |store| async move {
        caspian(&store).await;
        let admin = actor(&store, "az-admin", Role::Admin).await;
        let new = |org: &str| NewUser {
            org_id: org.into(),
            email: format!("eng@{org}.example"),
            name: "Engineer".into(),
            role: Role::Engineer,
            password: Some("correct horse battery".into()),
        };
        let r = store.create_user(Some(&admin), new("kz-admin")).await;
        assert!(matches!(r, Err(StoreError::Forbidden { .. })), "{r:?}");
        let user = store
            .create_user(Some(&admin), new("az-admin"))
            .await
            .unwrap();
        let eng = actor(&store, "az-admin", Role::Engineer).await;
        let r = store.create_user(Some(&eng), new("az-admin")).await;
        assert!(matches!(r, Err(StoreError::Forbidden { .. })), "{r:?}");
        let kz = actor(&store, "kz-admin", Role::Admin).await;
        assert!(matches!(
            store.get_user(&kz, &user.id).await,
            Err(StoreError::NotFound { .. })
        ));
        assert!(matches!(
            store.delete_user(&kz, &user.id).await,
            Err(StoreError::NotFound { .. })
        ));
        assert!(matches!(
            store.issue_token(Some(&kz), &user.id, "x").await,
            Err(StoreError::NotFound { .. })
        ));
        // Passwords: Argon2id, login issues a token.
        let phc: String = sqlx::query_scalar("SELECT password_hash FROM users WHERE id = $1")
            .bind(user.id.clone())
            .fetch_one(store.pool())
            .await
            .unwrap();
        assert!(phc.starts_with("$argon2id$"));
        let (_, token) = store
            .login("eng@az-admin.example", "correct horse battery", "t")
            .await
            .unwrap();
        assert_eq!(
            store.authenticate(&token).await.unwrap().unwrap().user_id,
            user.id
        );
        assert!(matches!(
            store
                .login("eng@az-admin.example", "wrong password!", "t")
                .await,
            Err(StoreError::Unauthorized)
        ));
        assert!(matches!(
            store.login("nobody@x", "whatever12345", "t").await,
            Err(StoreError::Unauthorized)
        ));
        let mut short = new("az-admin");
        short.email = "short@az.example".into();
        short.password = Some("short".into());
        match store.create_user(Some(&admin), short).await {
            Err(StoreError::Invalid { problems, .. }) => assert_eq!(problems[0].field, "password"),
            other => panic!("{other:?}"),
        }
    });
}
