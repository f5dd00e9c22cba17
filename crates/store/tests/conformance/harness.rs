//! Backends to run each case on.

use std::future::Future;
use std::path::PathBuf;

use silkway_store::{Actor, NewUser, Role, Store};

/// Environment variable naming a PostgreSQL server for the suite.
pub const PG_ENV: &str = "SILKWAY_TEST_POSTGRES_URL";

fn unique(prefix: &str) -> String {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or(0);
    format!("{prefix}_{}_{nanos}", std::process::id())
}

struct TempFile(PathBuf);

impl Drop for TempFile {
    fn drop(&mut self) {
        for suffix in ["", "-wal", "-shm"] {
            let mut p = self.0.clone().into_os_string();
            p.push(suffix);
            let _ = std::fs::remove_file(p);
        }
    }
}

/// Run `case` on a fresh SQLite store, then on a fresh PostgreSQL
/// database when [`PG_ENV`] is set (a notice is printed when it is not).
pub fn on_every_backend<F, Fut>(name: &str, case: F)
where
    F: Fn(Store) -> Fut,
    Fut: Future<Output = ()>,
{
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    rt.block_on(async {
        let file =
            TempFile(std::env::temp_dir().join(format!("{}.db", unique("silkway_store_test"))));
        let url = format!("sqlite://{}", file.0.display());
        let store = Store::open(&url).await.unwrap();
        case(store.clone()).await;
        store.close().await;

        match std::env::var(PG_ENV) {
            Ok(base) if !base.is_empty() => {
                let db = unique("silkway_test").to_lowercase();
                let admin = Store::open_raw(&base).await;
                sqlx::query(&format!("CREATE DATABASE {db}"))
                    .execute(&admin)
                    .await
                    .unwrap();
                let url = with_database(&base, &db);
                let store = Store::open(&url)
                    .await
                    .unwrap_or_else(|e| panic!("{name}: open {url}: {e}"));
                case(store.clone()).await;
                store.close().await;
                sqlx::query(&format!("DROP DATABASE {db} WITH (FORCE)"))
                    .execute(&admin)
                    .await
                    .unwrap();
                admin.close().await;
            }
            _ => eprintln!(
                "{name}: PostgreSQL half skipped ({PG_ENV} not set; scripts/test.sh sets it)"
            ),
        }
    });
}

/// `base` with its database path replaced by `db`.
fn with_database(base: &str, db: &str) -> String {
    let (head, query) = match base.split_once('?') {
        Some((h, q)) => (h, Some(q)),
        None => (base, None),
    };
    let scheme_end = head.find("://").map(|i| i + 3).unwrap_or(0);
    let host_end = head[scheme_end..]
        .find('/')
        .map(|i| scheme_end + i)
        .unwrap_or(head.len());
    let mut url = format!("{}/{db}", &head[..host_end]);
    if let Some(q) = query {
        url.push('?');
        url.push_str(q);
    }
    url
}

/// Opening a pool on the server's default database, to create and drop test databases.
trait OpenRaw {
    async fn open_raw(url: &str) -> sqlx::AnyPool;
}

impl OpenRaw for Store {
    async fn open_raw(url: &str) -> sqlx::AnyPool {
        sqlx::any::install_default_drivers();
        sqlx::any::AnyPoolOptions::new()
            .max_connections(1)
            .connect(url)
            .await
            .unwrap_or_else(|e| panic!("cannot connect to {PG_ENV}={url}: {e}"))
    }
}

/// The built-in caspian scenario, loaded.
pub async fn caspian(store: &Store) {
    let sc = silkway_model::builtin::load("caspian").unwrap();
    store.load_scenario(&sc).await.unwrap();
}

/// A user of `org` with `role`, and the actor its new token authenticates as.
pub async fn actor(store: &Store, org: &str, role: Role) -> Actor {
    let user = store
        .create_user(
            None,
            NewUser {
                org_id: org.into(),
                email: format!("{}@{org}.example", unique(role.as_str())),
                name: format!("{role} of {org}"),
                role,
                password: None,
            },
        )
        .await
        .unwrap();
    let (_, secret) = store.issue_token(None, &user.id, "test").await.unwrap();
    store.authenticate(&secret).await.unwrap().unwrap()
}
