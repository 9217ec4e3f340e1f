#include "server/pages/content_blocks.hpp"

#include "server/pages/govuk_parts.hpp"

namespace safesurvey::pages {

namespace {

Html paragraph_block(const defs::ContentBlock& block, std::string_view language) {
    Element paragraph("p");
    paragraph.attr("class", "govuk-body").text(block.text.in(language));
    if (block.link && is_allowed_url(block.link->href)) {
        paragraph.text(" ").child(govuk_link(block.link->text.in(language), block.link->href));
    } else if (block.link) {
        // A link the allowlist refuses is shown as its words only: the
        // respondent loses nothing but a click, and nothing unsafe loads.
        paragraph.text(" " + block.link->text.in(language));
    }
    return paragraph;
}

Html bullets_block(const defs::ContentBlock& block, std::string_view language) {
    Element list("ul");
    list.attr("class", "govuk-list govuk-list--bullet");
    for (const auto& item : block.items) list.child(Element("li").text(item.in(language)));
    return list;
}

}  // namespace

std::string tel_href(std::string_view phone) {
    std::string href = "tel:";
    for (const char c : phone) {
        if ((c >= '0' && c <= '9') || (c == '+' && href.size() == 4)) href += c;
    }
    return href;
}

Html render_content_blocks(const std::vector<defs::ContentBlock>& blocks,
                           const defs::SafeguardingPanel& panel, std::string_view language,
                           bool& panel_placed) {
    Html content;
    for (const auto& block : blocks) {
        switch (block.kind) {
            case defs::ContentBlock::Kind::heading:
                content +=
                    Element("h2").attr("class", "govuk-heading-m").text(block.text.in(language));
                break;
            case defs::ContentBlock::Kind::paragraph:
                content += paragraph_block(block, language);
                break;
            case defs::ContentBlock::Kind::bullets:
                content += bullets_block(block, language);
                break;
            case defs::ContentBlock::Kind::safeguarding_panel:
                content += render_safeguarding_panel(panel, language);
                panel_placed = true;
                break;
        }
    }
    return content;
}

Html render_helplines(const std::vector<defs::Helpline>& helplines, std::string_view language) {
    Element list("ul");
    list.attr("class", "govuk-list app-helplines");
    for (const auto& helpline : helplines) {
        Element item("li");
        item.child(Element("strong").text(helpline.name.in(language)))
            .text(": ")
            .child(Element("a")
                       .attr("class", "govuk-link")
                       .url("href", tel_href(helpline.phone))
                       .text(helpline.phone));
        if (!helpline.for_whom.empty()) item.text(" (" + helpline.for_whom.in(language) + ")");
        list.child(item);
    }
    return list;
}

Html render_safeguarding_panel(const defs::SafeguardingPanel& panel, std::string_view language) {
    Element inset("div");
    inset.attr("class", "govuk-inset-text app-safeguarding");
    if (!panel.heading.empty()) {
        inset.child(
            Element("h2").attr("class", "govuk-heading-m").text(panel.heading.in(language)));
    }
    for (const auto& paragraph : panel.paragraphs)
        inset.child(govuk_paragraph(paragraph.in(language)));
    if (!panel.helplines.empty()) inset.child(render_helplines(panel.helplines, language));
    if (!panel.links.empty()) {
        Element links("ul");
        links.attr("class", "govuk-list");
        for (const auto& link : panel.links) {
            if (!is_allowed_url(link.href)) continue;
            links.child(Element("li").child(govuk_link(link.text.in(language), link.href)));
        }
        inset.child(links);
    }
    return inset;
}

Html render_danger_now_warning() {
    return Html::literal(
        "<div class=\"govuk-warning-text\"><span class=\"govuk-warning-text__icon\" "
        "aria-hidden=\"true\">!</span><strong class=\"govuk-warning-text__text\">"
        "<span class=\"govuk-visually-hidden\">Warning</span>If a child is in danger now, call "
        "<a class=\"govuk-link\" href=\"tel:999\">999</a>.</strong></div>");
}

}  // namespace safesurvey::pages
