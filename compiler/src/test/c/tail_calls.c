/*
 * A scanner written as a state machine of tail calls, for flarec's tail-call test: every
 * character is one call, direct (return_call) or through a table of states (return_call_indirect),
 * millions deep, which only runs in constant stack if the calls really are tail calls.
 * Built by TailCallProgramTest: clang-19 --target=wasm32-wasi -mtail-call -O2.
 */
#include <stdio.h>
#include <stdlib.h>

typedef struct {
  long words;
  long numbers;
  long sum;
  long current;
} Counts;

typedef long (*State)(const char *p, Counts *c);

static long in_space(const char *p, Counts *c);
static long in_word(const char *p, Counts *c);
static long in_number(const char *p, Counts *c);

/* The next state by character class, called indirectly: 0 space, 1 letter, 2 digit. */
static State volatile states[3] = {in_space, in_word, in_number};

static int class_of(char ch) {
  if (ch >= '0' && ch <= '9') {
    return 2;
  }
  return ch == ' ' ? 0 : 1;
}

__attribute__((noinline)) static long in_space(const char *p, Counts *c) {
  char ch = *p;
  if (ch == 0) {
    return c->words;
  }
  if (class_of(ch) == 1) {
    c->words++;
  } else if (class_of(ch) == 2) {
    c->numbers++;
    c->current = ch - '0';
  }
  __attribute__((musttail)) return states[class_of(ch)](p + 1, c);
}

__attribute__((noinline)) static long in_word(const char *p, Counts *c) {
  char ch = *p;
  if (ch == 0) {
    return c->words;
  }
  if (ch == ' ') {
    __attribute__((musttail)) return in_space(p + 1, c);
  }
  __attribute__((musttail)) return in_word(p + 1, c);
}

__attribute__((noinline)) static long in_number(const char *p, Counts *c) {
  char ch = *p;
  if (ch >= '0' && ch <= '9') {
    c->current = c->current * 10 + (ch - '0');
    __attribute__((musttail)) return in_number(p + 1, c);
  }
  c->sum += c->current;
  c->current = 0;
  if (ch == 0) {
    return c->words;
  }
  __attribute__((musttail)) return in_space(p + 1, c);
}

/* Mutual recursion, ten million deep. */
__attribute__((noinline)) static int is_odd(unsigned n);

__attribute__((noinline)) static int is_even(unsigned n) {
  if (n == 0) {
    return 1;
  }
  __attribute__((musttail)) return is_odd(n - 1);
}

__attribute__((noinline)) static int is_odd(unsigned n) {
  if (n == 0) {
    return 0;
  }
  __attribute__((musttail)) return is_even(n - 1);
}

int main(int argc, char **argv) {
  long repeats = argc > 1 ? atol(argv[1]) : 200000;
  static const char unit[] = "tail calls 42 run in 7 constant stack 1000 ";
  size_t unit_length = sizeof unit - 1;
  char *text = malloc(unit_length * repeats + 1);
  for (long r = 0; r < repeats; r++) {
    for (size_t i = 0; i < unit_length; i++) {
      text[r * unit_length + i] = unit[i];
    }
  }
  text[unit_length * repeats] = 0;
  Counts c = {0, 0, 0, 0};
  in_space(text, &c);
  printf("characters=%zu words=%ld numbers=%ld sum=%ld\n", unit_length * repeats, c.words,
         c.numbers, c.sum);
  printf("is_even(10000000)=%d is_odd(10000001)=%d\n", is_even(10000000), is_odd(10000001));
  free(text);
  return 0;
}
