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
  let res;
  try {
    res = await fetch(path, { method, headers, body });
  } catch (e) {
    // No answer at all: the network is down (the browser says so) or the service is not reachable.
    return { status: 0, ok: false, json: null, text: '' };
  }
  if (res.status === 401 && auth && auth === state.auth && auth.startsWith('Bearer ')) {
    // The session expired or was closed elsewhere: back to the sign-in page, which says why.
    endSession();
    state.flash = t('sessionExpired');
    go('#/login');
  }
  const text = await res.text();
  let json = null;
  try { json = text ? JSON.parse(text) : null; } catch (e) { json = null; }
  return { status: res.status, ok: res.ok, json, text };
}

/** A request path as words: sme.regionCode → 行政区划代码, carbonAccount.lines[2].unit → 用能记录第 3 条 · 单位. */
function fieldWords(path) {
  const names = t('fieldNames');
  if (path === '$' || !path) return names.$;
  const cell = /^csv:(\d+):(.*)$/.exec(path);
  if (cell) return t('csvCell')(cell[1], cell[2]);
  const parts = [];
  for (const segment of path.split('.')) {
    const m = /^([^[]+)(?:\[(\d+)\])?$/.exec(segment);
    if (!m || !names[m[1]]) return parts.length ? parts.join(' · ') : t('anInput');
    // A container named by its own field (sme, carbonAccount) adds nothing once a field inside it is named.
    if (m[2] !== undefined) parts.push(t('rowOf')(names[m[1]], Number(m[2]) + 1));
    else if (!['sme', 'carbonAccount', 'loanRequest', 'invoices'].includes(m[1]) || !path.includes(segment + '.')) parts.push(names[m[1]]);
  }
  return parts.join(' · ');
}

/** What went wrong, in the page's language: field errors by their code, everything else by the HTTP status. */
function problemText(reply) {
  if (reply.status === 0) return t('offline');
  const errors = reply.json && reply.json.errors;
  if (errors && errors.length) {
    return errors.map(e => state.lang === 'zh'
      ? `${fieldWords(e.field)}：${t('errorCodes')[e.code] || t('errorCodes').invalid}`
      : `${fieldWords(e.field)} ${e.code && e.code !== 'invalid' ? t('errorCodes')[e.code] + ' (' + e.message + ')' : e.message}`).join('; ');
  }
  if (reply.status >= 500) return t('serverError');
  const byStatus = { 401: t('sessionExpired'), 403: t('forbidden'), 404: t('notFound'), 409: t('conflict'), 429: t('tooMany') };
  if (state.lang === 'en' && reply.json && reply.json.detail) return reply.json.detail;
  return byStatus[reply.status] || t('badRequest');
}

/** A short confirmation after an action, read out by screen readers. */
function confirmDone(text) {
  const toast = document.getElementById('toast');
  toast.textContent = text;
  clearTimeout(confirmDone.timer);
  confirmDone.timer = setTimeout(() => { toast.textContent = ''; }, 6000);
}

function loadingLine() {
  return h('p', { class: 'loading', role: 'status', text: t('loading') });
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
  document.getElementById('skip-link').textContent = t('skip');
  document.getElementById('offline').textContent = t('offline');
  const role = state.me && state.me.role;
  document.getElementById('nav-sme').classList.toggle('hidden', role !== 'SME');
  document.getElementById('nav-officer').classList.toggle('hidden', !(role === 'OFFICER' || role === 'ADMIN'));
  document.getElementById('sign-out').classList.toggle('hidden', !state.me);
  document.getElementById('who').textContent = state.me ? t('signedInAs')(state.me.name, t('roles')[state.me.role] || state.me.role) : '';
  document.getElementById('toast').textContent = '';
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
const showOffline = () => document.getElementById('offline').classList.toggle('hidden', navigator.onLine);
window.addEventListener('online', showOffline);
window.addEventListener('offline', showOffline);

/** Shows a page; setting the hash it already has would fire no hashchange, so route directly then. */
function go(hash) {
  if (location.hash === hash) route();
  else location.hash = hash;
}

async function route() {
  renderShell();
  const page = location.hash.replace(/^#\//, '') || 'login';
  clearInterval(state.refresh);
  main.replaceChildren(loadingLine());
  if (page === 'filing') return filingPage();
  if (!state.me) return loginPage();
  if (page === 'sme' && state.me.role === 'SME') return smePage();
  if (page === 'officer' && (state.me.role === 'OFFICER' || state.me.role === 'ADMIN')) return officerPage();
  go(state.me.role === 'SME' ? '#/sme' : '#/officer');
}

// ---------- sign-in ----------

document.getElementById('skip-link').addEventListener('click', e => {
  // The pages route by the hash, so the link moves focus itself instead of changing it.
  e.preventDefault();
  main.focus();
});

function loginPage() {
  const error = h('p', { id: 'login-error', class: 'error', role: 'alert', text: state.flash || '' });
  state.flash = null;
  const form = h('form', { id: 'login-form' },
    h('h2', { text: t('signIn') }),
    h('label', { for: 'username', text: t('username') }), h('input', { id: 'username', autocomplete: 'username', required: true }),
    h('label', { for: 'password', text: t('password') }),
    h('input', { id: 'password', type: 'password', autocomplete: 'current-password', required: true }),
    h('p', { text: t('signInHint') }),
    h('button', { id: 'sign-in', type: 'submit', text: t('signIn') }), error);
  form.addEventListener('submit', async e => {
    e.preventDefault();
    const button = document.getElementById('sign-in');
    button.disabled = true;
    try {
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
    } finally {
      button.disabled = false;
    }
  });
  main.replaceChildren(form);
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

const pct = (v, digits = 1) => v === null || v === undefined ? '—' : fmt(v * 100, digits) + '%';

const efficiencyLevels = () => (state.vocabulary && state.vocabulary.efficiencyLevels) || {};

/**
 * The level the colour reads, on its scale in words: 碳效 4 级/5 级，较低效, or when the three dimensions combine to another
 * level, 三维综合 3 级/5 级，平均水平（碳效 4 级）; empty without a level.
 */
function levelInWords(green) {
  const levels = efficiencyLevels();
  const own = green.carbonEfficiencyLevel;
  const combined = green.dimensions && green.dimensions.combinedLevel;
  const level = combined == null ? own : combined;
  if (level == null || !levels[level]) return '';
  return t(level === own ? 'levelOnScale' : 'combinedOnScale').replace('{level}', level).replace('{own}', own)
    .replace('{of}', Object.keys(levels).length).replace('{label}', pick(levels[level].zh, levels[level].en));
}

/** 3 级，平均水平; 未评估 when the dimension could not be assessed. */
function levelLabel(level) {
  const levels = efficiencyLevels();
  return level == null ? t('notAssessedShort')
    : t('levelLabel').replace('{level}', level).replace('{label}', levels[level] ? pick(levels[level].zh, levels[level].en) : '');
}

/** The three dimensions the colour reads, each with its level and score, and the level they combine to. */
function dimensionsView(green) {
  const d = green.dimensions, names = t('dimensionNames');
  const score = v => v == null ? '—' : fmt(v, 0);
  return [h('h3', { text: t('dimensionsTitle') }),
    table('dimensions', [t('dimension'), t('dimensionLevel'), t('dimensionScore')], [
      [names.industry, levelLabel(green.carbonEfficiencyLevel), score(d.industryAdvancement)],
      [names.regional, levelLabel(d.regionalLevel), score(d.regionalContribution)],
      [names.historical, levelLabel(d.historicalLevel), score(d.historicalDecline)],
      [names.combined, levelLabel(d.combinedLevel), '']])];
}

/** The colour in words with its efficiency level on the scale: 黄 · 碳效 4 级/5 级，较低效. */
function colourInWords(green) {
  return [t('colour')[green.colour], levelInWords(green)].filter(x => x).join(' · ');
}

function headlineText(rating) {
  return t('headlineDecision').replace('{outcome}', t('outcome')[rating.decision.outcome]).replace('{limit}', fmt(rating.decision.limitCny, 0));
}

/** A rule's id as an identifier (kept for auditors), beside its title in words. */
const ruleId = id => h('code', { class: 'id' }, id);
/** A rule's source, a standard, a regulation or a paper, in the page's language where the vocabulary words it, else as cited. */
const citation = text => h('cite', { class: 'source' }, named((state.vocabulary && state.vocabulary.ruleSources) || {}, text));

/** What a rule saw, "carbonEfficiencyK=1.3998, level=4", in words: 碳效值 K（相对行业基准） 1.40；碳效等级 4. */
function evidenceWords(evidence) {
  if (!evidence) return '';
  if (evidence === 'no carbon account') return t('noCarbonAccount');
  const names = t('evidenceNames');
  return evidence.split(/,\s*(?=[a-zA-Z]+=)/).map(pair => {
    const at = pair.indexOf('=');
    if (at < 0) return pair;
    const name = pair.slice(0, at), raw = pair.slice(at + 1);
    return `${names[name] || t('anInput')} ${evidenceValue(name, raw)}`;
  }).join(state.lang === 'zh' ? '；' : '; ');
}

function evidenceValue(name, raw) {
  if (raw === 'true') return t('yes');
  if (raw === 'false') return t('no');
  if (raw === 'null') return '—';
  if (raw.startsWith('[')) {
    const items = raw.slice(1, -1).split(',').map(x => x.trim()).filter(x => x);
    return items.map(x => t('behaviourName')[x] || x).join(state.lang === 'zh' ? '、' : ', ') || t('none');
  }
  if (t('colour')[raw]) return t('colour')[raw];
  if (t('outcome')[raw]) return t('outcome')[raw];
  if (t('purposes')[raw]) return t('purposes')[raw];
  if ((name === 'division' || name === 'industryDivision') && state.vocabulary.industries) {
    const industry = Object.entries(state.vocabulary.industries).find(([code]) => code.slice(1) === raw || code === raw);
    if (industry) return pick(industry[1].zh, industry[1].en);
  }
  const number = Number(raw);
  if (raw !== '' && Number.isFinite(number)) {
    return /Share$|^intensityYoyChange$|^pd$/.test(name) ? pct(number, 1) : fmt(number, 2);
  }
  return raw;
}

/**
 * The answer first (decision, colour, score, and for the firm itself one next step), the reasons and what is missing; the
 * basis behind a disclosure, open for officers.
 */
function renderRating(rating, request, { forOfficer = false } = {}) {
  const g = rating.green, d = rating.decision, x = rating.explanation, c = rating.carbon;
  const out = h('div', { id: 'rating-view', 'data-rating-id': rating.id });
  const action = forOfficer ? null : primaryAction(rating);
  out.append(h('div', { id: 'headline', class: 'headline ' + g.colour + '-edge' },
    h('p', { id: 'headline-decision', class: 'headline-decision', tabindex: '-1', text: headlineText(rating) }),
    h('p', {}, h('span', { id: 'badge', class: 'badge ' + g.colour, 'data-colour': g.colour, text: t('colour')[g.colour] }), ' ',
      h('span', { id: 'headline-colour', text: levelInWords(g) })),
    h('p', { id: 'headline-score', text: t('scoreOutOf').replace('{score}', fmt(g.score, 0)) }),
    action));

  const top = x.reasons.slice(0, 3);
  out.append(h('h3', { text: t('reasons') }),
    h('ol', { id: 'reasons' }, top.length ? top.map(r => h('li', { 'data-code': r.code, text: pick(r.zh, r.en) })) : h('li', { text: t('none') })));

  const missing = x.notAssessed.map(n => pick(n.zh, n.en));
  if (missing.length) {
    out.append(h('div', { id: 'missing-data', class: 'notice' }, h('p', { text: t('missingData') }),
      h('ul', { class: 'plain' }, missing.map(m => h('li', { text: m })))));
  }

  const details = h('details', { id: 'details', open: forOfficer }, h('summary', { text: t('showDetails') }));
  details.append(h('div', { class: 'cards' },
    card('green-score', t('greenScore'), fmt(g.score, 0)),
    card('green-grade', t('greenGrade'), g.grade),
    card('efficiency-level', t('efficiencyLevel'), g.carbonEfficiencyLevel ?? '—'),
    card('pd', t('pd'), pct(rating.credit.pd, 2)),
    card('credit-grade', t('creditGrade'), rating.credit.grade),
    card('outcome', t('decision'), t('outcome')[d.outcome]),
    card('limit', t('limit'), fmt(d.limitCny, 0)),
    card('discount', t('discount'), fmt(d.rateDiscountBp, 0))));
  // Only officers' and pipelines' answers carry it: the challenger scores in shadow for the model review.
  const challenger = rating.credit.challenger;
  if (challenger) {
    details.append(h('p', { id: 'challenger', class: 'card', text: `${t('challengerPd')}: ${pct(challenger.pd, 2)} · ${challenger.grade}` }));
  }
  if (x.reasons.length > top.length) {
    details.append(h('h3', { text: t('reasons') }),
      h('ol', { id: 'all-reasons' }, x.reasons.map(r => h('li', { 'data-code': r.code, text: pick(r.zh, r.en) }))));
  }
  if (g.dimensions && g.dimensions.combinedLevel != null) details.append(...dimensionsView(g));
  if (c.anomalies.length) {
    details.append(h('h3', { text: t('warnings') }), h('ul', { id: 'warnings', class: 'plain' },
      c.anomalies.map(a => h('li', { class: 'notice', text: pick(a.zh, a.en) + (a.evidence ? ` (${a.evidence})` : '') }))));
  }
  if (c.lines.length) details.append(...carbonView(c));
  details.append(h('h3', { text: t('criteria') }),
    table('criteria', [t('ruleTitle'), t('points'), t('evidence'), t('source')],
      x.ruleHits.map(r => [h('span', {}, pick(r.titleZh, r.titleEn), ' ', ruleId(r.id)), String(r.points), evidenceWords(r.evidence),
        citation(r.source)])));
  const base = x.contributions.find(k => k.feature === 'base');
  const features = x.contributions.filter(k => k.feature !== 'base');
  details.append(h('h3', { text: t('contributions') }),
    barChart('contributions-chart', base ? t('baseNote').replace('{base}', fmt(base.points, 0)) : t('contributions'),
      features.map(k => ({ key: k.feature, label: named(state.vocabulary.features, k.feature), value: k.points })), v => fmt(v, 0)));
  if (x.counterfactuals.length) {
    details.append(h('h3', { text: t('improve') }),
      h('ul', { id: 'improve', class: 'plain' }, x.counterfactuals.map(k => h('li', { 'data-feature': k.feature, text: pick(k.zh, k.en) }))));
  }
  if (d.repaymentSchedule.length) {
    details.append(h('h3', { id: 'schedule-heading', text: t('schedule') }),
      table('schedule', [t('month'), t('principal')], d.repaymentSchedule.map(i => [i.dueMonth, fmt(i.principalCny, 2)])));
  }
  details.append(h('p', { class: 'card', id: 'versions' }, `${t('versions')}: `,
    ...[x.versions.engine, x.versions.ruleset, x.versions.models, x.versions.factors].flatMap((v, i) => [i ? ' · ' : '', h('code', { class: 'id' }, v)])));
  if (rating.crop) out.append(renderPlots(rating.crop.plots, request));
  out.append(details);
  return out;
}

/** One thing to do next, by the decision: see the plan, supply what is missing, or see how to improve. */
function primaryAction(rating) {
  const d = rating.decision;
  const thin = rating.explanation.notAssessed.length > 0 || d.referralReasons.some(r => r === 'THIN_FILE' || r === 'NO_LIMIT_BASIS');
  const [label, target] = d.outcome === 'APPROVE' && d.repaymentSchedule.length ? [t('actionSchedule'), 'schedule-heading']
    : thin ? [t('actionComplete'), 'guided'] : [t('actionImprove'), 'what-if-view'];
  return h('button', { id: 'primary-action', type: 'button', 'data-target': target, text: label, onclick: () => {
    const details = document.getElementById('details');
    if (target === 'schedule-heading' && details) details.open = true;
    const node = document.getElementById(target);
    if (!node) return;
    node.scrollIntoView({ block: 'start' });
    const focusable = node.matches('input,select,textarea,button,summary') ? node : node.querySelector('input,select,summary,button') || node;
    if (!focusable.hasAttribute('tabindex') && focusable === node) node.setAttribute('tabindex', '-1');
    focusable.focus();
  } });
}

function carbonView(c) {
  const parts = [h('h3', { text: t('carbon') })];
  parts.push(barChart('scope-chart', t('byScope'), [1, 2, 3].map(s => ({ key: 'scope' + s, label: t('scopeName')(s), value: c['scope' + s + 'Kg'] })),
    v => fmt(v, 1)));
  const byActivity = {};
  const byMonth = {};
  const spend = (state.vocabulary && state.vocabulary.spendCategories) || {};
  for (const line of c.lines) {
    const key = (t('activities')[line.activity] || line.activity) + (line.category ? ' · ' + named(spend, line.category) : '');
    byActivity[key] = byActivity[key] || { kg: 0, scope: line.scope };
    byActivity[key].kg += line.kgCo2e;
    byMonth[line.month] = (byMonth[line.month] || 0) + line.kgCo2e;
  }
  parts.push(table('activity-table', [t('activity'), t('scope'), t('kg')],
    Object.entries(byActivity).sort((a, b) => b[1].kg - a[1].kg).map(([k, v]) => [k, String(v.scope), fmt(v.kg, 1)])));
  parts.push(lineChart('trend-chart', t('trend'),
    Object.keys(byMonth).sort().map(m => ({ key: m, label: m, value: Math.round(byMonth[m] * 1000) / 1000 })), v => fmt(v, 0)));
  return parts;
}

function renderPlots(plots, request) {
  const box = h('div', { id: 'plots' }, h('h3', { text: t('plots') }));
  for (const p of plots) {
    const input = request && request.plots ? request.plots.find(q => q.id === p.plotId) : null;
    const item = h('div', { class: 'card plot', 'data-plot': p.plotId },
      h('h4', { text: `${t('plots')} ${p.plotId}` }),
      h('div', { class: 'cards' },
        card('crop-' + p.plotId, t('crop'), named(state.vocabulary.crops, p.crop)),
        card('probability-' + p.plotId, t('probability'), pct(p.probability, 0)),
        card('area-' + p.plotId, t('area'), fmt(p.areaMu, 2)),
        card('stage-' + p.plotId, t('stage'), stageName(p.growthStage) + (p.stageDate ? ` (${p.stageDate})` : '')),
        card('value-' + p.plotId, t('expectedValue'), fmt(p.expectedValueCny, 0))),
      p.mismatch ? h('p', { class: 'notice', text: t('mismatch') + ': ' + pick(p.mismatchReasonZh, p.mismatchReason) }) : null);
    if (input && input.geometry) item.append(outline('outline-' + p.plotId, t('outline'), input.geometry.coordinates[0], t('metres')));
    if (input && input.ndvi && input.ndvi.length) {
      const points = input.ndvi.filter(o => !o.cloudy).map(o => ({ key: o.date, label: o.date, value: ndviOf(o) })).filter(o => o.value !== null);
      const markers = p.stageDate ? [{ key: p.stageDate, label: stageName(p.growthStage) }] : [];
      const chart = lineChart('ndvi-' + p.plotId, `${t('ndvi')}: ${named(state.vocabulary.crops, p.crop)}, ${stageName(p.growthStage)}`,
        points, v => fmt(v, 2), markers);
      chart.dataset.stage = p.growthStage;
      item.append(chart, h('p', { class: 'hint', text: t('ndviExplain') }));
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
    const example = await fetch('/demo/example-request.json').then(r => r.json()).catch(() => null);
    if (!example) {
      main.replaceChildren(h('p', { class: 'error', role: 'alert', text: t('offline') }));
      return;
    }
    example.sme.id = me.smeId;
    state.exampleRequest = JSON.stringify(example, null, 2);
  }
  const message = h('p', { id: 'rate-error', class: 'error', role: 'alert' });
  const summary = h('p', { id: 'result-summary', class: 'sr-only', 'aria-live': 'polite' });
  const result = h('section', { id: 'result' });
  const trial = h('section', { id: 'trial' });
  // The newest stored rating of this firm: a trial is compared with it.
  let latestStored = null;
  const upload = h('input', { id: 'upload-csv', class: 'file-input', type: 'file', accept: '.csv,text/csv' });
  const textarea = h('textarea', { id: 'request-json', spellcheck: 'false' });
  textarea.value = state.exampleRequest;
  const form = guidedForm(textarea);
  textarea.addEventListener('input', () => {
    state.exampleRequest = textarea.value;
    form.refresh();
  });
  // One Idempotency-Key per version of the data sent: the same data again (a double click, a retry after a lost answer)
  // returns the rating already made instead of storing a second one; changed data gets a new key.
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
    summary.textContent = `${headlineText(reply.json)}; ${colourInWords(reply.json.green)}`;
    confirmDone(t('rated'));
    document.getElementById('headline-decision').focus();
    await loadHistory();
  };
  upload.addEventListener('change', async () => {
    if (!upload.files.length) return;
    // The file's bytes as saved: the service tells UTF-8 from GBK (Excel's default on Chinese Windows); decoding here would garble GBK.
    const csv = await upload.files[0].arrayBuffer();
    const reply = await api('/api/v1/ratings', { method: 'POST', body: csv, type: 'text/csv' });
    await showRating(reply, reply.ok ? (await api(`/api/v1/ratings/${reply.json.id}/request`)).json : null);
  });

  /** The request the form and the advanced editor make, or null (and the error shown) when the JSON does not parse. */
  const readRequest = () => {
    try {
      return form.apply(JSON.parse(textarea.value));
    } catch (e) {
      message.textContent = `${t('fieldNames').$}：${t('errorCodes').type}`;
      document.getElementById('advanced').open = true;
      return null;
    }
  };
  const rate = h('button', { id: 'rate', type: 'submit', text: t('rate') });
  // The sandbox: the same data rated and compared with the stored rating, nothing stored, audited or counted.
  const tryIt = h('button', { id: 'try', type: 'button', class: 'secondary', text: t('tryIt'), onclick: async () => {
    const request = readRequest();
    if (!request || tryIt.disabled) return;
    tryIt.disabled = true;
    tryIt.setAttribute('aria-busy', 'true');
    try {
      const against = latestStored;
      const reply = await api('/api/v1/ratings:simulate' + (against ? '?against=' + encodeURIComponent(against.id) : ''),
        { method: 'POST', body: JSON.stringify(request) });
      if (!reply.ok) {
        message.textContent = problemText(reply);
        return;
      }
      message.textContent = '';
      trial.replaceChildren(...trialView(reply.json, against));
      document.getElementById('trial-headline').focus();
    } finally {
      tryIt.disabled = false;
      tryIt.removeAttribute('aria-busy');
    }
  } });
  const formElement = h('form', { id: 'sme-data', novalidate: true }, h('h2', { text: t('guided') }), form.node,
    h('details', { id: 'advanced' }, h('summary', { text: t('advanced') }),
      h('label', { for: 'request-json', text: t('requestJson') }), textarea),
    rate, ' ', tryIt, message);
  formElement.addEventListener('submit', async event => {
    event.preventDefault();
    if (rate.disabled) return;
    const request = readRequest();
    if (!request) return;
    trial.replaceChildren();
    rate.disabled = true;
    rate.setAttribute('aria-busy', 'true');
    rate.textContent = t('loading');
    try {
      const body = JSON.stringify(request);
      await showRating(await api('/api/v1/ratings', { method: 'POST', body, idempotencyKey: keyFor(body) }), request);
    } finally {
      rate.disabled = false;
      rate.removeAttribute('aria-busy');
      rate.textContent = t('rate');
    }
  });

  const historyBody = h('tbody');
  const appealsBody = h('tbody');
  const emptyRow = (cols, text) => h('tr', { class: 'empty' }, h('td', { colspan: String(cols), text }));
  async function loadHistory() {
    const reply = await api(`/api/v1/smes/${encodeURIComponent(me.smeId)}/ratings`);
    if (!reply.ok) {
      historyBody.replaceChildren(emptyRow(5, problemText(reply)));
      return;
    }
    latestStored = reply.json.length ? reply.json[0] : null;
    historyBody.replaceChildren(...(reply.json.length ? reply.json.map(s => h('tr', {},
      h('td', { text: when(s.ratedAt) }), h('td', {}, h('span', { class: 'badge ' + s.colour, text: t('colour')[s.colour] })),
      h('td', { text: t('outcome')[s.outcome] }), h('td', { text: fmt(s.limitCny, 0) }),
      h('td', {}, h('button', { type: 'button', class: 'secondary open-own', 'data-id': s.id, text: t('open'), onclick: async () => {
        const rating = (await api(`/api/v1/ratings/${s.id}`)).json;
        const request = (await api(`/api/v1/ratings/${s.id}/request`)).json;
        await showOwnRating(result, rating, request);
        document.getElementById('headline-decision').focus();
      } })))) : [emptyRow(5, t('noRatings'))]));
    const appeals = await api(`/api/v1/smes/${encodeURIComponent(me.smeId)}/appeals`);
    appealsBody.replaceChildren(...((appeals.json || []).length ? appeals.json.map(a => h('tr', { 'data-appeal': a.id },
      h('td', { text: when(a.openedAt) }), h('td', { text: fieldWords(a.field) }),
      h('td', { class: 'status appeal-status', 'data-status': a.status, text: statusName(a.status) }),
      h('td', { text: a.answer || '—' }))) : [emptyRow(4, t('noAppeals'))]));
  }

  main.replaceChildren(
    formElement,
    h('section', { id: 'upload-section' }, h('h2', { text: t('orUpload') }),
      h('p', {}, h('a', { id: 'download-template', href: '/api/v1/templates/rating-request.csv', download: 'rating-request.csv', text: t('downloadTemplate') })),
      h('p', { class: 'hint', text: t('templateHint') }),
      // The browser's own file button speaks the browser's language: hidden (still focusable), a label in the page's words instead.
      upload, h('label', { for: 'upload-csv', class: 'file-button', text: t('uploadCsv') })),
    summary,
    trial,
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
    container.replaceChildren(h('h2', { text: t('rating') }), renderRating(rating, request), await whatIfView(rating, request),
      behavioursView(rating.green), appealForm(rating, loadHistory));
  }
}

/** A trial rating: its answer, and what differs from the stored rating it was compared with (or that it is the first). */
function trialView(simulation, against) {
  const r = simulation.rating;
  const parts = [h('h2', { text: t('trialTitle') }),
    h('p', { id: 'trial-headline', class: 'headline-decision', tabindex: '-1',
      text: [headlineText(r), colourInWords(r.green), t('scoreOutOf').replace('{score}', fmt(r.green.score, 0))]
        .join(state.lang === 'zh' ? '；' : '; ') })];
  if (!against) {
    parts.push(h('p', { id: 'trial-first', text: t('trialFirst') }));
  } else if (!simulation.changes.length) {
    parts.push(h('p', { id: 'trial-same', text: t('trialSame') }));
  } else {
    const colon = state.lang === 'zh' ? '：' : ': ';
    parts.push(h('p', { text: t('trialAgainst').replace('{when}', when(against.ratedAt)) }),
      h('ul', { id: 'trial-changes', class: 'plain' }, simulation.changes.map(c => h('li', { 'data-field': c.field,
        text: `${t('changeNames')[c.field] || c.field}${colon}${changeValue(c.field, c.before)} → ${changeValue(c.field, c.after)}` }))));
  }
  return parts;
}

/** A compared figure in words: colours and outcomes by name, PD as a percentage, referral reasons by name. */
function changeValue(field, value) {
  if (value === null || value === undefined) return '—';
  if (field === 'green.colour') return t('colour')[value];
  if (field === 'decision.outcome') return t('outcome')[value];
  if (field === 'credit.pd') return pct(value, 2);
  if (field === 'decision.referralReasons') return value.length ? value.map(reasonName).join(state.lang === 'zh' ? '；' : '; ') : t('none');
  return typeof value === 'number' ? fmt(value, 2) : String(value);
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

/** How to improve: the sandbox's changes, each found by rating the changed request, with their effect; nothing is stored. */
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

/** 2025-01 as the page's language writes a month: 2025年1月, Jan 2025. */
function monthName(yearMonth) {
  const [y, m] = yearMonth.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, 1)).toLocaleDateString(state.lang === 'zh' ? 'zh-CN' : 'en-GB', { year: 'numeric', month: 'short', timeZone: 'UTC' });
}

/** The firm's main facts as plain fields over the request: pickers from the vocabulary, electricity in 度 (kWh) by month. */
function guidedForm(textarea) {
  const vocabulary = state.vocabulary || {};
  const byName = table => Object.entries(table || {}).sort((a, b) => a[0].localeCompare(b[0]));
  const field = (id, label, control) => h('div', {}, h('label', { for: id, text: label }), control);
  const name = h('input', { id: 'quick-name', autocomplete: 'organization' });
  const province = h('select', { id: 'quick-province' }, byName(vocabulary.provinces).map(([code, n]) => h('option', { value: code, text: pick(n.zh, n.en) })));
  const region = h('input', { id: 'quick-region', inputmode: 'numeric', pattern: '\\d{6}', maxlength: '6' });
  const industry = h('select', { id: 'quick-industry' }, byName(vocabulary.industries).map(([code, n]) => h('option', { value: code, text: pick(n.zh, n.en) })));
  const size = h('select', { id: 'quick-size' }, ['MICRO', 'SMALL', 'MEDIUM', 'LARGE'].map(c => h('option', { value: c, text: t('sizes')[c] })));
  const revenue = h('input', { id: 'quick-revenue', type: 'number', min: '0', step: 'any' });
  const monthsBox = h('div', { class: 'cards' });
  let months = [];
  // The province sets the region code's first two digits; a finer code the firm typed is kept while it is in that province.
  province.addEventListener('input', () => {
    if (!region.value.startsWith(province.value)) region.value = province.value + '0000';
  });
  region.addEventListener('input', () => {
    if (vocabulary.provinces && vocabulary.provinces[region.value.slice(0, 2)]) province.value = region.value.slice(0, 2);
  });
  let fineIndustry = '';

  function refresh() {
    let request;
    try { request = JSON.parse(textarea.value); } catch (e) { return; }
    const sme = request.sme || {};
    name.value = sme.name || '';
    region.value = sme.regionCode || '';
    if (region.value.length >= 2) province.value = region.value.slice(0, 2);
    fineIndustry = sme.industryCode || '';
    if (fineIndustry.length >= 3) industry.value = fineIndustry.slice(0, 3);
    size.value = sme.sizeClass || 'MICRO';
    const account = request.carbonAccount || {};
    revenue.value = account.revenueCny ?? '';
    const lines = account.lines || [];
    months = [...new Set(lines.map(l => l.month))].sort().slice(-12);
    monthsBox.replaceChildren(...months.map((m, i) => {
      const line = lines.find(l => l.month === m && l.activity === 'ELECTRICITY');
      return field('quick-kwh-' + i, monthName(m), h('input', { id: 'quick-kwh-' + i, type: 'number', min: '0', step: 'any', value: line ? line.quantity : '' }));
    }));
  }

  /** The request with the fields' values written in; the rest of it as the advanced editor holds it. */
  function apply(request) {
    request.sme = request.sme || {};
    request.sme.name = name.value;
    request.sme.regionCode = region.value;
    // A finer industry code (a class, C1391) is kept while it lies in the division picked.
    request.sme.industryCode = fineIndustry.startsWith(industry.value) ? fineIndustry : industry.value;
    request.sme.sizeClass = size.value;
    request.carbonAccount = request.carbonAccount || { lines: [] };
    request.carbonAccount.revenueCny = revenue.value === '' ? null : Number(revenue.value);
    request.carbonAccount.lines = (request.carbonAccount.lines || []).filter(l => !(l.activity === 'ELECTRICITY' && months.includes(l.month)));
    months.forEach((m, i) => {
      const v = document.getElementById('quick-kwh-' + i).value;
      if (v !== '') request.carbonAccount.lines.push({ month: m, activity: 'ELECTRICITY', quantity: Number(v), unit: '度', evidence: 'BILL' });
    });
    textarea.value = JSON.stringify(request, null, 2);
    state.exampleRequest = textarea.value;
    return request;
  }

  refresh();
  const node = h('div', { id: 'guided' },
    h('div', { class: 'cards' },
      field('quick-name', t('firmName'), name),
      field('quick-province', t('province'), province),
      field('quick-region', t('regionFull'), region),
      field('quick-industry', t('industry'), industry),
      field('quick-size', t('sizeClass'), size),
      field('quick-revenue', t('revenue'), revenue)),
    h('fieldset', {}, h('legend', { text: t('electricityDu') }), monthsBox));
  // The advanced editor follows the fields as they change, so that either view shows the request that will be sent.
  node.addEventListener('input', () => {
    try {
      apply(JSON.parse(textarea.value));
    } catch (e) {
      // Broken JSON in the advanced editor: left as typed; Rate says what is wrong.
    }
  });
  return { node, refresh, apply };
}

/** The input an appeal contests, in words, from the fields a firm can contest. */
const APPEAL_FIELDS = ['sme.sizeClass', 'sme.industryCode', 'sme.regionCode', 'carbonAccount.revenueCny', 'carbonAccount.lines', 'greenBehaviours',
  'credit', 'plots'];

function appealForm(rating, onDone) {
  const status = h('p', { id: 'appeal-status', role: 'status' });
  const form = h('form', { id: 'appeal-form', class: 'hidden' },
    h('label', { for: 'appeal-field', text: t('appealField') }),
    h('select', { id: 'appeal-field', required: true }, APPEAL_FIELDS.map(f => h('option', { value: f, text: fieldWords(f) }))),
    h('label', { for: 'appeal-claim', text: t('appealClaim') }), h('textarea', { id: 'appeal-claim', required: true }),
    h('label', { for: 'appeal-evidence', text: t('appealEvidence') }), h('textarea', { id: 'appeal-evidence' }),
    h('button', { id: 'appeal-submit', type: 'submit', text: t('submitAppeal') }));
  form.addEventListener('submit', async e => {
    e.preventDefault();
    const button = document.getElementById('appeal-submit');
    button.disabled = true;
    try {
      const reply = await api(`/api/v1/ratings/${rating.id}/appeals`, { method: 'POST', body: JSON.stringify({
        field: document.getElementById('appeal-field').value, claim: document.getElementById('appeal-claim').value,
        evidence: document.getElementById('appeal-evidence').value || null }) });
      status.textContent = reply.ok ? `${t('status')}: ${statusName(reply.json.status)}` : problemText(reply);
      status.dataset.status = reply.ok ? reply.json.status : 'ERROR';
      if (reply.ok) {
        form.classList.add('hidden');
        confirmDone(t('appealSent'));
        await onDone();
      }
    } finally {
      button.disabled = false;
    }
  });
  return h('section', { id: 'contest-section' },
    h('button', { id: 'contest', type: 'button', class: 'secondary', 'aria-controls': 'appeal-form', text: t('contest'), onclick: () => {
      form.classList.toggle('hidden');
      if (!form.classList.contains('hidden')) document.getElementById('appeal-field').focus();
    } }), form, status);
}

// ---------- officer console ----------

/** How long ago, in the largest whole unit: 5 分钟, 3 小时, 2 天. */
function age(iso) {
  const minutes = Math.max(0, Math.floor((Date.now() - new Date(iso).getTime()) / 60000));
  const ago = t('ago');
  return minutes < 60 ? ago.m(minutes) : minutes < 1440 ? ago.h(Math.floor(minutes / 60)) : ago.d(Math.floor(minutes / 1440));
}

const reasonName = code => named((state.vocabulary && state.vocabulary.reasons) || {}, code);

async function officerPage() {
  const colour = h('select', { id: 'filter-colour' }, h('option', { value: '', text: t('any') }),
    ['DEEP_GREEN', 'LIGHT_GREEN', 'YELLOW', 'RED'].map(c => h('option', { value: c, text: t('colour')[c] })));
  const reasons = Object.keys((state.vocabulary && state.vocabulary.reasons) || {}).sort();
  const reason = h('select', { id: 'filter-reason' }, h('option', { value: '', text: t('any') }),
    reasons.map(code => h('option', { value: code, text: reasonName(code) })));
  const search = h('input', { id: 'filter-firm', type: 'search' });
  const queueBody = h('tbody');
  const updated = h('p', { id: 'queue-updated', class: 'hint' });
  const detail = h('section', { id: 'officer-detail', class: 'side-panel' });
  const pendingList = h('ul', { id: 'pending', class: 'plain' }, h('li', {}, loadingLine()));
  const appealList = h('div', { id: 'open-appeals' }, loadingLine());
  let queue = [];

  // Filters apply as they change: the selects at once (by the service), the name search in the page as one types.
  colour.addEventListener('change', () => loadQueue());
  reason.addEventListener('change', () => loadQueue());
  search.addEventListener('input', () => drawQueue());

  async function loadQueue() {
    const query = new URLSearchParams({ limit: '200' });
    if (colour.value) query.set('colour', colour.value);
    if (reason.value) query.set('reason', reason.value);
    const reply = await api('/api/v1/referrals?' + query);
    if (!reply.ok) {
      queueBody.replaceChildren(h('tr', { class: 'empty' }, h('td', { colspan: '8', class: 'error', text: problemText(reply) })));
      return;
    }
    queue = reply.json;
    updated.textContent = `${t('updatedAt').replace('{time}', when(new Date().toISOString()))} · ${t('autoRefresh')}`;
    drawQueue();
  }

  function drawQueue() {
    const needle = search.value.trim().toLowerCase();
    const shown = queue.filter(s => !needle || (s.smeName || '').toLowerCase().includes(needle) || s.smeId.toLowerCase().includes(needle));
    if (!shown.length) {
      queueBody.replaceChildren(h('tr', { class: 'empty' }, h('td', { colspan: '8', text: t('emptyQueue') })));
      return;
    }
    // Each cell names its column too: on a phone the rows stack as cards without the header.
    queueBody.replaceChildren(...shown.map(s => h('tr', { 'data-id': s.id },
      h('td', {}, h('strong', { text: s.smeName || s.smeId }), h('br'), h('small', { text: s.smeId })),
      h('td', { 'data-label': t('colourLabel') }, h('span', { class: 'badge ' + s.colour, text: t('colour')[s.colour] })),
      h('td', { 'data-label': t('pd'), text: pct(s.pd, 2) }),
      h('td', { 'data-label': t('requested'), text: s.requestedCny == null ? '—' : fmt(s.requestedCny, 0) }),
      h('td', { 'data-label': t('age'), class: 'nowrap', text: age(s.ratedAt), title: when(s.ratedAt) }),
      h('td', { 'data-label': t('reasonsCol'), text: (s.referralReasons || []).map(reasonName).join(state.lang === 'zh' ? '；' : '; ') }),
      h('td', {}, s.pendingOverride ? h('span', { class: 'tag pending-tag', text: t('pendingTag') }) : ''),
      h('td', {}, h('button', { type: 'button', class: 'secondary open-rating', 'data-id': s.id, text: t('open'), onclick: () => openRating(s.id) })))));
  }

  async function loadPending() {
    const reply = await api('/api/v1/overrides/pending');
    const pending = reply.json || [];
    if (!pending.length) {
      pendingList.replaceChildren(h('li', { text: reply.ok ? t('none') : problemText(reply) }));
      return;
    }
    pendingList.replaceChildren(...pending.map(o => {
      const note = h('input', { 'aria-label': t('note'), class: 'pending-note' });
      const decide = async how => {
        const r = await api(`/api/v1/overrides/${o.id}/${how}`, { method: 'POST', body: JSON.stringify({ note: note.value || null }) });
        item.querySelector('.pending-result').textContent = r.ok ? statusName(r.json.status) : problemText(r);
        if (r.ok) {
          confirmDone(`${t('decided')} ${statusName(r.json.status)}`);
          await Promise.all([loadPending(), loadQueue()]);
        }
      };
      // Four eyes: the officer who requested an override waits for another; the service refuses them anyway.
      const own = o.requestedBy === state.me.name;
      const item = h('li', { class: 'card', 'data-override': o.id },
        h('p', { text: `${o.outcome ? t('outcome')[o.outcome] : t('unchanged')} · ${fmt(o.limitCny, 0)} · ${o.reason} (${o.requestedBy})` }),
        h('button', { type: 'button', class: 'link', text: t('open'), onclick: () => openRating(o.ratingId) }),
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
      appealList.replaceChildren(h('p', { text: reply.ok ? t('none') : problemText(reply) }));
      return;
    }
    appealList.replaceChildren(...open.map(a => h('div', { class: 'card', 'data-appeal': a.id },
      h('p', { text: `${a.smeId} · ${fieldWords(a.field)}: ${a.claim}` + (a.evidence ? ` (${a.evidence})` : '') }),
      h('button', { type: 'button', class: 'secondary open-appeal', text: t('open'), onclick: () => openRating(a.ratingId, a) }))));
  }

  /** The rating beside the queue, with the override form, and the answer form when an appeal is being handled. */
  async function openRating(id, appeal) {
    detail.replaceChildren(loadingLine());
    const [ratingReply, requestReply] = await Promise.all([api(`/api/v1/ratings/${id}`), api(`/api/v1/ratings/${id}/request`)]);
    if (!ratingReply.ok) {
      detail.replaceChildren(h('p', { class: 'error', text: problemText(ratingReply) }));
      return;
    }
    const rating = ratingReply.json, request = requestReply.json;
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
        confirmDone(t('overrideSent'));
        await Promise.all([loadQueue(), loadPending()]);
      }
    });
    const name = (request && request.sme && request.sme.name) || rating.smeId;
    detail.replaceChildren(h('h2', { id: 'detail-heading', tabindex: '-1', text: `${t('detail')}: ${name}` }),
      appeal ? appealAnswerForm(appeal, request, async () => { detail.replaceChildren(); await Promise.all([loadAppeals(), loadQueue()]); }) : '',
      renderRating(rating, request, { forOfficer: true }), form);
    document.getElementById('detail-heading').focus();
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

  main.replaceChildren(
    h('div', { class: 'console' },
      h('section', { id: 'queue-section' }, h('h2', { text: t('queue') }),
        h('div', { class: 'filters' }, h('div', {}, h('label', { for: 'filter-colour', text: t('filterColour') }), colour),
          h('div', {}, h('label', { for: 'filter-reason', text: t('filterReason') }), reason),
          h('div', {}, h('label', { for: 'filter-firm', text: t('search') }), search)),
        h('button', { id: 'refresh-queue', type: 'button', class: 'secondary', text: t('refresh'), onclick: loadQueue }), updated,
        h('div', { class: 'table-wrap' }, h('table', { id: 'queue' }, h('thead', {}, h('tr', {},
          [t('sme'), t('colourLabel'), t('pd'), t('requested'), t('age'), t('reasonsCol'), '', ''].map(x => h('th', { scope: 'col', text: x })))),
          queueBody))),
      detail),
    h('section', {}, h('h2', { text: t('pending') }), pendingList),
    h('section', {}, h('h2', { text: t('openAppeals') }), appealList),
    modelsSection);
  await Promise.all([loadQueue(), loadPending(), loadAppeals(), loadModels()]);
  // The queue, the overrides waiting and the appeals change as others work: refreshed while the console is open.
  state.refresh = setInterval(() => {
    if (document.hidden || !document.getElementById('queue')) return;
    loadQueue();
    loadPending();
    loadAppeals();
  }, 30000);
}

/** Reads and writes one field of a request by its path (sme.sizeClass, carbonAccount.revenueCny). */
const getPath = (object, path) => path.split('.').reduce((o, k) => (o == null ? undefined : o[k]), object);
function setPath(object, path, value) {
  const keys = path.split('.');
  let o = object;
  keys.slice(0, -1).forEach(k => { o[k] = o[k] || {}; o = o[k]; });
  o[keys[keys.length - 1]] = value;
}

/** An appeal answered beside its rating: reject with an answer, or correct the contested field (a control for it, not the whole JSON). */
function appealAnswerForm(appeal, request, onDone) {
  const current = request ? getPath(request, appeal.field) : undefined;
  let control;
  if (appeal.field === 'sme.sizeClass') {
    control = h('select', { id: 'appeal-corrected' }, ['MICRO', 'SMALL', 'MEDIUM', 'LARGE'].map(c => h('option', { value: c, text: t('sizes')[c] })));
    control.value = current || 'MICRO';
  } else if (appeal.field === 'sme.industryCode') {
    control = h('select', { id: 'appeal-corrected' }, Object.entries(state.vocabulary.industries || {})
      .map(([code, n]) => h('option', { value: code, text: pick(n.zh, n.en) })));
    control.value = (current || '').slice(0, 3);
  } else if (appeal.field === 'carbonAccount.revenueCny' || appeal.field === 'loanRequest.amountCny') {
    control = h('input', { id: 'appeal-corrected', type: 'number', min: '0', step: 'any', value: current ?? '' });
  } else if (typeof current === 'string' || appeal.field === 'sme.regionCode' || appeal.field === 'sme.name') {
    control = h('input', { id: 'appeal-corrected', value: current ?? '' });
  } else {
    control = h('textarea', { id: 'appeal-corrected', class: 'json' });
    control.value = JSON.stringify(current ?? null, null, 2);
  }
  const decision = h('select', { id: 'appeal-decision', class: 'appeal-decision' },
    h('option', { value: 'REJECTED', text: t('rejected') }), h('option', { value: 'CORRECTED', text: t('corrected') }));
  const correctedBox = h('div', { class: 'hidden' },
    h('label', { for: 'appeal-corrected', text: control.tagName === 'TEXTAREA' ? t('correctPart') : t('correctedValue') }), control);
  decision.addEventListener('change', () => correctedBox.classList.toggle('hidden', decision.value !== 'CORRECTED'));
  const answer = h('textarea', { id: 'appeal-answer', class: 'appeal-answer' });
  const result = h('p', { class: 'appeal-result error', role: 'status' });
  const form = h('form', { id: 'appeal-answer-form', class: 'card', 'data-appeal': appeal.id },
    h('h3', { text: t('openAppeals') }),
    h('p', { text: `${t('contestedInput')}: ${fieldWords(appeal.field)} · ${appeal.claim}` + (appeal.evidence ? ` (${appeal.evidence})` : '') }),
    h('label', { for: 'appeal-decision', text: t('decisionLabel') }), decision, correctedBox,
    h('label', { for: 'appeal-answer', text: t('answer') }), answer,
    h('button', { type: 'submit', class: 'appeal-resolve', text: t('resolve') }), result);
  form.addEventListener('submit', async e => {
    e.preventDefault();
    let correctedRequest = null;
    if (decision.value === 'CORRECTED') {
      let value = control.value;
      if (control.tagName === 'TEXTAREA') {
        try { value = JSON.parse(control.value); } catch (err) { result.textContent = `${t('correctedValue')}：${t('errorCodes').type}`; return; }
      } else if (control.type === 'number') {
        value = control.value === '' ? null : Number(control.value);
      }
      correctedRequest = JSON.parse(JSON.stringify(request));
      setPath(correctedRequest, appeal.field, value);
    }
    const r = await api(`/api/v1/appeals/${appeal.id}/resolution`, { method: 'POST',
      body: JSON.stringify({ decision: decision.value, answer: answer.value, correctedRequest }) });
    result.textContent = r.ok ? statusName(r.json.status) : problemText(r);
    if (r.ok) {
      confirmDone(`${t('decided')} ${statusName(r.json.status)}`);
      await onDone();
    }
  });
  return form;
}

// ---------- public algorithm filing ----------

async function filingPage() {
  const reply = await api('/api/v1/algorithm-filing', { auth: null });
  if (!reply.ok) {
    main.replaceChildren(h('p', { class: 'error', role: 'alert', text: problemText(reply) }));
    return;
  }
  const f = reply.json;
  const list = (id, items) => h('ul', { id, class: 'plain' }, items.map(i => h('li', { text: pick(i.zh, i.en) })));
  main.replaceChildren(h('section', { id: 'filing' },
    h('h2', { text: `${t('filing')}: ${pick(f.name.zh, f.name.en)}` }),
    h('dl', { id: 'filing-identity', class: 'facts' },
      h('dt', { text: t('filingNumber') }), h('dd', { id: 'filing-number', text: f.filingNumber || t('notFilled') }),
      h('dt', { text: t('contact') }), h('dd', { id: 'filing-contact', text: f.contact || t('notFilled') }),
      h('dt', { text: t('versions') }), h('dd', {}, ...[f.versions.engine, f.versions.ruleset, f.versions.models, f.versions.factors]
        .flatMap((v, i) => [i ? ' · ' : '', h('code', { class: 'id' }, v)]))),
    h('p', { text: pick(f.purpose.zh, f.purpose.en) }),
    h('h3', { text: t('howToAppeal') }), h('p', { id: 'filing-appeal', text: pick(f.appeal.zh, f.appeal.en) }),
    h('h3', { text: t('principles') }), list('filing-principles', f.principles),
    h('h3', { text: t('dataSources') }), list('filing-sources', f.dataSources),
    h('h3', { text: t('steps') }), h('ol', { id: 'filing-steps' }, f.decisionSteps.map(s => h('li', { text: pick(s.zh, s.en) }))),
    h('h3', { text: t('models') }),
    h('div', { id: 'filing-models' }, f.models.map(modelInWords)),
    h('h3', { text: t('risks') }), list('filing-risks', f.risks),
    fairnessSection(f.fairness),
    appealFeedbackSection(f.appealFeedback, f.rules),
    h('h3', { text: `${t('rules')} (${f.rules.length})` }),
    table('filing-rules', [t('ruleTitle'), t('source')], f.rules.map(r => [h('span', {}, pick(r.titleZh, r.titleEn), ' ', ruleId(r.id)), citation(r.source)]))));
}

/** A model's card in sentences: what it is, what it was trained and tested on and how well it did, overall and by segment. */
function modelInWords(m) {
  const c = m.card;
  const kind = c && (t('modelKind')[c.kind] || t('modelKinds')[c.kind]);
  const box = h('div', { class: 'card model', 'data-model': m.version },
    h('h4', {}, kind || t('models'), ' ', h('code', { class: 'id' }, m.version)));
  // Each card in the sentences its figures allow: the full-season and early-season crop models report differently.
  const test = (c && c.test) || {};
  if (c && c.kind === 'series-classifier' && typeof test.accuracy === 'number') box.append(h('p', { class: 'model-words', text: t('cropInWords')(c) }));
  if (c && c.kind === 'series-classifier' && test.accuracyByCutDay) {
    const days = Object.keys(test.accuracyByCutDay).map(Number).sort((a, b) => a - b);
    box.append(h('p', { class: 'model-words', text: t('earlyCropInWords')(c, days.map(d => [d, test.accuracyByCutDay[d]])) }));
  }
  if (c && c.kind === 'yield-regression' && typeof test.mape === 'number') box.append(h('p', { class: 'model-words', text: t('yieldInWords')(c) }));
  const settings = c ? Object.entries(t('cardSettings')).filter(([key]) => typeof c[key] === 'number') : [];
  if (settings.length) {
    box.append(h('dl', { class: 'facts model-settings' }, settings.flatMap(([key, name]) => [h('dt', { text: name }), h('dd', { text: fmt(c[key], 2) })]),
      c.library ? [h('dt', { text: t('library') }), h('dd', {}, h('code', { class: 'id' }, c.library))] : []));
  }
  if (c && c.test && c.trainCount) {
    box.append(h('p', { class: 'model-words', text: t('modelInWords')(c) }));
    if (c.test.calibration) {
      box.append(h('details', {}, h('summary', { text: t('calibrationNote') }),
        table('calibration-' + m.version, [t('predicted'), t('observed'), t('firms')],
          c.test.calibration.map(b => [pct(b.meanPredicted, 1), pct(b.observed, 1), String(b.n)]))));
    }
  }
  const segments = m.metricsBySegment && m.metricsBySegment.segments;
  if (segments) {
    const dims = { region: t('dimRegion'), sizeClass: t('dimSizeClass'), thinFile: t('dimThinFile'), farm: t('dimFarm'), section: t('dimSection') };
    const rows = [];
    for (const [dimension, groups] of Object.entries(segments)) {
      for (const [group, r] of Object.entries(groups)) {
        rows.push([`${dims[dimension] || t('segment')} · ${groupName(dimension, group)}`, String(r.n), String(r.positives), r.auc == null ? '—' : r.auc.toFixed(2)]);
      }
    }
    box.append(h('details', {}, h('summary', { text: t('segments') }),
      table('segments-' + m.version, [t('segment'), t('firms'), t('observedDefault'), 'AUC'], rows)));
  }
  return box;
}

// What resolved appeals touched, counts only, for the periodic rule and model review.
function appealFeedbackSection(report, rules) {
  const keys = ['contestedFields', 'correctedInputs', 'rulesNoLonger', 'rulesNewly', 'featuresMoved', 'outcomeChanges', 'colourChanges'];
  const titles = Object.fromEntries((rules || []).map(r => [r.id, pick(r.titleZh, r.titleEn)]));
  const change = (key, names) => key === 'unchanged' ? t('unchanged') : key.split(' -> ').map(x => names[x] || x).join(' → ');
  // Each list's keys in words: a contested field with its outcome, input paths, rules by title (id beside), features by name.
  const words = {
    contestedFields: key => { const [status, ...path] = key.split(' '); return `${statusName(status)} · ${fieldWords(path.join(' ').replace(/\[\]/g, ''))}`; },
    correctedInputs: key => fieldWords(key.replace(/\[\]/g, '')),
    rulesNoLonger: key => h('span', {}, titles[key] || t('rule'), ' ', ruleId(key)),
    rulesNewly: key => h('span', {}, titles[key] || t('rule'), ' ', ruleId(key)),
    featuresMoved: key => named(state.vocabulary.features || {}, key),
    outcomeChanges: key => change(key, t('outcome')),
    colourChanges: key => change(key, t('colour'))
  };
  return h('div', { id: 'filing-appeal-feedback' },
    h('h3', { text: t('appealFeedback') }),
    h('p', { text: t('appealCounts').replace('{corrected}', report.corrected).replace('{rejected}', report.rejected) }),
    h('ul', { class: 'plain' }, keys.map(key => h('li', {}, `${t(key)}：`,
      ...(report[key].length ? report[key].flatMap((c, i) => [i ? '；' : '', words[key](c.key), ` (${c.appeals})`]) : ['—'])))));
}

// How the decisions fall on groups of firms, from the report shipped with the engine; flags rebuilt from the groups so
// that they read in the page's language.
function fairnessSection(report) {
  const dimensionNames = { region: t('dimRegion'), sizeClass: t('dimSizeClass'), thinFile: t('dimThinFile'), farm: t('dimFarm') };
  const flags = [];
  for (const d of report.dimensions) {
    for (const g of d.groups) {
      const who = `${dimensionNames[d.dimension] || d.dimension} · ${groupName(d.dimension, g.group)}`;
      if (g.belowBound) flags.push(t('flagBelow')(who, g.approvalRatio.toFixed(2), report.approvalRatioBound));
      if (g.calibrated === false) flags.push(t('flagCalibration')(who, pct(g.observedDefaultRate), pct(g.meanPd)));
    }
  }
  return h('div', { id: 'filing-fairness' },
    h('h3', { text: t('fairness') }),
    h('p', { text: t('fairnessNote') }),
    h('p', { class: 'card', text: t('fairnessPopulation')(report.firms) }),
    ...report.dimensions.map(d => h('div', {},
      h('h4', { text: dimensionNames[d.dimension] || d.dimension }),
      table(`fairness-${d.dimension}`, [t('fairnessGroup'), t('firms'), t('approvalRate'), t('referralRate'), t('declineRate'), t('meanLimit'),
        t('approvalRatio'), t('meanPdShort'), t('observedDefault')],
      d.groups.map(g => [groupName(d.dimension, g.group), fmt(g.firms, 0), pct(g.approvalRate), pct(g.referralRate), pct(g.declineRate),
        fmt(g.meanLimitCnyApproved, 0), `${g.approvalRatio.toFixed(2)}${g.belowBound ? ' ⚠' : ''}`, pct(g.meanPd),
        g.observedDefaultRate == null ? '—' : pct(g.observedDefaultRate)])))),
    h('h4', { text: t('fairnessFindings') }),
    h('ul', { id: 'fairness-findings', class: 'plain' }, (flags.length ? flags : [t('noFindings')]).map(line => h('li', { text: line }))));
}

/** A fairness or segment group in words. */
function groupName(dimension, group) {
  if (dimension === 'sizeClass' && t('sizes')[group]) return t('sizes')[group];
  if (dimension === 'section' && t('sections')[group]) return t('sections')[group];
  return t('groups')[group] || group;
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
