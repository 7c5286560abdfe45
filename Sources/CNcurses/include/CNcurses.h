#ifndef CNCURSES_H
#define CNCURSES_H

// Wide-character ncurses (get_wch, UTF-8 output); a cSettings define does not reach Swift.
#define NCURSES_WIDECHAR 1
#include <curses.h>
#include <locale.h>
#include <signal.h>

// Swift 6 rejects C mutable globals and function-like macros; each shim below is one line.

// stdscr is a C global.
static inline WINDOW *knupp_stdscr(void) { return stdscr; }
// LINES is a C global.
static inline int knupp_lines(void) { return LINES; }
// COLS is a C global.
static inline int knupp_cols(void) { return COLS; }
// A_BOLD is a macro built from NCURSES_BITS.
static inline attr_t knupp_a_bold(void) { return A_BOLD; }
// A_REVERSE is a macro built from NCURSES_BITS.
static inline attr_t knupp_a_reverse(void) { return A_REVERSE; }
// A_DIM is a macro built from NCURSES_BITS.
static inline attr_t knupp_a_dim(void) { return A_DIM; }
// A_UNDERLINE is a macro built from NCURSES_BITS.
static inline attr_t knupp_a_underline(void) { return A_UNDERLINE; }
// COLOR_PAIR is a function-like macro.
static inline attr_t knupp_color_pair(short n) { return COLOR_PAIR(n); }
// BUTTON* masks are macros built from NCURSES_MOUSE_MASK.
static inline mmask_t knupp_button1_clicked(void) { return BUTTON1_CLICKED | BUTTON1_PRESSED | BUTTON1_RELEASED; }
// BUTTON4_PRESSED (wheel up) is a macro.
static inline mmask_t knupp_wheel_up(void) { return BUTTON4_PRESSED; }
// BUTTON5_PRESSED (wheel down) is a macro.
static inline mmask_t knupp_wheel_down(void) { return BUTTON5_PRESSED; }
// BUTTON1_DOUBLE_CLICKED is a macro.
static inline mmask_t knupp_button1_double(void) { return BUTTON1_DOUBLE_CLICKED; }
// The mask knupp listens to: clicks, double clicks, the wheel.
static inline mmask_t knupp_mouse_mask(void) { return BUTTON1_CLICKED | BUTTON1_PRESSED | BUTTON1_DOUBLE_CLICKED | BUTTON4_PRESSED | BUTTON5_PRESSED; }

#endif
