// Something wrong with a survey definition, named by where it is so that the
// author can find it: a JSON Pointer (RFC 6901) such as
// "/pages/3/questions/0/options" and a sentence saying what to change.
#pragma once

#include <string>

namespace safesurvey::defs {

struct Problem {
    std::string path;  // JSON Pointer into the definition; "" is the whole document
    std::string message;
};

}  // namespace safesurvey::defs
