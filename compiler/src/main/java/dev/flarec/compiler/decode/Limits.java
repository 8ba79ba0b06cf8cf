package dev.flarec.compiler.decode;

import dev.flarec.runtime.memory.Memory;

/**
 * flarec's implementation limits (WebAssembly 2.0 §A.1 lets an implementation have them): a valid
 * module beyond one is refused at compile time as "unsupported", naming the limit. Most are the
 * parser's ({@code run.endive.wasm.WasmLimits}), checked here first so that they read as limits,
 * not as malformed modules; README "Implementation limits" lists them.
 */
final class Limits {
  private Limits() {}

  /** Initial pages of a defined memory: a Java array holds at most 2 GiB. */
  static final long MAX_INITIAL_MEMORY_PAGES = Memory.MAX_PAGES;

  /** Declared locals of one function (the parser's limit). */
  static final long MAX_LOCALS = 50_000;

  /** Parameters, and results, of one function type (the parser's limit). */
  static final int MAX_PARAMS = 1_000;

  static final int MAX_RESULTS = 1_000;

  /** Bytes of one import or export name (the parser's limit). */
  static final int MAX_NAME_BYTES = 100_000;

  /** Bytes of one function body (the parser's limit). */
  static final int MAX_FUNCTION_BYTES = 7_654_321;

  static final int MAX_TYPES = 1_000_000;
  static final int MAX_FUNCTIONS = 1_000_000;
  static final int MAX_IMPORTS = 100_000;
  static final int MAX_EXPORTS = 100_000;
  static final int MAX_GLOBALS = 1_000_000;
  static final int MAX_DATA_SEGMENTS = 100_000;
  static final int MAX_TABLES = 1_000_000;
}
