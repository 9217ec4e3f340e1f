#include "server/pages/html.hpp"

#include <array>

namespace safesurvey::pages {

namespace {

// Elements HTML defines as having no content and no closing tag.
bool is_void_element(std::string_view tag) {
    static constexpr std::array<std::string_view, 6> kVoid = {"input", "br", "meta",
                                                              "link",  "hr", "img"};
    for (const auto name : kVoid) {
        if (name == tag) return true;
    }
    return false;
}

bool starts_with_ignoring_case(std::string_view text, std::string_view prefix) {
    if (text.size() < prefix.size()) return false;
    for (std::size_t i = 0; i < prefix.size(); ++i) {
        char c = text[i];
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        if (c != prefix[i]) return false;
    }
    return true;
}

}  // namespace

std::string escape_html(std::string_view text) {
    std::string out;
    out.reserve(text.size() + text.size() / 8);
    for (const char c : text) {
        switch (c) {
            case '&':
                out += "&amp;";
                break;
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            case '"':
                out += "&quot;";
                break;
            case '\'':
                out += "&#39;";
                break;
            default:
                out += c;
        }
    }
    return out;
}

bool is_allowed_url(std::string_view url) {
    if (url.empty()) return false;
    // Control characters and spaces can hide a scheme from a naive check
    // ("java\tscript:") and have no place in the links we write.
    for (const char c : url) {
        if (static_cast<unsigned char>(c) <= 0x20 || c == 0x7f || c == '\\') return false;
    }
    if (url.front() == '/') return url.size() == 1 || url[1] != '/';  // not protocol-relative
    if (url.front() == '#' || url.front() == '?') return true;
    return starts_with_ignoring_case(url, "https://") ||
           starts_with_ignoring_case(url, "mailto:") || starts_with_ignoring_case(url, "tel:");
}

Html Html::text(std::string_view untrusted) {
    return Html(escape_html(untrusted));
}

Html Html::literal(Literal trusted) {
    return Html(std::string(trusted.value));
}

Element& Element::attr(AttributeName name, std::string_view value) {
    if (name.value == "class" && value.empty()) return *this;
    attributes_ += ' ';
    attributes_ += name.value;
    attributes_ += "=\"";
    attributes_ += escape_html(value);
    attributes_ += '"';
    return *this;
}

Element& Element::flag(AttributeName name) {
    attributes_ += ' ';
    attributes_ += name.value;
    return *this;
}

Element& Element::url(UrlAttributeName name, std::string_view url) {
    attributes_ += ' ';
    attributes_ += name.value;
    attributes_ += "=\"";
    attributes_ += is_allowed_url(url) ? escape_html(url) : std::string("#");
    attributes_ += '"';
    return *this;
}

Element& Element::text(std::string_view untrusted) {
    content_ += escape_html(untrusted);
    return *this;
}

Element& Element::child(const Html& fragment) {
    content_ += fragment.str();
    return *this;
}

Element& Element::children(const std::vector<Html>& fragments) {
    for (const auto& fragment : fragments) content_ += fragment.str();
    return *this;
}

Html Element::build() const {
    std::string markup;
    markup.reserve(tag_.size() * 2 + attributes_.size() + content_.size() + 5);
    markup += '<';
    markup += tag_;
    markup += attributes_;
    markup += '>';
    if (is_void_element(tag_)) return Html(std::move(markup));
    markup += content_;
    markup += "</";
    markup += tag_;
    markup += '>';
    return Html(std::move(markup));
}

Html join(const std::vector<Html>& fragments) {
    Html joined;
    for (const auto& fragment : fragments) joined += fragment;
    return joined;
}

}  // namespace safesurvey::pages
