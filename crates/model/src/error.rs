//! The model crate's errors.

use std::fmt;

/// One validation rule violated by a scenario.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Problem {
    /// Where the bad value is, e.g. `links[3].length_km`.
    pub path: String,
    /// 1-based line in the source file, when the format and the value allow it.
    pub line: Option<usize>,
    /// What is wrong, with the value found and what was expected.
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "line {line}: {}: {}", self.path, self.message),
            None => write!(f, "{}: {}", self.path, self.message),
        }
    }
}

/// Everything that can go wrong reading, validating or writing a scenario.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ModelError {
    /// The file is not well-formed TOML/JSON, or a value has the wrong type
    /// or an unknown field.
    #[error("{origin}:{line}:{column}: {field}{message}", field = field_prefix(.path))]
    Syntax {
        /// File name (or `<builtin:NAME>`, `<stdin>`).
        origin: String,
        /// 1-based line.
        line: usize,
        /// 1-based column (characters).
        column: usize,
        /// The field at that position, when it can be told.
        path: Option<String>,
        /// The parser's explanation.
        message: String,
    },
    /// The file parsed but breaks validation rules.
    #[error("{origin}: {count} problem(s):\n{list}", count = .problems.len(), list = list_problems(.origin, .problems))]
    Invalid {
        /// File name.
        origin: String,
        /// Every violation found, in document order.
        problems: Vec<Problem>,
    },
    /// No built-in scenario has that name.
    #[error("no built-in scenario named {name:?} (available: {available})")]
    UnknownBuiltin {
        /// The name asked for.
        name: String,
        /// The names that exist, comma-separated.
        available: String,
    },
    /// Serialising a scenario failed (a value the format cannot hold).
    #[error("cannot write the scenario as {format}: {message}")]
    Serialize {
        /// Target format.
        format: &'static str,
        /// Explanation.
        message: String,
    },
}

fn field_prefix(path: &Option<String>) -> String {
    match path {
        Some(p) if !p.is_empty() => format!("{p}: "),
        _ => String::new(),
    }
}

fn list_problems(origin: &str, problems: &[Problem]) -> String {
    problems
        .iter()
        .map(|p| match p.line {
            Some(line) => format!("  {origin}:{line}: {}: {}", p.path, p.message),
            None => format!("  {origin}: {}: {}", p.path, p.message),
        })
        .collect::<Vec<_>>()
        .join("\n")
}
