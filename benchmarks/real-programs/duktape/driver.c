/* Runs the ECMAScript program on standard input with Duktape and a print() that writes its
 * arguments, space-separated, as one line to standard output. An uncaught error prints its
 * message and exits 1. */
#include <stdio.h>
#include <stdlib.h>

#include "duktape.h"

static duk_ret_t print(duk_context *ctx) {
  duk_push_string(ctx, " ");
  duk_insert(ctx, 0);
  duk_join(ctx, duk_get_top(ctx) - 1);
  puts(duk_safe_to_string(ctx, -1));
  return 0;
}

static char *read_all(FILE *in) {
  size_t capacity = 1 << 16, length = 0, n;
  char *text = malloc(capacity);
  while (text != NULL && (n = fread(text + length, 1, capacity - length - 1, in)) > 0) {
    length += n;
    if (length + 1 == capacity) {
      capacity *= 2;
      text = realloc(text, capacity);
    }
  }
  if (text != NULL) {
    text[length] = '\0';
  }
  return text;
}

int main(void) {
  char *program = read_all(stdin);
  duk_context *ctx = duk_create_heap_default();
  if (program == NULL || ctx == NULL) {
    fputs("duktape: out of memory\n", stderr);
    return 1;
  }
  duk_push_c_function(ctx, print, DUK_VARARGS);
  duk_put_global_string(ctx, "print");
  if (duk_peval_string(ctx, program) != 0) {
    printf("error: %s\n", duk_safe_to_string(ctx, -1));
    return 1;
  }
  duk_destroy_heap(ctx);
  free(program);
  return 0;
}
