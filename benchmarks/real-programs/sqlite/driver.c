/* Runs the SQL read from standard input against an in-memory SQLite database and prints every
 * result row as values separated by '|', one row a line. Exits 1 with SQLite's message on an error.
 *
 * SQLite is built with SQLITE_OS_OTHER (its Unix layer needs file locks WASI lacks), so this file
 * supplies the operating-system layer: a VFS that opens no files, which is all an in-memory
 * database with in-memory temporary storage asks of it. The native build uses the same layer, so
 * both run the same code. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "sqlite3.h"

static int no_open(sqlite3_vfs *vfs, const char *name, sqlite3_file *file, int flags, int *out_flags) {
  (void)vfs, (void)name, (void)file, (void)flags, (void)out_flags;
  return SQLITE_CANTOPEN;
}

static int no_delete(sqlite3_vfs *vfs, const char *name, int sync_dir) {
  (void)vfs, (void)name, (void)sync_dir;
  return SQLITE_IOERR_DELETE;
}

static int nothing_exists(sqlite3_vfs *vfs, const char *name, int flags, int *exists) {
  (void)vfs, (void)name, (void)flags;
  *exists = 0;
  return SQLITE_OK;
}

static int same_path(sqlite3_vfs *vfs, const char *name, int size, char *out) {
  (void)vfs;
  snprintf(out, (size_t)size, "%s", name);
  return SQLITE_OK;
}

/* fixed bytes, so every run makes the same choices */
static int fixed_randomness(sqlite3_vfs *vfs, int size, char *out) {
  (void)vfs;
  for (int i = 0; i < size; i++) out[i] = (char)(i * 37 + 11);
  return size;
}

static int no_sleep(sqlite3_vfs *vfs, int microseconds) {
  (void)vfs;
  return microseconds;
}

/* a fixed moment (2024-01-01, as a Julian day number): the workload does not read the clock */
static int fixed_time(sqlite3_vfs *vfs, double *julian_day) {
  (void)vfs;
  *julian_day = 2460310.5;
  return SQLITE_OK;
}

static sqlite3_vfs memory_only = {
    .iVersion = 1,
    .szOsFile = sizeof(sqlite3_file),
    .mxPathname = 256,
    .zName = "memory-only",
    .xOpen = no_open,
    .xDelete = no_delete,
    .xAccess = nothing_exists,
    .xFullPathname = same_path,
    .xRandomness = fixed_randomness,
    .xSleep = no_sleep,
    .xCurrentTime = fixed_time,
};

int sqlite3_os_init(void) { return sqlite3_vfs_register(&memory_only, 1); }

int sqlite3_os_end(void) { return SQLITE_OK; }

static int print_row(void *unused, int columns, char **values, char **names) {
  (void)unused;
  (void)names;
  for (int i = 0; i < columns; i++) {
    if (i > 0) putchar('|');
    fputs(values[i] ? values[i] : "NULL", stdout);
  }
  putchar('\n');
  return 0;
}

static char *read_all(FILE *in) {
  size_t capacity = 1 << 16, length = 0;
  char *text = malloc(capacity);
  size_t got;
  while (text && (got = fread(text + length, 1, capacity - length - 1, in)) > 0) {
    length += got;
    if (capacity - length - 1 == 0) text = realloc(text, capacity *= 2);
  }
  if (text) text[length] = '\0';
  return text;
}

int main(void) {
  char *sql = read_all(stdin);
  sqlite3 *db;
  if (sql == NULL || sqlite3_open(":memory:", &db) != SQLITE_OK) {
    fputs("sqlite-driver: cannot start\n", stderr);
    return 1;
  }
  char *error = NULL;
  if (sqlite3_exec(db, sql, print_row, NULL, &error) != SQLITE_OK) {
    fprintf(stderr, "sqlite-driver: %s\n", error);
    return 1;
  }
  sqlite3_close(db);
  free(sql);
  return 0;
}
