#include "site/build.hpp"

#include <sys/resource.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <memory>
#include <optional>

#include "analyze/search/index.hpp"
#include "cache/store.hpp"
#include "config/config.hpp"
#include "site/cached_read.hpp"
#include "site/output_keys.hpp"
#include "site/summary.hpp"
#include "util/build_id.hpp"
#include "util/files.hpp"
#include "util/parallel.hpp"
#include "write/citations_page.hpp"
#include "write/exports.hpp"
#include "write/output.hpp"
#include "write/pages.hpp"
#include "write/public_files.hpp"
#include "write/search_files.hpp"
#include "write/templates.hpp"
#include "write/topic_pages.hpp"

namespace acta::site {

namespace fs = std::filesystem;

namespace {

// The output folder is replaced whole on every build; make sure it is not something the user keeps.
void check_output_is_safe(const config::Config& cfg, const fs::path& out) {
  std::error_code ec;
  auto o = fs::weakly_canonical(fs::absolute(out), ec);
  auto inside = [&](const fs::path& p) {
    auto rel = fs::weakly_canonical(fs::absolute(p), ec).lexically_relative(o);
    return !rel.empty() && *rel.begin() != "..";
  };
  for (const auto& [what, p] : {std::pair{"content folder", cfg.content_dir()}, std::pair{"templates folder", cfg.templates_dir()}})
    if (inside(p))
      throw SourceError({files::display(out), 0}, std::string("the output folder would replace the ") + what +
                                                   " (" + files::display(p) + "); choose another 'output:'");
  if (!cfg.file.empty() && inside(cfg.file))
    throw SourceError({files::display(out), 0}, "the output folder contains the config file; choose another 'output:'");
  if (inside(cfg.cache_dir()))
    throw SourceError({files::display(out), 0}, "the output folder would contain the build cache (" + files::display(cfg.cache_dir()) +
                                                 ") and publish it; choose another 'output:' or 'cache:'");
  // Inside the content folder, only under a hidden name: the reader and `acta serve`'s watcher skip those.
  auto c = fs::weakly_canonical(fs::absolute(cfg.cache_dir()), ec);
  auto rel = c.lexically_relative(fs::weakly_canonical(fs::absolute(cfg.content_dir()), ec));
  bool hidden = std::any_of(rel.begin(), rel.end(), [](const fs::path& part) { return part.string().front() == '.' && part != ".."; });
  if (!rel.empty() && *rel.begin() != ".." && !hidden)
    throw SourceError({files::display(cfg.file), 0}, "'cache:' (" + files::display(cfg.cache_dir()) +
                                                     ") is inside the content folder, where it would be read as content; "
                                                     "choose a folder outside it, or one whose name starts with '.'");
}

// What every cache record and output depends on besides its own inputs: Acta itself (its executable, so a
// rebuilt Acta never reuses what an older one made) and every setting of the config that can change what is
// built. Not the output and cache folders (moving either changes no file of the site), nor the templates
// folder's path (templates_key covers what is in it), nor the config file's comments and layout.
cache::Hash setup_key(const config::Config& cfg) {
  // A new field of Config must be added here (or said to change nothing built) before this compiles again.
  static_assert(sizeof(config::Config) == 5 * sizeof(std::string) + 6 * sizeof(std::filesystem::path) + 4 * sizeof(double) +
                                              sizeof(std::vector<config::Topic>) + 8,
                "Config changed: update setup_key");
  cache::Hasher h;
  h.add("acta-cache-2").add(ACTA_VERSION);
  h.add(executable_identity());
  auto number = [&](double d) { h.add(std::to_string(d)); };
  h.add(cfg.title).add(cfg.language).add(cfg.base_url).add(cfg.external_url).add(cfg.description);
  h.add(files::display(cfg.content_dir()));
  number(cfg.topic_threshold);
  number(cfg.topic_paragraph_threshold);
  number(cfg.topic_title_boost);
  number(cfg.topic_min_share);
  h.add(cfg.topics.size());
  for (const auto& t : cfg.topics) {
    h.add(t.id).add(t.label_zh).add(t.label_en);
    number(t.threshold);
    h.add(t.terms.size());
    for (const auto& term : t.terms) {
      h.add(term.term);
      number(term.weight);
    }
  }
  h.add(cfg.search_fold_traditional ? 1 : 0);
  return h.digest();
}

// The templates folder as a whole: names and contents of every file under it.
cache::Hash templates_key(const fs::path& dir) {
  std::vector<fs::path> paths;
  std::error_code ec;
  for (auto it = fs::recursive_directory_iterator(dir, ec); !ec && it != fs::recursive_directory_iterator(); it.increment(ec))
    if (it->is_regular_file()) paths.push_back(it->path());
  std::sort(paths.begin(), paths.end());
  cache::Hasher h;
  for (const auto& p : paths) h.add(p.lexically_relative(dir).generic_string()).add(files::read(p));
  return h.digest();
}

}  // namespace

BuildReport build(const BuildOptions& options) {
  BuildReport report;
  auto start = std::chrono::steady_clock::now();
  auto lap = start;
  auto cpu_now = [] {
    rusage u{};
    ::getrusage(RUSAGE_SELF, &u);
    auto secs = [](const timeval& t) { return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) / 1e6; };
    return std::pair{secs(u.ru_utime) + secs(u.ru_stime), u.ru_maxrss};
  };
  double cpu_lap = cpu_now().first;
  auto stage_done = [&](const char* name) {
    auto now = std::chrono::steady_clock::now();
    auto [cpu, rss] = cpu_now();
    report.stages.push_back({name, std::chrono::duration<double>(now - lap).count(), cpu - cpu_lap, rss});
    lap = now;
    cpu_lap = cpu;
  };
  config::Config cfg = config::load(options.config_file);
  fs::path out_dir = options.output_override.empty() ? cfg.output_dir() : options.output_override;
  check_output_is_safe(cfg, out_dir);

  Progress silent;
  Progress& progress = options.progress ? *options.progress : silent;
  write::Templates templates(cfg.templates_dir());
  std::optional<cache::Store> store;
  cache::Hash setup;
  if (options.use_cache) {
    store.emplace(cfg.cache_dir());
    setup = setup_key(cfg);
  }
  progress.stage("reading content");
  auto owned = std::make_unique<AnalysedArchive>(read_and_analyse(cfg, store ? &*store : nullptr, setup, progress, [&] {
    stage_done("read");
    progress.stage("analysing");
  }));
  AnalysedArchive& analysed = *owned;
  const model::Archive& archive = analysed.archive;
  stage_done("analyze");

  progress.stage("writing the site");
  write::StagedOutput out(out_dir);
  out.on_write([&](std::size_t files) { progress.count(files, 0, "files"); });
  write::SiteContext site{cfg, archive, templates};
  if (store) {
    out.set_previous(store->outputs_of(out_dir));
    const fs::path spare = store->dir() / "spare-site";  // the site before the current one (double buffering)
    out.start_from(spare, store->outputs_of(spare));
    out.keep_replaced_as(spare);
    site.store = &*store;
    site.keys = output_keys(archive, cfg, analysed.content, setup, templates_key(cfg.templates_dir()));
  }
  write::copy_assets(site, out);
  write::write_document_pages(site, out);
  stage_done("pages");
  write::write_exports(site, out);
  stage_done("exports");
  {  // the pages made from the whole archive, side by side: topic pages, the overview, the home and citations
     // pages (most of it), feed, 404, robots.txt; the largest first, so that neither thread waits at the end
    using Writer = void (*)(const write::SiteContext&, const write::StagedOutput&);
    const std::array<Writer, 2> large = {write::write_citations_page, write::write_index_page};
    const std::array<Writer, 3> small = {write::write_feed, write::write_not_found_page, write::write_robots};
    const std::size_t topics = write::topic_page_jobs(site);
    parallel_for(large.size() + topics + small.size(), [&](std::size_t i) {
      if (i < large.size()) large[i](site, out);
      else if (i < large.size() + topics) write::write_topic_page_job(site, out, i - large.size());
      else small[i - large.size() - topics](site, out);
    });
    write::forget_unused_topic_items(site);
  }
  stage_done("listing pages");
  {  // scoped: the index is freed once its files are written
    // Incremental: a group of documents whose analysed contents are unchanged keeps its partial index.
    std::vector<cache::Hash> group_keys;
    analyze::search::GroupStore groups;
    if (store) {
      // Named by what is in them, not where: a group that now starts elsewhere is still found.
      const auto starts = analyze::search::group_starts(archive);
      for (std::size_t g = 0; g + 1 < starts.size(); ++g) {
        cache::Hasher h;
        h.add(setup).add(starts[g + 1] - starts[g]);
        for (std::size_t d = starts[g]; d < starts[g + 1]; ++d) h.add(analysed.content[d]);
        group_keys.push_back(h.digest());
      }
      groups.load = [&](std::size_t g) -> std::optional<analyze::search::GroupBytes> {
        auto mapped = store->map("search", group_keys[g]);
        if (!mapped) return std::nullopt;
        return analyze::search::GroupBytes{mapped->bytes, std::move(mapped->owner)};
      };
      groups.save = [&](std::size_t g, std::string bytes) { store->put("search", group_keys[g], bytes); };
    }
    auto search_index = std::make_unique<analyze::search::Index>(analyze::search::build_index(archive, cfg, store ? &groups : nullptr));
    if (store) store->keep_only("search", group_keys);
    stage_done("search index");
    write::write_search(site, *search_index, out);
    if (!options.free_memory) (void)search_index.release();  // the process ends soon: freeing is wasted time
  }
  stage_done("search files");
  write::write_sitemap(site, out);  // last: it lists every page written before it
  if (store) store->save_outputs(out.dir(), out.keys(), out_dir);
  out.commit();
  stage_done("swap");

  report.documents = archive.documents.size();
  report.pages = out.pages_written();
  report.files = out.files_written();
  report.files_reused = out.files_reused();
  report.documents_cached = analysed.from_cache;
  report.output = out_dir;
  for (const auto& d : archive.documents) report.warnings.insert(report.warnings.end(), d.diagnostics.begin(), d.diagnostics.end());
  report.warnings.insert(report.warnings.end(), archive.diagnostics.begin(), archive.diagnostics.end());
  auto citations = count_citations(archive);
  report.citations_resolved = citations.resolved;
  report.citations_unresolved = citations.unresolved;
  auto index = folder_size(out_dir / "search");
  report.index_bytes = index.bytes;
  report.index_files = index.files;
  if (cfg.base_url.empty())
    report.notes.push_back("no 'base_url' in " + files::display(options.config_file) +
                           ": sitemap.xml, feed.xml, canonical links and og:url were left out");
  report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (!options.free_memory) (void)owned.release();  // as for the index: the process is about to exit
  return report;
}

}  // namespace acta::site
