// Vendor the page's pinned npm libraries into app/static/vendor, so the page needs no network at run time.
//
//   cd web && npm ci && node build.mjs          # copy the files and write vendor/MANIFEST.json
//   cd web && npm ci && node build.mjs --check  # fail when the committed copies differ from node_modules
//
// The copies are committed (the API serves them as they are); this script is how they are reproduced.
import { createHash } from "node:crypto";
import { copyFileSync, mkdirSync, readFileSync, writeFileSync, existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const modules = join(here, "node_modules");
const vendor = join(here, "..", "app", "static", "vendor");

// [package, file inside the package, name under vendor/]
const FILES = [
  ["cytoscape", "dist/cytoscape.min.js", "cytoscape.min.js"],
  ["cytoscape", "LICENSE", "cytoscape.LICENSE"],
  ["topojson-client", "dist/topojson-client.min.js", "topojson-client.min.js"],
  ["topojson-client", "LICENSE", "topojson-client.LICENSE"],
  // Natural Earth 1:50m country boundaries: detailed enough for Central Asia, ~750 kB
  ["world-atlas", "countries-50m.json", "countries-50m.json"],
  ["world-atlas", "LICENSE", "world-atlas.LICENSE"],
];

const sha256 = (path) => createHash("sha256").update(readFileSync(path)).digest("hex");
const version = (pkg) => JSON.parse(readFileSync(join(modules, pkg, "package.json"), "utf8")).version;

function build() {
  mkdirSync(vendor, { recursive: true });
  const manifest = { note: "written by web/build.mjs from web/package-lock.json; do not edit", files: {} };
  for (const [pkg, file, name] of FILES) {
    const from = join(modules, pkg, file);
    if (!existsSync(from)) {
      throw new Error(`${from} is missing: run \`npm ci\` in web/ first`);
    }
    copyFileSync(from, join(vendor, name));
    manifest.files[name] = { package: pkg, version: version(pkg), source: file, sha256: sha256(from) };
  }
  writeFileSync(join(vendor, "MANIFEST.json"), JSON.stringify(manifest, null, 2) + "\n");
  console.log(`vendored ${FILES.length} files into ${vendor}`);
}

function check() {
  const manifest = JSON.parse(readFileSync(join(vendor, "MANIFEST.json"), "utf8"));
  const stale = [];
  for (const [pkg, file, name] of FILES) {
    const entry = manifest.files[name];
    const from = join(modules, pkg, file);
    if (!entry || entry.sha256 !== sha256(from) || sha256(join(vendor, name)) !== entry.sha256) {
      stale.push(name);
    }
  }
  if (stale.length) {
    console.error(`out of date under app/static/vendor: ${stale.join(", ")}; run \`node build.mjs\``);
    process.exit(1);
  }
  console.log(`app/static/vendor matches node_modules (${FILES.length} files)`);
}

process.argv.includes("--check") ? check() : build();
