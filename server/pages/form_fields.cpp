#include "server/pages/form_fields.hpp"

namespace safesurvey::pages {

std::string date_field_name(std::string_view question_id, DatePart part) {
    std::string name(question_id);
    switch (part) {
        case DatePart::day:
            return name + "-day";
        case DatePart::month:
            return name + "-month";
        case DatePart::year:
            return name + "-year";
    }
    return name;
}

}  // namespace safesurvey::pages
