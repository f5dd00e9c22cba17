//! Positions of fields inside a TOML scenario file.
//!
//! Validation runs on typed values, which have forgotten where they came
//! from; this map re-reads the text with spans so that a problem at
//! `links[3].length_km` can name its line, and a parser error at a byte
//! offset can name its field.

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use crate::field_path::{FieldPath, Segment};

/// A parsed TOML document with the byte span of every value.
pub struct SourceMap<'a> {
    text: &'a str,
    root: Option<Spanned<DeTable<'a>>>,
}

impl<'a> SourceMap<'a> {
    /// Build the map; a document that does not parse gives an empty map
    /// (lines can then still be computed from byte offsets).
    pub fn new(text: &'a str) -> Self {
        Self {
            text,
            root: DeTable::parse(text).ok(),
        }
    }

    /// 1-based line and column (in characters) of a byte offset.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.text.len());
        let before = self.text.get(..offset).unwrap_or(self.text);
        let line = before.matches('\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let column = before[line_start..].chars().count() + 1;
        (line, column)
    }

    /// The 1-based line where the value at `path` starts, or where its
    /// nearest existing parent starts when the field itself is absent.
    pub fn line_of(&self, path: &FieldPath) -> Option<usize> {
        let root = self.root.as_ref()?;
        let mut best = None;
        let mut table: Option<&DeTable<'a>> = Some(root.get_ref());
        let mut value: Option<&Spanned<DeValue<'a>>> = None;
        for segment in path.segments() {
            let next = match (segment, table, value) {
                (Segment::Key(k), Some(t), _) => t.get(k.as_str()),
                (Segment::Index(i), _, Some(v)) => match v.get_ref() {
                    DeValue::Array(items) => items.get(*i),
                    _ => None,
                },
                _ => None,
            };
            let Some(next) = next else { break };
            best = Some(next.span().start);
            table = match next.get_ref() {
                DeValue::Table(t) => Some(t),
                _ => None,
            };
            value = Some(next);
        }
        best.map(|offset| self.line_col(offset).0)
    }

    /// The deepest field whose key or value contains the byte offset.
    ///
    /// Spans of tables cover only their header, so every key and value is
    /// visited and the longest matching path wins.
    pub fn path_at(&self, offset: usize) -> Option<FieldPath> {
        let root = self.root.as_ref()?;
        let mut best: Option<FieldPath> = None;
        visit_table(root.get_ref(), &FieldPath::root(), &mut |path, spans| {
            let hit = spans
                .iter()
                .any(|s| s.start <= offset && offset < s.end.max(s.start + 1));
            let deeper = best
                .as_ref()
                .is_none_or(|b| path.segments().len() > b.segments().len());
            if hit && deeper {
                best = Some(path.clone());
            }
        });
        best
    }
}

type Visitor<'v> = dyn FnMut(&FieldPath, &[std::ops::Range<usize>]) + 'v;

fn visit_table(table: &DeTable<'_>, path: &FieldPath, f: &mut Visitor<'_>) {
    for (key, value) in table.iter() {
        let child = path.key(key.get_ref());
        f(&child, &[key.span(), value.span()]);
        visit_value(value, &child, f);
    }
}

fn visit_value(value: &Spanned<DeValue<'_>>, path: &FieldPath, f: &mut Visitor<'_>) {
    match value.get_ref() {
        DeValue::Table(t) => visit_table(t, path, f),
        DeValue::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                let child = path.index(i);
                f(&child, &[item.span()]);
                visit_value(item, &child, f);
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const DOC: &str = "name = \"x\"\n\n[[links]]\nid = \"a\"\nlength_km = 3.0\n\n[[links]]\nid = \"b\"\nlength_km = -1.0\n";

    #[test]
    fn finds_the_line_of_a_nested_field() {
        let map = SourceMap::new(DOC);
        let path = FieldPath::root().key("links").index(1).key("length_km");
        assert_eq!(map.line_of(&path), Some(9));
        assert_eq!(map.line_of(&FieldPath::root().key("name")), Some(1));
    }

    #[test]
    fn falls_back_to_the_parent_when_the_field_is_absent() {
        let map = SourceMap::new(DOC);
        let path = FieldPath::root().key("links").index(1).key("capacity_gbps");
        let line = map.line_of(&path).unwrap();
        assert!((7..=9).contains(&line), "line {line}");
    }

    #[test]
    fn names_the_field_at_an_offset() {
        let map = SourceMap::new(DOC);
        let offset = DOC.find("-1.0").unwrap();
        assert_eq!(
            map.path_at(offset).unwrap().to_string(),
            "links[1].length_km"
        );
    }

    #[test]
    fn counts_columns_in_characters() {
        let map = SourceMap::new("a = \"é\"\nb = 1");
        assert_eq!(map.line_col(map.text.find('b').unwrap()), (2, 1));
    }
}
