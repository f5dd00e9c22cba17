// Vite build of the silkway web UI.
//
// The output in web/dist/ is embedded into the silkway binary by
// crates/webui (rust-embed), which serves files under /assets/ as
// immutable: Vite puts a content hash in every name there.
import { defineConfig } from "vite";

export default defineConfig({
  base: "/",
  build: {
    outDir: "dist",
    assetsDir: "assets",
    // The basemap TopoJSON stays a separate, cacheable file fetched from
    // the same origin instead of being inlined into the script.
    assetsInlineLimit: 4096,
    sourcemap: false,
    target: "es2022",
    reportCompressedSize: false,
  },
  server: {
    // `npm run dev` proxies the API to a running `silkway serve`
    // (set SILKWAY_API, default http://127.0.0.1:8787).
    proxy: {
      "/api": process.env.SILKWAY_API ?? "http://127.0.0.1:8787",
    },
  },
});
