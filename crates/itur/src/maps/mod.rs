//! ITU-R digital maps: the local cache, lazy loading, and the installer.
//!
//! ITU does not allow redistribution of its digital maps, so they are
//! never shipped with silkway. [`install`] obtains them from the `itur`
//! 0.4.0 distribution on PyPI (or a folder) and converts them once into a
//! compact cache (see [`cache`]) under `$SILKWAY_DATA/itu-maps` or the
//! platform data directory (`~/.local/share/silkway/itu-maps` on Linux).
//! [`Maps`] loads each map on first use.

pub mod cache;
pub mod catalog;
pub mod install;
pub mod npy;

use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

pub use catalog::{MAP_COUNT, MapId, P_LEVELS_PCT, level_bracket};

use crate::p1144::Grid;
use crate::{Error, Result};

/// Name of the file written last by the installer; its presence means a
/// complete install.
pub const MANIFEST: &str = "MANIFEST.txt";

/// The default cache folder: `$SILKWAY_DATA/itu-maps`, else the platform
/// data directory + `silkway/itu-maps`, else `./.silkway/itu-maps`.
pub fn default_dir() -> PathBuf {
    if let Some(d) = std::env::var_os("SILKWAY_DATA").filter(|d| !d.is_empty()) {
        return PathBuf::from(d).join("itu-maps");
    }
    dirs::data_dir()
        .map(|d| d.join("silkway"))
        .unwrap_or_else(|| PathBuf::from(".silkway"))
        .join("itu-maps")
}

/// Handle on the map cache; maps are read from disk on first use and kept.
/// Cheap to share between threads (`&Maps` is `Sync`).
#[derive(Debug)]
pub struct Maps {
    dir: PathBuf,
    slots: Vec<OnceLock<Arc<Grid>>>,
    p836_node_topo: OnceLock<Grid>,
}

impl Maps {
    /// Open the cache folder `dir` (nothing is read yet).
    pub fn open(dir: impl Into<PathBuf>) -> Self {
        Maps {
            dir: dir.into(),
            slots: (0..MAP_COUNT).map(|_| OnceLock::new()).collect(),
            p836_node_topo: OnceLock::new(),
        }
    }

    /// Open the [`default_dir`].
    pub fn open_default() -> Self {
        Self::open(default_dir())
    }

    /// A process-wide handle on the default folder.
    pub fn global() -> &'static Maps {
        static GLOBAL: OnceLock<Maps> = OnceLock::new();
        GLOBAL.get_or_init(Maps::open_default)
    }

    /// The cache folder.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Whether a complete install is present.
    pub fn is_installed(&self) -> bool {
        self.dir.join(MANIFEST).is_file()
    }

    /// Fail with [`Error::MapMissing`] unless the maps are installed.
    pub fn require_installed(&self) -> Result<()> {
        if self.is_installed() {
            Ok(())
        } else {
            Err(Error::MapMissing {
                map: "(all)".into(),
                dir: self.dir.clone(),
            })
        }
    }

    /// Path of one map's cache file.
    pub fn path_of(&self, id: MapId) -> PathBuf {
        self.dir.join(format!("{}.{}", id.name(), cache::EXT))
    }

    /// The map `id`, loaded on first use.
    pub fn get(&self, id: MapId) -> Result<&Grid> {
        let slot = &self.slots[id.index()];
        if let Some(g) = slot.get() {
            return Ok(g);
        }
        let path = self.path_of(id);
        if !path.is_file() {
            return Err(Error::MapMissing {
                map: id.name(),
                dir: self.dir.clone(),
            });
        }
        let grid = cache::open(&path)?;
        Ok(slot.get_or_init(|| Arc::new(grid)))
    }

    /// The P.836-6 topography (km, bicubic from the P.836 TOPO map)
    /// evaluated once at every node of the P.836 water-vapour grid.
    pub(crate) fn p836_node_topography(&self) -> Result<&Grid> {
        if let Some(g) = self.p836_node_topo.get() {
            return Ok(g);
        }
        let topo = self.get(MapId::P836Topo)?;
        let geo = self.get(MapId::P836Vsch(0))?;
        let (nlat, nlon) = (geo.nlat(), geo.nlon());
        let mut v = Vec::with_capacity(nlat * nlon);
        for i in 0..nlat {
            let lat = geo.lat0_deg() + i as f64 * geo.dlat_deg();
            for j in 0..nlon {
                let lon = geo.lon0_deg() + j as f64 * geo.dlon_deg();
                v.push(topo.bicubic(lat, lon) as f32);
            }
        }
        let g = Grid::new(
            nlat,
            nlon,
            geo.lat0_deg(),
            geo.dlat_deg(),
            geo.lon0_deg(),
            geo.dlon_deg(),
            v,
        )
        .ok_or_else(|| Error::MapCorrupt {
            path: self.path_of(MapId::P836Topo),
            reason: "inconsistent P.836 grid".into(),
        })?;
        Ok(self.p836_node_topo.get_or_init(|| g))
    }

    /// Load every map now (e.g. before timing); returns how many.
    pub fn preload(&self, ids: &[MapId]) -> Result<usize> {
        for id in ids {
            self.get(*id)?;
        }
        Ok(ids.len())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn missing_map_error_names_install_command() {
        let m = Maps::open("/nonexistent/silkway-test");
        let err = m.get(MapId::P837R001).unwrap_err();
        let msg = err.to_string();
        assert!(msg.contains("silkway data install itu-maps"), "{msg}");
        assert!(msg.contains("p837_r001"), "{msg}");
        assert!(!m.is_installed());
    }
}
