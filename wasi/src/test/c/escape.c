// Tries to reach files outside its pre-opened directory, given as argv[1], every way a program
// can: each attempt prints "NAME: denied (REASON)" or "NAME: ESCAPED".
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static const char *dir;
static int escaped = 0;

static void result(const char *name, int failed) {
  if (failed) {
    printf("%s: denied (%s)\n", name, strerror(errno));
  } else {
    printf("%s: ESCAPED\n", name);
    escaped++;
  }
}

static const char *in(const char *relative) {
  static char buffers[4][512];
  static int next = 0;
  char *path = buffers[next++ % 4];
  snprintf(path, 512, "%s/%s", dir, relative);
  return path;
}

static void try_open(const char *name, const char *path, int flags) {
  int fd = open(path, flags, 0644);
  result(name, fd < 0);
  if (fd >= 0) close(fd);
}

int main(int argc, char **argv) {
  if (argc < 2) {
    fprintf(stderr, "usage: escape DIR\n");
    return 2;
  }
  dir = argv[1];
  struct stat st;
  try_open("dotdot read", in("../outside/secret.txt"), O_RDONLY);
  try_open("dotdot deep", in("inside/../../outside/secret.txt"), O_RDONLY);
  try_open("dotdot create", in("../outside/created.txt"), O_WRONLY | O_CREAT);
  try_open("absolute host path", "/etc/passwd", O_RDONLY);
  try_open("symlink dir out", in("link-to-outside/secret.txt"), O_RDONLY);
  try_open("symlink file out", in("secret-link"), O_RDONLY);
  try_open("symlink absolute", in("absolute-link"), O_RDONLY);
  try_open("symlink chain out", in("chain-link"), O_RDONLY);
  try_open("symlink write out", in("secret-link"), O_WRONLY | O_TRUNC);
  result("stat through link", stat(in("link-to-outside/secret.txt"), &st) != 0);
  result("opendir parent", opendir(in("..")) == NULL);
  result("mkdir outside", mkdir(in("../outside/newdir"), 0755) != 0);
  result("rename out", rename(in("inside/file.txt"), in("../outside/moved.txt")) != 0);
  result("unlink outside", unlink(in("../outside/secret.txt")) != 0);
  result("symlink absolute create", symlink("/etc/passwd", in("made-abs")) != 0);
  result("symlink climbing create", symlink("../../outside", in("made-rel")) != 0);
  result("hard link out", link(in("link-to-outside/secret.txt"), in("hard")) != 0);
  result("loop", open(in("loop-a"), O_RDONLY) >= 0 ? 0 : 1);
  // allowed: a link that stays inside
  int fd = open(in("inside-link"), O_RDONLY);
  printf("inside link: %s\n", fd >= 0 ? "opened" : strerror(errno));
  printf("escaped=%d\n", escaped);
  return escaped;
}
