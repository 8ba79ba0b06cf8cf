package dev.flarec.compiler;

import java.util.Objects;

/**
 * How to compile a module.
 *
 * @param className binary name of the generated class (for example {@code flarec.module.Hello})
 * @param methodBudget the most bytes of bytecode one generated method may have; functions that
 *     would be larger are split across several methods. The default is HotSpot's {@code
 *     HugeMethodLimit} (8,000), above which HotSpot never JIT-compiles a method; see
 *     docs/RATIONALE.md#why-split-large-functions-by-structure
 */
public record CompileOptions(String className, int methodBudget) {
  public static final String DEFAULT_CLASS_NAME = "flarec.module.Module";
  public static final int DEFAULT_METHOD_BUDGET = 8000;

  /** Below this, a method cannot even hold the calls of a split function. */
  public static final int MIN_METHOD_BUDGET = 300;

  public CompileOptions {
    Objects.requireNonNull(className, "className");
    if (methodBudget < MIN_METHOD_BUDGET || methodBudget > 65535) {
      throw new IllegalArgumentException(
          "method budget must be between "
              + MIN_METHOD_BUDGET
              + " and 65535 bytes, got "
              + methodBudget);
    }
  }

  /** Options with the default method budget. */
  public CompileOptions(String className) {
    this(className, DEFAULT_METHOD_BUDGET);
  }

  public static CompileOptions defaults() {
    return new CompileOptions(DEFAULT_CLASS_NAME, DEFAULT_METHOD_BUDGET);
  }

  public CompileOptions withClassName(String name) {
    return new CompileOptions(name, methodBudget);
  }

  public CompileOptions withMethodBudget(int bytes) {
    return new CompileOptions(className, bytes);
  }
}
