// What the readings' unit tests share: a name folded as a reading reads it.
#pragma once

#include "name_fold.hpp"

#include <gtest/gtest.h>

#include <string>

// The name folded as the reading reads it; a failure to fold fails the test.
inline std::string folded_as(const std::string &name, ci::NameReading reading) {
    const ci::Normalized n = ci::fold_name(name, reading);
    EXPECT_TRUE(n.ok) << n.error;
    return n.value;
}
