//! The small HTML pages: the index at `/` and the API docs at `/api/docs`
//! (a self-contained page that renders `/api/openapi.json`; no CDN).

use std::fmt::Write;

/// The index page listing the mounted services.
pub fn index(links: &[(String, String)]) -> String {
    let mut items = String::new();
    for (title, href) in links {
        let _ = writeln!(
            items,
            "<li><a href=\"{}\">{}</a> <code>{}</code></li>",
            escape(href),
            escape(title),
            escape(href)
        );
    }
    format!(
        "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>silkway</title><style>{STYLE}</style></head><body>\
         <h1>silkway</h1><p>Satellite, spectrum and transit-network engineering for the \
         Caspian region. Services on this server:</p><ul>{items}</ul></body></html>\n"
    )
}

/// The docs page.
pub const DOCS: &str = include_str!("docs.html");

const STYLE: &str = "body{font-family:system-ui,sans-serif;max-width:50rem;margin:2rem auto;padding:0 1rem;color:#222}\
code{background:#f3f3f3;padding:0 .3em}a{color:#0a58ca}";

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}
