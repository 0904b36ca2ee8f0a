#pragma once
#include <sqlite3.h>

/// Turns off SQLite's memory statistics before the library initializes: they take a global
/// mutex on every allocation, which readers on several threads then contend for.
/// (sqlite3_config is variadic, which Swift cannot call.)
static inline int pocket_sqlite_disable_memstatus(void) {
    return sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}
