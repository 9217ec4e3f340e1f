// The names of the fields a question page posts, shared by the page that
// renders them and the handler that reads them.
//
//   draft                  the sealed draft token (hidden)
//   return=check           the page was reached from a Change link
//   website                honeypot: hidden from people, must stay empty
//   {question id}          one value; checkboxes repeat the name per tick
//   {follow-up id}         the "please specify" text of an option
//   {question id}-day, -month, -year   the three parts of a date question
#pragma once

#include <string>
#include <string_view>

namespace safesurvey::pages {

inline constexpr std::string_view kDraftField = "draft";
inline constexpr std::string_view kReturnField = "return";
inline constexpr std::string_view kReturnToCheck = "check";
inline constexpr std::string_view kHoneypotField = "website";
inline constexpr std::string_view kResumeCodeField = "code";

enum class DatePart { day, month, year };

// "{question id}-day" etc. Also the id of that input, so an error about one
// part can link to it.
std::string date_field_name(std::string_view question_id, DatePart part);

}  // namespace safesurvey::pages
