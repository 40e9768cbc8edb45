// Exports checked posts as the files `chime check` writes for the same input:
// `--format csv` and `--format ndjson`, byte for byte (tests/browser checks
// both against the real command). Used by the bulk page and the HTML report.
// A classic script; sets globalThis.chimeExport = { csv, ndjson }.
//
// Input: entries {file, line, id, text, result} in input order, and input
// errors {file, line, code, message}. This mirrors native/writers.cpp
// (CsvWriter, NdjsonWriter); keep the two in step.
(() => {
  const { SEVERITY_ORDER } = globalThis.chimeLabels;

  const CSV_HEADER = 'file,line,id,weighted_length,valid,overall,conversation,value,tone,promotion,label,' +
    'errors,warnings,tips,good,top_rules,text\n';

  // Quoted only when it holds a comma, a quote or a line break (RFC 4180).
  function csvField(s) {
    if (!/[,"\n\r]/.test(s)) return s;
    return `"${s.replaceAll('"', '""')}"`;
  }

  // Up to n rule ids, the most severe first, then reading order; no "good" hints.
  function topRules(result, n) {
    const issues = result.hints.filter((h) => h.severity !== 'good')
      .sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);  // stable
    const rules = [];
    for (const hint of issues) {
      if (rules.length === n) break;
      if (!rules.includes(hint.rule)) rules.push(hint.rule);
    }
    return rules;
  }

  const count = (result, severity) => result.hints.filter((h) => h.severity === severity).length;

  function csv(entries) {
    let out = CSV_HEADER;
    for (const { file, line, id, text, result: r } of entries) {
      out += [csvField(file), line, csvField(id ?? ''), r.length.weighted, r.length.valid, r.scores.overall,
        r.scores.conversation, r.scores.value, r.scores.tone, r.scores.promotion, r.label,
        count(r, 'error'), count(r, 'warning'), count(r, 'tip'), count(r, 'good'),
        topRules(r, 3).join(' '), csvField(text)].join(',') + '\n';
    }
    return out;
  }

  // The Result's floating-point fields (core/src/result.cpp). The C++ JSON
  // library writes them with a decimal point ("0.0", "-0.0"); once parsed
  // they are plain numbers, so they are written back the same way here.
  const DOUBLES = new Set(['sentiment.compound', 'sentiment.pos', 'sentiment.neu', 'sentiment.neg',
    'readability.grade']);

  function double(value) {
    if (Object.is(value, -0)) return '-0.0';
    const text = JSON.stringify(value);
    return Number.isInteger(value) ? `${text}.0` : text;
  }

  // JSON like the engine's to_json(result).dump(): keys in their order, no spaces.
  function json(value, path) {
    if (typeof value === 'number' && DOUBLES.has(path)) return double(value);
    if (value === null || typeof value !== 'object') return JSON.stringify(value);
    if (Array.isArray(value)) return `[${value.map((v) => json(v, `${path}[]`)).join(',')}]`;
    return `{${Object.entries(value).map(([key, v]) =>
      `${JSON.stringify(key)}:${json(v, path ? `${path}.${key}` : key)}`).join(',')}}`;
  }

  // Items and input errors in input order: files in the order given (default:
  // as they first appear), then by line; an error at a line comes before the
  // post read from that line (the readers report it first).
  function ndjson(entries, errors = [], files = [...new Set([...entries, ...errors].map((e) => e.file))]) {
    const lines = [
      ...entries.map((e) => ({ file: e.file, line: e.line, order: 1,
        text: `{"file":${json(e.file)},"line":${e.line},"id":${json(e.id ?? null)},"result":${json(e.result, '')}}` })),
      ...errors.map((e) => ({ file: e.file, line: e.line ?? 0, order: 0,
        text: `{"file":${json(e.file)},"line":${e.line ? e.line : 'null'},` +
          `"error":{"code":${json(e.code)},"message":${json(e.message)}}}` })),
    ];
    lines.sort((a, b) => (files.indexOf(a.file) - files.indexOf(b.file)) || (a.line - b.line) || (a.order - b.order));
    return lines.map((l) => `${l.text}\n`).join('');
  }

  globalThis.chimeExport = Object.freeze({ csv, ndjson });
})();
