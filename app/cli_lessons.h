#pragma once
// tcplab-cli's lesson subcommands: `list` (the built-in lessons) and `check` (every lesson's expectations
// against the core's trace), and the lesson lookup behind `run --lesson ID`.
#include "lesson/lesson.h"
#include "sim/scenario.h"

#include <string>

namespace tcplab::cli {

int listLessons(int argc, char **argv);
int checkLessons(int argc, char **argv);

// The scenario of the built-in lesson `id` (its contrast when `contrast`); false with `error` set when
// there is no such lesson, it has no contrast, or it does not parse. `options` (--profile, --seed) are the
// base; the lesson's own endpoint settings apply on top.
bool lessonScenario(const std::string &id, bool contrast, const LessonParseOptions &options,
                    Scenario &scenario, std::string &error);

} // namespace tcplab::cli
