/* wasi-libc has no setjmp/longjmp (they need Wasm exception handling, a proposal flarec does not
 * take: it holds modules to WebAssembly 2.0). Lua raises errors with longjmp, so this build
 * replaces it: protected calls run their body directly and raising an error stops the program
 * with a message. The benchmark scripts never raise an error, so they run exactly as they would
 * with a real longjmp. */
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
  fputs("lua: an error was raised, and this build cannot unwind (no longjmp in wasi-libc)\n", stderr);
  exit(70);
}
#endif
