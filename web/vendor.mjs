// Copy the browser libraries the page and /docs use from node_modules into
// api/static/vendor, where they are committed and served by the app itself:
// the page works offline and never loads anything from a CDN.
//   cd web && npm ci && npm run vendor
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, "..", "api", "static", "vendor");
const files = {
  "cytoscape/dist/cytoscape.min.js": "cytoscape.min.js",
  "cytoscape/LICENSE": "cytoscape.LICENSE",
  // fCoSE, the force-directed layout the page uses, and the two libraries it builds on.
  "layout-base/layout-base.js": "layout-base.js",
  "layout-base/LICENSE": "layout-base.LICENSE",
  "cose-base/cose-base.js": "cose-base.js",
  "cose-base/LICENSE": "cose-base.LICENSE",
  "cytoscape-fcose/cytoscape-fcose.js": "cytoscape-fcose.js",
  "cytoscape-fcose/LICENSE": "cytoscape-fcose.LICENSE",
  "swagger-ui-dist/swagger-ui-bundle.js": "swagger-ui/swagger-ui-bundle.js",
  "swagger-ui-dist/swagger-ui.css": "swagger-ui/swagger-ui.css",
  "swagger-ui-dist/favicon-32x32.png": "swagger-ui/favicon-32x32.png",
  "swagger-ui-dist/LICENSE": "swagger-ui/LICENSE",
};
const versions = {};
for (const [src, dst] of Object.entries(files)) {
  const target = join(out, dst);
  mkdirSync(dirname(target), { recursive: true });
  const from = join(here, "node_modules", src);
  if (/\.(js|css)$/.test(src)) {
    // Drop source-map references: the maps are not vendored, so nothing asks for them.
    const text = readFileSync(from, "utf8").replace(/\n?\/[*/]# sourceMappingURL=[^\n]*/g, "");
    writeFileSync(target, text);
  } else {
    copyFileSync(from, target);
  }
  const pkg = src.split("/")[0];
  versions[pkg] = JSON.parse(readFileSync(join(here, "node_modules", pkg, "package.json"))).version;
}
writeFileSync(join(out, "VERSIONS.json"), JSON.stringify(versions, null, 2) + "\n");
console.log("vendored", versions, "into", out);
