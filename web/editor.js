// The editor page at /editor: sign in with an editor token, review the
// readers' reports (accept, or reject with a reason), record verification
// calls and see the numbers due for a call.
//
// The session is the HttpOnly cookie that POST /api/v1/session sets; the
// page never stores the token. The CSRF token of the session stays in memory
// and goes in the X-CSRF-Token header of every editor action. A 401 from any
// action means the session ended: the page returns to the sign-in form with a
// notice. Reader text (values, evidence, emails, reasons) is shown with
// textContent and its invisible characters revealed.
import {
  ApiError,
  chooseLanguage,
  el,
  errorMessage,
  htmlLang,
  readerText,
  rememberLanguage,
  requestJson,
  translator,
} from './common.js';

const API = '/api/v1';
const OUTCOMES = ['reached', 'no-answer', 'wrong-number', 'disconnected'];
const STATUSES = ['open', 'accepted', 'rejected', 'all'];

let T = null;
const state = {
  lang: 'en',
  session: null, // {editor, csrf_token, expires_at}
  notice: '', // shown above the sign-in form or the queue
  status: 'open', // the review queue's filter
  offices: null, // the directory, for the call form and the names
};
const ui = {};
const t = translator({get en() { return T.en; }, get zh() { return T.zh; }}, () => state.lang);

function pick(pair) {
  if (!pair) return '';
  const first = state.lang === 'zh' ? pair.zh : pair.en;
  return first || (state.lang === 'zh' ? pair.en : pair.zh) || '';
}

function officeName(id) {
  const office = (state.offices || []).find((entry) => entry.id === id);
  return office ? pick(office.name) : id;
}

// Runs an editor action with the session's CSRF token. A 401 ends the
// session on the page and throws SessionEnded; other errors are rethrown.
async function editorRequest(method, path, body) {
  try {
    return await requestJson(method, API + path, {body, csrf: state.session && state.session.csrf_token});
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      sessionEnded(t('editorSessionExpired'));
      throw new SessionEnded();
    }
    throw error;
  }
}

class SessionEnded extends Error {}

function sessionEnded(notice) {
  state.session = null;
  state.notice = notice;
  render();
}

// ---- the frame ----------------------------------------------------------

function render() {
  document.documentElement.lang = htmlLang(state.lang);
  document.title = t('editorTitle');
  const languages = [
    ['en', 'English'],
    ['zh', '简体中文'],
  ].map(([code, label]) =>
    el('button', {
      type: 'button',
      class: 'lang-button',
      lang: htmlLang(code),
      'aria-pressed': code === state.lang ? 'true' : 'false',
      text: label,
      onclick: () => {
        state.lang = code;
        rememberLanguage(code);
        render();
      },
    }),
  );
  const header = el(
    'header',
    {class: 'site-header'},
    el('div', {class: 'brand'}, el('a', {href: '/', class: 'brand-name', text: t('siteName')}), el('span', {class: 'brand-tagline', text: t('editorTagline')})),
    el('nav', {class: 'lang-switch', 'aria-label': t('languageNav')}, ...languages),
  );
  ui.main = el('main', {id: 'main'});
  ui.status = el('div', {class: 'visually-hidden', role: 'status', 'aria-live': 'polite'});
  document.body.replaceChildren(header, ui.main, ui.status);
  document.body.classList.add('app', 'editor-page');
  if (state.session) renderDesk();
  else renderSignIn();
}

function notice() {
  return el('p', {class: 'notice', role: 'status', text: state.notice});
}

// ---- sign in --------------------------------------------------------------

function renderSignIn() {
  const token = el('input', {id: 'token', name: 'token', type: 'password', autocomplete: 'off', required: true, 'aria-describedby': 'token-error'});
  const error = el('p', {id: 'token-error', class: 'field-error', 'aria-live': 'polite'});
  const button = el('button', {type: 'submit', class: 'primary', text: t('editorSignIn')});
  const form = el(
    'form',
    {class: 'editor-form sign-in', novalidate: true},
    el('label', {for: 'token', text: t('editorToken')}),
    el('p', {class: 'hint', text: t('editorTokenHint')}),
    token,
    error,
    el('p', {class: 'form-buttons'}, button),
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    error.textContent = '';
    const value = token.value.trim();
    if (!value) {
      error.textContent = t('editorTokenMissing');
      token.focus();
      return;
    }
    button.disabled = true;
    try {
      state.session = await requestJson('POST', `${API}/session`, {body: {token: value}});
      state.notice = '';
      token.value = '';
      render();
    } catch (failure) {
      error.textContent = errorMessage(failure, state.lang, t);
      token.setAttribute('aria-invalid', 'true');
      token.focus();
    } finally {
      button.disabled = false;
    }
  });
  ui.main.append(
    el('section', {'aria-labelledby': 'sign-in-heading'}, el('h1', {id: 'sign-in-heading', text: t('editorSignInHeading')}), notice(), form),
  );
  token.focus();
}

// ---- the desk: session, queue, calls --------------------------------------

function renderDesk() {
  const session = state.session;
  const signOut = el('button', {type: 'button', class: 'sign-out', text: t('editorSignOut'), onclick: signOutNow});
  ui.main.append(
    el(
      'section',
      {class: 'session-bar', 'aria-label': t('editorSession')},
      el('p', {class: 'signed-in'}, t('editorSignedIn') + ' ', readerText('strong', session.editor), ' · ', t('editorExpires', {time: shortTime(session.expires_at)})),
      signOut,
    ),
  );
  ui.notice = notice();
  ui.main.append(ui.notice);
  ui.queue = el('section', {id: 'queue', 'aria-labelledby': 'queue-heading'});
  ui.calls = el('section', {id: 'calls', 'aria-labelledby': 'call-heading'});
  ui.due = el('section', {id: 'due', 'aria-labelledby': 'due-heading'});
  ui.main.append(ui.queue, ui.calls, ui.due);
  renderQueueFrame();
  renderCallForm();
  loadDue();
}

function say(message) {
  state.notice = message;
  if (ui.notice) ui.notice.textContent = message;
}

async function signOutNow() {
  try {
    await editorRequest('DELETE', '/session');
  } catch (error) {
    if (error instanceof SessionEnded) return;
  }
  sessionEnded(t('editorSignedOut'));
}

// "2026-12-04 16:30 UTC" from an ISO 8601 instant.
function shortTime(instant) {
  const text = String(instant || '');
  return text.length >= 16 ? `${text.slice(0, 10)} ${text.slice(11, 16)} UTC` : text;
}

// ---- the review queue -------------------------------------------------------

function renderQueueFrame() {
  const filter = el('select', {id: 'queue-status'});
  for (const status of STATUSES) filter.append(el('option', {value: status, text: t(`status_${status}`)}));
  filter.value = state.status;
  filter.addEventListener('change', () => {
    state.status = filter.value;
    loadQueue();
  });
  ui.queueList = el('div', {class: 'queue-body', 'aria-live': 'polite'});
  ui.queue.replaceChildren(
    el('h2', {id: 'queue-heading', text: t('editorQueue')}),
    el('label', {for: 'queue-status', text: t('editorQueueFilter')}),
    filter,
    ui.queueList,
  );
  loadQueue();
}

async function loadQueue() {
  ui.queueList.replaceChildren(el('p', {class: 'loading', text: t('editorLoading')}));
  let reports;
  try {
    reports = (await editorRequest('GET', `/reports?status=${state.status}`)).reports;
  } catch (error) {
    if (!(error instanceof SessionEnded)) ui.queueList.replaceChildren(el('p', {class: 'error', text: errorMessage(error, state.lang, t)}));
    return;
  }
  if (reports.length === 0) {
    ui.queueList.replaceChildren(el('p', {class: 'intro', text: t('editorQueueEmpty')}));
    return;
  }
  const list = el('ul', {class: 'report-list'});
  for (const report of reports) list.append(renderReport(report));
  ui.queueList.replaceChildren(list);
}

function renderReport(report) {
  const headingId = `report-${report.id}-heading`;
  const facts = el('dl', {class: 'facts'});
  const fact = (label, value) => facts.append(el('dt', {text: label}), value);
  fact(t('editorCurrent'), report.current ? readerText('dd', report.current) : el('dd', {class: 'label', text: t('editorNewEntry')}));
  fact(t('editorProposed'), report.proposed ? readerText('dd', report.proposed) : el('dd', {class: 'label', text: t('editorRemoval')}));
  if (report.evidence) fact(t('editorEvidence'), readerText('dd', report.evidence, {class: 'evidence'}));
  if (report.contact_email) fact(t('editorEmail'), readerText('dd', report.contact_email, {class: 'contact-email'}));
  fact(t('editorReceived'), el('dd', {}, el('time', {datetime: report.received_at, text: shortTime(report.received_at)})));
  if (report.status !== 'open') {
    fact(t('editorClosed'), el('dd', {}, `${t(`status_${report.status}`)} · ${shortTime(report.closed_at)} · `, readerText('span', report.closed_by)));
    if (report.reason) fact(t('editorReason'), readerText('dd', report.reason));
  }

  const item = el(
    'li',
    {class: 'report-item', 'data-report': String(report.id), 'aria-labelledby': headingId},
    el('h3', {id: headingId, tabindex: '-1', text: `#${report.id} · ${officeName(report.office)} · ${t(`field_${report.field}`)}`}),
    facts,
  );
  if (report.status === 'open') item.append(renderDecision(report));
  return item;
}

// Accept, or reject with a required reason.
function renderDecision(report) {
  const reasonId = `reason-${report.id}`;
  const message = el('p', {class: 'form-message', role: 'alert'});
  const reason = el('textarea', {id: reasonId, name: 'reason', rows: '2', maxlength: '1000', 'aria-describedby': `${reasonId}-error`});
  const reasonError = el('p', {id: `${reasonId}-error`, class: 'field-error', 'aria-live': 'polite'});
  const accept = el('button', {type: 'button', class: 'primary accept', text: t('editorAccept')});
  const reject = el('button', {type: 'submit', class: 'danger reject', text: t('editorReject')});

  async function decide(button, path, body) {
    message.textContent = '';
    button.disabled = true;
    try {
      await editorRequest('POST', path, body);
      return true;
    } catch (error) {
      if (!(error instanceof SessionEnded)) message.textContent = errorMessage(error, state.lang, t);
      return false;
    } finally {
      button.disabled = false;
    }
  }

  accept.addEventListener('click', async () => {
    if (await decide(accept, `/reports/${report.id}/accept`)) {
      say(t('editorAccepted', {id: report.id}));
      loadQueue();
    }
  });

  const form = el(
    'form',
    {class: 'reject-form', novalidate: true},
    el('div', {}, el('label', {for: reasonId, text: t('editorReason')}), reason, reasonError),
    reject,
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    reasonError.textContent = '';
    const text = reason.value.trim();
    if (!text) {
      reasonError.textContent = t('editorReasonMissing');
      reason.setAttribute('aria-invalid', 'true');
      reason.focus();
      return;
    }
    if (await decide(reject, `/reports/${report.id}/reject`, {reason: text})) {
      say(t('editorRejected', {id: report.id}));
      loadQueue();
    }
  });
  return el('div', {class: 'decision'}, el('p', {class: 'form-buttons'}, accept), form, message);
}

// ---- verification calls -----------------------------------------------------

function renderCallForm() {
  const office = el('select', {id: 'call-office', name: 'office', required: true});
  const phone = el('select', {id: 'call-phone', name: 'phone', required: true});
  const outcome = el('select', {id: 'call-outcome', name: 'outcome'});
  for (const name of OUTCOMES) outcome.append(el('option', {value: name, text: t(`outcome_${name}`)}));
  const date = el('input', {id: 'call-date', name: 'date', type: 'date', 'aria-describedby': 'call-date-hint'});
  const note = el('input', {id: 'call-note', name: 'note', type: 'text', maxlength: '1000'});
  const message = el('p', {class: 'form-message', role: 'alert'});
  const button = el('button', {type: 'submit', class: 'primary', text: t('editorRecordCall')});
  ui.callOffice = office;
  ui.callPhone = phone;
  ui.callOutcome = outcome;

  office.addEventListener('change', () => loadPhones(office.value));
  const form = el(
    'form',
    {class: 'editor-form call-form', novalidate: true},
    el('label', {for: 'call-office', text: t('editorCallOffice')}),
    office,
    el('label', {for: 'call-phone', text: t('editorCallPhone')}),
    phone,
    el('label', {for: 'call-outcome', text: t('editorCallOutcome')}),
    outcome,
    el('label', {for: 'call-date', text: t('editorCallDate')}),
    el('p', {id: 'call-date-hint', class: 'hint', text: t('editorCallDateHint')}),
    date,
    el('label', {for: 'call-note', text: t('editorCallNote')}),
    note,
    message,
    el('p', {class: 'form-buttons'}, button),
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    message.textContent = '';
    if (!office.value || !phone.value) {
      message.textContent = t('editorCallMissing');
      return;
    }
    const call = {office: office.value, phone: phone.value, outcome: outcome.value};
    if (date.value) call.date = date.value;
    if (note.value.trim()) call.note = note.value.trim();
    button.disabled = true;
    try {
      await editorRequest('POST', '/calls', call);
      say(t('editorCallRecorded', {phone: phone.selectedOptions[0].textContent, office: officeName(call.office)}));
      note.value = '';
      loadDue();
    } catch (error) {
      if (!(error instanceof SessionEnded)) message.textContent = errorMessage(error, state.lang, t);
    } finally {
      button.disabled = false;
    }
  });
  ui.calls.replaceChildren(el('h2', {id: 'call-heading', text: t('editorCalls')}), form);
  fillOffices();
}

// The directory's offices sorted by id, fetched once; null when the
// request failed.
let officesRequest = null;
function loadOffices() {
  if (!officesRequest) {
    officesRequest = requestJson('GET', `${API}/offices`)
      .then((directory) => directory.offices.slice().sort((a, b) => (a.id < b.id ? -1 : 1)))
      .catch(() => null);
  }
  return officesRequest;
}

async function fillOffices() {
  state.offices = await loadOffices();
  if (!state.offices) return;
  ui.callOffice.replaceChildren(el('option', {value: '', text: t('editorChooseOffice')}));
  for (const office of state.offices) ui.callOffice.append(el('option', {value: office.id, text: pick(office.name)}));
}

// Fills the number list from the office JSON; resolves when it is filled.
async function loadPhones(officeId) {
  ui.callPhone.replaceChildren();
  if (!officeId) return;
  let office;
  try {
    office = await requestJson('GET', `${API}/offices/${encodeURIComponent(officeId)}`);
  } catch (error) {
    return;
  }
  for (const number of office.phones || []) {
    const label = number.e164 && number.e164 !== number.text ? `${number.text} (${number.e164})` : number.text;
    ui.callPhone.append(el('option', {value: number.e164 || number.text, text: label}));
  }
}

// Prefills the call form with a due number and moves the focus to it.
async function prepareCall(officeId, number) {
  ui.callOffice.value = officeId;
  await loadPhones(officeId);
  ui.callPhone.value = number.e164 || number.text;
  ui.callOutcome.focus();
}

// ---- numbers due --------------------------------------------------------------

async function loadDue() {
  const heading = el('h2', {id: 'due-heading', text: t('editorDue')});
  ui.due.replaceChildren(heading, el('p', {class: 'loading', text: t('editorLoading')}));
  let due;
  try {
    due = (await editorRequest('GET', '/calls/due?older_than_days=180')).due;
  } catch (error) {
    if (!(error instanceof SessionEnded)) ui.due.replaceChildren(heading, el('p', {class: 'error', text: errorMessage(error, state.lang, t)}));
    return;
  }
  if (due.length === 0) {
    ui.due.replaceChildren(heading, el('p', {class: 'intro', text: t('editorDueEmpty')}));
    return;
  }
  const body = el('tbody');
  for (const entry of due) {
    const latest = entry.latest ? `${entry.latest.date} · ${t(`outcome_${entry.latest.outcome}`)}` : t('editorNeverCalled');
    const hours = entry.hours || {};
    body.append(
      el(
        'tr',
        {},
        el('td', {text: pick(entry.office_name) || entry.office}),
        el('td', {class: 'due-phone'}, readerText('span', entry.phone.text)),
        el('td', {text: latest}),
        el('td', {}, hours.text ? readerText('span', hours.text, {lang: 'zh-Hans'}) : el('code', {text: hours.expression || ''})),
        el('td', {}, el('button', {type: 'button', text: t('editorCallThis'), onclick: () => prepareCall(entry.office, entry.phone)})),
      ),
    );
  }
  ui.due.replaceChildren(
    heading,
    el('p', {class: 'intro', text: t('editorDueIntro', {days: 180})}),
    el(
      'table',
      {class: 'due-table'},
      el(
        'thead',
        {},
        el('tr', {}, ...['editorDueOffice', 'editorDuePhone', 'editorDueLatest', 'editorDueHours', 'editorDueAction'].map((key) => el('th', {scope: 'col', text: t(key)}))),
      ),
      body,
    ),
  );
}

// ---- start ------------------------------------------------------------------

async function start() {
  ({TRANSLATIONS: T} = await import('/assets/i18n.js'));
  state.lang = chooseLanguage();
  // The queue names offices by their names in the directory.
  const [session, offices] = await Promise.all([requestJson('GET', `${API}/session`).catch(() => null), loadOffices()]);
  state.session = session;
  state.offices = offices;
  render();
}

start();
