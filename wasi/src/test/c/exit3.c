// Prints a line and exits with status 3 through exit(), which flushes stdio first.
#include <stdio.h>
#include <stdlib.h>

int main(void) {
  printf("exiting with 3\n");
  exit(3);
}
