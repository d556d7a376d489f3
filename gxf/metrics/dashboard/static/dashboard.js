// SPDX-License-Identifier: Apache-2.0
// gxf dashboard: draws the graph once from /api/graph, then polls /api/metrics and updates
// the numbers on the picture and in the tables. No framework, no build step.
"use strict";

const SVG = "http://www.w3.org/2000/svg";
const POLL_MS = 500;
const NODE_WIDTH = 360;
const LAYER_GAP = 160;
const ROW_GAP = 56;

function formatNs(value) {
  if (value === null || value === undefined) return "-";
  const units = [["s", 1e9], ["ms", 1e6], ["us", 1e3]];
  for (const [unit, scale] of units) {
    if (value >= scale) {
      const number = value / scale;
      return (number < 100 ? number.toPrecision(3) : number.toFixed(0)) + " " + unit;
    }
  }
  return value.toFixed(0) + " ns";
}

function formatRate(value) {
  return value === null || value === undefined ? "-" : Math.round(value).toLocaleString("en-US");
}

function element(name, attributes, parent) {
  const node = document.createElementNS(SVG, name);
  for (const [key, value] of Object.entries(attributes || {})) node.setAttribute(key, value);
  if (parent) parent.appendChild(node);
  return node;
}

// Layer of each entity: longest path from an entity without inputs; back edges of cycles
// ignored.
function layers(picture) {
  const outgoing = new Map(picture.entities.map((n) => [n.id, []]));
  const incoming = new Map(picture.entities.map((n) => [n.id, 0]));
  for (const e of picture.edges) {
    if (!outgoing.has(e.source_entity) || !incoming.has(e.target_entity)) continue;
    outgoing.get(e.source_entity).push(e.target_entity);
    incoming.set(e.target_entity, incoming.get(e.target_entity) + 1);
  }
  const layer = new Map();
  const onPath = new Set();
  function visit(id, depth) {
    if (onPath.has(id) || (layer.has(id) && layer.get(id) >= depth)) return;
    layer.set(id, depth);
    onPath.add(id);
    for (const next of outgoing.get(id)) visit(next, depth + 1);
    onPath.delete(id);
  }
  const roots = picture.entities.filter((n) => incoming.get(n.id) === 0);
  for (const n of roots.length ? roots : picture.entities.slice(0, 1)) visit(n.id, 0);
  for (const n of picture.entities) if (!layer.has(n.id)) visit(n.id, 0);
  return layer;
}

// The rows of an entity's box, as `gxf draw` draws them: name, receivers (ports on the
// left), codelets (with their live tick time), other components in small print,
// transmitters (ports on the right).
function boxRows(entity) {
  const rows = [{kind: "title", text: entity.id}];
  for (const port of entity.receivers) rows.push({kind: "receiver", text: "\u25b6 " + port.name, port});
  for (const codelet of entity.codelets) rows.push({kind: "codelet", text: codelet.label, codelet});
  for (const text of entity.details) rows.push({kind: "detail", text});
  for (const port of entity.transmitters) rows.push({kind: "transmitter", text: port.name + " \u25b6", port});
  return rows;
}

const ROW = 18;
const CLUSTER_PAD = 14;

function drawGraph(picture) {
  const svg = document.getElementById("graph");
  svg.replaceChildren();
  const defs = element("defs", {}, svg);
  const marker = element("marker", {id: "arrow", viewBox: "0 0 10 10", refX: 10, refY: 5,
                                    markerWidth: 8, markerHeight: 8, orient: "auto"}, defs);
  element("path", {d: "M0,0 L10,5 L0,10 z", fill: "#546e7a"}, marker);
  const layer = layers(picture);
  const columns = new Map();
  const place = new Map();   // entity id -> {x, y, h}
  const ports = new Map();   // component id -> {x, y} where its arrow starts or ends
  const clusterGroup = element("g", {class: "clusters"}, svg);
  for (const entity of picture.entities) {
    const rows = boxRows(entity);
    const h = 8 + ROW * rows.length;
    const column = layer.get(entity.id);
    const y = columns.get(column) || 40;
    const x = 20 + CLUSTER_PAD + column * (NODE_WIDTH + LAYER_GAP);
    place.set(entity.id, {x, y, h, rows});
    columns.set(column, y + h + ROW_GAP);
    rows.forEach((row, i) => {
      const rowY = y + 4 + ROW * i + ROW / 2;
      if (row.kind === "receiver") ports.set(row.port.id, {x, y: rowY});
      if (row.kind === "transmitter") ports.set(row.port.id, {x: x + NODE_WIDTH, y: rowY});
    });
  }
  // Clusters: the box around their entities (and inner clusters), innermost last.
  const bounds = new Map();
  function grow(id, box) {
    if (id === null || id === undefined) return;
    const b = bounds.get(id) || {x1: Infinity, y1: Infinity, x2: -Infinity, y2: -Infinity};
    bounds.set(id, {x1: Math.min(b.x1, box.x1), y1: Math.min(b.y1, box.y1),
                    x2: Math.max(b.x2, box.x2), y2: Math.max(b.y2, box.y2)});
    const cluster = picture.clusters.find((c) => c.id === id);
    if (cluster) grow(cluster.parent, {x1: box.x1 - CLUSTER_PAD, y1: box.y1 - CLUSTER_PAD - 14,
                                       x2: box.x2 + CLUSTER_PAD, y2: box.y2 + CLUSTER_PAD});
  }
  for (const entity of picture.entities) {
    const p = place.get(entity.id);
    grow(entity.cluster, {x1: p.x, y1: p.y, x2: p.x + NODE_WIDTH, y2: p.y + p.h});
  }
  for (const cluster of picture.clusters) {
    const b = bounds.get(cluster.id);
    if (!b) continue;
    const group = element("g", {class: "cluster", "data-cluster": cluster.id}, clusterGroup);
    element("rect", {x: b.x1 - CLUSTER_PAD, y: b.y1 - CLUSTER_PAD - 14,
                     width: b.x2 - b.x1 + 2 * CLUSTER_PAD, height: b.y2 - b.y1 + 2 * CLUSTER_PAD + 14},
            group);
    const label = element("text", {class: "label", x: b.x1 - CLUSTER_PAD + 6, y: b.y1 - CLUSTER_PAD}, group);
    label.textContent = cluster.label;
  }
  let width = 0;
  let height = 0;
  for (const b of bounds.values()) {
    width = Math.max(width, b.x2 + 2 * CLUSTER_PAD + 20);
    height = Math.max(height, b.y2 + 2 * CLUSTER_PAD + 40);
  }
  for (const p of place.values()) {
    width = Math.max(width, p.x + NODE_WIDTH + 40);
    height = Math.max(height, p.y + p.h + 40);
  }
  svg.setAttribute("width", width);
  svg.setAttribute("height", height);
  for (const edge of picture.edges) {
    const from = ports.get(edge.source);
    const to = ports.get(edge.target);
    if (!from || !to) continue;
    const attributes = {class: edge.topic ? "edge topic" : "edge"};
    if (edge.metrics !== null && edge.metrics !== undefined) attributes["data-edge"] = edge.metrics;
    const group = element("g", attributes, svg);
    const bend = Math.max(40, Math.abs(to.x - from.x) / 2);
    element("path", {d: `M${from.x},${from.y} C${from.x + bend},${from.y} ${to.x - bend},${to.y} ${to.x},${to.y}`},
            group);
    // Four short lines above the arrow's middle, so they fit between the columns: the
    // queue's capacity and policy (as gxf draw labels it), then the live numbers.
    const label = element("text", {"text-anchor": "middle"}, group);
    ["settings", "rate", "depth", "latency"].forEach((field, i) => {
      const line = element("tspan", {"data-field": field, x: (from.x + to.x) / 2,
                                     y: (from.y + to.y) / 2 - 46 + 14 * i}, label);
      if (field === "settings") line.textContent = edge.label;
    });
    const title = element("title", {}, group);
    title.textContent = `${edge.source} -> ${edge.target}`;
  }
  for (const entity of picture.entities) {
    const p = place.get(entity.id);
    const group = element("g", {class: "node", "data-node": entity.id,
                                transform: `translate(${p.x},${p.y})`}, svg);
    element("rect", {width: NODE_WIDTH, height: p.h}, group);
    p.rows.forEach((row, i) => {
      const y = 4 + ROW * i + 13;
      const right = row.kind === "transmitter";
      const attributes = {class: row.kind, x: right ? NODE_WIDTH - 8 : 8, y};
      if (right) attributes["text-anchor"] = "end";
      if (row.port) attributes["data-port"] = row.port.id;
      if (row.codelet) attributes["data-codelet"] = row.codelet.cid;
      const text = element("text", attributes, group);
      if (row.kind !== "codelet") {
        text.textContent = row.text;
        return;
      }
      element("tspan", {}, text).textContent = row.text + " ";
      element("tspan", {"data-field": "tick"}, text).textContent = "-";
    });
  }
}

// Rows are created once and their cells updated in place, so the page does not flicker and
// a selection survives the refresh.
function tableRow(tbody, key, id, fields) {
  let row = tbody.querySelector(`tr[data-${key}="${id}"]`);
  if (!row) {
    row = document.createElement("tr");
    row.dataset[key] = id;
    for (const [field, , numeric] of fields) {
      const td = document.createElement("td");
      td.dataset.field = field;
      if (numeric) td.className = "num";
      row.appendChild(td);
    }
    tbody.appendChild(row);
  }
  fields.forEach(([field, text], i) => {
    if (row.children[i].textContent !== text) row.children[i].textContent = text;
  });
}

function updateTables(view) {
  const codelets = document.querySelector("#codelets tbody");
  for (const c of view.codelets) {
    tableRow(codelets, "codelet", c.id, [
      ["name", `${c.entity}/${c.codelet}`],
      ["type", c.type],
      ["ticks", c.ticks.toLocaleString("en-US"), true],
      ["ticks_per_s", formatRate(c.ticks_per_s), true],
      ["tick_p50", formatNs(c.tick_ns.p50), true],
      ["tick_p99", formatNs(c.tick_ns.p99), true],
      ["gil_wait_p50", c.gil_wait_ns ? formatNs(c.gil_wait_ns.p50) : "", true],
      ["gil_hold_p50", c.gil_hold_ns ? formatNs(c.gil_hold_ns.p50) : "", true],
    ]);
  }
  const edges = document.querySelector("#edges tbody");
  for (const e of view.edges) {
    tableRow(edges, "edge", e.id, [
      ["name", `${e.source} \u2192 ${e.target}`],
      ["messages", e.messages.toLocaleString("en-US"), true],
      ["messages_per_s", formatRate(e.messages_per_s), true],
      ["depth", String(e.depth), true],
      ["capacity", String(e.capacity), true],
      ["latency_p50", formatNs(e.latency_ns.p50), true],
      ["latency_p99", formatNs(e.latency_ns.p99), true],
    ]);
  }
}

function updatePicture(view) {
  for (const e of view.edges) {
    const group = document.querySelector(`g.edge[data-edge="${e.id}"]`);
    if (!group) continue;
    group.querySelector('[data-field="rate"]').textContent = formatRate(e.messages_per_s) + " msg/s";
    group.querySelector('[data-field="depth"]').textContent = `depth ${e.depth}/${e.capacity}`;
    group.querySelector('[data-field="latency"]').textContent =
        "latency " + formatNs(e.latency_ns.p50);
  }
  for (const c of view.codelets) {
    const text = document.querySelector(`text[data-codelet="${c.id}"] [data-field="tick"]`);
    if (text) text.textContent = `${formatNs(c.tick_ns.p50)} p50, ${formatRate(c.ticks_per_s)}/s`;
  }
}

function setStatus(state, text) {
  const status = document.getElementById("status");
  status.dataset.state = state;
  status.textContent = text;
}

async function fetchJson(path) {
  const response = await fetch(path, {cache: "no-store"});
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
  return response.json();
}

let drawn = false;
let failures = 0;

async function poll() {
  try {
    if (!drawn) {
      const picture = await fetchJson("/api/graph");
      if (picture) {
        drawGraph(picture);
        drawn = true;
      }
    }
    const view = await fetchJson("/api/metrics");
    failures = 0;
    if (view && drawn) {
      updatePicture(view);
      updateTables(view);
      document.getElementById("elapsed").textContent = `${view.elapsed_s.toFixed(1)} s`;
      setStatus(view.running ? "running" : "stopped", view.running ? "running" : "stopped");
    }
  } catch (error) {
    failures += 1;
    setStatus("disconnected", "disconnected (graph stopped?)");
  }
  // Give up quietly once the server has been gone for a minute.
  if (failures < 120) setTimeout(poll, POLL_MS);
}

poll();
