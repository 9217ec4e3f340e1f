// Prose from a survey definition: start and confirmation page blocks, the
// safeguarding panel and its helplines. Author text is always escaped; the
// only formatting an author gets is the allowlist the model itself offers
// (headings, paragraphs, bullet lists, one link per paragraph whose href must
// pass is_allowed_url), so a definition cannot put markup on a page.
#pragma once

#include <string_view>
#include <vector>

#include "server/pages/html.hpp"
#include "survey_defs/content.hpp"

namespace safesurvey::pages {

// The blocks in order. A safeguarding_panel block renders `panel` there and
// sets `panel_placed`, so the caller can add the panel when no block did.
Html render_content_blocks(const std::vector<defs::ContentBlock>& blocks,
                           const defs::SafeguardingPanel& panel, std::string_view language,
                           bool& panel_placed);

// Highlighted as inset text: heading, paragraphs, helplines, links.
Html render_safeguarding_panel(const defs::SafeguardingPanel& panel, std::string_view language);

// "Childline: 0800 1111 (for children and young people)", the number a tel: link.
Html render_helplines(const std::vector<defs::Helpline>& helplines, std::string_view language);

// "If a child is in danger now, call 999." as govuk warning text.
Html render_danger_now_warning();

// "tel:08001111" from "0800 1111": keeps digits and a leading +.
std::string tel_href(std::string_view phone);

}  // namespace safesurvey::pages
