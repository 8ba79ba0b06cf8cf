/*
 * A checked calculator that reports errors as WebAssembly exceptions: checked_div throws the
 * tag __cpp_exception (what clang's -fwasm-exceptions defines) with a pointer to an error record,
 * and two levels of handlers catch them. clang 19 can throw (__builtin_wasm_throw) but only emits
 * the legacy form of catching, which is not WebAssembly 3.0, so the two handler functions here are
 * placeholders whose bodies ExceptionProgramTest replaces with try_table code:
 *
 *   try_call(f, a, b, caught)       calls f(a, b); any exception of the tag: *caught = its record
 *   try_call_kind(f, a, b, caught, kind)
 *                                   the same for records of that kind; others rethrown (throw_ref)
 *
 * Built and run by ExceptionProgramTest: clang-19 --target=wasm32-wasi -O2 -fwasm-exceptions.
 */
#include <stdio.h>

enum { DIV_BY_ZERO = 1, NEGATIVE = 2 };

struct error {
  int kind;
  int value;
};

static struct error pool[8];
static unsigned next_error;

__attribute__((noinline)) static void fail(int kind, int value) {
  struct error* e = &pool[next_error++ % 8];
  e->kind = kind;
  e->value = value;
  __builtin_wasm_throw(0, e);
}

__attribute__((noinline)) int checked_div(int a, int b) {
  if (b == 0) fail(DIV_BY_ZERO, a);
  if (a < 0) fail(NEGATIVE, a);
  return a / b;
}

/* placeholders: replaced by try_table code (see above) */
__attribute__((export_name("try_call"), noinline)) int try_call(
    int (*f)(int, int), int a, int b, struct error** caught) {
  *caught = 0;
  return f(a, b);
}

__attribute__((export_name("try_call_kind"), noinline)) int try_call_kind(
    int (*f)(int, int), int a, int b, struct error** caught, int kind) {
  *caught = 0;
  return f(a, b) + kind;
}

/* handles division by zero itself; anything else goes on to its caller's handler */
__attribute__((noinline)) int divide_or_zero(int a, int b) {
  struct error* e;
  int r = try_call_kind(checked_div, a, b, &e, DIV_BY_ZERO);
  if (e) {
    printf("  inner handler: %d divided by zero, using 0\n", e->value);
    return 0;
  }
  return r;
}

int main(void) {
  int cases[][2] = {{100, 5}, {7, 0}, {-9, 3}, {81, 9}};
  int total = 0;
  for (int i = 0; i < 4; i++) {
    struct error* e;
    int r = try_call(divide_or_zero, cases[i][0], cases[i][1], &e);
    if (e) {
      printf("%d / %d: outer handler: error %d (value %d)\n", cases[i][0], cases[i][1], e->kind,
             e->value);
    } else {
      printf("%d / %d = %d\n", cases[i][0], cases[i][1], r);
      total += r;
    }
  }
  printf("total %d\n", total);
  return 0;
}
