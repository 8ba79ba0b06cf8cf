// Prints its arguments and the environment variables it is asked about.
// Usage: args_env [ARGS...]; prints argc, each argv, then FLAREC_GREETING and the variable count.
#include <stdio.h>
#include <stdlib.h>

extern char **environ;

int main(int argc, char **argv) {
  printf("argc=%d\n", argc);
  for (int i = 0; i < argc; i++) {
    printf("argv[%d]=%s\n", i, argv[i]);
  }
  const char *greeting = getenv("FLAREC_GREETING");
  printf("FLAREC_GREETING=%s\n", greeting ? greeting : "(unset)");
  int count = 0;
  for (char **e = environ; *e; e++) {
    count++;
  }
  printf("environ=%d\n", count);
  return 0;
}
