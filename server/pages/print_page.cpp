#include "server/pages/print_page.hpp"

#include "server/pages/content_blocks.hpp"
#include "server/pages/govuk_parts.hpp"
#include "server/pages/layout.hpp"
#include "server/pages/routing_in_words.hpp"

namespace safesurvey::pages {

namespace {

// Empty ruled lines to write on; decoration, so hidden from screen readers.
Html writing_lines(int count) {
    Element lines("div");
    lines.attr("class", "app-paper-lines").attr("aria-hidden", "true");
    for (int i = 0; i < count; ++i)
        lines.child(Html::literal("<div class=\"app-paper-line\"></div>"));
    return lines;
}

Html tick_box() {
    return Html::literal("<span class=\"app-paper-box\" aria-hidden=\"true\"></span>");
}

Html option_list(const PaperQuestion& paper, const PaperRouting& routing,
                 std::string_view language) {
    Element list("ul");
    list.attr("class", "govuk-list app-paper-options");
    for (const auto& option : paper.question->options) {
        Element item("li");
        item.child(tick_box()).text(option.label.in(language));
        const std::string skip = routing.skip_instruction(paper, option);
        if (!skip.empty()) {
            item.child(Element("span").attr("class", "app-paper-routing").text(" " + skip));
        }
        if (option.follow_up) {
            item.child(Element("p")
                           .attr("class", "govuk-body app-paper-follow-up")
                           .text("If you ticked " + std::string("\u2018") +
                                 option.label.in(language) +
                                 "\u2019: " + option.follow_up->label.in(language)))
                .child(writing_lines(2));
        }
        list.child(item);
    }
    return list;
}

Html answer_space(const PaperQuestion& paper, const PaperRouting& routing,
                  std::string_view language) {
    const defs::Question& question = *paper.question;
    switch (question.type) {
        case defs::QuestionType::multiple_choice:
            return govuk_paragraph("Tick all that apply.", "app-paper-instruction") +
                   option_list(paper, routing, language);
        case defs::QuestionType::single_choice:
        case defs::QuestionType::scale:
        case defs::QuestionType::yes_no:
            return govuk_paragraph("Tick one box.", "app-paper-instruction") +
                   option_list(paper, routing, language);
        case defs::QuestionType::short_text:
            return writing_lines(1);
        case defs::QuestionType::long_text:
            return writing_lines(8);
        case defs::QuestionType::number:
            return Element("p")
                .attr("class", "govuk-body")
                .child(
                    Html::literal("<span class=\"app-paper-number\" aria-hidden=\"true\"></span> "))
                .text(question.suffix.in(language));
        case defs::QuestionType::date:
            return govuk_paragraph("Day ____   Month ____   Year ________");
    }
    return writing_lines(1);
}

Html paper_question(const PaperQuestion& paper, const PaperRouting& routing,
                    std::string_view language) {
    const defs::Question& question = *paper.question;
    Element block("div");
    block.attr("class", "app-paper-question");
    block.child(Element("h2")
                    .attr("class", "govuk-heading-m")
                    .text(std::to_string(paper.number) + ". " + question.title.in(language)));
    if (paper.asked_if) {
        block.child(govuk_paragraph(
            "Only answer this question if " + routing.condition_in_words(*paper.asked_if) + ".",
            "app-paper-routing"));
    }
    if (!question.hint.empty()) block.child(govuk_hint("", question.hint.in(language)));
    block.child(answer_space(paper, routing, language));
    return block;
}

Html how_to_fill_in() {
    return govuk_h2("How to fill in this paper copy") +
           govuk_paragraph(
               "Use your browser\u2019s print option to print this page. Answer the questions in "
               "order. Where you see a box, tick it; where you see lines, write your answer. "
               "Follow the instructions that tell you which question to go to next.") +
           govuk_paragraph(
               "You do not need to write your name. When you have finished, give or send the "
               "form back to the organisation that asked you to take part.");
}

}  // namespace

std::string render_print_page(const PrintPageView& view) {
    const defs::Survey& survey = view.survey;
    const std::string title = survey.title.in(view.language);
    Html content = govuk_h1(title, /*extra_large=*/true);
    content += govuk_paragraph(view.area_name.empty()
                                   ? std::string("Paper copy")
                                   : "Paper copy for the " + view.area_name + " local area",
                               "govuk-body-l");
    bool panel_placed = false;
    content += render_content_blocks(survey.start_page.content, survey.safeguarding, view.language,
                                     panel_placed);
    if (!panel_placed) content += render_safeguarding_panel(survey.safeguarding, view.language);
    content += how_to_fill_in();

    const PaperRouting routing(survey, view.language);
    for (const auto& paper : routing.questions())
        content += paper_question(paper, routing, view.language);
    content += govuk_h2("End of the survey");
    content += govuk_paragraph("Thank you for taking part.");

    return render_layout({.heading = "Paper copy",
                          .service_name = title,
                          .language = view.language,
                          .main = Element("div").attr("class", "app-paper-copy").child(content)});
}

}  // namespace safesurvey::pages
