// Present so that SwiftPM builds CNcurses as a C target that links ncursesw; every shim is
// a static inline function in include/CNcurses.h.
#include "CNcurses.h"
