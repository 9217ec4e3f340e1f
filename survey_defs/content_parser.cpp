#include "survey_defs/content_parser.hpp"

#include <algorithm>

#include "survey_defs/limits.hpp"
#include "survey_defs/link_href.hpp"

namespace safesurvey::defs {
namespace {

std::optional<Link> parse_link(DefinitionReader& reader, const Json& value, std::string_view path) {
    if (!reader.object(value, path, {"text", "href"}, {"text", "href"})) return std::nullopt;
    Link link;
    link.text = reader.text(value, path, "text", limits::kTitleCharacters);
    link.href = reader.string(value, path, "href", 2000);
    if (value.contains("href") && value["href"].is_string()) {
        if (auto problem = href_problem(link.href)) {
            reader.problem(member_path(path, "href"), "'" + link.href + "': " + *problem);
        }
    }
    return link;
}

// A phone number as printed and read aloud: digits and spaces, maybe a '+'.
bool is_phone_number(std::string_view phone) {
    const auto digits =
        std::count_if(phone.begin(), phone.end(), [](char c) { return c >= '0' && c <= '9'; });
    const bool allowed = std::all_of(phone.begin(), phone.end(), [](char c) {
        return (c >= '0' && c <= '9') || c == ' ' || c == '+';
    });
    return allowed && digits >= 3 && digits <= 15;
}

Helpline parse_helpline(DefinitionReader& reader, const Json& value, std::string_view path) {
    Helpline helpline;
    if (!reader.object(value, path, {"name", "phone", "for"}, {"name", "phone", "for"})) {
        return helpline;
    }
    helpline.name = reader.text(value, path, "name", limits::kTitleCharacters);
    helpline.phone = reader.string(value, path, "phone", 30);
    helpline.for_whom = reader.text(value, path, "for", limits::kTitleCharacters);
    if (value.contains("phone") && value["phone"].is_string() && !is_phone_number(helpline.phone)) {
        reader.problem(member_path(path, "phone"),
                       "'" + helpline.phone +
                           "' is not a phone number: use digits and spaces, "
                           "e.g. \"0800 1111\"");
    }
    return helpline;
}

std::vector<Link> parse_links(DefinitionReader& reader, const Json& value, std::string_view path) {
    std::vector<Link> links;
    const Json* items = reader.array(value, path, "links", 1, 20);
    const std::string at = member_path(path, "links");
    for (std::size_t i = 0; items != nullptr && i < items->size(); ++i) {
        if (auto link = parse_link(reader, (*items)[i], item_path(at, i))) {
            links.push_back(std::move(*link));
        }
    }
    return links;
}

ContentBlock parse_block(DefinitionReader& reader, const Json& value, std::string_view path) {
    ContentBlock block;
    if (!reader.object(value, path,
                       {"heading", "paragraph", "link", "bullets", "safeguarding_panel"}, {})) {
        return block;
    }
    const auto kinds = value.contains("heading") + value.contains("paragraph") +
                       value.contains("bullets") + value.contains("safeguarding_panel");
    if (kinds != 1) {
        reader.problem(path,
                       "a content block has exactly one of 'heading', 'paragraph', "
                       "'bullets' or 'safeguarding_panel'");
        return block;
    }
    if (value.contains("link") && !value.contains("paragraph")) {
        reader.problem(member_path(path, "link"), "a 'link' belongs to a 'paragraph' block");
    }
    if (value.contains("heading")) {
        block.kind = ContentBlock::Kind::heading;
        block.text = reader.text(value, path, "heading", limits::kTitleCharacters);
    } else if (value.contains("paragraph")) {
        block.kind = ContentBlock::Kind::paragraph;
        block.text = reader.text(value, path, "paragraph", limits::kParagraphCharacters);
        if (value.contains("link"))
            block.link = parse_link(reader, value["link"], member_path(path, "link"));
    } else if (value.contains("bullets")) {
        block.kind = ContentBlock::Kind::bullets;
        block.items = reader.texts(value, path, "bullets", limits::kHintCharacters);
    } else {
        block.kind = ContentBlock::Kind::safeguarding_panel;
        if (!reader.boolean(value, path, "safeguarding_panel", false)) {
            reader.problem(member_path(path, "safeguarding_panel"),
                           "write \"safeguarding_panel\": true where the panel should appear");
        }
    }
    return block;
}

std::vector<ContentBlock> parse_blocks(DefinitionReader& reader, const Json& value,
                                       std::string_view path) {
    std::vector<ContentBlock> blocks;
    const Json* items = reader.array(value, path, "content", 1, limits::kMaxContentBlocks);
    const std::string at = member_path(path, "content");
    for (std::size_t i = 0; items != nullptr && i < items->size(); ++i) {
        blocks.push_back(parse_block(reader, (*items)[i], item_path(at, i)));
    }
    return blocks;
}

}  // namespace

StartPage parse_start_page(DefinitionReader& reader, const Json& value, std::string_view path) {
    StartPage page;
    if (!reader.object(value, path, {"title", "content", "start_button"}, {"title", "content"})) {
        return page;
    }
    page.title = reader.text(value, path, "title", limits::kTitleCharacters);
    page.content = parse_blocks(reader, value, path);
    page.start_button = reader.text(value, path, "start_button", 60);
    if (page.start_button.empty()) {
        page.start_button =
            LocalisedText(reader.languages().front(), {{reader.languages().front(), "Start now"}});
    }
    const bool shows_panel =
        std::any_of(page.content.begin(), page.content.end(), [](const ContentBlock& block) {
            return block.kind == ContentBlock::Kind::safeguarding_panel;
        });
    if (value.contains("content") && !shows_panel) {
        reader.problem(member_path(path, "content"),
                       "the start page must show the safeguarding panel: add "
                       "{\"safeguarding_panel\": true} where it should appear");
    }
    return page;
}

ConfirmationPage parse_confirmation(DefinitionReader& reader, const Json& value,
                                    std::string_view path) {
    ConfirmationPage page;
    if (!reader.object(value, path, {"title", "content"}, {"title", "content"})) return page;
    page.title = reader.text(value, path, "title", limits::kTitleCharacters);
    page.content = parse_blocks(reader, value, path);
    return page;
}

SafeguardingPanel parse_safeguarding(DefinitionReader& reader, const Json& value,
                                     std::string_view path) {
    SafeguardingPanel panel;
    if (!reader.object(value, path, {"heading", "paragraphs", "helplines", "links"},
                       {"heading", "paragraphs", "helplines"})) {
        return panel;
    }
    panel.heading = reader.text(value, path, "heading", limits::kTitleCharacters);
    panel.paragraphs = reader.texts(value, path, "paragraphs", limits::kParagraphCharacters);
    const Json* helplines = reader.array(value, path, "helplines", 1, 10);
    const std::string at = member_path(path, "helplines");
    for (std::size_t i = 0; helplines != nullptr && i < helplines->size(); ++i) {
        panel.helplines.push_back(parse_helpline(reader, (*helplines)[i], item_path(at, i)));
    }
    panel.links = parse_links(reader, value, path);
    return panel;
}

}  // namespace safesurvey::defs
