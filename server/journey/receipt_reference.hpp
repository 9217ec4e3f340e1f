// The reference a respondent may quote after submitting: part of the random
// response id, so it says nothing about when or in what order anything was
// sent ("AB12-C3D4-E5F6").
#pragma once

#include <string>

namespace safesurvey::journey {

std::string receipt_reference(const std::string& response_id);

}  // namespace safesurvey::journey
