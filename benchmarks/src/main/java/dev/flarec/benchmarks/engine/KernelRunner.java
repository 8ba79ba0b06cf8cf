package dev.flarec.benchmarks.engine;

/** A kernel's {@code run(n) -> i64}, ready to call on some engine. */
@FunctionalInterface
public interface KernelRunner {
  long run(int n);
}
