// The "Report a problem" form of an office card: a modal dialog that sends
// POST /api/v1/reports. The card fills in the office, the field and the
// published value. The reader gives the new value, optional evidence and an
// optional contact email. Errors of the server are shown in the page language
// next to the input of the member they name.
import {ApiError, el, errorMessage, readerText, REPORT_FIELDS, requestJson} from './common.js';

// The members of a report that have an input in the form. An error naming
// another member (office, current) is shown above the buttons.
const INPUT_MEMBERS = ['field', 'proposed', 'evidence', 'contact_email'];
const ALL_MEMBERS = ['office', 'field', 'current', 'proposed', 'evidence', 'contact_email'];

// The member an error is about: the error's `member` when the server sends
// one, else the member named first in its message.
function memberOf(error) {
  if (!(error instanceof ApiError)) return null;
  if (ALL_MEMBERS.includes(error.detail.member)) return error.detail.member;
  const message = String(error.detail.message || '');
  let best = null;
  let bestAt = Infinity;
  for (const member of ALL_MEMBERS) {
    const match = new RegExp(`(^|[^a-z_])${member}([^a-z_]|$)`).exec(message);
    if (match && match.index < bestAt) {
      best = member;
      bestAt = match.index;
    }
  }
  return best;
}

// Opens the form. `office` is the office JSON, `field` one of REPORT_FIELDS
// or null to let the reader choose, `current` the published value ('' to add
// an entry), `opener` the element that gets the focus back on close.
export function openReportForm({office, field, current, opener, t, lang}) {
  const id = (name) => `report-${name}`;
  const dialog = el('dialog', {class: 'report-dialog', 'aria-labelledby': id('title')});
  const slots = {};
  const inputs = {};

  function errorSlot(member) {
    slots[member] = el('p', {id: id(`${member}-error`), class: 'field-error', 'aria-live': 'polite'});
    return slots[member];
  }

  function close() {
    dialog.close();
  }

  dialog.addEventListener('close', () => {
    dialog.remove();
    if (opener && opener.isConnected) opener.focus();
  });

  const officeName = (lang === 'zh' ? office.name.zh : office.name.en) || office.name.en || office.name.zh;
  const form = el('form', {class: 'report-form', novalidate: true});
  form.append(
    el('h2', {id: id('title'), text: t('reportTitle')}),
    el('p', {class: 'report-office', text: officeName}),
  );

  if (field) {
    form.append(el('p', {class: 'report-field'}, el('span', {class: 'label', text: t('reportField') + ' '}), t(`field_${field}`)));
  } else {
    inputs.field = el('select', {id: id('field'), name: 'field', 'aria-describedby': id('field-error')});
    for (const name of REPORT_FIELDS) inputs.field.append(el('option', {value: name, text: t(`field_${name}`)}));
    inputs.field.value = 'other';
    form.append(el('label', {for: id('field'), text: t('reportField')}), inputs.field, errorSlot('field'));
  }

  if (current) {
    form.append(el('p', {class: 'report-current'}, el('span', {class: 'label', text: t('reportCurrent') + ' '}), readerText('span', current)));
  }

  inputs.proposed = el('textarea', {id: id('proposed'), name: 'proposed', rows: '2', maxlength: '1000', 'aria-describedby': `${id('proposed-hint')} ${id('proposed-error')}`});
  form.append(
    el('label', {for: id('proposed'), text: current ? t('reportProposed') : t('reportNewEntry')}),
    el('p', {id: id('proposed-hint'), class: 'hint', text: current ? t('reportProposedHint') : t('reportNewEntryHint')}),
    inputs.proposed,
    errorSlot('proposed'),
  );

  inputs.evidence = el('textarea', {id: id('evidence'), name: 'evidence', rows: '3', maxlength: '4000', 'aria-describedby': `${id('evidence-hint')} ${id('evidence-error')}`});
  form.append(
    el('label', {for: id('evidence'), text: t('reportEvidence')}),
    el('p', {id: id('evidence-hint'), class: 'hint', text: t('reportEvidenceHint')}),
    inputs.evidence,
    errorSlot('evidence'),
  );

  inputs.contact_email = el('input', {id: id('contact_email'), name: 'contact_email', type: 'email', autocomplete: 'email', maxlength: '254', 'aria-describedby': `${id('contact_email-hint')} ${id('contact_email-error')}`});
  form.append(
    el('label', {for: id('contact_email'), text: t('reportEmail')}),
    el('p', {id: id('contact_email-hint'), class: 'hint', text: t('reportEmailHint')}),
    inputs.contact_email,
    errorSlot('contact_email'),
  );

  const message = el('p', {id: id('message'), class: 'form-message', role: 'alert'});
  const send = el('button', {type: 'submit', class: 'primary', text: t('reportSend')});
  form.append(message, el('p', {class: 'form-buttons'}, send, ' ', el('button', {type: 'button', text: t('cancel'), onclick: close})));

  function clearErrors() {
    message.textContent = '';
    for (const slot of Object.values(slots)) slot.textContent = '';
    for (const input of Object.values(inputs)) input.removeAttribute('aria-invalid');
  }

  function showError(member, text) {
    if (INPUT_MEMBERS.includes(member) && slots[member] && inputs[member]) {
      slots[member].textContent = text;
      inputs[member].setAttribute('aria-invalid', 'true');
      inputs[member].focus();
    } else {
      message.textContent = text;
    }
  }

  function showThanks(reportId) {
    const thanks = el('p', {class: 'report-thanks', tabindex: '-1', role: 'status', text: t('reportThanks', {id: reportId})});
    form.replaceChildren(
      el('h2', {id: id('title'), text: t('reportTitle')}),
      thanks,
      el('p', {class: 'hint', text: t('reportThanksNext')}),
      el('p', {class: 'form-buttons'}, el('button', {type: 'button', text: t('close'), onclick: close})),
    );
    thanks.focus();
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors();
    const report = {
      office: office.id,
      field: field || inputs.field.value,
      current: current || '',
      proposed: inputs.proposed.value.trim(),
    };
    const evidence = inputs.evidence.value.trim();
    const email = inputs.contact_email.value.trim();
    if (evidence) report.evidence = evidence;
    if (email) report.contact_email = email;
    if (!report.current && !report.proposed) {
      showError('proposed', t('reportNeedsValue'));
      return;
    }

    send.disabled = true;
    try {
      const created = await requestJson('POST', '/api/v1/reports', {body: report});
      showThanks(created.id);
    } catch (error) {
      showError(memberOf(error), errorMessage(error, lang, t));
    } finally {
      send.disabled = false;
    }
  });

  dialog.append(form);
  document.body.append(dialog);
  dialog.showModal();
  inputs.proposed.focus();
  return dialog;
}
