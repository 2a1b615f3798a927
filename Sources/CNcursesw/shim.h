#ifndef SWITCHBOARD_CNCURSESW_SHIM_H
#define SWITCHBOARD_CNCURSESW_SHIM_H

// SwiftPM drops pkg-config's -D_XOPEN_SOURCE, so ask for the wide-character API here.
#define NCURSES_WIDECHAR 1
#include <locale.h>
#include <langinfo.h>
#include <ncursesw/curses.h>
#include <ncursesw/term.h>
#include <termios.h>
#include <wchar.h>
#include <malloc.h>

// Macros with casts are not imported into Swift: re-export them as constants.
static const attr_t sb_A_NORMAL = A_NORMAL;
static const attr_t sb_A_BOLD = A_BOLD;
static const attr_t sb_A_DIM = A_DIM;
static const attr_t sb_A_REVERSE = A_REVERSE;
static const attr_t sb_A_UNDERLINE = A_UNDERLINE;

// Swift 6 rejects ncurses' mutable globals; read them through functions instead.
static inline WINDOW *sb_stdscr(void) { return stdscr; }

// glibc hides wcwidth unless _XOPEN_SOURCE is set; SwiftPM drops that flag.
int wcwidth(wchar_t c);

// tigetstr returns (char *)-1 for "not a string capability": tell Swift plainly.
static inline const char *sb_tigetstr(const char *name) {
    char *value = tigetstr(name);
    if (value == (char *)-1) return 0;
    return value;
}

// glibc's malloc makes an arena per thread; a console of idle threads needs few.
static inline void sb_limit_malloc_arenas(int count) { mallopt(M_ARENA_MAX, count); }
// Hands the pages that start-up freed (config parsing, the first load) back to the system.
static inline void sb_trim_malloc(void) { malloc_trim(0); }

#endif
