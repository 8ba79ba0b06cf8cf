package dev.flarec.compiler.layout;

import java.util.HashSet;
import java.util.Set;

/**
 * Names of the members flarec generates. Compiled functions are named after the name section where
 * it names them (so {@code javap} and stack traces read like the source), sanitised to JVM
 * identifiers; every name flarec invents itself contains a {@code $}, which sanitised Wasm names
 * never do, so the two cannot collide.
 */
public final class NamingScheme {
  private final Set<String> used = new HashSet<>();

  /** The method name for function {@code index}, given its name-section entry (may be null). */
  public String functionMethod(int index, String wasmName) {
    String base = wasmName == null || wasmName.isEmpty() ? "func" + index : sanitize(wasmName);
    String name = base;
    if (!used.add(name)) {
      name = base + "_" + index;
      while (!used.add(name)) {
        name = name + "_";
      }
    }
    return name;
  }

  private static String sanitize(String s) {
    StringBuilder sb = new StringBuilder(Math.min(s.length(), 64));
    for (int i = 0; i < s.length() && sb.length() < 64; i++) {
      char c = s.charAt(i);
      sb.append((Character.isLetterOrDigit(c) && c < 128) || c == '_' ? c : '_');
    }
    if (!Character.isLetter(sb.charAt(0)) && sb.charAt(0) != '_') {
      sb.insert(0, 'f');
    }
    return sb.toString();
  }

  public static String importField(int functionIndex) {
    return "import$" + functionIndex;
  }

  public static String importBridge(int functionIndex) {
    return "call$import" + functionIndex;
  }

  public static String indirectBridge(int typeIndex, int tableIndex) {
    return "call$indirect$type" + typeIndex + "$table" + tableIndex;
  }

  public static String memoryField(int index) {
    return "memory$" + index;
  }

  public static String tableField(int index) {
    return "table$" + index;
  }

  public static String globalField(int index) {
    return "global$" + index;
  }
}
