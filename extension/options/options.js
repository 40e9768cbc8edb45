// Options: the analyser's configuration (rules.md section 9) as a form,
// validated by the engine itself (its messages name the offending key),
// saved to chrome.storage.sync, and exported as the JSON file that
// `chime --config` reads.
import '../protocol.js';
import { setUpPage } from '../ui/page.js';
import { localizePage, message } from '../i18n.js';

const { kinds, storageKeys, request } = globalThis.chimeProtocol;
const $ = (id) => document.getElementById(id);
const SETTINGS = ['', 'off', 'good', 'tip', 'warning', 'error'];
// A setting's name as shown (the value saved is the configuration's own word).
const SETTING_NAMES = { off: 'settingOff', good: 'settingGood', tip: 'settingTip', warning: 'settingWarning', error: 'settingError' };

localizePage();
setUpPage();

const lines = (id) => $(id).value.split('\n').map((line) => line.trim()).filter(Boolean);
const setLines = (id, list) => { $(id).value = (list ?? []).join('\n'); };

// The form as a configuration document; empty fields are left out.
function readForm() {
  const config = {};
  const organization = {};
  if (lines('org-names').length) organization.names = lines('org-names');
  if (lines('org-handles').length) organization.handles = lines('org-handles');
  if (lines('org-hashtags').length) organization.hashtags = lines('org-hashtags');
  if (Object.keys(organization).length) config.organization = organization;
  if (lines('chats').length) config.chats = lines('chats');
  const phrases = $('phrases').value.trim();
  if (phrases) {
    try {
      config.phrases = JSON.parse(phrases);
    } catch (error) {
      return { config, parseError: { path: 'phrases', message: message('notValidJson', error.message) } };
    }
  }
  const rules = {};
  for (const select of document.querySelectorAll('#rules select')) {
    if (select.value) rules[select.dataset.rule] = select.value;
  }
  if (Object.keys(rules).length) config.rules = rules;
  const thresholds = {};
  if ($('max-hashtags').value !== '') thresholds.hashtags = Number($('max-hashtags').value);
  if ($('reading-grade').value !== '') thresholds.reading_grade = Number($('reading-grade').value);
  if (Object.keys(thresholds).length) config.thresholds = thresholds;
  // Hints in the browser's language unless each post's own is chosen
  // (background.js gives the engine the browser's when lang is absent).
  if ($('hint-lang').value) config.lang = $('hint-lang').value;
  return { config };
}

function fillForm(config) {
  setLines('org-names', config.organization?.names);
  setLines('org-handles', config.organization?.handles);
  setLines('org-hashtags', config.organization?.hashtags);
  setLines('chats', config.chats);
  $('phrases').value = config.phrases ? JSON.stringify(config.phrases, null, 2) : '';
  $('max-hashtags').value = config.thresholds?.hashtags ?? '';
  $('reading-grade').value = config.thresholds?.reading_grade ?? '';
  $('hint-lang').value = config.lang === 'auto' ? 'auto' : '';
  for (const select of document.querySelectorAll('#rules select')) {
    select.value = config.rules?.[select.dataset.rule] ?? '';
  }
}

function showErrors(errors) {
  const box = $('errors');
  box.replaceChildren();
  if (!errors.length) return;
  const list = document.createElement('ul');
  for (const error of errors) {
    const item = document.createElement('li');
    item.textContent = error.path ? `${error.path}: ${error.message}` : error.message;
    list.append(item);
  }
  box.append(message('notSaved'), list);
}

async function validate(config) {
  const answer = await request(kinds.validateConfig, { config });
  if (!answer.ok) return [{ path: '', message: answer.error.message }];
  return answer.errors;
}

async function renderRules() {
  const answer = await request(kinds.rules);
  const body = document.querySelector('#rules tbody');
  if (!answer.ok) {
    body.textContent = message('engineDidNotLoad', answer.error.message);
    return;
  }
  for (const rule of answer.rules) {
    const row = document.createElement('tr');
    const id = document.createElement('td');
    const code = document.createElement('code');
    code.textContent = rule.id;
    id.append(code);
    const description = document.createElement('td');
    description.textContent = rule.description;
    const setting = document.createElement('td');
    const select = document.createElement('select');
    select.dataset.rule = rule.id;
    select.setAttribute('aria-label', message('settingFor', rule.id));
    for (const value of SETTINGS) {
      const option = document.createElement('option');
      option.value = value;
      option.textContent = value === '' ? message('settingDefault', message(SETTING_NAMES[rule.severity] ?? rule.severity)) : message(SETTING_NAMES[value]);
      select.append(option);
    }
    setting.append(select);
    row.append(id, description, setting);
    body.append(row);
  }
}

async function save(event) {
  event.preventDefault();
  $('status').textContent = '';
  const { config, parseError } = readForm();
  const errors = parseError ? [parseError] : await validate(config);
  showErrors(errors);
  if (errors.length) return;
  await chrome.storage.sync.set({ [storageKeys.config]: config });
  $('status').textContent = message('saved');
}

function exportConfig() {
  const { config } = readForm();
  const blob = new Blob([`${JSON.stringify(config, null, 2)}\n`], { type: 'application/json' });
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = 'chime-config.json';
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 1000);
}

async function importConfig(event) {
  const [file] = event.target.files;
  if (!file) return;
  $('status').textContent = '';
  let config;
  try {
    config = JSON.parse(await file.text());
  } catch (error) {
    showErrors([{ path: file.name, message: message('notValidJson', error.message) }]);
    return;
  }
  const errors = await validate(config);
  showErrors(errors);
  if (!errors.length) {
    fillForm(config);
    $('status').textContent = message('loaded', file.name);
  }
  event.target.value = '';
}

$('form').addEventListener('submit', save);
$('export').addEventListener('click', exportConfig);
$('import').addEventListener('change', importConfig);

// The post guard's switch: browser storage only (the CLI never posts).
$('post-guard').addEventListener('change', (event) => chrome.storage.sync.set({ [storageKeys.postGuard]: event.target.checked }));
const guard = await chrome.storage.sync.get(storageKeys.postGuard);
$('post-guard').checked = guard[storageKeys.postGuard] ?? true;

await renderRules();
const stored = await chrome.storage.sync.get(storageKeys.config);
fillForm(stored[storageKeys.config] ?? {});
