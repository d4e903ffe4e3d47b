// Helpers shared by the finder (app.js), the report form (report.js) and the
// editor page (editor.js): building elements, showing reader text, calling
// the JSON API and choosing the page language.
//
// Text goes into the page through textContent and attributes set one by one,
// never through innerHTML, so no text from the API or from a reader can add
// markup.

// el('p', {class: 'x', text: 'y', lang: 'en'}, child...)
export function el(tag, props, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(props || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (name === 'text') node.textContent = value;
    else if (name === 'class') node.className = value;
    else if (name === 'onclick') node.addEventListener('click', value);
    else node.setAttribute(name, value === true ? '' : value);
  }
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child);
  }
  return node;
}

// The characters a reader cannot see: bidi controls (U+200E, U+200F,
// U+202A–U+202E, U+2066–U+2069), zero-width characters (U+200B–U+200D,
// U+2060, U+FEFF), and the C0 controls and U+007F except tab, line feed and
// carriage return. The server's RevealInvisible replaces the same set.
// eslint-disable-next-line no-control-regex
const INVISIBLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u200B-\u200F\u202A-\u202E\u2060\u2066-\u2069\uFEFF]/g;

// Replaces each invisible character with a visible marker such as
// "⟨U+202E⟩", so that reader text can neither reorder nor hide the text
// around it.
export function revealInvisible(text) {
  return String(text ?? '').replace(INVISIBLE, (c) => `⟨U+${c.codePointAt(0).toString(16).toUpperCase().padStart(4, '0')}⟩`);
}

// An element showing reader text as text, with its invisible characters
// revealed and its direction kept apart from the text around it.
export function readerText(tag, text, props) {
  return el(tag, {...props, class: ['reader-text', props && props.class].filter(Boolean).join(' '), dir: 'auto', text: revealInvisible(text)});
}

// A failed API request: the HTTP status and the {code, message, message_zh}
// of the response's error object (empty when the body had none).
export class ApiError extends Error {
  constructor(status, error, retryAfter) {
    super(error && error.message ? error.message : `request failed with status ${status}`);
    this.status = status;
    this.detail = error || {};
    this.retryAfter = retryAfter;
  }
}

// Sends a request to the JSON API of this origin and returns the parsed body
// (null for 204). `csrf` goes in the X-CSRF-Token header that every editor
// action needs. Throws ApiError for a status outside 2xx, and the fetch
// TypeError when the server cannot be reached.
export async function requestJson(method, path, {body, csrf} = {}) {
  const headers = {Accept: 'application/json'};
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (csrf) headers['X-CSRF-Token'] = csrf;
  const response = await fetch(path, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
    credentials: 'same-origin',
    cache: 'no-store',
  });
  let data = null;
  if (response.status !== 204) {
    try {
      data = await response.json();
    } catch (e) {
      data = null;
    }
  }
  if (!response.ok) throw new ApiError(response.status, data && data.error, response.headers.get('Retry-After'));
  return data;
}

// A translation function over TRANSLATIONS for the language that `lang()`
// returns, with English as the fallback. "{name}" in a text is replaced by
// params.name.
export function translator(translations, lang) {
  return (key, params) => {
    let text = translations[lang()][key];
    if (text === undefined) text = translations.en[key];
    if (params) {
      for (const [name, value] of Object.entries(params)) text = text.split(`{${name}}`).join(String(value));
    }
    return text;
  };
}

// The message of a failed request in the page language: the server's
// message or message_zh, else a text for the status, else `fallback`. The
// server's messages quote the values a reader sent, so their invisible
// characters are revealed as in any reader text.
export function errorMessage(error, lang, t) {
  if (error instanceof ApiError) {
    const detail = error.detail;
    const text = lang === 'zh' ? detail.message_zh || detail.message : detail.message || detail.message_zh;
    if (text) return revealInvisible(text);
    if (error.status === 413) return t('errorTooLarge');
    if (error.status === 429) return t('errorTooMany');
    return t('errorStatus', {status: error.status});
  }
  return t('networkError');
}

export const LANG_KEY = 'ngodesk-lang';

// "en" or "zh": the lang parameter, else the reader's earlier choice, else
// the browser's languages, else the language the server rendered.
export function chooseLanguage() {
  const fromUrl = new URLSearchParams(location.search).get('lang');
  if (fromUrl === 'zh' || fromUrl === 'en') return fromUrl;
  try {
    const stored = localStorage.getItem(LANG_KEY);
    if (stored === 'zh' || stored === 'en') return stored;
  } catch (e) {
    // Storage may be disabled; the choice then lasts for this page only.
  }
  for (const tag of navigator.languages || [navigator.language || '']) {
    const lower = String(tag).toLowerCase();
    if (lower === 'zh' || lower.startsWith('zh-')) return 'zh';
    if (lower === 'en' || lower.startsWith('en-')) return 'en';
  }
  // The server chose from Accept-Language when it rendered the page.
  return document.documentElement.lang.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

export function rememberLanguage(lang) {
  try {
    localStorage.setItem(LANG_KEY, lang);
  } catch (e) {
    // Not remembered when storage is disabled.
  }
}

export function htmlLang(lang) {
  return lang === 'zh' ? 'zh-Hans' : 'en';
}

// The JSON field names of an office that a report can be about, in the order
// of the card.
export const REPORT_FIELDS = ['phones', 'fax', 'addresses', 'hours', 'emails', 'websites', 'other'];

// "2026-12-04" from an ISO 8601 instant.
export function dateOf(instant) {
  return String(instant || '').slice(0, 10);
}
