// Builds zip files in memory for the tests (tests/cli, tests/host).
import zlib from 'node:zlib';

// A zip as Twitter makes them: deflated members, central directory at the end.
// An entry is [name, text] or [name, member] with a member from deflateMember.
export function makeZip(entries) {
  const locals = [], centrals = [];
  let offset = 0;
  for (const [name, content] of entries) {
    const { packed, crc, size } = typeof content === 'string' ? deflateText(content) : content;
    const nameBytes = Buffer.from(name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0); local.writeUInt16LE(20, 4); local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14); local.writeUInt32LE(packed.length, 18); local.writeUInt32LE(size, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0); central.writeUInt16LE(20, 4); central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10); central.writeUInt32LE(crc, 16); central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(size, 24); central.writeUInt16LE(nameBytes.length, 28); central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, packed);
    centrals.push(central, nameBytes);
    offset += 30 + nameBytes.length + packed.length;
  }
  const dir = Buffer.concat(centrals), end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0); end.writeUInt16LE(entries.length, 8); end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(dir.length, 12); end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, end]);
}


function deflateText(text) {
  const data = Buffer.from(text);
  return { packed: zlib.deflateRawSync(data), crc: zlib.crc32(data), size: data.length };
}

// A member too large to hold in memory: `head`, then `fill` repeated `times`,
// then `tail`, deflated as a stream (size under 4 GiB: no zip64).
export async function deflateMember(head, fill, times, tail) {
  const deflate = zlib.createDeflateRaw({ level: 9 });
  const packed = [];
  deflate.on('data', (chunk) => packed.push(chunk));
  const ended = new Promise((resolve, reject) => { deflate.on('end', resolve); deflate.on('error', reject); });
  let crc = 0, size = 0;
  const put = async (bytes) => {
    crc = zlib.crc32(bytes, crc);
    size += bytes.length;
    if (!deflate.write(bytes)) await new Promise((resolve) => deflate.once('drain', resolve));
  };
  await put(Buffer.from(head));
  for (let i = 0; i < times; i++) await put(fill);
  await put(Buffer.from(tail));
  deflate.end();
  await ended;
  return { packed: Buffer.concat(packed), crc, size };
}
