// SPDX-License-Identifier: MIT
#pragma once
// The Ashfield gazetteer the geocoding tests share: real Code-Point Open postcodes, the real
// 2025 police.uk files of the demo (their "On or near" streets), real ward and district
// boundaries, plus the small synthetic fixtures of tests/data/geocode.

#include "geocode/gazetteer_builder.hpp"
#include "support/test_data.hpp"

#include <string>

namespace safermap::test {

geocode::GazetteerInputs ashfield_gazetteer_inputs();

// Built once per test run in a temporary directory; returns its path.
const std::string& ashfield_gazetteer();

} // namespace safermap::test
