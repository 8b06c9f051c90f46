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
  fig.append(cap);
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
  fig.append(details);
  return fig;
}

/** Horizontal bars around a zero line; items: {key, label, value}. */
export function barChart(id, caption, items, format) {
  const rowHeight = 22, labelWidth = 190, width = 640, valueWidth = 90;
  const height = Math.max(1, items.length) * rowHeight + 10;
  const svg = el('svg', { viewBox: `0 0 ${width} ${height}` });
  const max = Math.max(1e-9, ...items.map(i => Math.abs(i.value)));
  const hasNegative = items.some(i => i.value < 0);
  const plot = width - labelWidth - valueWidth;
  const zero = labelWidth + (hasNegative ? plot / 2 : 0);
  const scale = (hasNegative ? plot / 2 : plot) / max;
  items.forEach((item, i) => {
    const y = 5 + i * rowHeight;
    const w = Math.abs(item.value) * scale;
    const g = el('g', { class: 'bar', 'data-key': item.key, 'data-value': String(item.value) });
    g.append(el('text', { x: labelWidth - 6, y: y + 14, 'text-anchor': 'end', class: 'bar-label' }, item.label));
    g.append(el('rect', { x: item.value < 0 ? zero - w : zero, y: y + 3, width: Math.max(w, 0.5), height: rowHeight - 6,
      fill: item.value < 0 ? '#b3261e' : '#17612f' }));
    g.append(el('text', { x: width - valueWidth + 6, y: y + 14, class: 'bar-value' }, format(item.value)));
    svg.append(g);
  });
  svg.append(el('line', { x1: zero, x2: zero, y1: 0, y2: height, stroke: '#5b6b5b' }));
  return figure(id, caption, svg, items.map(i => [i.label, format(i.value)]));
}

/** A line over labelled points; items: {key, label, value}. */
export function lineChart(id, caption, items, format) {
  const width = 640, height = 200, left = 60, right = 10, top = 10, bottom = 30;
  const svg = el('svg', { viewBox: `0 0 ${width} ${height}` });
  if (items.length === 0) return figure(id, caption, svg, []);
  const values = items.map(i => i.value);
  const min = Math.min(0, ...values), max = Math.max(...values, 1e-9);
  const x = i => left + (items.length === 1 ? 0 : i * (width - left - right) / (items.length - 1));
  const y = v => top + (height - top - bottom) * (1 - (v - min) / (max - min || 1));
  svg.append(el('polyline', { points: items.map((it, i) => `${x(i)},${y(it.value)}`).join(' '), fill: 'none', stroke: '#17612f', 'stroke-width': 2 }));
  items.forEach((it, i) => {
    const c = el('circle', { cx: x(i), cy: y(it.value), r: 3.5, fill: '#17612f', class: 'point', 'data-key': it.key, 'data-value': String(it.value) });
    c.append(el('title', {}, `${it.label}: ${format(it.value)}`));
    svg.append(c);
  });
  svg.append(el('text', { x: left - 6, y: y(max) + 4, 'text-anchor': 'end' }, format(max)));
  svg.append(el('text', { x: left - 6, y: y(min) + 4, 'text-anchor': 'end' }, format(min)));
  svg.append(el('text', { x: left, y: height - 8 }, items[0].label));
  svg.append(el('text', { x: width - right, y: height - 8, 'text-anchor': 'end' }, items[items.length - 1].label));
  return figure(id, caption, svg, items.map(i => [i.label, format(i.value)]));
}

/** A polygon of [longitude, latitude] positions, scaled to fit (equirectangular, corrected for latitude). */
export function outline(id, caption, ring) {
  const size = 200, pad = 10;
  const svg = el('svg', { viewBox: `0 0 ${size} ${size}`, style: 'max-width:14rem' });
  const lat0 = ring.reduce((s, p) => s + p[1], 0) / ring.length;
  const pts = ring.map(p => [p[0] * Math.cos(lat0 * Math.PI / 180), p[1]]);
  const xs = pts.map(p => p[0]), ys = pts.map(p => p[1]);
  const span = Math.max(Math.max(...xs) - Math.min(...xs), Math.max(...ys) - Math.min(...ys), 1e-12);
  const k = (size - 2 * pad) / span;
  const path = pts.map(p => `${pad + (p[0] - Math.min(...xs)) * k},${size - pad - (p[1] - Math.min(...ys)) * k}`).join(' ');
  svg.append(el('polygon', { points: path, fill: '#cfe6cf', stroke: '#17612f', 'stroke-width': 2, class: 'plot-polygon' }));
  return figure(id, caption, svg, ring.map((p, i) => [String(i + 1), `${p[0]}, ${p[1]}`]));
}
