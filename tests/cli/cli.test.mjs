// `chime check` and `chime install-host` from the outside: formats, stdin,
// CSV quoting, bad rows with their line, exit codes, --config errors, and the
// host manifest written into a temporary folder.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { makeZip } from './zip.mjs';

const CHIME = process.env.CHIME_BIN;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'chime-cli-'));
after(() => fs.rmSync(tmp, { recursive: true, force: true }));

function chime(args, { input, env } = {}) {
  const r = spawnSync(CHIME, args, { input, env: { ...process.env, ...env }, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}
function write(name, content) {
  const file = path.join(tmp, name);
  fs.writeFileSync(file, content);
  return file;
}
const lines = (out) => out.split('\n').filter((l) => l !== '').map((l) => JSON.parse(l));

// A minimal RFC 4180 reader to check the CSV output.
function parseCsv(text) {
  const rows = [];
  let row = [], field = '', quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; }
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; }
    else if (c === '\n') { row.push(field); rows.push(row); row = []; field = ''; }
    else field += c;
  }
  return rows;
}

test('--version and --help', () => {
  const v = chime(['--version']);
  assert.equal(v.code, 0);
  assert.match(v.out, /^chime \d+\.\d+\.\d+\n$/);
  const h = chime(['--help']);
  assert.equal(h.code, 0);
  assert.match(h.out, /chime check/);
  assert.match(h.out, /install-host/);
  const c = chime(['check', '--help']);
  assert.equal(c.code, 0);
  assert.match(c.out, /--fail-on/);
  assert.match(c.out, /Exit codes/);
});

test('usage errors exit 2 and say what to do', () => {
  for (const args of [[], ['frobnicate'], ['check'], ['check', '--format', 'xml', 'a.txt'], ['check', '--bogus', 'a.txt'],
                      ['check', '--fail-on', 'maybe', 'a.txt']]) {
    const r = chime(args);
    assert.equal(r.code, 2, args.join(' '));
    assert.ok(r.err.length > 0, args.join(' '));
  }
  assert.match(chime(['check']).err, /standard input/);
});

test('plain text: one post a line, blank lines skipped, line numbers kept', () => {
  const file = write('drafts.txt', 'First post here\n\nSecond post #hcsm\r\n');
  const r = chime(['check', file]);
  assert.equal(r.code, 0, r.err);
  const items = lines(r.out);
  assert.equal(items.length, 2);
  assert.deepEqual(items.map((i) => [i.file, i.line, i.id]), [[file, 1, null], [file, 3, null]]);
  assert.equal(items[0].result.schema, 'chime.result/1');
  assert.equal(items[0].result.length.weighted, 15);
  assert.equal(items[1].result.length.weighted, 17);  // the \r is not part of the text
  assert.equal(items[1].result.entities.hashtags[0].text, 'hcsm');
});

test('standard input with -, and the result member is the Result as to_json dumps it', () => {
  const r = chime(['check', '-'], { input: 'Hello from stdin\n' });
  assert.equal(r.code, 0, r.err);
  const [item] = lines(r.out);
  assert.equal(item.file, '-');
  assert.equal(item.result.length.weighted, 16);
  // Key order of the schema is kept (ordered JSON, default dump).
  assert.ok(r.out.includes('"result":{"schema":"chime.result/1","length":{"weighted":16,'));
});

test('JSON Lines: bad lines are reported with file:line and the run goes on (exit 3)', () => {
  const file = write('posts.jsonl', Buffer.concat([Buffer.from([
    '{"id": "1", "text": "Good morning", "created_at": "2024-01-01T09:00:00Z"}',
    '{"id": "2", "text": ',
    '[1, 2]',
    '{"id": "4", "text": 7}',
    '"just a string"',
    '{"id": 6, "text": "bad ',
  ].join('\n')), Buffer.from([0xff]), Buffer.from(' byte"}\n')]));
  const r = chime(['check', file]);
  assert.equal(r.code, 3);
  const out = lines(r.out);
  const ok = out.filter((o) => o.result);
  assert.deepEqual(ok.map((o) => [o.line, o.id]), [[1, '1'], [5, null], [6, '6']]);
  const errors = out.filter((o) => o.error);
  assert.deepEqual(errors.map((o) => [o.line, o.error.code]),
                   [[2, 'bad_json'], [3, 'bad_item'], [4, 'bad_item'], [6, 'bad_utf8']]);
  assert.match(r.err, new RegExp(`posts.jsonl:2: bad JSON`));
  assert.match(r.err, /posts.jsonl:4: text: must be a string/);
  assert.match(r.err, /posts.jsonl:6: invalid UTF-8/);
  // The bad byte became U+FFFD (which twitter-text weighs 2) and was still analysed.
  assert.equal(ok[2].result.length.weighted, 11);
});

test('CSV: quotes, embedded newlines and delimiters, rows without text, and CSV output', () => {
  const file = write('calendar.csv',
    'id,created_at,text,notes\n' +
    '10,2024-03-01,"Flu shots are free this week, ask us ""where?""",a\n' +
    '11,2024-03-02,"Two lines:\nhere is the second",b\n' +
    '12,2024-03-03\n' +
    '13,2024-03-04,,c\n' +
    '14,2024-03-05,Plain row,d\n');
  const nd = chime(['check', file]);
  assert.equal(nd.code, 3);
  const out = lines(nd.out);
  const ok = out.filter((o) => o.result);
  assert.deepEqual(ok.map((o) => [o.id, o.line]), [['10', 2], ['11', 3], ['14', 7]]);
  assert.equal(ok[0].result.length.weighted, 'Flu shots are free this week, ask us "where?"'.length);
  assert.equal(ok[1].result.length.weighted, 'Two lines:\nhere is the second'.length);
  assert.deepEqual(out.filter((o) => o.error).map((o) => [o.line, o.error.code]), [[5, 'bad_csv'], [6, 'bad_csv']]);
  assert.match(nd.err, /calendar.csv:5: row has 2 field/);
  assert.match(nd.err, /calendar.csv:6: empty text/);

  const csv = chime(['check', '--format', 'csv', file]);
  assert.equal(csv.code, 3);
  const rows = parseCsv(csv.out);
  assert.deepEqual(rows[0], ['file', 'line', 'id', 'weighted_length', 'valid', 'overall', 'conversation', 'value',
                             'tone', 'promotion', 'label', 'kind', 'errors', 'warnings', 'tips', 'good', 'top_rules',
                             'text']);
  assert.equal(rows.length, 4);
  assert.deepEqual(rows.slice(1).map((r) => r[2]), ['10', '11', '14']);
  assert.equal(rows[1][17], 'Flu shots are free this week, ask us "where?"');
  assert.equal(rows[2][17], 'Two lines:\nhere is the second');
  // The kind column is the Result's kind (docs/kinds.md), as --format ndjson has it.
  assert.deepEqual(rows.slice(1).map((r) => r[11]), ok.map((o) => o.result.kind));
  for (const row of rows.slice(1)) {
    assert.equal(row.length, 18);
    assert.match(row[5], /^\d+$/);
    assert.ok(['engaging', 'good', 'broadcast', 'promotional', 'risky'].includes(row[10]), row[10]);
  }
});

test('a CSV without a text column is refused with the columns it has', () => {
  const file = write('nope.csv', 'id,message_body\n1,hello\n');
  const r = chime(['check', file]);
  assert.equal(r.code, 3);
  assert.match(r.err, /no text column.*id, message_body/);
  assert.equal(lines(r.out).filter((o) => o.result).length, 0);
});

test('--format html: one self-contained page with every post, loading nothing from the network', () => {
  const posts = [
    'Flu shots are free this week, ask us "where?"',
    'Two lines:\nhere is the second',
    'A tricky one: </script><script>alert(1)</script> <!-- and & < >',
    'Visit https://example.org/clinic for hours 😀',
  ];
  const file = write('report.csv', 'id,text\n' + posts.map((p, i) => `${i + 1},"${p.replaceAll('"', '""')}"`).join('\n') +
    '\n5\n');  // line 7: a row without its text
  const r = chime(['check', '--format', 'html', file]);
  assert.equal(r.code, 3, r.err);  // the bad row is reported and the rest checked
  const html = r.out;
  // --lang auto: the page's language is the posts' (English here), known once
  // they are read, so the document starts as "mul" and <main> says it.
  assert.match(html, /^<!doctype html>\n<html lang="mul">/);
  assert.match(html, /<main lang="en">/);
  assert.match(html, /<meta charset="utf-8">/);
  assert.match(html, /<\/html>\n$/);

  // Nothing loaded from elsewhere: no script or style file, no link, image or
  // frame, no url() or @import in the styles, no fetching in the scripts.
  // (The SVG namespace is a name, not a request.)
  assert.doesNotMatch(html, /<script[^>]*\ssrc\s*=/i);
  assert.doesNotMatch(html, /<(link|img|iframe|object|embed|source|video|audio)\b/i);
  const styles = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => m[1]).join('\n');
  assert.ok(styles.includes('.chime-root'), 'the styles are inlined');
  assert.doesNotMatch(styles, /url\s*\(|@import/i);
  assert.doesNotMatch(html, /\bfetch\(|XMLHttpRequest|\bimport\(|WebSocket|EventSource|sendBeacon/);
  const addresses = html.match(/https?:\/\/[^\s"'`)<\\]*/g) ?? [];  // a backslash ends one too (an escaped quote in the data)
  assert.deepEqual([...new Set(addresses)].sort(), ['http://www.w3.org/2000/svg', 'https://example.org/clinic'],
    'only the SVG namespace and the post\'s own link appear');

  // The scripts: the data block and the inlined rendering code, each closed once.
  const scripts = [...html.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)];
  assert.equal((html.match(/<script/g) ?? []).length, scripts.length, 'every <script> closes where it should');
  assert.equal(scripts[0][1], ' type="application/x-ndjson" id="chime-data"');
  for (const name of ['chimeLabels', 'chimeReport', 'chimeCharts', 'chimeDashboard']) {
    assert.ok(scripts.some((s) => s[1] === '' && s[2].includes(`globalThis.${name} =`)), `${name} is inlined`);
  }

  // Every post is in the data, with its text intact (the "</script>" in one
  // is written as \u003c inside its JSON string), the bad row too: per post
  // or error, the bytes --format ndjson writes for it, and per post the row
  // --format csv writes and the text; the CSV header on the last line.
  const data = scripts[0][2].split('\n').filter((l) => l).map((l) => JSON.parse(l));
  const last = data.pop();
  const parsed = data.map((d) => JSON.parse(d.ndjson));
  const items = parsed.filter((d) => d.result);
  assert.deepEqual(data.filter((d) => d.text !== undefined).map((d) => d.text), posts);
  assert.deepEqual(items.map((d) => d.id), ['1', '2', '3', '4']);
  assert.ok(items.every((d) => d.result.schema === 'chime.result/1' && d.file === file));
  assert.deepEqual(parsed.filter((d) => d.error).map((d) => [d.line, d.error.code]), [[7, 'bad_csv']]);
  assert.equal(last.totals.items, 4);
  assert.equal(last.summary.posts, 4);
  assert.doesNotMatch(scripts[0][2], /<\//);

  // The same bytes as --format ndjson and --format csv.
  assert.equal(data.map((d) => d.ndjson).join(''), chime(['check', '--format', 'ndjson', file]).out);
  assert.equal(last.csv_header + data.map((d) => d.csv ?? '').join(''), chime(['check', '--format', 'csv', file]).out);
});

test('--format json: one document with the items, totals and the account summary', () => {
  const file = write('few.txt', 'One\nTwo?\nThree\n');
  const r = chime(['check', '--format', 'json', file, '-'], { input: 'Four\n' });
  assert.equal(r.code, 0, r.err);
  const doc = JSON.parse(r.out);
  assert.equal(doc.schema, 'chime.check/1');
  assert.deepEqual(doc.items.map((i) => [path.basename(i.file), i.line]), [['few.txt', 1], ['few.txt', 2], ['few.txt', 3], ['-', 1]]);
  assert.equal(doc.totals.items, 4);
  assert.equal(doc.totals.input_errors, 0);
  assert.equal(doc.summary.posts, 4);
  assert.equal(doc.summary.scores.scored_posts, 4);
  assert.equal(doc.summary.scores.histogram.reduce((a, b) => a + b.posts, 0), 4);
  assert.ok(doc.summary.rewrite.length <= 10);
});

test('--summary ends NDJSON with the totals and summary', () => {
  const r = chime(['check', '--summary', '-'], { input: 'One\nTwo\n' });
  const out = lines(r.out);
  assert.equal(out.length, 3);
  assert.equal(out[2].totals.items, 2);
  assert.equal(out[2].summary.posts, 2);
});

test('--fail-on: exit 1 when a post has a hint that severe', () => {
  const file = write('long.txt', 'Short and fine.\n' + 'x'.repeat(300) + '\n');
  assert.equal(chime(['check', '--fail-on', 'error', file]).code, 1);
  const fine = write('fine.txt', 'Short and fine.\n');
  assert.equal(chime(['check', '--fail-on', 'error', fine]).code, 0);
  assert.equal(chime(['check', fine]).code, 0);
});

test('--config errors name the file and the key path, and exit 2', () => {
  const missing = chime(['check', '--config', path.join(tmp, 'none.json'), '-'], { input: 'hi\n' });
  assert.equal(missing.code, 2);
  assert.match(missing.err, /none\.json: cannot read/);
  const broken = write('broken.json', '{"rules": {');
  const b = chime(['check', '--config', broken, '-'], { input: 'hi\n' });
  assert.equal(b.code, 2);
  assert.match(b.err, /broken\.json: not valid JSON/);
  const wrong = write('wrong.json', '{"thresholds": {"hashtags": "many"}}');
  const w = chime(['check', '--config', wrong, '-'], { input: 'hi\n' });
  assert.equal(w.code, 2);
  assert.match(w.err, /wrong\.json: thresholds\.hashtags: /);
  assert.equal(w.out, '');
  const good = write('good.json', '{"rules": {"talk.broadcast": "off"}}');
  const g = chime(['check', '--config', good, '-'], { input: 'We opened a new wing.\n' });
  assert.equal(g.code, 0, g.err);
  assert.ok(!lines(g.out)[0].result.hints.some((h) => h.rule === 'talk.broadcast'));
});

test('a Twitter archive tweets.js: replies, retweets and reply time in the summary', () => {
  const own = 1050118621198921728n;
  const answered = (own - (600000n << 22n)).toString();  // ten minutes earlier
  const file = write('tweets.js', 'window.YTD.tweets.part0 = ' + JSON.stringify([
    { tweet: { id_str: own.toString(), full_text: '@pat We are sorry, please DM us so we can help.',
               in_reply_to_status_id_str: answered, in_reply_to_screen_name: 'pat',
               created_at: 'Wed Oct 10 20:19:24 +0000 2018' } },
    { tweet: { id_str: (own + 1n).toString(), full_text: 'RT @CDCgov: Get your flu shot.',
               created_at: 'Wed Oct 10 20:19:24 +0000 2018' } },
  ], null, 2));
  const r = chime(['check', '--format', 'json', file]);
  assert.equal(r.code, 0, r.err);
  const doc = JSON.parse(r.out);
  assert.deepEqual(doc.items.map((i) => i.id), [own.toString(), (own + 1n).toString()]);
  assert.equal(doc.summary.counts.replies, 1);
  assert.equal(doc.summary.retweets, 1);
  assert.equal(doc.summary.reply_time.timed_replies, 1);
  assert.ok(Math.abs(doc.summary.reply_time.median_seconds - 600) <= 600 * 0.032);
  assert.equal(doc.summary.scores.scored_posts, 1);  // the retweet is not the account's writing
});

test('install-host writes the manifest with the extension id and an absolute path', () => {
  const dir = path.join(tmp, 'profile');
  const r = chime(['install-host', '--user-data-dir', dir]);
  assert.equal(r.code, 0, r.err);
  const file = path.join(dir, 'NativeMessagingHosts', 'com.chime.host.json');
  const m = JSON.parse(fs.readFileSync(file, 'utf8'));
  assert.equal(m.name, 'com.chime.host');
  assert.equal(m.type, 'stdio');
  assert.deepEqual(m.allowed_origins, ['chrome-extension://kkkfifglcgnhgagiogkeliijainjgpfh/']);
  assert.ok(path.isAbsolute(m.path));
  assert.equal(fs.realpathSync(m.path), fs.realpathSync(CHIME));

  const ff = chime(['install-host', '--browser', 'firefox', '--user-data-dir', path.join(tmp, 'ff')]);
  assert.equal(ff.code, 0, ff.err);
  const fm = JSON.parse(fs.readFileSync(path.join(tmp, 'ff', 'NativeMessagingHosts', 'com.chime.host.json'), 'utf8'));
  assert.deepEqual(fm.allowed_extensions, ['chime@chime.invalid']);
  assert.equal(fm.allowed_origins, undefined);
});

test('install-host finds the browsers under HOME, and --dry-run writes nothing', () => {
  const home = path.join(tmp, 'home');
  fs.mkdirSync(path.join(home, '.config', 'chromium'), { recursive: true });
  fs.mkdirSync(path.join(home, '.mozilla'), { recursive: true });
  const env = { HOME: home, XDG_CONFIG_HOME: '' };
  const dry = chime(['install-host', '--dry-run'], { env });
  assert.equal(dry.code, 0, dry.err);
  assert.match(dry.out, /would write .*chromium\/NativeMessagingHosts\/com\.chime\.host\.json/);
  assert.ok(!fs.existsSync(path.join(home, '.config', 'chromium', 'NativeMessagingHosts')));
  const r = chime(['install-host'], { env });
  assert.equal(r.code, 0, r.err);
  assert.ok(fs.existsSync(path.join(home, '.config', 'chromium', 'NativeMessagingHosts', 'com.chime.host.json')));
  assert.ok(fs.existsSync(path.join(home, '.mozilla', 'native-messaging-hosts', 'com.chime.host.json')));
  assert.ok(!fs.existsSync(path.join(home, '.config', 'google-chrome')));
  const none = chime(['install-host'], { env: { HOME: path.join(tmp, 'empty'), XDG_CONFIG_HOME: '' } });
  assert.notEqual(none.code, 0);
  assert.match(none.err, /--browser/);
});

test('a Twitter archive zip is read in place, its tweets parts in order', (t) => {
  const part = (n, texts) => `window.YTD.tweets.part${n} = ` +
    JSON.stringify(texts.map((text, i) => ({ tweet: { id_str: `${n}${i}`, full_text: text } })));
  const file = path.join(tmp, 'twitter-2024.zip');
  fs.writeFileSync(file, makeZip([
    ['data/account.js', 'window.YTD.account.part0 = []'],
    ['data/tweets-part1.js', part(1, ['Second part, first post'])],
    ['data/tweets.js', part(0, ['First post', 'Another one'])],
  ]));
  const r = chime(['check', file]);
  if (/without zip support/.test(r.err)) return t.skip('built without libzip');
  assert.equal(r.code, 0, r.err);
  const items = lines(r.out);
  assert.deepEqual(items.map((i) => [i.file, i.id]),
                   [[`${file}:data/tweets.js`, '00'], [`${file}:data/tweets.js`, '01'],
                    [`${file}:data/tweets-part1.js`, '10']]);
  assert.equal(items[2].result.length.weighted, 'Second part, first post'.length);
  const notArchive = path.join(tmp, 'other.zip');
  fs.writeFileSync(notArchive, makeZip([['readme.txt', 'hi']]));
  const n = chime(['check', notArchive]);
  assert.equal(n.code, 3);
  assert.match(n.err, /no data\/tweets\.js/);
});
