// Copies stdin to stdout byte for byte until the end, then reports the count on stderr.
#include <stdio.h>

int main(void) {
  char buffer[4096];
  size_t n;
  long long total = 0;
  while ((n = fread(buffer, 1, sizeof buffer, stdin)) > 0) {
    fwrite(buffer, 1, n, stdout);
    total += n;
  }
  fflush(stdout);
  fprintf(stderr, "copied %lld bytes\n", total);
  return ferror(stdin) ? 1 : 0;
}
