//! Property test: no input makes the scenario parser panic.

use proptest::prelude::*;
use silkway_model::{Scenario, builtin};

fn caspian() -> &'static str {
    builtin::text("caspian").unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_text(text in "\\PC{0,400}") {
        let _ = Scenario::from_toml(&text, "fuzz.toml");
        let _ = Scenario::from_json(&text, "fuzz.json");
    }

    #[test]
    fn mutated_builtin(pos in 0usize..40_000, len in 0usize..40, insert in "[\\[\\]\"=a-z0-9.\\n -]{0,12}") {
        let base = caspian();
        let mut start = pos % base.len();
        while !base.is_char_boundary(start) { start -= 1; }
        let mut end = (start + len).min(base.len());
        while !base.is_char_boundary(end) { end -= 1; }
        let mut text = base.to_owned();
        text.replace_range(start..end, &insert);
        if let Err(e) = Scenario::from_toml(&text, "fuzz.toml") {
            // Every error renders and names the file.
            prop_assert!(e.to_string().contains("fuzz.toml"));
        }
    }

    #[test]
    fn numbers_replaced_by_extremes(pick in 0usize..500, value in prop_oneof![
        Just("nan".to_string()), Just("inf".to_string()), Just("-inf".to_string()),
        Just("1e308".to_string()), Just("-0.0".to_string()), Just("99999999999999999999".to_string()),
    ]) {
        let base = caspian();
        let numbers: Vec<_> = base.match_indices(" = ").filter(|(i, _)| {
            base[i + 3..].starts_with(|c: char| c.is_ascii_digit() || c == '-')
        }).collect();
        let (i, _) = numbers[pick % numbers.len()];
        let start = i + 3;
        let end = start + base[start..].find(|c: char| c.is_whitespace() || c == ',' || c == '}').unwrap_or(0);
        let mut text = base.to_owned();
        text.replace_range(start..end, &value);
        let _ = Scenario::from_toml(&text, "fuzz.toml");
    }
}
