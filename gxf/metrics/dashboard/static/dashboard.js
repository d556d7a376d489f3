// SPDX-License-Identifier: Apache-2.0
// gxf dashboard: draws the graph once from /api/graph, then polls /api/metrics and updates
// the numbers on the picture and in the tables. No framework, no build step.
"use strict";

const SVG = "http://www.w3.org/2000/svg";
const POLL_MS = 500;
const NODE_WIDTH = 240;
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

// Layer of each node: longest path from a node without inputs; back edges of cycles ignored.
function layers(graph) {
  const outgoing = new Map(graph.nodes.map((n) => [n.id, []]));
  const incoming = new Map(graph.nodes.map((n) => [n.id, 0]));
  for (const e of graph.edges) {
    outgoing.get(e.source).push(e.target);
    incoming.set(e.target, incoming.get(e.target) + 1);
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
  const roots = graph.nodes.filter((n) => incoming.get(n.id) === 0);
  for (const n of roots.length ? roots : graph.nodes.slice(0, 1)) visit(n.id, 0);
  for (const n of graph.nodes) if (!layer.has(n.id)) visit(n.id, 0);
  return layer;
}

function nodeHeight(node) { return 28 + 16 * node.codelets.length; }

function drawGraph(graph) {
  const svg = document.getElementById("graph");
  svg.replaceChildren();
  const defs = element("defs", {}, svg);
  const marker = element("marker", {id: "arrow", viewBox: "0 0 10 10", refX: 10, refY: 5,
                                    markerWidth: 8, markerHeight: 8, orient: "auto"}, defs);
  element("path", {d: "M0,0 L10,5 L0,10 z", fill: "#546e7a"}, marker);
  const layer = layers(graph);
  const columns = new Map();
  const place = new Map();
  for (const node of graph.nodes) {
    const column = layer.get(node.id);
    const y = columns.get(column) || 40;
    place.set(node.id, {x: 20 + column * (NODE_WIDTH + LAYER_GAP), y: y, h: nodeHeight(node)});
    columns.set(column, y + nodeHeight(node) + ROW_GAP);
  }
  let width = 0;
  let height = 0;
  for (const p of place.values()) {
    width = Math.max(width, p.x + NODE_WIDTH + 20);
    height = Math.max(height, p.y + p.h + 40);
  }
  svg.setAttribute("width", width);
  svg.setAttribute("height", height);
  for (const edge of graph.edges) {
    const from = place.get(edge.source);
    const to = place.get(edge.target);
    const x1 = from.x + NODE_WIDTH;
    const y1 = from.y + from.h / 2;
    const x2 = to.x;
    const y2 = to.y + to.h / 2;
    const group = element("g", {class: "edge", "data-edge": edge.id}, svg);
    const bend = Math.max(40, Math.abs(x2 - x1) / 2);
    element("path", {d: `M${x1},${y1} C${x1 + bend},${y1} ${x2 - bend},${y2} ${x2},${y2}`},
            group);
    // Three short lines above the arrow's middle, so they fit between the columns.
    const label = element("text", {"text-anchor": "middle"}, group);
    ["rate", "depth", "latency"].forEach((field, i) => {
      element("tspan", {"data-field": field, x: (x1 + x2) / 2, y: (y1 + y2) / 2 - 32 + 14 * i},
              label);
    });
    const title = element("title", {}, group);
    title.textContent = `${edge.source_port} -> ${edge.target_port}`;
  }
  for (const node of graph.nodes) {
    const p = place.get(node.id);
    const group = element("g", {class: "node", "data-node": node.id,
                                transform: `translate(${p.x},${p.y})`}, svg);
    element("rect", {width: NODE_WIDTH, height: p.h}, group);
    const title = element("text", {class: "title", x: 8, y: 18}, group);
    title.textContent = node.label;
    node.codelets.forEach((codelet, i) => {
      const text = element("text", {class: "codelet", x: 8, y: 36 + 16 * i,
                                    "data-codelet": codelet.id}, group);
      const name = element("tspan", {}, text);
      name.textContent = codelet.name + ": ";
      const time = element("tspan", {"data-field": "tick"}, text);
      time.textContent = "-";
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
      const graph = await fetchJson("/api/graph");
      if (graph) {
        drawGraph(graph);
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
