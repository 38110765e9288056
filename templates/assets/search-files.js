/* Acta: the loader of the search's script files, shared by the search page (search.js) and citation
 * previews (previews.js). Each file search/<name>.js calls ActaSearch.register(name, data), except the
 * texts search/t/N.js, which call ActaSearch.text(data): their content does not depend on N (a document's
 * number moves when one before it is added or removed, and the build then links the file from its old name),
 * so they are named by the <script> element that runs them. load(name) adds a file as a <script> element
 * (fetch() of local files is blocked when the site is opened from disk, a script file is not, and it runs
 * under CSP script-src 'self') and gives a Promise of its data, each file loaded once. inflate(b64) decodes
 * a text file's data: deflated UTF-16LE JSON in base64 (write/search_files.cpp), through
 * DecompressionStream, which works from file://; a browser without it (Safari before 16.4, Firefox before
 * 113) gets inflateRaw() below instead, a plain DEFLATE decoder (RFC 1951), slower but the same bytes. */
(function () {
  'use strict';
  if (window.ActaSearch) return;
  const base = new URL('../', document.currentScript.src);  // this file is <root>/assets/search-files.js
  const cache = new Map();    // name -> Promise of data
  const waiting = new Map();  // name -> resolve
  const Search = window.ActaSearch = {
    loaded: [],  // names of the files loaded, in order (tests and the benchmark read it)
    register(name, data) {
      const done = waiting.get(name);
      if (done) { waiting.delete(name); done(data); }
    },
    text(data) {  // only ever run by a script element of load(), which carries the name
      const s = document.currentScript;
      if (s && s.dataset.name) Search.register(s.dataset.name, data);
    },
    load(name) {
      if (!cache.has(name)) {
        cache.set(name, new Promise((resolve, reject) => {
          waiting.set(name, resolve);
          const s = document.createElement('script');
          s.src = new URL('search/' + name + '.js', base).href;
          s.dataset.name = name;
          s.async = true;
          s.onerror = () => { waiting.delete(name); cache.delete(name); s.remove(); reject(new Error('cannot load ' + s.src)); };
          s.onload = () => s.remove();
          document.head.appendChild(s);
          Search.loaded.push(name);
        }));
      }
      return cache.get(name);
    },
    async inflate(b64) {
      const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      let raw;
      if (typeof DecompressionStream === 'function') {
        const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
        raw = await new Response(stream).arrayBuffer();
      } else {
        raw = inflateRaw(bytes);
      }
      return JSON.parse(new TextDecoder('utf-16le').decode(raw));
    },
    inflateRaw: (bytes) => inflateRaw(bytes),  // for the tests
  };

  // DEFLATE (RFC 1951): stored, fixed and dynamic Huffman blocks. A Huffman code is kept as the number of
  // codes of each length and its symbols in code order (canonical codes need no more), and decoded a bit at
  // a time: only browsers without DecompressionStream run this, on texts of tens of kilobytes.
  const LENGTH_BASE = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258];
  const LENGTH_EXTRA = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0];
  const DIST_BASE = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073,
    4097, 6145, 8193, 12289, 16385, 24577];
  const DIST_EXTRA = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13];
  const CODE_LENGTH_ORDER = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15];

  function huffman(lengths) {
    const count = new Uint16Array(16);
    for (const l of lengths) count[l]++;
    count[0] = 0;
    const offset = new Uint16Array(16);
    for (let l = 1; l < 16; l++) offset[l] = offset[l - 1] + count[l - 1];
    const symbol = new Uint16Array(lengths.length);
    lengths.forEach((l, s) => { if (l) symbol[offset[l]++] = s; });
    return { count, symbol };
  }

  let fixed = null;  // the fixed code of block type 1, made on first use
  function fixedCode() {
    if (!fixed) {
      const lengths = [];
      for (let s = 0; s < 288; s++) lengths.push(s < 144 ? 8 : s < 256 ? 9 : s < 280 ? 7 : 8);
      fixed = { lit: huffman(lengths), dist: huffman(new Array(30).fill(5)) };
    }
    return fixed;
  }

  function inflateRaw(input) {
    let pos = 0, bit = 0;  // the next bit: input[pos] >> bit
    let out = new Uint8Array(Math.max(1024, input.length * 4)), size = 0;
    const fail = (why) => { throw new Error('inflate: ' + why); };
    const bits = (n) => {
      let v = 0;
      for (let k = 0; k < n; k++) {
        if (pos >= input.length) fail('the data ends early');
        v |= ((input[pos] >> bit) & 1) << k;
        if (++bit === 8) { bit = 0; pos++; }
      }
      return v;
    };
    const decode = (h) => {  // canonical: the codes of each length follow those of the length before
      let code = 0, first = 0, index = 0;
      for (let l = 1; l < 16; l++) {
        code |= bits(1);
        const n = h.count[l];
        if (code - first < n) return h.symbol[index + code - first];
        index += n;
        first = (first + n) << 1;
        code <<= 1;
      }
      return fail('a code that is in no table');
    };
    const room = (n) => {
      if (size + n <= out.length) return;
      const grown = new Uint8Array(Math.max(out.length * 2, size + n));
      grown.set(out.subarray(0, size));
      out = grown;
    };
    for (let last = 0; !last;) {
      last = bits(1);
      const type = bits(2);
      if (type === 0) {  // stored: from the next byte, a length, its complement, the bytes
        if (bit) { bit = 0; pos++; }
        if (pos + 4 > input.length) fail('the data ends early');
        const len = input[pos] | (input[pos + 1] << 8);
        if ((len ^ 0xFFFF) !== (input[pos + 2] | (input[pos + 3] << 8))) fail('a stored block\'s length does not check');
        pos += 4;
        if (pos + len > input.length) fail('the data ends early');
        room(len);
        out.set(input.subarray(pos, pos + len), size);
        size += len;
        pos += len;
        continue;
      }
      let lit, dist;
      if (type === 1) {
        ({ lit, dist } = fixedCode());
      } else if (type === 2) {
        const nlit = bits(5) + 257, ndist = bits(5) + 1, ncode = bits(4) + 4;
        const codeLengths = new Array(19).fill(0);
        for (let k = 0; k < ncode; k++) codeLengths[CODE_LENGTH_ORDER[k]] = bits(3);
        const lengthCode = huffman(codeLengths);
        const lengths = [];
        while (lengths.length < nlit + ndist) {
          const sym = decode(lengthCode);
          if (sym < 16) lengths.push(sym);
          else if (sym === 16) {
            if (!lengths.length) fail('a repeat with nothing before it');
            const prev = lengths[lengths.length - 1];
            for (let r = 3 + bits(2); r > 0; r--) lengths.push(prev);
          } else {
            for (let r = sym === 17 ? 3 + bits(3) : 11 + bits(7); r > 0; r--) lengths.push(0);
          }
        }
        if (lengths.length > nlit + ndist) fail('code lengths run past their count');
        lit = huffman(lengths.slice(0, nlit));
        dist = huffman(lengths.slice(nlit));
      } else {
        fail('a block of the reserved type');
      }
      for (;;) {
        const sym = decode(lit);
        if (sym < 256) {
          room(1);
          out[size++] = sym;
        } else if (sym === 256) {
          break;
        } else {
          if (sym > 285) fail('a length symbol out of range');
          const len = LENGTH_BASE[sym - 257] + bits(LENGTH_EXTRA[sym - 257]);
          const d = decode(dist);
          if (d > 29) fail('a distance symbol out of range');
          const back = DIST_BASE[d] + bits(DIST_EXTRA[d]);
          if (back > size) fail('a distance before the start');
          room(len);
          for (let k = 0; k < len; k++, size++) out[size] = out[size - back];  // may overlap itself
        }
      }
    }
    return out.slice(0, size).buffer;
  }
})();
