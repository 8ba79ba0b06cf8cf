// Checks the clocks and the random source: prints "ok CHECK" or "FAIL CHECK" per check and
// exits with the number of failures.
#include <stdio.h>
#include <time.h>
#include <unistd.h>

static int failures = 0;

static void check(int ok, const char *what) {
  printf("%s %s\n", ok ? "ok" : "FAIL", what);
  if (!ok) failures++;
}

static long long nanos(struct timespec t) {
  return (long long) t.tv_sec * 1000000000LL + t.tv_nsec;
}

int main(void) {
  struct timespec wall, mono1, mono2, res;
  check(clock_gettime(CLOCK_REALTIME, &wall) == 0, "realtime");
  // after 2020-01-01 and before 2200-01-01
  check(wall.tv_sec > 1577836800LL && wall.tv_sec < 7258118400LL, "realtime is a plausible date");
  time_t now = time(NULL);
  check(now >= wall.tv_sec && now - wall.tv_sec < 5, "time() agrees with realtime");
  check(clock_getres(CLOCK_MONOTONIC, &res) == 0 && nanos(res) > 0, "monotonic resolution");
  check(clock_gettime(CLOCK_MONOTONIC, &mono1) == 0, "monotonic");
  struct timespec pause = {0, 50 * 1000000};
  check(nanosleep(&pause, NULL) == 0, "nanosleep 50 ms");
  check(clock_gettime(CLOCK_MONOTONIC, &mono2) == 0, "monotonic again");
  long long slept = nanos(mono2) - nanos(mono1);
  check(slept >= 50000000LL, "monotonic advanced by the sleep");
  check(slept < 5000000000LL, "the sleep was not absurdly long");
  check(usleep(1000) == 0, "usleep");

  unsigned char bytes[32] = {0};
  check(getentropy(bytes, sizeof bytes) == 0, "getentropy");
  int nonzero = 0;
  for (unsigned i = 0; i < sizeof bytes; i++) nonzero += bytes[i] != 0;
  check(nonzero > 8, "random bytes are not zeros");

  printf("failures=%d\n", failures);
  return failures;
}
