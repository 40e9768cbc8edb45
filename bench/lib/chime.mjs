// Chime over a list of posts in one process: `chime check --format ndjson
// --input jsonl`, for the scripts that compare it with human verdicts.
import { execFileSync } from 'node:child_process';

// A Map from each post's id to its Result. Throws, naming what went wrong,
// if chime fails, cannot read a post, or leaves one without a result.
export function runChime(chime, posts) {
  const input = posts
    .map((p) => JSON.stringify(p.context ? { id: p.id, text: p.text, context: p.context } : { id: p.id, text: p.text }))
    .join('\n') + '\n';
  let output;
  try {
    output = execFileSync(chime, ['check', '--format', 'ndjson', '--input', 'jsonl', '--no-progress', '-'], {
      input,
      encoding: 'utf8',
      maxBuffer: 1 << 28,
    });
  } catch (e) {
    throw new Error(`${chime} failed (exit ${e.status}): ${e.stderr || e.message}`);
  }
  const found = new Map();
  for (const line of output.split('\n')) {
    if (!line) continue;
    const item = JSON.parse(line);
    if (item.error) throw new Error(`chime could not read post on line ${item.line}: ${item.error.message}`);
    found.set(String(item.id), item.result);
  }
  for (const p of posts) if (!found.has(p.id)) throw new Error(`chime returned no result for ${p.id}`);
  return found;
}
