// Charts drawn as SVG from the rating's own numbers; each mark carries its value in data-value,
// and every chart has a text alternative (its title and the values in a table).
const SVG = 'http://www.w3.org/2000/svg';
const text = { table: 'Data' };

/** The caption of the data table under each chart, in the page's language. */
export function setTableLabel(label) {
  text.table = label;
}

function el(name, attrs = {}, text) {
  const node = document.createElementNS(SVG, name);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  if (text !== undefined) node.textContent = text;
  return node;
}

function figure(id, caption, svg, rows) {
  const fig = document.createElement('figure');
  fig.id = id;
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', caption);
  svg.setAttribute('width', '100%');
  svg.prepend(el('title', {}, caption));
  fig.append(svg);
  const cap = document.createElement('figcaption');
  cap.textContent = caption;
  fig.append(cap, dataTable(rows));
  return fig;
}

/** Ticks at round steps covering [min, max]: 0, 200, 400… */
function ticks(min, max, count = 4) {
  const span = max - min || Math.abs(max) || 1;
  const raw = span / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map(m => m * power).find(m => m >= raw);
  const out = [];
  for (let v = Math.ceil(min / step) * step; v <= max + step * 1e-9; v += step) out.push(Math.abs(v) < step * 1e-9 ? 0 : v);
  return out;
}

/**
 * Horizontal bars around a zero line, drawn in HTML so that labels keep the page's text size on a phone; items:
 * {key, label, value}. Negative values go left of the line, positive right, on one scale with ticks below.
 */
export function barChart(id, caption, items, format) {
  const fig = document.createElement('figure');
  fig.id = id;
  fig.className = 'bar-chart';
  const cap = document.createElement('figcaption');
  cap.textContent = caption;
  const low = Math.min(0, ...items.map(i => i.value));
  const high = Math.max(0, ...items.map(i => i.value), 1e-9);
  const marks = ticks(low, high);
  const from = Math.min(low, marks[0]), to = Math.max(high, marks[marks.length - 1]);
  const at = v => ((v - from) / (to - from || 1)) * 100;
  const body = document.createElement('div');
  body.className = 'bars';
  body.setAttribute('role', 'img');
  body.setAttribute('aria-label', caption);
  for (const item of items) {
    const row = document.createElement('div');
    row.className = 'bar';
    row.dataset.key = item.key;
    row.dataset.value = String(item.value);
    const label = document.createElement('span');
    label.className = 'bar-label';
    label.textContent = item.label;
    const track = document.createElement('span');
    track.className = 'bar-track';
    const fill = document.createElement('span');
    fill.className = 'bar-fill ' + (item.value < 0 ? 'negative' : 'positive');
    const left = at(Math.min(0, item.value)), right = at(Math.max(0, item.value));
    fill.style.left = left + '%';
    fill.style.width = Math.max(right - left, 0.4) + '%';
    const zero = document.createElement('span');
    zero.className = 'bar-zero';
    zero.style.left = at(0) + '%';
    track.append(zero, fill);
    const value = document.createElement('span');
    value.className = 'bar-value';
    value.textContent = format(item.value);
    row.append(label, track, value);
    body.append(row);
  }
  const axis = document.createElement('div');
  axis.className = 'bar bar-axis';
  axis.setAttribute('aria-hidden', 'true');
  const axisTrack = document.createElement('span');
  axisTrack.className = 'bar-track axis-track';
  for (const v of marks) {
    const tick = document.createElement('span');
    tick.className = 'tick';
    tick.style.left = at(v) + '%';
    tick.textContent = format(v);
    axisTrack.append(tick);
  }
  axis.append(document.createElement('span'), axisTrack, document.createElement('span'));
  body.append(axis);
  fig.append(cap, body, dataTable(items.map(i => [i.label, format(i.value)])));
  return fig;
}

function dataTable(rows) {
  const details = document.createElement('details');
  const summary = document.createElement('summary');
  summary.textContent = text.table;
  details.append(summary);
  const table = document.createElement('table');
  for (const [label, value] of rows) {
    const tr = table.insertRow();
    tr.insertCell().textContent = label;
    tr.insertCell().textContent = value;
  }
  details.append(table);
  return details;
}

// Line charts are SVG scaled to the figure's width (at most 40rem): text of 20 units stays 11 px or more on a 390 px phone.
const FONT = 20;

/** A line over labelled points with value ticks; markers: [{key, label}] draw a vertical line at the point with that key. */
export function lineChart(id, caption, items, format, markers = []) {
  const width = 640, height = 260, left = 78, right = 14, top = 14, bottom = 40;
  const svg = el('svg', { viewBox: `0 0 ${width} ${height}` });
  if (items.length === 0) return figure(id, caption, svg, []);
  const values = items.map(i => i.value);
  const marks = ticks(Math.min(0, ...values), Math.max(...values, 1e-9), 3);
  const min = Math.min(0, ...values, marks[0]), max = Math.max(...values, marks[marks.length - 1], 1e-9);
  const x = i => left + (items.length === 1 ? 0 : i * (width - left - right) / (items.length - 1));
  const y = v => top + (height - top - bottom) * (1 - (v - min) / (max - min || 1));
  for (const v of marks) {
    svg.append(el('line', { x1: left, x2: width - right, y1: y(v), y2: y(v), stroke: '#d9e2d9' }));
    svg.append(el('text', { x: left - 8, y: y(v) + FONT / 3, 'text-anchor': 'end', 'font-size': FONT }, format(v)));
  }
  for (const marker of markers) {
    const index = items.findIndex(it => it.key >= marker.key);
    if (index < 0) continue;
    svg.append(el('line', { x1: x(index), x2: x(index), y1: top, y2: height - bottom, stroke: '#9a7b00', 'stroke-width': 2,
      'stroke-dasharray': '6 4', class: 'marker', 'data-key': marker.key }));
    svg.append(el('text', { x: Math.min(x(index) + 6, width - right - 4), y: top + FONT, 'font-size': FONT,
      'text-anchor': x(index) > width * 0.7 ? 'end' : 'start' }, marker.label));
  }
  svg.append(el('polyline', { points: items.map((it, i) => `${x(i)},${y(it.value)}`).join(' '), fill: 'none', stroke: '#17612f', 'stroke-width': 3 }));
  items.forEach((it, i) => {
    const c = el('circle', { cx: x(i), cy: y(it.value), r: 5, fill: '#17612f', class: 'point', 'data-key': it.key, 'data-value': String(it.value) });
    c.append(el('title', {}, `${it.label}: ${format(it.value)}`));
    svg.append(c);
  });
  svg.append(el('text', { x: left, y: height - 10, 'font-size': FONT }, items[0].label));
  svg.append(el('text', { x: width - right, y: height - 10, 'text-anchor': 'end', 'font-size': FONT }, items[items.length - 1].label));
  return figure(id, caption, svg, items.map(i => [i.label, format(i.value)]));
}

/**
 * A polygon of [longitude, latitude] positions, scaled to fit (equirectangular, corrected for latitude), with a scale bar
 * of a round number of metres; metres(n) words it.
 */
export function outline(id, caption, ring, metres) {
  const size = 240, pad = 12, bar = 36;
  const svg = el('svg', { viewBox: `0 0 ${size} ${size + bar}`, style: 'max-width:15rem' });
  const lat0 = ring.reduce((s, p) => s + p[1], 0) / ring.length;
  const pts = ring.map(p => [p[0] * Math.cos(lat0 * Math.PI / 180), p[1]]);
  const xs = pts.map(p => p[0]), ys = pts.map(p => p[1]);
  const span = Math.max(Math.max(...xs) - Math.min(...xs), Math.max(...ys) - Math.min(...ys), 1e-12);
  const k = (size - 2 * pad) / span;
  const path = pts.map(p => `${pad + (p[0] - Math.min(...xs)) * k},${size - pad - (p[1] - Math.min(...ys)) * k}`).join(' ');
  svg.append(el('polygon', { points: path, fill: '#cfe6cf', stroke: '#17612f', 'stroke-width': 2, class: 'plot-polygon' }));
  // One degree of latitude is 111,320 m (and of longitude, once scaled by cos(latitude) as above).
  const metresPerUnit = 111320 / k;
  const target = (size - 2 * pad) / 3 * metresPerUnit;
  const power = 10 ** Math.floor(Math.log10(target));
  const length = [1, 2, 5, 10].map(m => m * power).filter(m => m <= target).pop();
  const lengthUnits = length / metresPerUnit;
  svg.append(el('line', { x1: pad, x2: pad + lengthUnits, y1: size + 8, y2: size + 8, stroke: '#1b2a1b', 'stroke-width': 3, class: 'scale-bar',
    'data-metres': String(length) }));
  svg.append(el('text', { x: pad, y: size + 30, 'font-size': FONT - 2 }, metres ? metres(length) : `${length} m`));
  return figure(id, caption, svg, ring.map((p, i) => [String(i + 1), `${p[0]}, ${p[1]}`]));
}
