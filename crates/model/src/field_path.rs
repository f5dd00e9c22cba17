//! Paths to a field inside a scenario, printed as `links[3].length_km`.

use std::fmt;

/// One step of a [`FieldPath`]: a table key or an array index.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Segment {
    /// A key of a table (`length_km`).
    Key(String),
    /// An index into an array (`[3]`, zero-based).
    Index(usize),
}

/// The location of a value inside a scenario document.
///
/// # Examples
/// ```
/// use silkway_model::FieldPath;
/// let p = FieldPath::root().key("links").index(3).key("length_km");
/// assert_eq!(p.to_string(), "links[3].length_km");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct FieldPath {
    segments: Vec<Segment>,
}

impl FieldPath {
    /// The empty path: the document itself.
    pub fn root() -> Self {
        Self::default()
    }

    /// This path extended by a table key.
    pub fn key(&self, key: &str) -> Self {
        let mut next = self.clone();
        next.segments.push(Segment::Key(key.to_owned()));
        next
    }

    /// This path extended by an array index.
    pub fn index(&self, index: usize) -> Self {
        let mut next = self.clone();
        next.segments.push(Segment::Index(index));
        next
    }

    /// The steps of the path, outermost first.
    pub fn segments(&self) -> &[Segment] {
        &self.segments
    }

    /// Parse the printed form back (`links[3].length_km`); `None` when malformed.
    pub fn parse(text: &str) -> Option<Self> {
        let mut path = Self::root();
        if text.is_empty() {
            return Some(path);
        }
        for part in text.split('.') {
            let (key, mut rest) = match part.find('[') {
                Some(i) => (&part[..i], &part[i..]),
                None => (part, ""),
            };
            if key.is_empty() {
                return None;
            }
            path = path.key(key);
            while !rest.is_empty() {
                let close = rest.find(']')?;
                let index: usize = rest.get(1..close)?.parse().ok()?;
                path = path.index(index);
                rest = &rest[close + 1..];
                if !rest.is_empty() && !rest.starts_with('[') {
                    return None;
                }
            }
        }
        Some(path)
    }
}

impl fmt::Display for FieldPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, segment) in self.segments.iter().enumerate() {
            match segment {
                Segment::Key(k) if i == 0 => write!(f, "{k}")?,
                Segment::Key(k) => write!(f, ".{k}")?,
                Segment::Index(n) => write!(f, "[{n}]")?,
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_through_text() {
        for text in [
            "",
            "name",
            "links[3].length_km",
            "stations[0].antennas[1].gain_dbi",
        ] {
            assert_eq!(FieldPath::parse(text).unwrap().to_string(), text);
        }
    }

    #[test]
    fn rejects_malformed_text() {
        for text in ["links[", "links[x]", ".a", "a..b", "a[1]b"] {
            assert!(FieldPath::parse(text).is_none(), "{text}");
        }
    }
}
