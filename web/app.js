// The ngodesk finder in the browser. It replaces the server-rendered page,
// which remains the version for readers without JavaScript. The search queries
// /api/v1/resolve for both procedures, and the page shows an office card and a
// filterable list of the offices. Each entry of the card has a "Report a
// problem" button (report.js), and the card lists the office's accepted
// changes. It requests only the /api/v1 JSON API of its own origin.
//
// Every text from the API goes into the page through textContent or
// attributes set one by one, never through innerHTML, and no element gets a
// style attribute: the page runs under Content-Security-Policy
// "default-src 'self'", which forbids inline code and inline styles.
'use strict';

(() => {
  const API = '/api/v1';

  let T = null; // the translations, loaded from i18n.js
  let el = null; // the element builder of common.js
  let readerText = null; // common.js: reader text with its invisible characters revealed
  let dateOf = null; // common.js: "2026-12-04" from an instant
  let chooseLanguage = null; // common.js: the page language
  let rememberLanguage = null; // common.js
  let htmlLang = null; // common.js: "zh-Hans" or "en" for a page language
  let openReportForm = null; // report.js
  const state = {
    lang: 'en',
    offices: null, // the directory's offices, sorted by id
    officesError: false,
    query: '',
    search: null, // {query, office, activity} or {query, error}
    searching: false,
    searchSeq: 0,
    card: null, // {id, office, hours, hoursError, error}
    filter: '',
  };
  const ui = {}; // the long-lived containers

  // ---- text -------------------------------------------------------------

  function t(key, params) {
    let text = T[state.lang][key];
    if (text === undefined) text = T.en[key];
    if (params) {
      for (const [name, value] of Object.entries(params)) text = text.split(`{${name}}`).join(String(value));
    }
    return text;
  }

  // A label before its value: "Place found: " in English, "识别的地点：" with
  // the full-width colon in Chinese.
  function labelText(key) {
    return t(key) + (state.lang === 'zh' ? '：' : ': ');
  }

  // " (text)" in English, "（text）" with full-width brackets in Chinese.
  function inBrackets(text) {
    return state.lang === 'zh' ? `（${text}）` : ` (${text})`;
  }

  // The side of a {en, zh} pair in the page's language, else the other side.
  function pick(pair) {
    if (!pair) return '';
    const first = state.lang === 'zh' ? pair.zh : pair.en;
    return first || (state.lang === 'zh' ? pair.en : pair.zh) || '';
  }

  // ---- DOM helpers ------------------------------------------------------

  function announce(message) {
    ui.status.textContent = '';
    // A fresh text node makes screen readers read a repeated message again.
    window.setTimeout(() => {
      ui.status.textContent = message;
    }, 50);
  }

  // ---- API --------------------------------------------------------------

  class ApiError extends Error {
    constructor(error) {
      super(error && error.message ? error.message : 'request failed');
      this.detail = error || {};
    }
  }

  async function getJson(path) {
    const response = await fetch(API + path, {headers: {Accept: 'application/json'}});
    let body = null;
    try {
      body = await response.json();
    } catch (e) {
      body = null;
    }
    if (!response.ok) throw new ApiError(body && body.error);
    return body;
  }

  function errorText(error) {
    if (error instanceof ApiError) {
      const detail = error.detail;
      return (state.lang === 'zh' ? detail.message_zh : detail.message) || detail.message || t('networkError');
    }
    return t('networkError');
  }

  // ---- formatting -------------------------------------------------------

  // "+86 25 8678 3861" from the national form "025 8678 3861".
  function internationalForm(number) {
    if (number.national && number.e164 && number.e164.startsWith('+86')) {
      return '+86 ' + number.national.replace(/^0/, '');
    }
    return number.e164 || number.text;
  }

  // "2026-03-03 10:00" from "2026-03-03T10:00:00+08:00".
  function chinaTime(instant) {
    return String(instant || '').slice(0, 16).replace('T', ' ');
  }

  function weekday(date) {
    const [year, month, day] = date.split('-').map(Number);
    return t('weekdays')[new Date(Date.UTC(year, month - 1, day)).getUTCDay()];
  }

  function stateLabel(name) {
    if (name === 'open') return t('stateOpen');
    if (name === 'closed') return t('stateClosed');
    return t('stateUnknown');
  }

  function divisionName(division) {
    if (!division) return '';
    if (state.lang === 'zh') return division.zh || division.en || '';
    return division.en && division.zh ? `${division.zh} / ${division.en}` : division.zh || division.en || '';
  }

  // The whole {province, prefecture, county} chain: "鼓楼区 / Gulou, 南京市 /
  // Nanjing, 江苏省 / Jiangsu" in English, "江苏省南京市鼓楼区" in Chinese. A
  // municipality that is both province and prefecture is named once.
  function chainText(chain) {
    if (!chain) return '';
    const parts = [];
    for (const division of [chain.province, chain.prefecture, chain.county]) {
      if (division && !parts.some((part) => part.zh === division.zh)) parts.push(division);
    }
    if (state.lang === 'zh') return parts.map((division) => division.zh || division.en).join('');
    return parts.reverse().map(divisionName).join(', ');
  }

  // A query naming the whole chain, e.g. 北京市朝阳区, that resolves to one place.
  function chainQuery(chain) {
    const parts = [];
    for (const division of [chain.province, chain.prefecture, chain.county]) {
      if (division && division.zh && !parts.includes(division.zh)) parts.push(division.zh);
    }
    return parts.join('');
  }

  function officeName(id) {
    const office = (state.offices || []).find((o) => o.id === id);
    return office ? pick(office.name) : id;
  }

  // ---- the frame --------------------------------------------------------

  function buildFrame() {
    const lang = state.lang;
    document.documentElement.lang = htmlLang(lang);

    const languageButtons = [
      ['en', 'English'],
      ['zh', '简体中文'],
    ].map(([code, label]) =>
      el('button', {
        type: 'button',
        class: 'lang-button',
        lang: htmlLang(code),
        'aria-pressed': code === lang ? 'true' : 'false',
        'data-lang': code,
        text: label,
        onclick: () => setLanguage(code),
      }),
    );

    const header = el(
      'header',
      {class: 'site-header'},
      el(
        'div',
        {class: 'brand'},
        el('a', {href: '/', class: 'brand-name', text: t('siteName')}),
        el('span', {class: 'brand-tagline', text: t('siteTagline')}),
      ),
      el(
        'nav',
        {class: 'site-nav', 'aria-label': t('sectionsNav')},
        el('a', {href: '#search', text: t('navSearch')}),
        el('a', {href: '#offices', text: t('navOffices')}),
      ),
      el('nav', {class: 'lang-switch', 'aria-label': t('languageNav')}, ...languageButtons),
    );

    ui.query = el('input', {
      id: 'q',
      name: 'q',
      type: 'search',
      autocomplete: 'off',
      spellcheck: 'false',
      placeholder: t('searchPlaceholder'),
      'aria-describedby': 'search-intro',
    });
    ui.query.value = state.query;
    const form = el(
      'form',
      {role: 'search', class: 'search-form', action: '/', method: 'get'},
      el('label', {for: 'q', text: t('searchLabel')}),
      el('div', {class: 'search-row'}, ui.query, el('button', {type: 'submit', text: t('searchButton')})),
    );
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      search(ui.query.value, {push: true});
    });

    const searchSection = el(
      'section',
      {id: 'search', class: 'search', 'aria-labelledby': 'search-heading'},
      el('h1', {id: 'search-heading', text: t('searchHeading')}),
      el('p', {id: 'search-intro', class: 'intro', text: t('searchIntro')}),
      form,
    );

    ui.results = el('section', {id: 'results', class: 'results', 'aria-live': 'polite', 'aria-label': t('resultsHeading')});
    ui.card = el('section', {id: 'office', class: 'card-slot', 'aria-label': t('officeHeading')});

    ui.filter = el('input', {
      id: 'office-filter',
      type: 'search',
      autocomplete: 'off',
      placeholder: t('filterPlaceholder'),
      'aria-controls': 'office-list',
      'aria-describedby': 'office-count',
    });
    ui.filter.value = state.filter;
    ui.filter.addEventListener('input', () => {
      state.filter = ui.filter.value;
      renderList();
    });
    ui.count = el('p', {id: 'office-count', class: 'count', 'aria-live': 'polite'});
    ui.list = el('ul', {id: 'office-list', class: 'office-list'});
    const listSection = el(
      'section',
      {id: 'offices', class: 'offices', 'aria-labelledby': 'offices-heading'},
      el('h2', {id: 'offices-heading', text: t('officesHeading')}),
      el('label', {for: 'office-filter', text: t('filterLabel')}),
      ui.filter,
      ui.count,
      ui.list,
    );

    const main = el('main', {id: 'main'}, searchSection, ui.results, ui.card, listSection);
    const footer = el(
      'footer',
      {class: 'site-footer'},
      el('p', {text: t('footer')}),
      el('p', {}, el('a', {href: API + '/openapi.json', text: t('apiLink')})),
    );
    ui.status = el('div', {class: 'visually-hidden', role: 'status', 'aria-live': 'polite'});
    const skip = el('a', {class: 'skip-link', href: '#q', text: t('skipToContent')});

    document.body.replaceChildren(skip, header, main, footer, ui.status);
    document.body.classList.add('app');
    renderResults();
    renderCard();
    renderList();
    updateTitle();
  }

  function updateTitle() {
    document.title = state.card && state.card.office ? `${pick(state.card.office.name)} · ngodesk` : t('pageTitle');
  }

  // A page address for history. A lang parameter in the current address is
  // kept, set to the language now shown, so that a reload or a shared link
  // opens in that language.
  function pageUrl(path, params) {
    const search = new URLSearchParams(params);
    if (new URLSearchParams(location.search).has('lang')) search.set('lang', state.lang);
    const text = search.toString();
    return text ? `${path}?${text}` : path;
  }

  function setLanguage(lang) {
    state.lang = lang;
    rememberLanguage(lang);
    const current = new URLSearchParams(location.search);
    if (current.has('lang')) {
      current.set('lang', lang);
      history.replaceState(null, '', `${location.pathname}?${current.toString()}`);
    }
    buildFrame();
    const pressed = document.querySelector(`.lang-button[data-lang="${lang}"]`);
    if (pressed) pressed.focus();
  }

  // ---- search -----------------------------------------------------------

  // The maximum query the page sends, in characters, as the search box's
  // maxlength without JavaScript. 200 Chinese characters take 1800 bytes in
  // the address, within the server's 2048-byte target limit.
  const MAX_QUERY_CHARS = 200;

  // Plain wording for a query that the API would reject: one without a letter
  // or a digit reads as an empty box, an over-long one gets the limit.
  function queryProblem(query) {
    if (!/[\p{L}\p{N}]/u.test(query)) return t('emptyQuery');
    if ([...query].length > MAX_QUERY_CHARS) return t('queryTooLong', {max: MAX_QUERY_CHARS});
    return null;
  }

  async function search(text, {push}) {
    const query = text.trim();
    state.query = query;
    const problem = queryProblem(query);
    if (problem) {
      state.search = {query, error: problem};
      renderResults();
      closeCard();
      return;
    }
    if (push) history.pushState(null, '', pageUrl('/', {q: query}));
    const seq = ++state.searchSeq;
    state.searching = true;
    renderResults();
    const q = encodeURIComponent(query);
    try {
      const [office, activity] = await Promise.all([
        getJson(`/resolve?q=${q}&procedure=office`),
        getJson(`/resolve?q=${q}&procedure=activity`),
      ]);
      if (seq !== state.searchSeq) return;
      state.search = {query, office, activity};
    } catch (error) {
      if (seq !== state.searchSeq) return;
      state.search = {query, error};
    }
    state.searching = false;
    renderResults();
    // An ambiguous place opens no card: the reader picks a candidate first.
    const resolution = state.search.office;
    if (resolution && resolution.office && !resolution.ambiguous) openCard(resolution.office.id, {push: false, focus: false});
    else closeCard();
  }

  function renderResults() {
    const box = ui.results;
    box.replaceChildren();
    if (state.searching) {
      box.append(el('p', {class: 'searching', text: t('searching')}));
      return;
    }
    const result = state.search;
    if (!result) return;
    if (result.error) {
      box.append(el('p', {class: 'error', text: typeof result.error === 'string' ? result.error : errorText(result.error)}));
      return;
    }
    box.append(el('h2', {id: 'results-heading', tabindex: '-1', text: t('resultsFor', {query: result.query})}));

    const office = result.office;
    if (!office.office && !office.rule && office.candidates.length === 0) {
      box.append(el('p', {class: 'not-found', text: t('notFound', {query: result.query})}));
      return;
    }
    if (office.ambiguous && office.candidates.length > 1) {
      // No office is the result until the reader picks a place, so the
      // procedure boxes, which would name the first candidate's office, wait.
      box.append(renderCandidates(office));
      return;
    }
    if (office.corrected) box.append(el('p', {class: 'note', text: t('corrected')}));

    box.append(
      el(
        'div',
        {class: 'result-grid'},
        renderResolution(office, t('procedureOffice'), 'result-office'),
        renderResolution(result.activity, t('procedureActivity'), 'result-activity'),
      ),
    );
  }

  function renderCandidates(resolution) {
    const list = el('ul', {class: 'candidates'});
    for (const candidate of resolution.candidates) {
      const target = candidate.office ? officeName(candidate.office) : t('candidateNoOffice');
      list.append(
        el(
          'li',
          {},
          el('button', {
            type: 'button',
            class: 'candidate',
            text: `${chainText(candidate.division)} → ${target}`,
            onclick: () => {
              const query = chainQuery(candidate.division);
              ui.query.value = query;
              search(query, {push: true}).then(() => {
                const heading = document.getElementById('results-heading');
                if (heading) heading.focus();
              });
            },
          }),
        ),
      );
    }
    return el('div', {class: 'ambiguous'}, el('p', {class: 'choice', text: t('ambiguous', {query: state.search.query})}), list);
  }

  function renderResolution(resolution, title, className) {
    const box = el('article', {class: `result ${className}`}, el('h3', {text: title}));
    if (resolution.office) {
      const id = resolution.office.id;
      box.append(
        el(
          'p',
          {class: 'go-to'},
          el('span', {class: 'label', text: t('goTo') + ' '}),
          el('a', {
            href: `/offices/${encodeURIComponent(id)}`,
            class: 'office-link',
            'data-office': id,
            text: pick(resolution.office.name),
            onclick: (event) => {
              event.preventDefault();
              openCard(id, {push: true, focus: true});
            },
          }),
        ),
      );
    } else {
      box.append(el('p', {class: 'go-to none', text: t('noOffice')}));
    }
    const place = chainText(resolution.division);
    if (place) {
      box.append(el('p', {class: 'place'}, el('span', {class: 'label', text: labelText('place')}), place));
    }
    if (resolution.rule) {
      box.append(
        el(
          'div',
          {class: 'rule'},
          el('p', {class: 'label', text: t('rule')}),
          el('p', {class: 'rule-text', text: pick(resolution.rule)}),
          el('p', {class: 'citation', text: pick({en: resolution.rule.citation, zh: resolution.rule.citation_zh})}),
        ),
      );
    }
    for (const note of resolution.notes || []) box.append(el('p', {class: 'note', text: pick(note)}));
    return box;
  }

  // ---- the office card --------------------------------------------------

  async function openCard(id, {push, focus}) {
    if (push) history.pushState(null, '', pageUrl(`/offices/${encodeURIComponent(id)}`, {}));
    state.card = {id, office: null, hours: null, hoursError: false, history: null, historyError: false, error: null};
    const card = state.card;
    renderCard();
    try {
      card.office = await getJson(`/offices/${encodeURIComponent(id)}`);
    } catch (error) {
      card.error = error;
    }
    if (state.card !== card) return;
    renderCard();
    updateTitle();
    if (focus) {
      const heading = document.getElementById('office-heading');
      if (heading) heading.focus();
    }
    if (!card.office) return;
    await Promise.all([loadHours(card), loadHistory(card)]);
  }

  async function loadHours(card) {
    try {
      card.hours = await getJson(`/offices/${encodeURIComponent(card.id)}/hours`);
    } catch (error) {
      card.hoursError = true;
    }
    if (state.card !== card) return;
    const slot = document.getElementById('hours-slot');
    if (slot) slot.replaceWith(renderHours(card));
  }

  async function loadHistory(card) {
    try {
      card.history = (await getJson(`/offices/${encodeURIComponent(card.id)}/history?limit=20`)).changes;
    } catch (error) {
      card.historyError = true;
    }
    if (state.card !== card) return;
    const slot = document.getElementById('history-slot');
    if (slot) slot.replaceWith(renderHistory(card));
  }

  function closeCard() {
    state.card = null;
    renderCard();
    updateTitle();
  }

  function renderCard() {
    ui.card.replaceChildren();
    const card = state.card;
    if (!card) return;
    if (card.error) {
      ui.card.append(el('p', {class: 'error', text: errorText(card.error)}));
      return;
    }
    if (!card.office) return;
    const office = card.office;
    const other = state.lang === 'zh' ? office.name.en : office.name.zh;
    const article = el(
      'article',
      {class: 'office-card', 'aria-labelledby': 'office-heading', 'data-office': office.id},
      el('h2', {id: 'office-heading', tabindex: '-1', text: pick(office.name)}),
      other ? el('p', {class: 'other-name', lang: state.lang === 'zh' ? 'en' : 'zh-Hans', text: other}) : null,
      renderFacts(office),
      renderAddresses(office),
      renderNumbers(office, 'phones', t('phones'), 'phones'),
      renderNumbers(office, 'fax', t('faxes'), 'faxes'),
      renderLinks(office, 'emails', t('emails'), 'mailto:'),
      renderLinks(office, 'websites', t('websites'), ''),
      renderHours(card),
      renderReportSection(office),
      renderHistory(card),
      renderSources(office),
      renderCorrections(office),
      el('p', {class: 'card-actions'}, el('button', {type: 'button', class: 'print', text: t('printOffice'), onclick: () => window.print()})),
    );
    ui.card.append(article);
  }

  function renderFacts(office) {
    const facts = el('dl', {class: 'facts'});
    const jurisdiction = office.jurisdiction.kind === 'national' ? t('national') : pick(office.jurisdiction.name);
    facts.append(el('dt', {text: t('jurisdiction')}), el('dd', {text: jurisdiction}));
    if (office.city) facts.append(el('dt', {text: t('seat')}), el('dd', {text: divisionName(office.city.name)}));
    return facts;
  }

  function renderAddresses(office) {
    if (!office.addresses || office.addresses.length === 0) return null;
    const list = el('ul', {class: 'addresses'});
    for (const address of office.addresses) {
      const item = el('li', {class: 'address'});
      if (address.zh) {
        item.append(
          el(
            'p',
            {class: 'address-zh'},
            el('span', {class: 'label', text: t('addressZh') + ' '}),
            readerText('span', address.zh, {lang: 'zh-Hans', class: 'address-text'}),
            ' ',
            reportButton(office, 'addresses', address.zh),
          ),
        );
      }
      if (address.en) {
        item.append(
          el(
            'p',
            {class: 'address-en'},
            el('span', {class: 'label', text: t('addressEn') + ' '}),
            readerText('span', address.en, {lang: 'en', class: 'address-text'}),
            ' ',
            reportButton(office, 'addresses', address.en),
          ),
        );
      }
      if (address.note) item.append(el('p', {class: 'note', text: typeof address.note === 'string' ? address.note : pick(address.note)}));
      if (address.zh) {
        const feedback = el('span', {class: 'copy-feedback'});
        item.append(
          el(
            'p',
            {class: 'copy-row'},
            el('button', {
              type: 'button',
              class: 'copy',
              text: t('copyAddress'),
              onclick: async () => {
                const ok = await copyText(address.zh);
                feedback.textContent = ok ? t('copied') : t('copyFailed');
                announce(feedback.textContent);
              },
            }),
            ' ',
            feedback,
          ),
        );
      }
      list.append(item);
    }
    return el('section', {class: 'card-part'}, el('h3', {text: t('addresses')}), lastChanged(office, 'addresses'), list);
  }

  // The Clipboard API where the page is a secure context (127.0.0.1 and
  // localhost are), else a selected text area and the copy command.
  async function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) {
      try {
        await navigator.clipboard.writeText(text);
        return true;
      } catch (e) {
        // Permission refused: fall through to the older way.
      }
    }
    const area = el('textarea', {class: 'copy-buffer', readonly: true, 'aria-hidden': 'true'});
    area.value = text;
    document.body.append(area);
    area.select();
    let ok = false;
    try {
      ok = document.execCommand('copy');
    } catch (e) {
      ok = false;
    }
    area.remove();
    return ok;
  }

  function renderNumbers(office, field, title, className) {
    const numbers = office[field];
    if (!numbers || numbers.length === 0) return null;
    const list = el('ul', {class: `numbers ${className}`});
    for (const number of numbers) {
      const item = el('li');
      if (number.e164) {
        item.append(el('a', {href: `tel:${number.e164}`, class: 'tel', text: internationalForm(number)}));
      } else {
        item.append(readerText('span', number.text, {lang: 'zh-Hans'}));
      }
      if (number.extension) item.append(' ', el('span', {class: 'extension', text: t('extension', {ext: number.extension})}));
      item.append(' ', ...numberBadges(number), ' ', reportButton(office, field, number.text));
      if (number.e164 && number.text) item.append(el('span', {class: 'published', text: t('publishedAs', {text: number.text})}));
      if (number.area_code_inferred) item.append(el('p', {class: 'assumption', text: t('areaCodeAssumed')}));
      list.append(item);
    }
    return el('section', {class: 'card-part'}, el('h3', {text: title}), lastChanged(office, field), list);
  }

  // "Confirmed on DATE" from the latest call that reached the office, and
  // "possibly out of date" when a later call failed.
  function numberBadges(number) {
    const badges = [];
    if (number.last_failed_call_on) {
      badges.push(el('span', {class: 'badge stale', text: t('possiblyOutOfDate', {date: number.last_failed_call_on})}));
    }
    if (number.confirmed_on) {
      badges.push(el('span', {class: 'badge confirmed', text: t('confirmed', {date: number.confirmed_on})}));
    } else if (!number.last_failed_call_on) {
      badges.push(el('span', {class: 'badge unconfirmed', text: t('notConfirmed')}));
    }
    return badges.flatMap((badge, index) => (index === 0 ? [badge] : [' ', badge]));
  }

  function renderLinks(office, field, title, scheme) {
    const values = office[field];
    if (!values || values.length === 0) return null;
    const list = el('ul', {class: 'links'});
    for (const value of values) {
      const text = typeof value === 'string' ? value : value.url || value.address || '';
      if (!text) continue;
      const href = scheme ? scheme + text : /^https?:\/\//i.test(text) ? text : null;
      const shown = href ? el('a', {href, rel: 'noopener noreferrer'}, readerText('span', text)) : readerText('span', text);
      list.append(el('li', {}, shown, ' ', reportButton(office, field, text)));
    }
    return el('section', {class: 'card-part'}, el('h3', {text: title}), lastChanged(office, field), list);
  }

  function renderHours(card) {
    const office = card.office;
    const section = el('section', {id: 'hours-slot', class: 'card-part hours'}, el('h3', {text: t('hours')}), lastChanged(office, 'hours'));
    const hours = card.hours;
    if (hours) {
      section.append(
        el(
          'p',
          {class: 'hours-status'},
          el('span', {class: `badge state-${hours.state}`, 'data-state': hours.state, text: badgeLabel(hours)}),
          ' ',
          el('span', {class: 'reason', text: reasonSentence(hours)}),
          ' ',
          el('span', {class: 'when', text: t('chinaTime', {time: chinaTime(hours.at)})}),
        ),
      );
      if (hours.next_change) {
        const next = stateLabel(hours.next_state).toLowerCase();
        section.append(el('p', {class: 'next-change', text: t('nextChange', {state: next, time: chinaTime(hours.next_change)})}));
      }
    } else if (card.hoursError) {
      section.append(el('p', {class: 'error', text: t('hoursUnavailable')}));
    } else {
      section.append(el('p', {class: 'loading', text: t('hoursLoading')}));
    }

    const published = office.hours || {};
    const facts = el('dl', {class: 'facts'});
    facts.append(el('dt', {text: t('publishedHours')}));
    facts.append(published.text ? el('dd', {}, readerText('span', published.text, {lang: 'zh-Hans'})) : el('dd', {text: t('noPublishedHours')}));
    if (published.expression) facts.append(el('dt', {text: t('expression')}), el('dd', {}, el('code', {text: published.expression})));
    section.append(facts);
    if (published.assumed && published.assumption) {
      section.append(el('p', {class: 'assumption'}, el('strong', {text: labelText('assumption')}), pick(published.assumption)));
    }
    section.append(el('p', {class: 'report-row'}, reportButton(office, 'hours', publishedHours(published))));
    if (hours && hours.days && !allDayUnknown(hours.days)) section.append(renderWeek(hours.days));
    return section;
  }

  // "Hours unknown" rather than "Unknown" before the reason "hours unknown".
  function badgeLabel(hours) {
    return hours.reason && hours.reason.code === 'unknown_hours' ? t('hoursUnknown') : stateLabel(hours.state);
  }

  // The reason after the badge. For unknown hours only the cause in the
  // reason's brackets ("no hours published"), as a sentence.
  function reasonSentence(hours) {
    const text = pick(hours.reason);
    if (!hours.reason || hours.reason.code !== 'unknown_hours') return text;
    const cause = /[(（](.*)[)）]$/u.exec(text);
    if (!cause) return '';
    return state.lang === 'zh' ? `${cause[1]}。` : `${cause[1].charAt(0).toUpperCase()}${cause[1].slice(1)}.`;
  }

  // The hours value a report is about: the published text, else an
  // expression that states hours. An "unknown" expression states none, so a
  // report on it adds hours.
  function publishedHours(hours) {
    if (hours.text) return hours.text;
    return hours.expression && !hours.expression.startsWith('unknown') ? hours.expression : '';
  }

  // True when no day has known hours: a table of seven "unknown" rows would
  // repeat the badge above it.
  function allDayUnknown(days) {
    return days.every((day) => day.intervals.every((interval) => interval.state === 'unknown'));
  }

  function renderWeek(days) {
    const body = el('tbody');
    for (const day of days) {
      const open = day.intervals.filter((interval) => interval.state !== 'closed');
      const cell = el('td');
      if (open.length === 0) {
        const closed = day.intervals.find((interval) => interval.reason && interval.reason.code !== 'outside_hours') || day.intervals[0];
        cell.textContent = t('closedDay', {reason: closed ? pick(closed.reason) : ''});
        cell.className = 'day-closed';
      } else {
        cell.textContent = open
          .map((interval) => {
            const span = `${interval.start}–${interval.end}`;
            return interval.state === 'unknown' ? span + inBrackets(labelText('stateUnknown') + pick(interval.reason)) : span;
          })
          .join(', ');
      }
      body.append(el('tr', {}, el('th', {scope: 'row'}, `${weekday(day.date)} `, el('span', {class: 'date', text: day.date})), cell));
    }
    return el(
      'table',
      {class: 'week'},
      el('caption', {text: t('weekHeading')}),
      el('thead', {}, el('tr', {}, el('th', {scope: 'col', text: t('dayColumn')}), el('th', {scope: 'col', text: t('hoursColumn')}))),
      body,
    );
  }

  // ---- corrections on the card ------------------------------------------

  // A "Report a problem" button for one published value of a field. Its
  // accessible name includes the value, so that a list of numbers does not
  // read as a list of identical buttons.
  function reportButton(office, field, current) {
    return el('button', {
      type: 'button',
      class: 'report-button',
      'data-field': field,
      'aria-label': current ? t('reportAbout', {value: current}) : t('reportProblem'),
      text: t('reportProblem'),
      onclick: (event) => openReportForm({office, field, current, opener: event.currentTarget, t, lang: state.lang}),
    });
  }

  // "Last changed on DATE" for a field with an accepted change.
  function lastChanged(office, field) {
    const change = (office.field_changes || []).find((entry) => entry.field === field);
    if (!change) return null;
    return el('p', {class: 'last-changed', text: t('lastChanged', {date: dateOf(change.changed_at)})});
  }

  // Reporting anything else, or a value the card does not list yet.
  function renderReportSection(office) {
    return el(
      'section',
      {class: 'card-part report-other'},
      el('h3', {text: t('reportHeading')}),
      el('p', {class: 'intro', text: t('reportIntro')}),
      el('p', {}, el('button', {
        type: 'button',
        class: 'report-button report-new',
        text: t('reportOther'),
        onclick: (event) => openReportForm({office, field: null, current: '', opener: event.currentTarget, t, lang: state.lang}),
      })),
    );
  }

  // The accepted changes of the office, newest first, with the feed that
  // announces them.
  function renderHistory(card) {
    const section = el('section', {id: 'history-slot', class: 'card-part history'}, el('h3', {text: t('history')}));
    if (card.historyError) {
      section.append(el('p', {class: 'error', text: t('historyUnavailable')}));
    } else if (!card.history) {
      section.append(el('p', {class: 'loading', text: t('historyLoading')}));
    } else if (card.history.length === 0) {
      section.append(el('p', {class: 'intro', text: t('historyEmpty')}));
    } else {
      const list = el('ol', {class: 'changes'});
      for (const change of card.history) list.append(renderChange(change));
      section.append(list);
    }
    section.append(el('p', {class: 'feed-link'}, el('a', {href: '/feed.atom', type: 'application/atom+xml', text: t('feedLink')})));
    return section;
  }

  function renderChange(change) {
    const values = el('p', {class: 'change-values'});
    values.append(change.old_value ? readerText('del', change.old_value) : el('span', {class: 'label', text: t('historyAdded')}));
    values.append(' → ', change.new_value ? readerText('ins', change.new_value) : el('span', {class: 'label', text: t('historyRemoved')}));
    return el(
      'li',
      {'data-change': String(change.id)},
      el('p', {class: 'change-head'}, el('time', {datetime: change.changed_at, text: dateOf(change.changed_at)}), ' · ', el('strong', {text: t(`field_${change.field}`)}), ' · ', t('historyBy') + ' ', readerText('span', change.editor)),
      values,
      change.evidence ? el('p', {class: 'change-evidence'}, el('span', {class: 'label', text: t('historyEvidence') + ' '}), readerText('span', change.evidence)) : null,
    );
  }

  function renderSources(office) {
    if (!office.sources || office.sources.length === 0) return null;
    const list = el('ul', {class: 'sources'});
    for (const source of office.sources) {
      let text = source.title || source.id;
      if (source.date) text += inBrackets(source.date);
      if (source.note) text += `${state.lang === 'zh' ? '：' : ': '}${typeof source.note === 'string' ? source.note : pick(source.note)}`;
      list.append(el('li', {text}));
    }
    return el('section', {class: 'card-part'}, el('h3', {text: t('sources')}), list);
  }

  // Each value that ngodesk corrected: the published text, the correction and why.
  function renderCorrections(office) {
    if (!office.corrections || office.corrections.length === 0) return null;
    const list = el('ul', {class: 'corrections'});
    for (const correction of office.corrections) {
      list.append(
        el(
          'li',
          {},
          el('p', {}, el('code', {text: correction.field})),
          el('p', {}, el('span', {class: 'label', text: t('correctionPublished') + ' '}), el('del', {text: correction.published})),
          el('p', {}, el('span', {class: 'label', text: t('correctionCorrected') + ' '}), el('ins', {text: correction.corrected})),
          el('p', {class: 'reason', lang: 'en', text: correction.reason}),
        ),
      );
    }
    return el('section', {class: 'card-part'}, el('h3', {text: t('corrections')}), el('p', {class: 'intro', text: t('correctionsIntro')}), list);
  }

  // ---- the list ---------------------------------------------------------

  function normalize(text) {
    return String(text || '')
      .toLowerCase()
      .replace(/[\s\-_'’·]/g, '');
  }

  function matchesFilter(office, needle) {
    if (!needle) return true;
    const fields = [office.id, office.name.en, office.name.zh, office.jurisdiction.name.en, office.jurisdiction.name.zh];
    if (office.city) fields.push(office.city.name.en, office.city.name.zh);
    return fields.some((field) => normalize(field).includes(needle));
  }

  function renderList() {
    ui.list.replaceChildren();
    if (state.officesError) {
      ui.count.textContent = t('loadError');
      return;
    }
    if (!state.offices) return;
    const needle = normalize(state.filter);
    const shown = state.offices.filter((office) => matchesFilter(office, needle));
    ui.count.textContent = shown.length === 0 ? t('filterNone', {filter: state.filter.trim()}) : t('filterCount', {shown: shown.length, total: state.offices.length});
    for (const office of shown) {
      const place = office.jurisdiction.kind === 'national' ? t('national') : pick(office.jurisdiction.name);
      ui.list.append(
        el(
          'li',
          {'data-office': office.id},
          el('a', {
            href: `/offices/${encodeURIComponent(office.id)}`,
            text: pick(office.name),
            onclick: (event) => {
              event.preventDefault();
              openCard(office.id, {push: true, focus: true});
            },
          }),
          el('span', {class: 'jurisdiction', text: place}),
        ),
      );
    }
  }

  async function loadOffices() {
    try {
      const directory = await getJson('/offices');
      state.offices = directory.offices.slice().sort((a, b) => (a.id < b.id ? -1 : 1));
    } catch (error) {
      state.officesError = true;
    }
    renderList();
    renderResults(); // candidate buttons name offices from the list
  }

  // ---- routing ----------------------------------------------------------

  // The page follows the address: /offices/{id} opens a card, /?q= searches.
  function applyLocation() {
    const match = /^\/offices\/([^/]+)\/?$/.exec(location.pathname);
    const params = new URLSearchParams(location.search);
    const query = params.get('q');
    const procedure = params.get('procedure');
    if (!match && procedure !== null && procedure !== 'office' && procedure !== 'activity') {
      // The API rejects other procedures with 400, so the page shows the error.
      if (query) ui.query.value = query;
      state.search = {query: query || '', error: t('badProcedure', {procedure})};
      renderResults();
      closeCard();
    } else if (match) {
      openCard(decodeURIComponent(match[1]), {push: false, focus: false});
    } else if (query) {
      ui.query.value = query;
      search(query, {push: false});
    } else {
      state.search = null;
      renderResults();
      closeCard();
    }
  }

  async function start() {
    const [i18n, common, report] = await Promise.all([import('/assets/i18n.js'), import('/assets/common.js'), import('/assets/report.js')]);
    T = i18n.TRANSLATIONS;
    ({el, readerText, dateOf, chooseLanguage, rememberLanguage, htmlLang} = common);
    ({openReportForm} = report);
    state.lang = chooseLanguage();
    buildFrame();
    window.addEventListener('popstate', applyLocation);
    applyLocation();
    await loadOffices();
  }

  start();
})();
