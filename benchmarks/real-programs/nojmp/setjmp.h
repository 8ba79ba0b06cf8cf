/* wasi-libc has no setjmp/longjmp (they need Wasm exception handling, which this corpus does not
 * build with). Lua and Duktape raise their errors with longjmp, and Jim Tcl leaves a failing lsort
 * comparison by one, so their Wasm builds take this header instead: a protected call runs its body
 * directly, and raising an error stops the program with a message. The workloads never raise an
 * error, so they run exactly as they would with a real longjmp. */
#ifndef FLAREC_CORPUS_NOJMP_SETJMP_H
#define FLAREC_CORPUS_NOJMP_SETJMP_H
#include <stdio.h>
#include <stdlib.h>

typedef int jmp_buf[1];

static inline int setjmp(jmp_buf env) {
  (void)env;
  return 0;
}

static inline _Noreturn void longjmp(jmp_buf env, int value) {
  (void)env;
  (void)value;
  fputs("an error was raised, and this build cannot unwind (no longjmp in wasi-libc)\n", stderr);
  exit(70);
}
#endif
