// The native-messaging framing for the host tests: frames in, replies out.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import os from 'node:os';

const CHIME = process.env.CHIME_BIN;
export const ORIGIN = 'chrome-extension://kkkfifglcgnhgagiogkeliijainjgpfh/';
export const LE = os.endianness() === 'LE';

export function header(length) {
  const b = Buffer.alloc(4);
  if (LE) b.writeUInt32LE(length); else b.writeUInt32BE(length);
  return b;
}
export function frame(body) {
  const bytes = Buffer.isBuffer(body) ? body : Buffer.from(typeof body === 'string' ? body : JSON.stringify(body));
  return Buffer.concat([header(bytes.length), bytes]);
}

// Runs the host over the given input bytes (then closes its input) and
// returns the decoded reply frames, the raw sizes, the exit code and stderr.
export function runHost(input, { args = [ORIGIN], shell } = {}) {
  return new Promise((resolve, reject) => {
    const child = shell ? spawn('sh', ['-c', shell, 'sh', CHIME, ...args]) : spawn(CHIME, args);
    const out = [];
    let err = '';
    child.stdout.on('data', (d) => out.push(d));
    child.stderr.on('data', (d) => (err += d));
    child.on('error', reject);
    child.on('close', (code) => {
      const buf = Buffer.concat(out);
      const replies = [], sizes = [];
      let pos = 0;
      while (pos < buf.length) {
        assert.ok(pos + 4 <= buf.length, 'a reply frame ends inside its header');
        const n = LE ? buf.readUInt32LE(pos) : buf.readUInt32BE(pos);
        assert.ok(pos + 4 + n <= buf.length, 'a reply frame ends inside its body');
        const body = buf.subarray(pos + 4, pos + 4 + n);
        sizes.push(n);
        replies.push(JSON.parse(body.toString('utf8')));
        pos += 4 + n;
      }
      resolve({ replies, sizes, code, stderr: err });
    });
    child.stdin.on('error', () => {});  // the host may stop reading first (refused origin)
    child.stdin.end(input);
  });
}

