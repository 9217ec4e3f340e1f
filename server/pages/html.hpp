// HTML that is safe by construction.
//
// Every page is built from `Html` fragments. The only ways to make one are:
//   - Html::text(untrusted)        escapes & < > " ' — for anything from a
//                                  definition, an answer, a URL or a user;
//   - Html::literal("<p>...</p>")  a compile-time string literal (consteval,
//                                  so a runtime string cannot get in);
//   - Element(...).build()         tags and attribute names are literals,
//                                  attribute values and text are escaped.
// So no function here takes untrusted text without escaping it, and a
// reviewer looking for an injection only has to read string literals.
//
// Attribute names are checked at compile time too: `style` and `on...`
// attributes cannot be written (the Content-Security-Policy forbids them),
// and URL attributes (href, src, action, formaction) go through
// Element::url(), which allows only https:, mailto:, tel:, site-relative
// "/..." and fragment "#..." targets.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace safesurvey::pages {

// A string known at compile time. The consteval constructor refuses any
// argument that is not a constant expression, i.e. anything read at runtime.
struct Literal {
    consteval Literal(const char* text) : value(text) {}  // NOLINT: implicit on purpose
    std::string_view value;
};

class Html {
  public:
    Html() = default;

    static Html text(std::string_view untrusted);
    static Html literal(Literal trusted);

    Html& operator+=(const Html& more) {
        markup_ += more.markup_;
        return *this;
    }
    Html& operator+=(Literal trusted) {
        markup_ += trusted.value;
        return *this;
    }
    friend Html operator+(Html left, const Html& right) { return left += right; }

    bool empty() const { return markup_.empty(); }
    const std::string& str() const& { return markup_; }
    std::string str() && { return std::move(markup_); }

  private:
    friend class Element;
    explicit Html(std::string markup) : markup_(std::move(markup)) {}
    std::string markup_;
};

// Escapes text for use in element content and in double-quoted attributes.
std::string escape_html(std::string_view text);

// True for hrefs a page may link to: https:, mailto:, tel:, "/path" (not
// "//host"), "#fragment" and "?query". Everything else (javascript:, data:,
// plain http:, protocol-relative) is refused.
bool is_allowed_url(std::string_view url);

// The name of a tag or attribute: a lower-case literal checked at compile
// time. `style`, `on*` and the URL attributes are rejected here so that the
// mistake is a build error, not a CSP violation found in production.
struct AttributeName {
    consteval AttributeName(const char* text) : value(text) {  // NOLINT: implicit on purpose
        const std::string_view name(text);
        if (name.empty() || name == "style" || name.starts_with("on") || name == "href" ||
            name == "src" || name == "action" || name == "formaction") {
            throw "style, on* and URL attributes are not allowed here; use Element::url";
        }
    }
    std::string_view value;
};

struct UrlAttributeName {
    consteval UrlAttributeName(const char* text) : value(text) {  // NOLINT: implicit on purpose
        const std::string_view name(text);
        if (name != "href" && name != "src" && name != "action" && name != "formaction") {
            throw "not a URL attribute";
        }
    }
    std::string_view value;
};

// One element and its children, serialised by build(). Void elements (input,
// br, meta, link) are written without a closing tag.
class Element {
  public:
    explicit Element(Literal tag) : tag_(tag.value) {}

    // Value escaped. An empty class list is omitted.
    Element& attr(AttributeName name, std::string_view value);
    Element& attr_if(bool condition, AttributeName name, std::string_view value) {
        return condition ? attr(name, value) : *this;
    }
    // A boolean attribute such as `checked` or `novalidate`.
    Element& flag(AttributeName name);
    Element& flag_if(bool condition, AttributeName name) { return condition ? flag(name) : *this; }
    // A URL attribute; a URL that is_allowed_url() refuses becomes "#" so the
    // page still renders and nothing unsafe loads.
    Element& url(UrlAttributeName name, std::string_view url);

    Element& text(std::string_view untrusted);
    Element& child(const Html& fragment);
    Element& child(const Element& element) { return child(element.build()); }
    Element& children(const std::vector<Html>& fragments);

    Html build() const;
    operator Html() const { return build(); }  // NOLINT: implicit on purpose

  private:
    std::string_view tag_;
    std::string attributes_;
    std::string content_;
};

// Joins fragments with nothing between them.
Html join(const std::vector<Html>& fragments);

}  // namespace safesurvey::pages
