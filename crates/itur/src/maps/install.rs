//! The map installer: obtain ITU-Rpy's map files and convert them into the
//! local cache.
//!
//! Sources:
//! - the `itur` 0.4.0 wheel from PyPI (downloaded with
//!   `pip download itur==0.4.0 --no-deps`); the wheel is a zip whose
//!   `itur/data/**.npz` entries hold the maps;
//! - a folder holding such a wheel, or an unpacked ITU-Rpy `data` folder
//!   (the folder itself, or its `data/` or `itur/data/` subfolder).

use std::collections::HashMap;
use std::fs::File;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::Command;

use super::npy::{Array2, parse_npz};
use super::{MANIFEST, MapId, cache};
use crate::p1144::Grid;
use crate::{Error, Result};

/// The PyPI distribution the maps come from.
pub const PYPI_REQUIREMENT: &str = "itur==0.4.0";

/// Where to take the maps from.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub enum InstallSource {
    /// Download the `itur` 0.4.0 wheel with pip.
    PyPi,
    /// A folder with a wheel or an ITU-Rpy `data` folder, or a wheel file.
    Path(PathBuf),
}

/// What an install did.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct InstallReport {
    /// The cache folder.
    pub dir: PathBuf,
    /// Number of maps in the cache.
    pub maps: usize,
    /// Bytes written.
    pub bytes: u64,
    /// Where the maps came from (wheel file or folder).
    pub source: String,
    /// `true` if the maps were already installed and nothing was done.
    pub already_installed: bool,
}

/// Install the maps into `dest` (see [`super::default_dir`]). Does nothing
/// when a complete install is already there, unless `force`.
pub fn install(source: &InstallSource, dest: &Path, force: bool) -> Result<InstallReport> {
    if !force && dest.join(MANIFEST).is_file() {
        return Ok(InstallReport {
            dir: dest.to_path_buf(),
            maps: MapId::all().len(),
            bytes: 0,
            source: "existing install".into(),
            already_installed: true,
        });
    }
    let io = |path: &Path| {
        let path = path.to_path_buf();
        move |source| Error::Io { path, source }
    };
    std::fs::create_dir_all(dest).map_err(io(dest))?;
    match source {
        InstallSource::PyPi => {
            let tmp = dest.join(".download");
            std::fs::create_dir_all(&tmp).map_err(io(&tmp))?;
            let wheel = download_wheel(&tmp)?;
            let report = convert(
                &mut Reader::wheel(&wheel)?,
                dest,
                &wheel.display().to_string(),
            );
            let _ = std::fs::remove_dir_all(&tmp);
            report
        }
        InstallSource::Path(p) => {
            let mut reader = Reader::from_path(p)?;
            let label = reader.label();
            convert(&mut reader, dest, &label)
        }
    }
}

/// Run `pip download itur==0.4.0 --no-deps -d DIR` (trying `pip`, `pip3`,
/// `python3 -m pip`, `python -m pip`) and return the wheel's path.
pub fn download_wheel(dir: &Path) -> Result<PathBuf> {
    let candidates: [(&str, &[&str]); 4] = [
        ("pip", &[]),
        ("pip3", &[]),
        ("python3", &["-m", "pip"]),
        ("python", &["-m", "pip"]),
    ];
    let mut tried = Vec::new();
    for (prog, pre) in candidates {
        let out = Command::new(prog)
            .args(pre)
            .args([
                "download",
                PYPI_REQUIREMENT,
                "--no-deps",
                "--only-binary=:all:",
                "-d",
            ])
            .arg(dir)
            .output();
        match out {
            Ok(o) if o.status.success() => {
                return find_wheel(dir)?.ok_or_else(|| {
                    Error::Install(format!(
                        "`{prog} download` succeeded but no itur wheel is in {}",
                        dir.display()
                    ))
                });
            }
            Ok(o) => tried.push(format!(
                "`{prog} {}download` failed: {}",
                pre.iter().map(|s| format!("{s} ")).collect::<String>(),
                String::from_utf8_lossy(&o.stderr)
                    .lines()
                    .last()
                    .unwrap_or("")
                    .trim()
            )),
            Err(_) => tried.push(format!("`{prog}` not found")),
        }
    }
    Err(Error::Install(format!(
        "could not download {PYPI_REQUIREMENT} from PyPI: pip is needed (install python3-pip, \
         e.g. `apt-get install python3-pip`), or download the wheel elsewhere and use \
         `silkway data install itu-maps --from DIR`. Tried: {}",
        tried.join("; ")
    )))
}

fn find_wheel(dir: &Path) -> Result<Option<PathBuf>> {
    let rd = std::fs::read_dir(dir).map_err(|source| Error::Io {
        path: dir.to_path_buf(),
        source,
    })?;
    let mut found: Vec<PathBuf> = rd
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with("itur-") && n.ends_with(".whl"))
        })
        .collect();
    found.sort();
    Ok(found.pop())
}

/// Reads files relative to ITU-Rpy's `data` folder.
enum Reader {
    Wheel(PathBuf, zip::ZipArchive<File>),
    Folder(PathBuf),
}

impl Reader {
    fn wheel(path: &Path) -> Result<Self> {
        let f = File::open(path).map_err(|source| Error::Io {
            path: path.to_path_buf(),
            source,
        })?;
        let z = zip::ZipArchive::new(f).map_err(|e| Error::MapCorrupt {
            path: path.to_path_buf(),
            reason: format!("expected a wheel (zip archive): {e}"),
        })?;
        Ok(Reader::Wheel(path.to_path_buf(), z))
    }

    fn from_path(p: &Path) -> Result<Self> {
        if p.is_file() {
            return Self::wheel(p);
        }
        if !p.is_dir() {
            return Err(Error::Install(format!(
                "{} is neither a folder nor a wheel file",
                p.display()
            )));
        }
        if let Some(w) = find_wheel(p)? {
            return Self::wheel(&w);
        }
        for cand in [p.to_path_buf(), p.join("data"), p.join("itur").join("data")] {
            if cand.join("1511").join("v2_topo.npz").is_file() {
                return Ok(Reader::Folder(cand));
            }
        }
        Err(Error::Install(format!(
            "{} holds neither an itur-*.whl wheel nor an ITU-Rpy data folder \
             (expected e.g. 1511/v2_topo.npz in it, or in data/ or itur/data/)",
            p.display()
        )))
    }

    fn label(&self) -> String {
        match self {
            Reader::Wheel(p, _) | Reader::Folder(p) => p.display().to_string(),
        }
    }

    fn read(&mut self, rel: &str) -> Result<Vec<u8>> {
        match self {
            Reader::Wheel(path, z) => {
                let name = format!("itur/data/{rel}");
                let mut e = z.by_name(&name).map_err(|e| Error::MapCorrupt {
                    path: path.clone(),
                    reason: format!("expected entry {name} in the wheel: {e}"),
                })?;
                let mut buf = Vec::with_capacity(e.size() as usize);
                e.read_to_end(&mut buf).map_err(|source| Error::Io {
                    path: path.join(&name),
                    source,
                })?;
                Ok(buf)
            }
            Reader::Folder(root) => {
                let p = root.join(rel);
                std::fs::read(&p).map_err(|source| Error::Io { path: p, source })
            }
        }
    }

    fn array(&mut self, rel: &str) -> Result<Array2> {
        let bytes = self.read(rel)?;
        parse_npz(&bytes).map_err(|reason| Error::MapCorrupt {
            path: PathBuf::from(format!("{}/{rel}", self.label())),
            reason,
        })
    }
}

/// A regular axis: first value, step (may be negative), count.
#[derive(Debug, Clone, Copy)]
struct Axis {
    first: f64,
    step: f64,
    n: usize,
}

fn axis(values: &[f64], what: &str, file: &str) -> Result<Axis> {
    let n = values.len();
    let bad = |reason: String| Error::MapCorrupt {
        path: PathBuf::from(file),
        reason,
    };
    if n < 2 {
        return Err(bad(format!(
            "{what} axis has {n} values, expected at least 2"
        )));
    }
    let step = (values[n - 1] - values[0]) / (n - 1) as f64;
    for (k, w) in values.windows(2).enumerate() {
        if ((w[1] - w[0]) - step).abs() > 1e-6 * step.abs().max(1e-9) + 1e-9 {
            return Err(bad(format!(
                "{what} axis is not regular at index {k}: step {} vs {step}",
                w[1] - w[0]
            )));
        }
    }
    Ok(Axis {
        first: values[0],
        step,
        n,
    })
}

fn convert(reader: &mut Reader, dest: &Path, label: &str) -> Result<InstallReport> {
    let mut axes: HashMap<&'static str, Axis> = HashMap::new();
    let mut bytes_written = 0u64;
    let ids = MapId::all();
    for id in &ids {
        let src = id.source();
        let lat_axis = match axes.get(src.lat) {
            Some(a) => *a,
            None => {
                let a = reader.array(src.lat)?;
                let col: Vec<f64> = (0..a.rows).map(|i| a.at(i, 0)).collect();
                let ax = axis(&col, "latitude", src.lat)?;
                axes.insert(src.lat, ax);
                ax
            }
        };
        let lon_axis = match axes.get(src.lon) {
            Some(a) => *a,
            None => {
                let a = reader.array(src.lon)?;
                let row: Vec<f64> = (0..a.cols).map(|j| a.at(0, j)).collect();
                let ax = axis(&row, "longitude", src.lon)?;
                axes.insert(src.lon, ax);
                ax
            }
        };
        let vals = reader.array(&src.values)?;
        if vals.rows != lat_axis.n || vals.cols != lon_axis.n {
            return Err(Error::MapCorrupt {
                path: PathBuf::from(&src.values),
                reason: format!(
                    "expected a {}x{} array matching its lat/lon grids, found {}x{}",
                    lat_axis.n, lon_axis.n, vals.rows, vals.cols
                ),
            });
        }
        if lon_axis.step <= 0.0 {
            return Err(Error::MapCorrupt {
                path: PathBuf::from(src.lon),
                reason: "expected ascending longitudes".into(),
            });
        }
        let (nlat, nlon) = (vals.rows, vals.cols);
        let mut out = Vec::with_capacity(nlat * nlon);
        let flip = lat_axis.step < 0.0;
        for k in 0..nlat {
            let i = if flip { nlat - 1 - k } else { k };
            out.extend(
                vals.data[i * nlon..(i + 1) * nlon]
                    .iter()
                    .map(|&v| v as f32),
            );
        }
        let (lat0, dlat) = if flip {
            (
                lat_axis.first + lat_axis.step * (nlat - 1) as f64,
                -lat_axis.step,
            )
        } else {
            (lat_axis.first, lat_axis.step)
        };
        let grid = Grid::new(nlat, nlon, lat0, dlat, lon_axis.first, lon_axis.step, out)
            .ok_or_else(|| Error::MapCorrupt {
                path: PathBuf::from(&src.values),
                reason: "inconsistent grid".into(),
            })?;
        let enc =
            cache::encode(&grid).ok_or_else(|| Error::Install("grid not in memory".into()))?;
        let final_path = dest.join(format!("{}.{}", id.name(), cache::EXT));
        let tmp_path = final_path.with_extension("tmp");
        std::fs::write(&tmp_path, &enc).map_err(|source| Error::Io {
            path: tmp_path.clone(),
            source,
        })?;
        std::fs::rename(&tmp_path, &final_path).map_err(|source| Error::Io {
            path: final_path.clone(),
            source,
        })?;
        bytes_written += enc.len() as u64;
    }
    let manifest = format!(
        "silkway ITU-R map cache, format SWGRID01\nsource: {label}\nmaps: {}\n\
         These maps are ITU-R data: not for redistribution.\n",
        ids.len()
    );
    let mpath = dest.join(MANIFEST);
    std::fs::write(&mpath, manifest).map_err(|source| Error::Io {
        path: mpath,
        source,
    })?;
    Ok(InstallReport {
        dir: dest.to_path_buf(),
        maps: ids.len(),
        bytes: bytes_written,
        source: label.to_string(),
        already_installed: false,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn axis_detects_irregular_and_descending() {
        let a = axis(&[90.0, 88.5, 87.0], "lat", "x").unwrap();
        assert_eq!(a.step, -1.5);
        assert!(axis(&[0.0, 1.0, 3.0], "lat", "x").is_err());
    }

    #[test]
    fn bad_folder_says_what_is_expected() {
        let err = install(
            &InstallSource::Path(PathBuf::from("/nonexistent/folder")),
            &std::env::temp_dir().join("silkway-itur-test-dest"),
            true,
        )
        .unwrap_err();
        assert!(err.to_string().contains("neither"), "{err}");
    }
}
