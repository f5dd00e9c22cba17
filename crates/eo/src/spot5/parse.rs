//! Reader of `.spot` instance files.
//!
//! ```text
//! <number of photographs n>
//! n lines: <id> <profit> <k> {<value> <consumption>}×k [ignored fields]
//! <number of constraints m>
//! m lines: <arity> <id>×arity {<value>×arity}*     (forbidden tuples)
//! [<capacity>]                                      (multi-orbit only)
//! ```
//!
//! In the multi-orbit files the constraint count includes the capacity
//! line; both counts are accepted. Every error names the file, the 1-based
//! line and the field, with what was expected and what was found; no input
//! makes the reader panic.

use std::path::Path;
use std::str::FromStr;

use super::instance::{CameraOption, Capacity, Constraint, Instance, MEMORY_CAPACITY, Photo};
use crate::Error;

/// Upper limits that keep a corrupt header from allocating absurd amounts.
const MAX_PHOTOS: usize = 1_000_000;
const MAX_DOMAIN: usize = 64;

/// Reads and parses a `.spot` file.
pub fn read_instance(path: &Path) -> Result<Instance, Error> {
    let text = std::fs::read_to_string(path).map_err(|source| Error::Io {
        path: path.to_path_buf(),
        source,
    })?;
    parse_instance(&text, &path.display().to_string())
}

/// Parses the text of a `.spot` file; `file` names it in errors.
pub fn parse_instance(text: &str, file: &str) -> Result<Instance, Error> {
    let mut lines = text
        .lines()
        .enumerate()
        .map(|(i, l)| (i + 1, l.split_whitespace().collect::<Vec<_>>()))
        .filter(|(_, t)| !t.is_empty());
    let err = |line: usize, field: &str, expected: &str, found: &str| Error::Parse {
        file: file.to_string(),
        line,
        field: field.to_string(),
        expected: expected.to_string(),
        found: found.to_string(),
    };
    let eof = |field: &str, expected: &str| err(0, field, expected, "end of file");

    let (line, toks) = lines
        .next()
        .ok_or_else(|| eof("photograph count", "an integer"))?;
    let n: usize = one_number(&toks, line, "photograph count", &err)?;
    if n > MAX_PHOTOS {
        return Err(err(
            line,
            "photograph count",
            &format!("at most {MAX_PHOTOS}"),
            &n.to_string(),
        ));
    }
    let mut photos = Vec::with_capacity(n.min(4096));
    for id in 0..n {
        let (line, toks) = lines
            .next()
            .ok_or_else(|| eof(&format!("photograph {id}"), "a photograph line"))?;
        photos.push(parse_photo(&toks, line, id, &err)?);
    }

    let (line, toks) = lines
        .next()
        .ok_or_else(|| eof("constraint count", "an integer"))?;
    let m: usize = one_number(&toks, line, "constraint count", &err)?;
    let mut constraints = Vec::with_capacity(m.min(65_536));
    let mut capacity = None;
    let mut last_line = line;
    for (line, toks) in lines {
        last_line = line;
        if capacity.is_some() {
            return Err(err(
                line,
                "end of file",
                "nothing after the capacity line",
                toks[0],
            ));
        }
        if toks.len() == 1 {
            let c: f64 = number(toks[0], line, "capacity", &err)?;
            if !c.is_finite() || c < 0.0 {
                return Err(err(line, "capacity", "a non-negative number", toks[0]));
            }
            capacity = Some(Capacity {
                in_file: c,
                units: MEMORY_CAPACITY,
            });
            continue;
        }
        if constraints.len() >= m {
            return Err(err(
                line,
                "constraint",
                &format!("no more than {m} constraints (the count given)"),
                "another constraint line",
            ));
        }
        constraints.push(parse_constraint(&toks, line, n, &err)?);
    }
    let counted = constraints.len() + usize::from(capacity.is_some());
    if constraints.len() != m && counted != m {
        return Err(err(
            last_line,
            "constraint count",
            &format!("{m} constraints"),
            &format!("{} constraint lines", constraints.len()),
        ));
    }
    Ok(Instance {
        name: file.to_string(),
        photos,
        constraints,
        capacity,
    })
}

type ErrFn<'a> = dyn Fn(usize, &str, &str, &str) -> Error + 'a;

fn number<T: FromStr>(tok: &str, line: usize, field: &str, err: &ErrFn<'_>) -> Result<T, Error> {
    tok.parse::<T>().map_err(|_| {
        let expected = std::any::type_name::<T>();
        let expected = match expected {
            "f64" => "a number",
            "u64" | "u32" | "usize" => "a non-negative integer",
            other => other,
        };
        err(line, field, expected, tok)
    })
}

fn one_number<T: FromStr>(
    toks: &[&str],
    line: usize,
    field: &str,
    err: &ErrFn<'_>,
) -> Result<T, Error> {
    if toks.len() != 1 {
        return Err(err(
            line,
            field,
            "a single integer on the line",
            &toks.join(" "),
        ));
    }
    number(toks[0], line, field, err)
}

fn parse_photo(toks: &[&str], line: usize, id: usize, err: &ErrFn<'_>) -> Result<Photo, Error> {
    let get = |i: usize, field: &str| -> Result<&str, Error> {
        toks.get(i)
            .copied()
            .ok_or_else(|| err(line, field, "another field", "end of line"))
    };
    let file_id: usize = number(get(0, "photograph id")?, line, "photograph id", err)?;
    if file_id != id {
        return Err(err(line, "photograph id", &id.to_string(), toks[0]));
    }
    let profit: u64 = number(get(1, "profit")?, line, "profit", err)?;
    let k: usize = number(get(2, "domain size")?, line, "domain size", err)?;
    if k == 0 || k > MAX_DOMAIN {
        return Err(err(
            line,
            "domain size",
            &format!("1 to {MAX_DOMAIN}"),
            toks[2],
        ));
    }
    let mut options: Vec<CameraOption> = Vec::with_capacity(k);
    for j in 0..k {
        let vf = format!("camera value {}", j + 1);
        let value: u32 = number(get(3 + 2 * j, &vf)?, line, &vf, err)?;
        if value == 0 {
            return Err(err(line, &vf, "a non-zero camera value", "0"));
        }
        if options.iter().any(|o| o.value == value) {
            return Err(err(
                line,
                &vf,
                "a value not already listed",
                toks[3 + 2 * j],
            ));
        }
        let cf = format!("consumption {}", j + 1);
        let consumption: f64 = number(get(4 + 2 * j, &cf)?, line, &cf, err)?;
        if !consumption.is_finite() || !(0.0..=1e12).contains(&consumption) {
            return Err(err(
                line,
                &cf,
                "a finite non-negative number",
                toks[4 + 2 * j],
            ));
        }
        options.push(CameraOption { value, consumption });
    }
    Ok(Photo {
        profit,
        options,
        line,
    })
}

fn parse_constraint(
    toks: &[&str],
    line: usize,
    n: usize,
    err: &ErrFn<'_>,
) -> Result<Constraint, Error> {
    let arity: usize = number(toks[0], line, "arity", err)?;
    if !(arity == 2 || arity == 3) {
        return Err(err(line, "arity", "2 or 3", toks[0]));
    }
    if toks.len() < 1 + arity {
        return Err(err(
            line,
            "photograph ids",
            &format!("{arity} ids"),
            "end of line",
        ));
    }
    let mut photos = Vec::with_capacity(arity);
    for (j, tok) in toks[1..=arity].iter().enumerate() {
        let f = format!("photograph id {}", j + 1);
        let id: usize = number(tok, line, &f, err)?;
        if id >= n {
            return Err(err(line, &f, &format!("an id below {n}"), tok));
        }
        photos.push(id as u32);
    }
    let rest = &toks[1 + arity..];
    if rest.len() % arity != 0 {
        return Err(err(
            line,
            "forbidden tuples",
            &format!("a multiple of {arity} values"),
            &format!("{} values", rest.len()),
        ));
    }
    let mut forbidden = Vec::with_capacity(rest.len() / arity);
    for (t, chunk) in rest.chunks(arity).enumerate() {
        let mut tuple = Vec::with_capacity(arity);
        for tok in chunk {
            let f = format!("forbidden tuple {}", t + 1);
            tuple.push(number::<u32>(tok, line, &f, err)?);
        }
        forbidden.push(tuple);
    }
    Ok(Constraint {
        photos,
        forbidden,
        line,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const SMALL: &str = "3\n0 1 3 1 0 2 0 3 0\n1 2 1 13 0\n2 5 1 13 902.3 7 1\n2\n2 0 1 1 13 3 13\n3 0 1 2 2 13 13\n";

    #[test]
    fn parses_small_instance() {
        let inst = parse_instance(SMALL, "small.spot").unwrap();
        assert_eq!(inst.photos.len(), 3);
        assert_eq!(inst.photos[2].options[0].weight(), 2);
        assert_eq!(inst.constraints[1].forbidden, vec![vec![2, 13, 13]]);
        assert!(inst.capacity.is_none());
    }

    #[test]
    fn capacity_line_counted_or_not() {
        let a = format!("{}\n90000\n", SMALL);
        let inst = parse_instance(&a, "a").unwrap();
        assert_eq!(inst.capacity.unwrap().units, MEMORY_CAPACITY);
        let b = a.replacen("\n2\n2 0", "\n3\n2 0", 1);
        assert!(parse_instance(&b, "b").unwrap().capacity.is_some());
    }

    #[test]
    fn errors_name_line_and_field() {
        let bad = SMALL.replace("1 2 1 13 0", "1 x 1 13 0");
        let e = parse_instance(&bad, "bad.spot").unwrap_err().to_string();
        assert!(e.contains("bad.spot:3: profit"), "{e}");
        let bad = SMALL.replace("3 0 1 2", "3 0 1 9");
        let e = parse_instance(&bad, "bad.spot").unwrap_err().to_string();
        assert!(e.contains(":7: photograph id 3"), "{e}");
        let bad = SMALL.replace("2 13 13", "2 13");
        let e = parse_instance(&bad, "f").unwrap_err().to_string();
        assert!(e.contains("forbidden tuples"), "{e}");
        let e = parse_instance("2\n0 1 1 1 0\n", "f")
            .unwrap_err()
            .to_string();
        assert!(e.contains("end of file"), "{e}");
    }
}
