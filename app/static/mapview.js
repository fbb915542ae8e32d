// Sites and states with coordinates on a map of country boundaries (Natural Earth 1:50m from the pinned
// world-atlas package, vendored): an equirectangular projection drawn as SVG, no tile server.
/* global topojson */

const SVG = "http://www.w3.org/2000/svg";
let countries = null;
let zoom = 1;

async function loadCountries() {
  if (!countries) {
    const world = await (await fetch("vendor/countries-50m.json")).json();
    countries = topojson.feature(world, world.objects.countries).features;
  }
  return countries;
}

function ringPath(ring, project) {
  return ring.map((point, i) => {
    const [x, y] = project(point);
    return `${i ? "L" : "M"}${x.toFixed(2)},${y.toFixed(2)}`;
  }).join("") + "Z";
}

function featurePath(geometry, project) {
  if (!geometry) return "";
  const polygons = geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;
  return polygons.map((polygon) => polygon.map((ring) => ringPath(ring, project)).join("")).join("");
}

function node(tag, attrs) {
  const element = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attrs)) element.setAttribute(name, value);
  return element;
}

/** The window (degrees) to show: the points' extent padded, at least 12°×8°, scaled by the zoom. */
function frame(points) {
  let [west, east, south, north] = [60, 80, 33, 45]; // Central Asia when nothing has coordinates
  if (points.length) {
    west = Math.min(...points.map((p) => p.lon));
    east = Math.max(...points.map((p) => p.lon));
    south = Math.min(...points.map((p) => p.lat));
    north = Math.max(...points.map((p) => p.lat));
  }
  const cx = (west + east) / 2;
  const cy = (south + north) / 2;
  const half = Math.max((east - west) / 2 + 3, (north - south) / 2 * 1.6 + 3, 8) / zoom;
  return { cx, cy, halfLon: half, halfLat: half / 1.6 };
}

/** Draw the map for the visible located nodes; pressing/clicking a point calls onSelect(id). */
export async function draw(cy, onSelect) {
  const svg = document.getElementById("map-svg");
  const world = await loadCountries();
  const located = cy.nodes().filter((n) => n.style("display") !== "none" && n.data("lat") !== null
    && n.data("lon") !== null);
  const points = located.map((n) => ({ id: n.id(), name: n.data("name"), lat: n.data("lat"),
    lon: n.data("lon"), color: n.data("color"), coarse: n.data("coarse") }));
  const width = 1000;
  const height = 600;
  const f = frame(points);
  const project = ([lon, lat]) => [
    ((lon - (f.cx - f.halfLon)) / (2 * f.halfLon)) * width,
    (((f.cy + f.halfLat) - lat) / (2 * f.halfLat)) * height,
  ];
  svg.setAttribute("viewBox", `0 0 ${width} ${height}`);
  const named = new Set(cy.nodes('[subtype = "State"]').map((n) => n.data("name").toLowerCase()));
  const layer = node("g", { class: "countries" });
  for (const feature of world) {
    const name = (feature.properties && feature.properties.name) || "";
    const path = node("path", { d: featurePath(feature.geometry, project),
      class: named.has(name.toLowerCase()) ? "country in-graph" : "country" });
    path.append(Object.assign(node("title", {}), { textContent: name }));
    layer.append(path);
  }
  const marks = node("g", { class: "points" });
  for (const p of points) {
    const [x, y] = project([p.lon, p.lat]);
    const group = node("g", { class: "point", tabindex: "0", role: "button", "data-id": p.id,
      "aria-label": `${p.name} (${p.lat.toFixed(2)}, ${p.lon.toFixed(2)})` });
    group.append(node("circle", { cx: x, cy: y, r: p.coarse === "Actor" ? 5 : 7, fill: p.color }));
    group.append(Object.assign(node("text", { x: x + 9, y: y + 4 }), { textContent: p.name }));
    group.dataset.x = x;
    group.dataset.y = y;
    group.addEventListener("click", () => onSelect(p.id));
    group.addEventListener("keydown", (event) => {
      if (event.key === "Enter" || event.key === " ") {
        event.preventDefault();
        onSelect(p.id);
      }
    });
    marks.append(group);
  }
  svg.replaceChildren(layer, marks);
  unstack([...marks.querySelectorAll(".point text")]);
  document.getElementById("map-note").textContent = points.length
    ? `${points.length} located entit${points.length === 1 ? "y" : "ies"} in view`
    : "No entity in the view has coordinates yet (sites and states carry lat/lon when known).";
}

/** Move captions down (with a leader line) until none overlaps one placed before: points cluster. */
function unstack(texts) {
  const placed = [];
  const hits = (a, b) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
  for (const text of texts) {
    let box = text.getBBox();
    const y0 = Number(text.getAttribute("y"));
    let guard = 0;
    while (placed.some((other) => hits(box, other)) && guard < 60) {
      text.setAttribute("y", String(Number(text.getAttribute("y")) + 4));
      box = text.getBBox();
      guard += 1;
    }
    if (guard) {
      const group = text.parentNode;
      group.insertBefore(node("line", { x1: group.dataset.x, y1: group.dataset.y, x2: box.x,
        y2: box.y + box.height / 2, class: "leader" }), text);
    }
    placed.push(box);
  }
}

export function zoomBy(factor) {
  zoom = Math.min(16, Math.max(0.25, zoom * factor));
}
