/* Acta: the loader of the search's script files, shared by the search page (search.js) and citation
 * previews (previews.js). Each file search/<name>.js calls ActaSearch.register(name, data), except the
 * texts search/t/N.js, which call ActaSearch.text(data): their content does not depend on N (a document's
 * number moves when one before it is added or removed, and the build then links the file from its old name),
 * so they are named by the <script> element that runs them. load(name) adds a file as a <script> element
 * (fetch() of local files is blocked when the site is opened from disk, a script file is not, and it runs
 * under CSP script-src 'self') and gives a Promise of its data, each file loaded once. inflate(b64) decodes
 * a text file's data: deflated UTF-16LE JSON in base64 (write/search_files.cpp), through
 * DecompressionStream, which works from file://. */
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
      const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
      return JSON.parse(new TextDecoder('utf-16le').decode(await new Response(stream).arrayBuffer()));
    },
  };
})();
