/* Two C library functions Lua's io and os libraries link against and WASI does not offer: there
 * are no processes to start and no anonymous temporary files. Both fail the way C says they may. */
#include <errno.h>
#include <stdio.h>

FILE *tmpfile(void) {
  errno = ENOTSUP;
  return NULL;
}

int system(const char *command) {
  /* system(NULL) asks whether a command processor exists: none does */
  return command == NULL ? 0 : -1;
}
