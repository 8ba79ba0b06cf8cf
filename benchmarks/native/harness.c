/*
 * Times one kernel natively, the reference that Wasm engines are measured against. Linked with a
 * kernel's C file (gcc -O2). The kernel lives in another translation unit, so the call cannot be
 * folded away, and every result is checked, so it cannot be skipped either.
 *
 *   harness N                      print run(N) (how build.sh records the expected answers)
 *   harness N EXPECTED SECONDS     check run(N) == EXPECTED, warm up, then time rounds of run(N)
 *                                  for SECONDS in all and print one JSON object
 */
#define _POSIX_C_SOURCE 199309L
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

int64_t run(int32_t n);

static double now_seconds(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static void check(int64_t got, int64_t expected) {
  if (got != expected) {
    fprintf(stderr, "harness: wrong answer %lld, expected %lld\n", (long long)got,
            (long long)expected);
    exit(1);
  }
}

/* Runs the kernel until at least `seconds` have passed; returns nanoseconds per call. */
static double timed_round(int32_t n, int64_t expected, double seconds) {
  long calls = 0;
  double start = now_seconds(), elapsed;
  do {
    check(run(n), expected);
    calls++;
    elapsed = now_seconds() - start;
  } while (elapsed < seconds);
  return elapsed * 1e9 / (double)calls;
}

int main(int argc, char **argv) {
  if (argc != 2 && argc != 4) {
    fprintf(stderr, "usage: harness N [EXPECTED SECONDS]\n");
    return 2;
  }
  int32_t n = (int32_t)atol(argv[1]);
  if (argc == 2) {
    printf("%lld\n", (long long)run(n));
    return 0;
  }
  int64_t expected = strtoll(argv[2], NULL, 10);
  double seconds = atof(argv[3]);
  enum { ROUNDS = 5 };
  timed_round(n, expected, seconds / (ROUNDS + 1)); /* warm-up: caches, page faults, clocks */
  double rounds[ROUNDS], sum = 0, best = 0;
  for (int i = 0; i < ROUNDS; i++) {
    rounds[i] = timed_round(n, expected, seconds / (ROUNDS + 1));
    sum += rounds[i];
    best = i == 0 || rounds[i] < best ? rounds[i] : best;
  }
  double mean = sum / ROUNDS, var = 0;
  for (int i = 0; i < ROUNDS; i++) {
    var += (rounds[i] - mean) * (rounds[i] - mean);
  }
  printf("{\"mean_ns\": %.1f, \"min_ns\": %.1f, \"stdev_ns\": %.1f, \"rounds\": %d}\n", mean, best,
         __builtin_sqrt(var / (ROUNDS - 1)), ROUNDS);
  return 0;
}
