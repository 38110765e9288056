#include "read/content.hpp"

#include <algorithm>
#include <atomic>
#include <map>
#include <set>
#include <unordered_set>

#include "read/front_matter.hpp"
#include "read/markdown.hpp"
#include "read/raw/raw.hpp"
#include "util/error.hpp"
#include "util/files.hpp"
#include "util/parallel.hpp"
#include "util/utf8.hpp"

namespace acta::read {

namespace fs = std::filesystem;

namespace {

std::map<std::string, Reader>& registry() {
  static std::map<std::string, Reader> readers = {
      {".md", [](std::string_view text, const std::string& file) { return read_markdown(text, file); }},
      {".markdown", [](std::string_view text, const std::string& file) { return read_markdown(text, file); }},
      {".txt", [](std::string_view text, const std::string& file) { return read_raw_text(text, file); }},
  };
  return readers;
}

std::string stem_slug(const fs::path& path) {
  std::string out;
  for (unsigned char c : path.stem().string()) {
    if (std::isalnum(c)) out += static_cast<char>(std::tolower(c));
    else if ((c == '-' || c == '_' || c == '.') && !out.empty() && out.back() != '-') out += '-';
    else if (c >= 0x80) out += static_cast<char>(c);  // keep non-ASCII names readable
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out.empty() ? "document" : out;
}

void check_inside(const fs::path& path, const fs::path& root, const std::string& shown) {
  std::error_code ec;
  auto real = fs::weakly_canonical(path, ec);
  auto real_root = fs::weakly_canonical(root, ec);
  auto rel = real.lexically_relative(real_root);
  if (rel.empty() || *rel.begin() == "..")
    throw SourceError({shown, 0}, "this file is a link to " + real.string() +
                                      ", outside the content folder; copy the file into the content folder instead");
}

// Edit distance (bytes; ids are ASCII), for suggesting the id an editor probably meant.
std::size_t edit_distance(const std::string& a, const std::string& b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diag = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      std::size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diag = up;
    }
  }
  return row[b.size()];
}

void attach_annotations(model::Document& doc, std::vector<model::Annotation> notes) {
  for (auto& a : notes) {
    if (!doc.find_block(a.anchor)) {
      std::string hint;
      std::size_t best = a.anchor.size() / 2 + 1;  // farther than this is a guess, not a typo
      for (const auto& b : doc.blocks) {
        if (b.id.empty()) continue;
        std::size_t d = edit_distance(a.anchor, b.id);
        if (d < best) {
          best = d;
          hint = " (did you mean '" + b.id + "'?)";
        }
      }
      throw SourceError(a.where, "annotation anchor '" + a.anchor + "' does not exist in " + doc.source_path + hint +
                                     "; anchors are paragraph ids such as para_15, para_3__point_a, preamble__p_2");
    }
    a.content = parse_markdown_inlines(a.markdown);
    doc.annotations.push_back(std::move(a));
  }
}

}  // namespace

const Reader* reader_for(const std::string& extension) {
  auto& r = registry();
  auto it = r.find(extension);
  return it == r.end() ? nullptr : &it->second;
}

void register_reader(const std::string& extension, Reader reader) { registry()[extension] = std::move(reader); }

std::string clean_source_text(std::string bytes, const std::string& file) {
  if (bytes.size() >= 3 && bytes.compare(0, 3, "\xEF\xBB\xBF") == 0) bytes.erase(0, 3);
  auto nul = bytes.find('\0');
  if (nul != std::string::npos)
    throw SourceError({file, utf8::line_col(bytes, nul).line},
                      "this looks like a binary file (it contains a NUL byte), not text; remove it from the content folder");
  auto bad = utf8::first_invalid(bytes);
  if (bad != std::string::npos) {
    auto lc = utf8::line_col(bytes, bad);
    throw SourceError({file, lc.line}, "invalid UTF-8 at column " + std::to_string(lc.column) +
                                           " (byte offset " + std::to_string(bad) +
                                           "); convert the file to UTF-8 (e.g. iconv -f GB18030 -t UTF-8)");
  }
  if (bytes.find('\r') != std::string::npos) {
    std::string out;
    out.reserve(bytes.size());
    for (std::size_t i = 0; i < bytes.size(); ++i) {
      if (bytes[i] == '\r') {
        out += '\n';
        if (i + 1 < bytes.size() && bytes[i + 1] == '\n') ++i;
      } else {
        out += bytes[i];
      }
    }
    bytes.swap(out);
  }
  return bytes;
}

void load_source_into(const Source& source, const fs::path& content_root, SourceBytes& bytes) {
  if (source.check_path) check_inside(source.path, content_root, files::display(source.path));
  files::read_into(source.path, bytes.text);
  if (!source.sidecar.empty()) {
    if (source.check_sidecar) check_inside(source.sidecar, content_root, files::display(source.sidecar));
    if (!bytes.sidecar) bytes.sidecar.emplace();
    files::read_into(source.sidecar, *bytes.sidecar);
  } else {
    bytes.sidecar.reset();
  }
}

SourceBytes load_source(const Source& source, const fs::path& content_root) {
  SourceBytes bytes;
  load_source_into(source, content_root, bytes);
  return bytes;
}

model::Document read_document(const Source& source, SourceBytes bytes) {
  const fs::path& path = source.path;
  const std::string shown = files::display(path);
  const Reader* reader = reader_for(path.extension().string());
  if (!reader) throw SourceError({shown, 0}, "no reader for files ending in '" + path.extension().string() + "'");
  std::string text = clean_source_text(std::move(bytes.text), shown);
  if (utf8::trim(text).empty()) throw SourceError({shown, 0}, "the file is empty; add the document's text or remove the file");
  model::Document doc = (*reader)(text, shown);
  doc.source_path = shown;

  std::vector<model::Annotation> notes;
  if (bytes.sidecar) {
    const std::string side_shown = files::display(source.sidecar);
    std::string yaml = clean_source_text(std::move(*bytes.sidecar), side_shown);
    MetadataFile mf = parse_metadata(yaml, side_shown, 1, true);
    merge_metadata(doc.meta, mf);
    if (!mf.slug.empty()) doc.slug = mf.slug;
    notes = std::move(mf.annotations);
  }
  if (doc.slug.empty()) doc.slug = doc.meta.symbol.empty() ? stem_slug(path) : model::slug_for_symbol(doc.meta.symbol);
  if (doc.meta.title.empty()) {
    doc.diagnostics.push_back(file_warning(shown, "no title found; add 'title:' to the front matter or sidecar"));
    doc.meta.title = path.stem().string();
  }
  model::assign_ids(doc);
  model::assign_footnote_ids(doc);
  attach_annotations(doc, std::move(notes));
  return doc;
}

model::Document read_document(const fs::path& path, const fs::path& content_root) {
  Source source{path, {}};
  fs::path sidecar = path;
  sidecar.replace_extension(".yaml");
  if (fs::exists(sidecar)) source.sidecar = sidecar;
  return read_document(source, load_source(source, content_root));
}

SourceList list_sources(const config::Config& config) {
  const fs::path root = config.content_dir();
  std::error_code ec;
  if (!fs::is_directory(root, ec))
    throw SourceError({files::display(root), 0}, "content folder not found; create it or set 'content:' in " +
                                                     files::display(config.file));
  SourceList list;
  std::set<fs::path> sidecars, links;
  std::vector<fs::path> found;
  for (auto it = fs::recursive_directory_iterator(root, fs::directory_options::skip_permission_denied, ec);
       it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (ec) throw SourceError({files::display(it->path()), 0}, "cannot list folder: " + ec.message());
    const auto& p = it->path();
    if (p.filename().string().front() == '.') {
      if (it->is_directory()) it.disable_recursion_pending();
      continue;
    }
    if (it->is_directory() || (it->is_symlink() && fs::is_directory(p))) continue;
    if (it->is_symlink()) links.insert(p);
    found.push_back(p);
  }
  // Directory order differs between machines; output must not. The order is fs::path's (folder by folder),
  // compared on strings whose separators sort before any other byte: comparing paths themselves, part by
  // part, took a tenth of a second for 10,000 documents.
  {
    std::vector<std::pair<std::string, fs::path>> keyed;
    keyed.reserve(found.size());
    for (auto& p : found) {
      std::string key = p.generic_string();
      std::replace(key.begin(), key.end(), '/', '\0');
      keyed.emplace_back(std::move(key), std::move(p));
    }
    std::sort(keyed.begin(), keyed.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    for (std::size_t i = 0; i < keyed.size(); ++i) found[i] = std::move(keyed[i].second);
  }
  std::vector<fs::path> paths;
  for (const auto& p : found) {
    std::string ext = p.extension().string();
    if (ext == ".yaml" || ext == ".yml") sidecars.insert(p);
    else if (reader_for(ext)) paths.push_back(p);
    else {
      std::string known;
      for (const auto& [e, r] : registry()) known += (known.empty() ? "" : ", ") + e;
      list.diagnostics.push_back(file_warning(files::display(p), "skipped: Acta has no reader for '" + ext + "' files (it reads " + known + ")"));
    }
  }
  std::unordered_set<std::string> claimed;
  for (const auto& p : paths) {
    fs::path sidecar = p;
    sidecar.replace_extension(".yaml");
    claimed.insert(sidecar.native());
    bool has_sidecar = sidecars.count(sidecar) > 0;
    list.sources.push_back({p, has_sidecar ? sidecar : fs::path(), links.count(p) > 0, has_sidecar && links.count(sidecar) > 0});
  }
  for (const auto& s : sidecars) {
    if (claimed.count(s.native()) || s.extension() != ".yaml") continue;
    list.diagnostics.push_back(file_warning(files::display(s), "sidecar file has no document beside it (expected a .md or .txt of the same name)"));
  }
  return list;
}

void check_unique(model::Archive& archive) {
  std::map<std::string, std::size_t> symbols, slugs;
  for (std::size_t i = 0; i < archive.documents.size(); ++i) {
    const auto& d = archive.documents[i];
    if (!d.meta.symbol.empty()) {
      auto [it, fresh] = symbols.emplace(d.meta.symbol, i);
      if (!fresh)
        throw SourceError({d.source_path, 0}, "symbol " + d.meta.symbol + " is also the symbol of " +
                                                  archive.documents[it->second].source_path + "; each document needs its own symbol");
    }
    auto [it, fresh] = slugs.emplace(d.slug, i);
    if (!fresh)
      throw SourceError({d.source_path, 0}, "page name '" + d.slug + "' is also used by " + archive.documents[it->second].source_path +
                                                "; set a different 'slug:' in one of them");
  }
  archive.reindex();
}

model::Archive read_archive(const config::Config& config, const ReadProgress& on_read) {
  const fs::path root = config.content_dir();
  SourceList list = list_sources(config);
  model::Archive archive;
  archive.diagnostics = std::move(list.diagnostics);
  std::atomic<std::size_t> read_count{0};
  archive.documents = parallel_map<model::Document>(list.sources.size(), [&](std::size_t i) {
    auto doc = read_document(list.sources[i], load_source(list.sources[i], root));
    if (on_read) on_read(++read_count, list.sources.size());
    return doc;
  });
  check_unique(archive);
  return archive;
}

}  // namespace acta::read
