#pragma once
// Virtual time as people read it on a slide.
#include "tcp/time.h"

#include <QString>

namespace tcplab::ui {

// "0 ms", "152.3 ms", "2.650 s".
QString formatTime(TimeUs t);

// A duration as short as it reads: "200 ms", "1 s", "1.5 s", "2 min".
QString formatDuration(TimeUs d);

} // namespace tcplab::ui
