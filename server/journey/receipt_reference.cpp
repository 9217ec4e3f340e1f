#include "server/journey/receipt_reference.hpp"

#include <cctype>

namespace safesurvey::journey {

std::string receipt_reference(const std::string& response_id) {
    std::string reference;
    for (const char c : response_id.substr(0, 12)) {
        reference.push_back(static_cast<char>(std::toupper(static_cast<unsigned char>(c))));
        if (reference.size() == 4 || reference.size() == 9) reference.push_back('-');
    }
    return reference;
}

}  // namespace safesurvey::journey
