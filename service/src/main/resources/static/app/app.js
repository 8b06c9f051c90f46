// GreenCredit web pages: SME self-check, officer console and the public algorithm filing, in one
// page over the same API as everyone else. Signing in trades the password once for a session token,
// kept in this tab's sessionStorage until sign-out, expiry or the tab is closed.
import { TEXTS } from './i18n.js';
import { barChart, lineChart, outline, setTableLabel } from './charts.js';

const state = { lang: localStorage.getItem('gc-lang') || 'zh', auth: null, me: null, exampleRequest: null, vocabulary: { features: {}, crops: {} } };
const main = document.getElementById('main');

const t = key => TEXTS[state.lang][key];
const pick = (zh, en) => (state.lang === 'zh' ? zh : en) || zh || en || '';
const when = iso => iso ? new Date(iso).toLocaleString(state.lang === 'zh' ? 'zh-CN' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' }) : '—';
const stageName = code => t('stages')[code] || code;
const statusName = code => t('statuses')[code] || code;
const named = (table, code) => (table[code] ? pick(table[code].zh, table[code].en) : code);
const fmt = (n, digits = 2) => n === null || n === undefined ? '—'
  : new Intl.NumberFormat(state.lang === 'zh' ? 'zh-CN' : 'en-US', { maximumFractionDigits: digits }).format(n);

function h(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
    else if (k === 'text') node.textContent = v;
    else node.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children.flat()) {
    if (c !== null && c !== undefined && c !== false) node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return node;
}

async function api(path, { method = 'GET', body, type = 'application/json', auth = state.auth, idempotencyKey } = {}) {
  const headers = { 'X-Requested-With': 'GreenCredit-web', Accept: 'application/json' };
  if (auth) headers.Authorization = auth;
  if (idempotencyKey) headers['Idempotency-Key'] = idempotencyKey;
  if (body !== undefined) headers['Content-Type'] = type;
  const res = await fetch(path, { method, headers, body });
  if (res.status === 401 && auth && auth === state.auth && auth.startsWith('Bearer ')) {
    // The session expired or was closed elsewhere: back to the sign-in page.
    endSession();
    go('#/login');
  }
  const text = await res.text();
  let json = null;
  try { json = text ? JSON.parse(text) : null; } catch (e) { json = null; }
  return { status: res.status, ok: res.ok, json, text };
}

function problemText(reply) {
  if (reply.json && reply.json.errors) return reply.json.errors.map(e => `${e.field}: ${e.message}`).join('; ');
  if (reply.json && reply.json.detail) return reply.json.detail;
  return `${t('failed')} (${reply.status})`;
}

// ---------- shell ----------

function renderShell() {
  document.documentElement.lang = state.lang === 'zh' ? 'zh-CN' : 'en';
  document.title = t('appTitle');
  setTableLabel(t('dataTable'));
  document.getElementById('app-title').textContent = t('appTitle');
  document.getElementById('lang-switch').textContent = t('switchTo');
  document.getElementById('nav-filing').textContent = t('filing');
  document.getElementById('nav-sme').textContent = t('selfCheck');
  document.getElementById('nav-officer').textContent = t('console');
  document.getElementById('sign-out').textContent = t('signOut');
  const role = state.me && state.me.role;
  document.getElementById('nav-sme').classList.toggle('hidden', role !== 'SME');
  document.getElementById('nav-officer').classList.toggle('hidden', !(role === 'OFFICER' || role === 'ADMIN'));
  document.getElementById('sign-out').classList.toggle('hidden', !state.me);
  document.getElementById('who').textContent = state.me ? `${state.me.name} (${state.me.role})` : '';
}

document.getElementById('lang-switch').addEventListener('click', () => {
  state.lang = state.lang === 'zh' ? 'en' : 'zh';
  localStorage.setItem('gc-lang', state.lang);
  route();
});

function endSession() {
  state.auth = null;
  state.me = null;
  sessionStorage.removeItem('gc-session');
}

document.getElementById('sign-out').addEventListener('click', async () => {
  if (state.auth) await api('/api/v1/sessions/current', { method: 'DELETE' });
  endSession();
  go('#/login');
});
window.addEventListener('hashchange', route);

/** Shows a page; setting the hash it already has would fire no hashchange, so route directly then. */
function go(hash) {
  if (location.hash === hash) route();
  else location.hash = hash;
}

async function route() {
  renderShell();
  const page = location.hash.replace(/^#\//, '') || 'login';
  main.replaceChildren();
  if (page === 'filing') return filingPage();
  if (!state.me) return loginPage();
  if (page === 'sme' && state.me.role === 'SME') return smePage();
  if (page === 'officer' && (state.me.role === 'OFFICER' || state.me.role === 'ADMIN')) return officerPage();
  go(state.me.role === 'SME' ? '#/sme' : '#/officer');
}

// ---------- sign-in ----------

function loginPage() {
  const error = h('p', { id: 'login-error', class: 'error', role: 'alert' });
  const form = h('form', { id: 'login-form' },
    h('h2', { text: t('signIn') }),
    h('label', { for: 'username', text: t('username') }), h('input', { id: 'username', autocomplete: 'username', required: true }),
    h('label', { for: 'password', text: t('password') }),
    h('input', { id: 'password', type: 'password', autocomplete: 'current-password', required: true }),
    h('p', { text: t('signInHint') }),
    h('button', { id: 'sign-in', type: 'submit', text: t('signIn') }), error);
  form.addEventListener('submit', async e => {
    e.preventDefault();
    const user = document.getElementById('username').value.trim();
    const auth = 'Basic ' + btoa(String.fromCharCode(...new TextEncoder().encode(`${user}:${document.getElementById('password').value}`)));
    const reply = await api('/api/v1/sessions', { method: 'POST', auth });
    if (!reply.ok) {
      error.textContent = reply.status === 401 ? t('badLogin') : problemText(reply);
      return;
    }
    sessionStorage.setItem('gc-session', reply.json.token);
    state.auth = 'Bearer ' + reply.json.token;
    state.me = reply.json.caller;
    go(state.me.role === 'SME' ? '#/sme' : '#/officer');
  });
  main.append(form);
  document.getElementById('username').focus();
}

// ---------- the rating, explained ----------

function card(id, label, value, extraClass) {
  return h('div', { class: 'card' }, h('div', { class: 'label', text: label }), h('div', { id, class: 'value ' + (extraClass || ''), text: value }));
}

function table(id, headers, rows) {
  return h('div', { class: 'table-wrap' }, h('table', { id },
    h('thead', {}, h('tr', {}, headers.map(x => h('th', { scope: 'col', text: x })))),
    h('tbody', {}, rows.map(r => h('tr', {}, r.map(c => h('td', {}, c)))))));
}

function ndviOf(o) {
  if (o.value !== null && o.value !== undefined) return o.value;
  return o.red + o.nir > 0 ? (o.nir - o.red) / (o.nir + o.red) : null;
}

function renderRating(rating, request) {
  const g = rating.green, d = rating.decision, x = rating.explanation, c = rating.carbon;
  const out = h('div', { id: 'rating-view', 'data-rating-id': rating.id });
  // One answer first: the decision and limit, then the colour in words with the efficiency level on its scale, then the
  // green score out of 100; the cards below hold the detail.
  const levels = (state.vocabulary && state.vocabulary.efficiencyLevels) || {};
  const levelCount = Object.keys(levels).length;
  const level = g.carbonEfficiencyLevel;
  const levelText = level == null || !levels[level] ? '' : t('levelOnScale').replace('{level}', level).replace('{of}', levelCount)
    .replace('{label}', pick(levels[level].zh, levels[level].en));
  out.append(h('div', { id: 'headline', class: 'headline' },
    h('p', { id: 'headline-decision', class: 'headline-decision', text: t('headlineDecision').replace('{outcome}', t('outcome')[d.outcome])
      .replace('{limit}', fmt(d.limitCny, 0)) }),
    h('p', { id: 'headline-colour', text: [t('colour')[g.colour], levelText].filter(x => x).join(' · ') }),
    h('p', { id: 'headline-score', text: t('scoreOutOf').replace('{score}', fmt(g.score, 0)) })));
  out.append(h('div', { class: 'cards' },
    h('div', { class: 'card' }, h('div', { class: 'label', text: t('colourLabel') }),
      h('span', { id: 'badge', class: 'badge ' + g.colour, 'data-colour': g.colour, text: t('colour')[g.colour] })),
    card('green-score', t('greenScore'), fmt(g.score, 0)),
    card('green-grade', t('greenGrade'), g.grade),
    card('efficiency-level', t('efficiencyLevel'), g.carbonEfficiencyLevel ?? '—'),
    card('pd', t('pd'), fmt(rating.credit.pd * 100, 2) + '%'),
    card('credit-grade', t('creditGrade'), rating.credit.grade),
    card('outcome', t('decision'), t('outcome')[d.outcome]),
    card('limit', t('limit'), fmt(d.limitCny, 0)),
    card('discount', t('discount'), fmt(d.rateDiscountBp, 0))));
  // Only officers' and pipelines' answers carry it: the challenger scores in shadow for the model review.
  const challenger = rating.credit.challenger;
  if (challenger) {
    out.append(h('p', { id: 'challenger', class: 'card', text: `${t('challengerPd')}: ${fmt(challenger.pd * 100, 2)}% · ${challenger.grade} (${challenger.modelVersion})` }));
  }

  out.append(h('h3', { text: t('reasons') }),
    h('ol', { id: 'reasons' }, x.reasons.length ? x.reasons.map(r => h('li', { 'data-code': r.code, text: pick(r.zh, r.en) })) : h('li', { text: t('none') })));

  if (c.lines.length) {
    out.append(h('h3', { text: t('carbon') }));
    out.append(barChart('scope-chart', t('byScope'), [1, 2, 3].map(s => ({ key: 'scope' + s, label: t('scopeName')(s), value: c['scope' + s + 'Kg'] })),
      v => fmt(v, 1)));
    const byActivity = {};
    const byMonth = {};
    for (const line of c.lines) {
      const key = (t('activities')[line.activity] || line.activity) + (line.category ? ' · ' + line.category : '');
      byActivity[key] = byActivity[key] || { kg: 0, scope: line.scope };
      byActivity[key].kg += line.kgCo2e;
      byMonth[line.month] = (byMonth[line.month] || 0) + line.kgCo2e;
    }
    out.append(table('activity-table', [t('activity'), t('scope'), t('kg')],
      Object.entries(byActivity).sort((a, b) => b[1].kg - a[1].kg).map(([k, v]) => [k, String(v.scope), fmt(v.kg, 1)])));
    out.append(lineChart('trend-chart', t('trend'),
      Object.keys(byMonth).sort().map(m => ({ key: m, label: m, value: Math.round(byMonth[m] * 1000) / 1000 })), v => fmt(v, 1)));
  }

  out.append(h('h3', { text: t('criteria') }),
    table('criteria', [t('rule'), '', t('points'), t('evidence'), t('source')],
      x.ruleHits.map(r => [r.id, pick(r.titleZh, r.titleEn), String(r.points), r.evidence || '', r.source])));

  out.append(h('h3', { text: t('contributions') }));
  out.append(barChart('contributions-chart', t('contributions'),
    x.contributions.map(k => ({ key: k.feature, label: named(state.vocabulary.features, k.feature)
      + (k.value === null || k.value === undefined ? '' : ' = ' + fmt(k.value, 3)), value: k.points })),
    v => fmt(v, 0)));

  out.append(h('h3', { text: t('improve') }),
    h('ul', { id: 'improve', class: 'plain' }, x.counterfactuals.length
      ? x.counterfactuals.map(k => h('li', { 'data-feature': k.feature, text: pick(k.zh, k.en) })) : h('li', { text: t('none') })));

  const warnings = [...c.anomalies.map(a => pick(a.zh, a.en) + (a.evidence ? ` (${a.evidence})` : '')), ...x.notAssessed.map(n => pick(n.zh, n.en))];
  out.append(h('h3', { text: t('warnings') }),
    h('ul', { id: 'warnings', class: 'plain' }, warnings.length ? warnings.map(w => h('li', { class: 'notice', text: w })) : h('li', { text: t('none') })));

  if (d.repaymentSchedule.length) {
    out.append(h('h3', { text: t('schedule') }),
      table('schedule', [t('month'), t('principal')], d.repaymentSchedule.map(i => [i.dueMonth, fmt(i.principalCny, 2)])));
  }

  if (rating.crop) out.append(renderPlots(rating.crop.plots, request));
  out.append(h('p', { class: 'card', id: 'versions',
    text: `${t('versions')}: engine ${x.versions.engine}; ruleset ${x.versions.ruleset}; models ${x.versions.models}; factors ${x.versions.factors}` }));
  return out;
}

function renderPlots(plots, request) {
  const box = h('div', { id: 'plots' }, h('h3', { text: t('plots') }));
  for (const p of plots) {
    const input = request && request.plots ? request.plots.find(q => q.id === p.plotId) : null;
    const item = h('div', { class: 'card plot', 'data-plot': p.plotId },
      h('h4', { text: p.plotId }),
      h('div', { class: 'cards' },
        card('crop-' + p.plotId, t('crop'), named(state.vocabulary.crops, p.crop)),
        card('probability-' + p.plotId, t('probability'), fmt(p.probability, 2)),
        card('area-' + p.plotId, t('area'), fmt(p.areaMu, 2)),
        card('stage-' + p.plotId, t('stage'), stageName(p.growthStage) + (p.stageDate ? ` (${p.stageDate})` : '')),
        card('value-' + p.plotId, t('expectedValue'), fmt(p.expectedValueCny, 0))),
      p.mismatch ? h('p', { class: 'notice', text: t('mismatch') + ': ' + pick(p.mismatchReasonZh, p.mismatchReason) }) : null);
    if (input && input.geometry) item.append(outline('outline-' + p.plotId, t('outline'), input.geometry.coordinates[0]));
    if (input && input.ndvi && input.ndvi.length) {
      const points = input.ndvi.filter(o => !o.cloudy).map(o => ({ key: o.date, label: o.date, value: ndviOf(o) })).filter(o => o.value !== null);
      const chart = lineChart('ndvi-' + p.plotId, `${t('ndvi')}: ${named(state.vocabulary.crops, p.crop)}, ${stageName(p.growthStage)}`,
        points, v => fmt(v, 3));
      chart.dataset.stage = p.growthStage;
      item.append(chart);
    }
    box.append(item);
  }
  return box;
}

// ---------- SME self-check ----------

/** A random key for Idempotency-Key; crypto.randomUUID exists only on secure pages, so a fallback for plain http. */
function newKey() {
  if (window.crypto && crypto.randomUUID) return crypto.randomUUID();
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, b => b.toString(16).padStart(2, '0')).join('');
}

async function smePage() {
  const me = state.me;
  if (!state.exampleRequest) {
    const example = await fetch('/demo/example-request.json').then(r => r.json());
    example.sme.id = me.smeId;
    state.exampleRequest = JSON.stringify(example, null, 2);
  }
  const message = h('p', { id: 'rate-error', class: 'error', role: 'alert' });
  const result = h('section', { id: 'result', 'aria-live': 'polite' });
  const upload = h('input', { id: 'upload-csv', type: 'file', accept: '.csv,text/csv' });
  const textarea = h('textarea', { id: 'request-json', spellcheck: 'false' });
  textarea.value = state.exampleRequest;
  textarea.addEventListener('input', () => { state.exampleRequest = textarea.value; });
  // One Idempotency-Key per version of the data sent: the same data again (a double click, a retry after a lost answer)
  // returns the rating already made instead of storing a second one; changed data (typed, or by quick entry) gets a new key.
  let rateKey = null;
  let rateBody = null;
  const keyFor = body => {
    if (body !== rateBody) {
      rateBody = body;
      rateKey = newKey();
    }
    return rateKey;
  };

  const showRating = async (reply, request) => {
    if (!reply.ok) {
      message.textContent = problemText(reply);
      return;
    }
    message.textContent = '';
    await showOwnRating(result, reply.json, request);
    await loadHistory();
  };
  upload.addEventListener('change', async () => {
    if (!upload.files.length) return;
    // The file's bytes as saved: the service tells UTF-8 from GBK (Excel's default on Chinese Windows); decoding here would garble GBK.
    const csv = await upload.files[0].arrayBuffer();
    const reply = await api('/api/v1/ratings', { method: 'POST', body: csv, type: 'text/csv' });
    showRating(reply, reply.ok ? (await api(`/api/v1/ratings/${reply.json.id}/request`)).json : null);
  });

  const historyBody = h('tbody');
  const appealsBody = h('tbody');
  async function loadHistory() {
    const reply = await api(`/api/v1/smes/${encodeURIComponent(me.smeId)}/ratings`);
    historyBody.replaceChildren(...(reply.json || []).map(s => h('tr', {},
      h('td', { text: when(s.ratedAt) }), h('td', {}, h('span', { class: 'badge ' + s.colour, text: t('colour')[s.colour] })),
      h('td', { text: t('outcome')[s.outcome] }), h('td', { text: fmt(s.limitCny, 0) }),
      h('td', {}, h('button', { type: 'button', class: 'secondary open-own', 'data-id': s.id, text: t('open'), onclick: async () => {
        const rating = (await api(`/api/v1/ratings/${s.id}`)).json;
        const request = (await api(`/api/v1/ratings/${s.id}/request`)).json;
        await showOwnRating(result, rating, request);
      } })))));
    const appeals = await api(`/api/v1/smes/${encodeURIComponent(me.smeId)}/appeals`);
    appealsBody.replaceChildren(...(appeals.json || []).map(a => h('tr', { 'data-appeal': a.id },
      h('td', { text: when(a.openedAt) }), h('td', { text: a.field }), h('td', { class: 'status appeal-status', 'data-status': a.status, text: statusName(a.status) }),
      h('td', { text: a.answer || '—' }))));
  }

  main.append(
    quickEntry(textarea),
    h('section', { id: 'sme-data' }, h('h2', { text: t('yourData') }),
      h('p', {}, h('a', { id: 'download-template', href: '/api/v1/templates/rating-request.csv', download: 'rating-request.csv', text: t('downloadTemplate') })),
      h('label', { for: 'upload-csv', text: t('uploadCsv') }), upload,
      h('label', { for: 'request-json', text: t('requestJson') }), textarea,
      h('button', { id: 'rate', type: 'button', text: t('rate'), onclick: async event => {
        const button = event.currentTarget;
        if (button.disabled) return;
        let request;
        try { request = JSON.parse(textarea.value); } catch (e) { message.textContent = 'JSON: ' + e.message; return; }
        button.disabled = true;
        button.setAttribute('aria-busy', 'true');
        try {
          const body = JSON.stringify(request);
          await showRating(await api('/api/v1/ratings', { method: 'POST', body, idempotencyKey: keyFor(body) }), request);
        } finally {
          button.disabled = false;
          button.removeAttribute('aria-busy');
        }
      } }), message),
    result,
    h('section', {}, h('h2', { text: t('history') }),
      h('div', { class: 'table-wrap' }, h('table', { id: 'history' }, h('thead', {}, h('tr', {},
        [t('ratedAt'), t('colourLabel'), t('decision'), t('limit'), ''].map(x => h('th', { scope: 'col', text: x })))),
      historyBody))),
    h('section', {}, h('h2', { text: t('appeals') }),
      h('div', { class: 'table-wrap' }, h('table', { id: 'appeals' }, h('thead', {}, h('tr', {},
        [t('openedAt'), t('appealField'), t('status'), t('answer')].map(x => h('th', { scope: 'col', text: x })))), appealsBody))));
  await loadHistory();

  async function showOwnRating(container, rating, request) {
    container.replaceChildren(h('h2', { text: t('rating') }), renderRating(rating, request), behavioursView(rating.green),
      await whatIfView(rating, request), appealForm(rating, loadHistory));
  }
}

/** Each green behaviour the rating counted, with what it rests on: records (evidenced) or the firm's word (declared, half points). */
function behavioursView(green) {
  return h('section', { id: 'behaviours-view' }, h('h3', { text: t('behaviours') }),
    h('p', { id: 'green-path', 'data-path': green.path, text: t('greenPath')[green.path] }),
    table('behaviours', [t('behaviour'), t('value'), t('basis')], green.behaviours.map(b => [
      t('behaviourName')[b.behaviour] || t('certification') + ' ' + b.behaviour.replace('certifications.', ''),
      b.behaviour.startsWith('certifications.') || b.behaviour === 'energySavingEquipment' ? '✓' : fmt(b.value * 100, 0) + '%',
      t('basisName')[b.basis] + (b.contradicted ? ' · ' + t('contradicted')(fmt(b.declaredValue * 100, 0)) : '')])));
}

/** What would raise the rating: the sandbox's changes, each found by rating the changed request; nothing is stored. */
async function whatIfView(rating, request) {
  const section = h('section', { id: 'what-if-view' }, h('h3', { text: t('whatIf') }));
  if (!request) return section;
  const reply = await api('/api/v1/ratings:simulate?against=' + encodeURIComponent(rating.id), { method: 'POST', body: JSON.stringify(request) });
  if (!reply.ok) {
    section.append(h('p', { class: 'error', text: problemText(reply) }));
    return section;
  }
  const items = reply.json.whatIf.map(w => h('li', { 'data-lever': w.lever },
    h('strong', { text: pick(w.zh, w.en) }),
    h('span', { text: ' → ' + t('colour')[w.colour] + ' · ' + t('outcome')[w.outcome] + ' · ' + t('limit') + ' ' + fmt(w.limitCny, 0)
      + ' · ' + t('discount') + ' ' + fmt(w.rateDiscountBp, 0) })));
  section.append(h('ul', { id: 'what-if', class: 'plain' }, items.length ? items : h('li', { text: t('none') })));
  return section;
}

/** A few fields in plain words, written into the JSON request; everything else stays as it is there. */
function quickEntry(textarea) {
  let request;
  try { request = JSON.parse(textarea.value); } catch (e) { request = null; }
  if (!request) return h('div');
  const lines = (request.carbonAccount && request.carbonAccount.lines) || [];
  const months = [...new Set(lines.map(l => l.month))].sort().slice(-12);
  const kwh = m => { const l = lines.find(x => x.month === m && x.activity === 'ELECTRICITY'); return l ? l.quantity : ''; };
  const input = (id, label, value, attrs = {}) => h('div', {}, h('label', { for: id, text: label }), h('input', { id, value, ...attrs }));
  const size = h('select', { id: 'quick-size' }, ['MICRO', 'SMALL', 'MEDIUM', 'LARGE'].map(c => h('option', { value: c, text: t('sizes')[c] })));
  size.value = request.sme.sizeClass || 'MICRO';
  const apply = () => {
    const next = JSON.parse(textarea.value);
    next.sme.name = document.getElementById('quick-name').value;
    next.sme.regionCode = document.getElementById('quick-region').value;
    next.sme.industryCode = document.getElementById('quick-industry').value;
    next.sme.sizeClass = size.value;
    next.carbonAccount = next.carbonAccount || { lines: [] };
    const revenue = document.getElementById('quick-revenue').value;
    next.carbonAccount.revenueCny = revenue === '' ? null : Number(revenue);
    next.carbonAccount.lines = (next.carbonAccount.lines || []).filter(l => !(l.activity === 'ELECTRICITY' && months.includes(l.month)));
    months.forEach((m, i) => {
      const v = document.getElementById('quick-kwh-' + i).value;
      if (v !== '') next.carbonAccount.lines.push({ month: m, activity: 'ELECTRICITY', quantity: Number(v), unit: 'kWh', evidence: 'BILL' });
    });
    textarea.value = JSON.stringify(next, null, 2);
    textarea.dispatchEvent(new Event('input'));
  };
  return h('section', { id: 'quick-entry' }, h('h2', { text: t('quickEntry') }),
    h('div', { class: 'cards' },
      input('quick-name', t('firmName'), request.sme.name || ''),
      input('quick-region', t('regionCode'), request.sme.regionCode || '', { inputmode: 'numeric', pattern: '\\d{6}' }),
      input('quick-industry', t('industryCode'), request.sme.industryCode || ''),
      h('div', {}, h('label', { for: 'quick-size', text: t('sizeClass') }), size),
      input('quick-revenue', t('revenue'), request.carbonAccount ? request.carbonAccount.revenueCny ?? '' : '', { type: 'number', min: '0' })),
    h('fieldset', {}, h('legend', { text: t('electricityKwh') }),
      h('div', { class: 'cards' }, months.map((m, i) => input('quick-kwh-' + i, m, kwh(m), { type: 'number', min: '0' })))),
    h('button', { id: 'quick-apply', type: 'button', class: 'secondary', text: t('applyToRequest'), onclick: apply }));
}

function appealForm(rating, onDone) {
  const status = h('p', { id: 'appeal-status', role: 'status' });
  const fields = ['sme.sizeClass', 'sme.industryCode', 'carbonAccount.revenueCny', 'carbonAccount.lines', 'greenBehaviours', 'credit', 'plots'];
  const form = h('form', { id: 'appeal-form', class: 'hidden' },
    h('label', { for: 'appeal-field', text: t('appealField') }),
    h('input', { id: 'appeal-field', list: 'appeal-fields', required: true }),
    h('datalist', { id: 'appeal-fields' }, fields.map(f => h('option', { value: f }))),
    h('label', { for: 'appeal-claim', text: t('appealClaim') }), h('textarea', { id: 'appeal-claim', required: true }),
    h('label', { for: 'appeal-evidence', text: t('appealEvidence') }), h('textarea', { id: 'appeal-evidence' }),
    h('button', { id: 'appeal-submit', type: 'submit', text: t('submitAppeal') }));
  form.addEventListener('submit', async e => {
    e.preventDefault();
    const reply = await api(`/api/v1/ratings/${rating.id}/appeals`, { method: 'POST', body: JSON.stringify({
      field: document.getElementById('appeal-field').value, claim: document.getElementById('appeal-claim').value,
      evidence: document.getElementById('appeal-evidence').value || null }) });
    status.textContent = reply.ok ? `${t('status')}: ${statusName(reply.json.status)}` : problemText(reply);
    status.dataset.status = reply.ok ? reply.json.status : 'ERROR';
    if (reply.ok) {
      form.classList.add('hidden');
      await onDone();
    }
  });
  return h('section', { id: 'contest-section' },
    h('button', { id: 'contest', type: 'button', class: 'secondary', 'aria-controls': 'appeal-form', text: t('contest'), onclick: () => {
      form.classList.toggle('hidden');
      if (!form.classList.contains('hidden')) document.getElementById('appeal-field').focus();
    } }), form, status);
}

// ---------- officer console ----------

async function officerPage() {
  const colour = h('select', { id: 'filter-colour' }, h('option', { value: '', text: t('any') }),
    ['DEEP_GREEN', 'LIGHT_GREEN', 'YELLOW', 'RED'].map(c => h('option', { value: c, text: t('colour')[c] })));
  const reason = h('input', { id: 'filter-reason', placeholder: 'THIN_FILE, CROP_MISMATCH…' });
  const queueBody = h('tbody');
  const detail = h('section', { id: 'officer-detail', 'aria-live': 'polite' });
  const pendingList = h('ul', { id: 'pending', class: 'plain' });
  const appealList = h('div', { id: 'open-appeals' });

  // Filters apply as they change: the colour at once, the reason once typing pauses.
  let typing = null;
  colour.addEventListener('change', () => loadQueue());
  reason.addEventListener('input', () => {
    clearTimeout(typing);
    typing = setTimeout(() => loadQueue(), 300);
  });

  async function loadQueue() {
    const query = new URLSearchParams({ limit: '200' });
    if (colour.value) query.set('colour', colour.value);
    if (reason.value.trim()) query.set('reason', reason.value.trim().toUpperCase());
    const reply = await api('/api/v1/referrals?' + query);
    queueBody.replaceChildren(...(reply.json || []).map(s => h('tr', { 'data-id': s.id },
      h('td', { text: when(s.ratedAt) }), h('td', { text: s.smeId }), h('td', {}, h('span', { class: 'badge ' + s.colour, text: t('colour')[s.colour] })),
      h('td', { text: (s.referralReasons || []).join(', ') }),
      h('td', {}, h('button', { type: 'button', class: 'secondary open-rating', 'data-id': s.id, text: t('open'), onclick: () => openRating(s.id) })))));
  }

  async function loadPending() {
    const reply = await api('/api/v1/overrides/pending');
    const pending = reply.json || [];
    if (!pending.length) {
      pendingList.replaceChildren(h('li', { text: t('none') }));
      return;
    }
    pendingList.replaceChildren(...pending.map(o => {
      const note = h('input', { 'aria-label': t('note'), class: 'pending-note' });
      const decide = async how => {
        const r = await api(`/api/v1/overrides/${o.id}/${how}`, { method: 'POST', body: JSON.stringify({ note: note.value || null }) });
        item.querySelector('.pending-result').textContent = r.ok ? statusName(r.json.status) : problemText(r);
        if (r.ok) await loadPending();
      };
      // Four eyes: the officer who requested an override waits for another; the service refuses them anyway.
      const own = o.requestedBy === state.me.name;
      const item = h('li', { class: 'card', 'data-override': o.id },
        h('p', { text: `${o.ratingId}: ${o.outcome || t('unchanged')}, ${fmt(o.limitCny, 0)} · ${o.reason} (${o.requestedBy})` }),
        ...(own ? [h('p', { class: 'awaiting-other', text: t('awaitingOther') })]
          : [note, h('button', { type: 'button', class: 'approve', text: t('approve'), onclick: () => decide('approval') }),
            h('button', { type: 'button', class: 'secondary reject', text: t('reject'), onclick: () => decide('rejection') })]),
        h('p', { class: 'pending-result error', role: 'status' }));
      return item;
    }));
  }

  async function loadAppeals() {
    const reply = await api('/api/v1/appeals?status=OPEN');
    const open = reply.json || [];
    if (!open.length) {
      appealList.replaceChildren(h('p', { text: t('none') }));
      return;
    }
    appealList.replaceChildren(...open.map(a => {
      const answer = h('textarea', { class: 'appeal-answer', 'aria-label': t('answer') });
      const decision = h('select', { class: 'appeal-decision', 'aria-label': t('decisionLabel') },
        h('option', { value: 'REJECTED', text: t('rejected') }), h('option', { value: 'CORRECTED', text: t('corrected') }));
      const corrected = h('textarea', { class: 'appeal-corrected hidden', 'aria-label': t('correctedRequest') });
      decision.addEventListener('change', async () => {
        corrected.classList.toggle('hidden', decision.value !== 'CORRECTED');
        if (decision.value === 'CORRECTED' && !corrected.value) corrected.value = (await api(`/api/v1/ratings/${a.ratingId}/request`)).text;
      });
      const result = h('p', { class: 'appeal-result', role: 'status' });
      return h('div', { class: 'card', 'data-appeal': a.id },
        h('p', { text: `${a.smeId} · ${a.field}: ${a.claim}` + (a.evidence ? ` (${a.evidence})` : '') }),
        decision, answer, corrected,
        h('button', { type: 'button', class: 'appeal-resolve', text: t('resolve'), onclick: async () => {
          let correctedRequest = null;
          if (decision.value === 'CORRECTED') {
            try { correctedRequest = JSON.parse(corrected.value); } catch (e) { result.textContent = 'JSON: ' + e.message; return; }
          }
          const r = await api(`/api/v1/appeals/${a.id}/resolution`, { method: 'POST',
            body: JSON.stringify({ decision: decision.value, answer: answer.value, correctedRequest }) });
          result.textContent = r.ok ? statusName(r.json.status) : problemText(r);
          if (r.ok) await loadAppeals();
        } }), result);
    }));
  }

  async function openRating(id) {
    const rating = (await api(`/api/v1/ratings/${id}`)).json;
    const request = (await api(`/api/v1/ratings/${id}/request`)).json;
    const status = h('p', { id: 'override-status', role: 'status' });
    const form = h('form', { id: 'override-form' }, h('h3', { text: t('override') }),
      h('label', { for: 'override-outcome', text: t('overrideOutcome') }),
      h('select', { id: 'override-outcome' }, h('option', { value: '', text: t('unchanged') }),
        ['APPROVE', 'REFER', 'DECLINE'].map(o => h('option', { value: o, text: t('outcome')[o] }))),
      h('label', { for: 'override-limit', text: t('overrideLimit') }), h('input', { id: 'override-limit', type: 'number', min: '0', step: '1000' }),
      h('label', { for: 'override-discount', text: t('overrideDiscount') }), h('input', { id: 'override-discount', type: 'number', min: '0', step: '5' }),
      h('label', { for: 'override-reason', text: t('overrideReason') }), h('textarea', { id: 'override-reason', required: true }),
      h('button', { id: 'override-submit', type: 'submit', text: t('submitOverride') }), status);
    form.addEventListener('submit', async e => {
      e.preventDefault();
      const num = v => v === '' ? null : Number(v);
      const reply = await api(`/api/v1/ratings/${id}/overrides`, { method: 'POST', body: JSON.stringify({
        outcome: document.getElementById('override-outcome').value || null, limitCny: num(document.getElementById('override-limit').value),
        rateDiscountBp: num(document.getElementById('override-discount').value), reason: document.getElementById('override-reason').value }) });
      status.textContent = reply.ok ? `${t('status')}: ${statusName(reply.json.status)}` : problemText(reply);
      status.dataset.status = reply.ok ? reply.json.status : 'ERROR';
      if (reply.ok) {
        await loadQueue();
        await loadPending();
      }
    });
    detail.replaceChildren(h('h2', { text: `${t('detail')}: ${rating.smeId}` }), renderRating(rating, request), form);
    document.getElementById('override-outcome').focus();
  }

  const modelsSection = h('section', { id: 'officer-models' });
  // A drift variable by its name, not its code: the model's PD, or a credit feature from the vocabulary.
  const variableName = code => {
    if (code === '(score)') return t('pd');
    const name = state.vocabulary && state.vocabulary.features && state.vocabulary.features[code];
    return name ? pick(name.zh, name.en) : code;
  };

  async function loadModels() {
    const [models, drift, filing] = await Promise.all([api('/api/v1/models'), api('/api/v1/models/drift'),
      api('/api/v1/algorithm-filing', { auth: null })]);
    const parts = [h('h2', { text: t('modelsTitle') })];
    if (models.ok) {
      const a = models.json.active;
      parts.push(h('p', { id: 'models-active', text: `${t('champion')}: ${a.champion} · ${t('challenger')}: ${a.challenger || t('none')}` }));
    }
    if (drift.ok) {
      const report = drift.json;
      const month = report.months[0];
      let text;
      let alert = false;
      if (report.reference == null) {
        text = t('driftNoReference');
      } else if (!month) {
        text = t('driftNoRatings');
      } else if (month.alerts.length) {
        alert = true;
        text = `${t('driftAlert').replace('{from}', report.alertFrom)} ` + month.variables.filter(v => month.alerts.includes(v.variable))
          .map(v => `${variableName(v.variable)} (PSI ${v.psi.toFixed(2)})`).join(', ');
      } else {
        text = `${t('driftStable').replace('{from}', report.alertFrom)} (${month.month}, ${month.ratings})`;
      }
      parts.push(h('h3', { text: t('driftTitle') }), h('p', { id: 'drift-status', class: alert ? 'card error' : 'card', 'data-alert': String(alert), text }));
    }
    if (filing.ok && filing.json.fairness) {
      parts.push(fairnessSection(filing.json.fairness));
    }
    modelsSection.replaceChildren(...parts);
  }

  main.append(
    h('section', {}, h('h2', { text: t('queue') }),
      h('div', { class: 'cards' }, h('div', {}, h('label', { for: 'filter-colour', text: t('filterColour') }), colour),
        h('div', {}, h('label', { for: 'filter-reason', text: t('filterReason') }), reason)),
      h('button', { id: 'refresh-queue', type: 'button', text: t('refresh'), onclick: loadQueue }),
      h('div', { class: 'table-wrap' }, h('table', { id: 'queue' }, h('thead', {}, h('tr', {},
        [t('ratedAt'), t('sme'), t('colourLabel'), t('filterReason'), ''].map(x => h('th', { scope: 'col', text: x })))), queueBody))),
    detail,
    h('section', {}, h('h2', { text: t('pending') }), pendingList),
    h('section', {}, h('h2', { text: t('openAppeals') }), appealList),
    modelsSection);
  await Promise.all([loadQueue(), loadPending(), loadAppeals(), loadModels()]);
}

// ---------- public algorithm filing ----------

async function filingPage() {
  const reply = await api('/api/v1/algorithm-filing', { auth: null });
  if (!reply.ok) {
    main.append(h('p', { class: 'error', text: problemText(reply) }));
    return;
  }
  const f = reply.json;
  const list = (id, items) => h('ul', { id, class: 'plain' }, items.map(i => h('li', { text: pick(i.zh, i.en) })));
  main.append(h('section', { id: 'filing' },
    h('h2', { text: `${t('filing')}: ${pick(f.name.zh, f.name.en)}` }),
    h('p', { text: pick(f.purpose.zh, f.purpose.en) }),
    h('p', { class: 'card', text: `${t('versions')}: engine ${f.versions.engine}; ruleset ${f.versions.ruleset}; models ${f.versions.models}; factors ${f.versions.factors}` }),
    h('h3', { text: t('principles') }), list('filing-principles', f.principles),
    h('h3', { text: t('dataSources') }), list('filing-sources', f.dataSources),
    h('h3', { text: t('steps') }), h('ol', { id: 'filing-steps' }, f.decisionSteps.map(s => h('li', { text: pick(s.zh, s.en) }))),
    h('h3', { text: `${t('rules')} (${f.rules.length})` }),
    table('filing-rules', [t('rule'), '', t('source')], f.rules.map(r => [r.id, pick(r.titleZh, r.titleEn), r.source])),
    h('h3', { text: t('models') }),
    h('ul', { id: 'filing-models', class: 'plain' }, f.models.map(m => h('li', { class: 'card' }, h('strong', { text: m.version }),
      h('span', { text: ' · ' + Object.entries(m.card).filter(([, v]) => typeof v !== 'object').map(([k, v]) => `${k}: ${v}`).join('; ') })))),
    h('h3', { text: t('risks') }), list('filing-risks', f.risks),
    fairnessSection(f.fairness),
    appealFeedbackSection(f.appealFeedback),
    h('h3', { text: t('howToAppeal') }), h('p', { id: 'filing-appeal', text: pick(f.appeal.zh, f.appeal.en) })));
}

// What resolved appeals touched, counts only, for the periodic rule and model review.
function appealFeedbackSection(report) {
  const keys = ['contestedFields', 'correctedInputs', 'rulesNoLonger', 'rulesNewly', 'featuresMoved', 'outcomeChanges', 'colourChanges'];
  return h('div', { id: 'filing-appeal-feedback' },
    h('h3', { text: t('appealFeedback') }),
    h('p', { text: t('appealCounts').replace('{corrected}', report.corrected).replace('{rejected}', report.rejected) }),
    h('ul', { class: 'plain' }, keys.map(key => h('li', { text: `${t(key)}: ${report[key].length
      ? report[key].map(c => `${c.key} (${c.appeals})`).join('; ') : '-'}` }))));
}

// How the decisions fall on groups of firms, from the report shipped with the engine.
function fairnessSection(report) {
  const pct = v => `${(v * 100).toFixed(1)}%`;
  const dimensionNames = { region: t('dimRegion'), sizeClass: t('dimSizeClass'), thinFile: t('dimThinFile'), farm: t('dimFarm') };
  return h('div', { id: 'filing-fairness' },
    h('h3', { text: t('fairness') }),
    h('p', { text: t('fairnessNote') }),
    h('p', { class: 'card', text: `${report.population}; ${report.versions}` }),
    ...report.dimensions.map(d => h('div', {},
      h('h4', { text: dimensionNames[d.dimension] || d.dimension }),
      table(`fairness-${d.dimension}`, [t('fairnessGroup'), t('firms'), t('approvalRate'), t('referralRate'), t('declineRate'), t('meanLimit'),
        t('approvalRatio'), t('meanPdShort'), t('observedDefault')],
      d.groups.map(g => [g.group, String(g.firms), pct(g.approvalRate), pct(g.referralRate), pct(g.declineRate),
        Math.round(g.meanLimitCnyApproved).toLocaleString(), `${g.approvalRatio.toFixed(2)}${g.belowBound ? ' ⚠' : ''}`, pct(g.meanPd),
        g.observedDefaultRate == null ? '-' : pct(g.observedDefaultRate)])))),
    h('h4', { text: t('fairnessFindings') }),
    h('ul', { id: 'fairness-findings', class: 'plain' },
      (report.findings.length ? report.findings : [t('noFindings')]).map(line => h('li', { text: line }))));
}

async function start() {
  const vocabulary = await api('/api/v1/vocabulary', { auth: null });
  if (vocabulary.ok) state.vocabulary = vocabulary.json;
  const token = sessionStorage.getItem('gc-session');
  if (token) {
    const me = await api('/api/v1/me', { auth: 'Bearer ' + token });
    if (me.ok) {
      state.auth = 'Bearer ' + token;
      state.me = me.json;
    } else {
      sessionStorage.removeItem('gc-session');
    }
  }
  route();
}

start();
