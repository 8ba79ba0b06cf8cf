// File I/O in a pre-opened directory, given as argv[1]: each step prints "ok STEP" or
// "FAIL STEP: reason" and the program exits with the number of failures.
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int failures = 0;

static void check(int ok, const char *step) {
  if (ok) {
    printf("ok %s\n", step);
  } else {
    printf("FAIL %s: %s\n", step, strerror(errno));
    failures++;
  }
}

int main(int argc, char **argv) {
  if (argc < 2) {
    fprintf(stderr, "usage: files DIR\n");
    return 2;
  }
  char path[512], other[512];
  const char *dir = argv[1];

  snprintf(path, sizeof path, "%s/work", dir);
  check(mkdir(path, 0755) == 0, "mkdir work");

  snprintf(path, sizeof path, "%s/work/notes.txt", dir);
  FILE *f = fopen(path, "w");
  check(f != NULL, "fopen w");
  if (f) {
    fprintf(f, "line one\nline two\n");
    check(fclose(f) == 0, "fclose");
  }

  f = fopen(path, "a");
  check(f != NULL, "fopen a");
  if (f) {
    fputs("line three\n", f);
    fclose(f);
  }

  f = fopen(path, "r");
  check(f != NULL, "fopen r");
  if (f) {
    char line[64];
    int lines = 0;
    while (fgets(line, sizeof line, f)) {
      lines++;
      printf("read: %s", line);
    }
    fclose(f);
    check(lines == 3, "three lines");
  }

  int fd = open(path, O_RDWR);
  check(fd >= 0, "open O_RDWR");
  struct stat st;
  check(fstat(fd, &st) == 0 && st.st_size == 29 && S_ISREG(st.st_mode), "fstat size 29");
  check(lseek(fd, 5, SEEK_SET) == 5, "lseek 5");
  check(write(fd, "ONE", 3) == 3, "write at 5");
  char buffer[16] = {0};
  check(pread(fd, buffer, 8, 0) == 8 && memcmp(buffer, "line ONE", 8) == 0, "pread");
  check(pwrite(fd, "TWO", 3, 14) == 3, "pwrite");
  check(lseek(fd, 0, SEEK_CUR) == 8, "position kept by pread/pwrite");
  check(lseek(fd, -6, SEEK_END) == 23, "lseek from end");
  check(ftruncate(fd, 9) == 0, "ftruncate 9");
  check(fstat(fd, &st) == 0 && st.st_size == 9, "fstat size 9");
  check(ftruncate(fd, 100) == 0 && fstat(fd, &st) == 0 && st.st_size == 100, "ftruncate grows");
  check(close(fd) == 0, "close");

  check(lseek(fd, 0, SEEK_SET) == -1 && errno == EBADF, "closed fd is EBADF");

  snprintf(other, sizeof other, "%s/work/renamed.txt", dir);
  check(rename(path, other) == 0, "rename");
  check(stat(path, &st) == -1 && errno == ENOENT, "old name gone");
  check(stat(other, &st) == 0 && st.st_size == 100, "new name has the data");

  f = fopen(other, "r");
  if (f) {
    char text[16] = {0};
    size_t n = fread(text, 1, 9, f);
    fclose(f);
    printf("content: %.*s\n", (int) n, text);
  }

  fd = open(other, O_WRONLY | O_CREAT | O_EXCL, 0644);
  check(fd == -1 && errno == EEXIST, "O_EXCL on existing is EEXIST");

  snprintf(path, sizeof path, "%s/work", dir);
  check(rmdir(path) == -1 && errno == ENOTEMPTY, "rmdir non-empty is ENOTEMPTY");
  check(unlink(other) == 0, "unlink");
  check(unlink(other) == -1 && errno == ENOENT, "unlink again is ENOENT");
  check(rmdir(path) == 0, "rmdir");

  snprintf(path, sizeof path, "%s/missing/file.txt", dir);
  check(fopen(path, "w") == NULL && errno == ENOENT, "create in missing dir is ENOENT");

  printf("failures=%d\n", failures);
  return failures;
}
