// Writes far past the end of its linear memory: the store must trap ("out of bounds memory
// access"), not corrupt anything or raise a JVM exception.
#include <stdint.h>
#include <stdio.h>

int main(void) {
  printf("before the bad write\n");
  fflush(stdout);
  volatile uint8_t *far = (volatile uint8_t *) (uintptr_t) 0xFFFFFFF0u;
  *far = 42;
  printf("after the bad write\n");
  return 0;
}
