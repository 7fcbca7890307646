// The write permits; see write_permits.hpp.
#include "write_permits.hpp"

namespace ci::write_permits {
namespace {

bool merging_flag = false;
bool restoring_flag = false;
bool erasing_flag = false;
bool rederiving_flag = false;

}  // namespace

bool &merging() { return merging_flag; }

bool &restoring() { return restoring_flag; }

bool &erasing() { return erasing_flag; }

bool &rederiving() { return rederiving_flag; }

}  // namespace ci::write_permits
