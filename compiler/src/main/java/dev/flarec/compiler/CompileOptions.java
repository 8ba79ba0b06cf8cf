package dev.flarec.compiler;

import java.util.Objects;

/**
 * How to compile a module.
 *
 * @param className binary name of the generated class (for example {@code flarec.module.Hello})
 */
public record CompileOptions(String className) {
  public static final String DEFAULT_CLASS_NAME = "flarec.module.Module";

  public CompileOptions {
    Objects.requireNonNull(className, "className");
  }

  public static CompileOptions defaults() {
    return new CompileOptions(DEFAULT_CLASS_NAME);
  }

  public CompileOptions withClassName(String name) {
    return new CompileOptions(name);
  }
}
