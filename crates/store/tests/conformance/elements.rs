//! Element-set import and history.

use silkway_store::{Kind, PageRequest, Role, StoreError};

use crate::harness::{actor, caspian, on_every_backend};

/// TLE checksum: digits summed, '-' counts 1, modulo 10 (Space-Track format).
fn with_checksum(line: &str) -> String {
    let body = &line[..68];
    let sum: u32 = body
        .chars()
        .map(|c| match c {
            '-' => 1,
            c => c.to_digit(10).unwrap_or(0),
        })
        .sum();
    format!("{body}{}", sum % 10)
}

#[test]
fn imports_file_sets_under_the_satellite_and_keep_history() {
    on_every_backend("elements", |store| async move {
        caspian(&store).await;
        let sat = store.get(Kind::Satellites, "azerspace-1").await.unwrap();
        let line1: String = sat.body["tle"]["line1"].as_str().unwrap().to_owned();
        let line2: String = sat.body["tle"]["line2"].as_str().unwrap().to_owned();
        // The same satellite one day later (epoch day 150 → 151).
        let newer1 = with_checksum(&line1.replacen("26150.", "26151.", 1));
        let text = format!("AZERSPACE 1\n{newer1}\n{line2}\n");
        let other = actor(&store, "kazakhtelecom", Role::Engineer).await;
        let r = store.import_element_sets(&other, "x.tle", &text).await;
        assert!(matches!(r, Err(StoreError::Forbidden { .. })), "{r:?}");
        assert_eq!(
            store
                .element_sets("azerspace-1", PageRequest::all())
                .await
                .unwrap()
                .items
                .len(),
            1
        );

        let eng = actor(&store, "azercosmos", Role::Engineer).await;
        let report = store
            .import_element_sets(&eng, "celestrak.tle", &text)
            .await
            .unwrap();
        assert_eq!(report.imported.len(), 1, "{report:?}");
        assert!(
            report.imported[0].epoch.starts_with("2026-05-31"),
            "{report:?}"
        );
        let history = store
            .element_sets("azerspace-1", PageRequest::all())
            .await
            .unwrap();
        assert_eq!(history.items.len(), 2);
        assert_eq!(history.items[1].line1.as_deref(), Some(newer1.as_str()));
        let sc = store.scenario().await.unwrap();
        assert_eq!(
            sc.satellite("azerspace-1")
                .unwrap()
                .tle
                .as_ref()
                .unwrap()
                .line1,
            newer1
        );
        // Again: a duplicate; a bad checksum and an unknown satellite are reported.
        let again = store
            .import_element_sets(&eng, "celestrak.tle", &text)
            .await
            .unwrap();
        assert_eq!((again.imported.len(), again.duplicates.len()), (0, 1));
        let bad = format!("{}0\n{line2}\n", &newer1[..68]);
        let bad = if bad == format!("{newer1}\n{line2}\n") {
            format!("{}1\n{line2}\n", &newer1[..68])
        } else {
            bad
        };
        let report = store
            .import_element_sets(&eng, "bad.tle", &bad)
            .await
            .unwrap();
        assert!(
            report.imported.is_empty() && !report.rejected.is_empty(),
            "{report:?}"
        );
        assert!(report.rejected[0].contains("bad.tle"), "{report:?}");
    });
}
