// Absolute URLs of the published site. Only the sitemap, the feed, canonical links and Open Graph tags use
// them; links between pages stay relative.
#pragma once

#include <string>
#include <string_view>

namespace acta::write {

// base_url (ending in '/') + the page's path from the site root, with every byte that may not stand in a
// URL path (non-ASCII, spaces, quotes, …) percent-encoded. "" when base_url is "".
std::string absolute_url(std::string_view base_url, std::string_view path);

// The path alone, percent-encoded the same way.
std::string encode_url_path(std::string_view path);

}  // namespace acta::write
