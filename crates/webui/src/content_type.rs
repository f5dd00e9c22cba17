//! Content types of the files a Vite build produces.
//!
//! An explicit table instead of a MIME database: the build emits few
//! kinds, and JavaScript must be `text/javascript` (RFC 9239) for module
//! scripts to load under `X-Content-Type-Options: nosniff`.

/// The `Content-Type` for a file name, by extension (case-insensitive).
pub(crate) fn for_path(path: &str) -> &'static str {
    let ext = path
        .rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default();
    match ext.as_str() {
        "html" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "json" | "map" => "application/json",
        "geojson" => "application/geo+json",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "ico" => "image/x-icon",
        "woff2" => "font/woff2",
        "woff" => "font/woff",
        "txt" => "text/plain; charset=utf-8",
        "wasm" => "application/wasm",
        _ => "application/octet-stream",
    }
}

#[cfg(test)]
mod tests {
    use super::for_path;

    #[test]
    fn web_types() {
        assert_eq!(
            for_path("assets/index-AbC123.js"),
            "text/javascript; charset=utf-8"
        );
        assert_eq!(for_path("assets/map-x.CSS"), "text/css; charset=utf-8");
        assert_eq!(for_path("index.html"), "text/html; charset=utf-8");
        assert_eq!(for_path("assets/countries-50m-h.json"), "application/json");
        assert_eq!(for_path("LICENSE"), "application/octet-stream");
    }
}
