/* Builds and walks many binary trees of small nodes, each from its own malloc call, keeping one
 * long-lived tree and a growing list of retained trees: the heap grows a little at a time, so the
 * program exercises memory.grow under a general-purpose allocator (dlmalloc in wasi-libc). */
#include <stdio.h>
#include <stdlib.h>

typedef struct Node {
  struct Node *left, *right;
  int value;
} Node;

static Node *build(int depth, int value) {
  Node *node = malloc(sizeof *node);
  if (node == NULL) {
    fputs("binarytrees: out of memory\n", stderr);
    exit(1);
  }
  node->value = value;
  if (depth > 0) {
    node->left = build(depth - 1, 2 * value - 1);
    node->right = build(depth - 1, 2 * value);
  } else {
    node->left = node->right = NULL;
  }
  return node;
}

static long check(const Node *node) {
  if (node->left == NULL) return node->value;
  return node->value + check(node->left) - check(node->right);
}

static long count(const Node *node) {
  return node == NULL ? 0 : 1 + count(node->left) + count(node->right);
}

static void release(Node *node) {
  if (node == NULL) return;
  release(node->left);
  release(node->right);
  free(node);
}

int main(void) {
  const int max_depth = 16;
  Node *long_lived = build(max_depth, 0);
  Node *retained[64];
  int retained_count = 0;

  for (int depth = 4; depth <= max_depth; depth += 2) {
    int iterations = 1 << (max_depth - depth + 4);
    long sum = 0;
    for (int i = 1; i <= iterations; i++) {
      Node *tree = build(depth, i);
      sum += check(tree);
      // every so often a tree survives, so the live heap keeps growing through the run
      if (i % (iterations / 4) == 0 && retained_count < 64) retained[retained_count++] = tree;
      else release(tree);
    }
    printf("%d trees of depth %d, check %ld\n", iterations, depth, sum);
  }
  long retained_nodes = 0;
  for (int i = 0; i < retained_count; i++) retained_nodes += count(retained[i]);
  printf("long-lived tree of depth %d, check %ld, retained %d trees of %ld nodes\n", max_depth,
         check(long_lived), retained_count, retained_nodes);
  for (int i = 0; i < retained_count; i++) release(retained[i]);
  release(long_lived);
  return 0;
}
