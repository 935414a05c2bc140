#pragma once
// Virtual time as people read it on a slide.
#include "tcp/time.h"

#include <QString>

namespace tcplab::ui {

// "0 ms", "152.3 ms", "2.650 s".
QString formatTime(TimeUs t);

} // namespace tcplab::ui
