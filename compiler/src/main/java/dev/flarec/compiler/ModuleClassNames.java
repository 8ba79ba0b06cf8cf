package dev.flarec.compiler;

import java.util.Locale;

/**
 * How a module's file name becomes the simple name of its generated class, the same for the command
 * line and the Maven plugin: {@code my-flare.wasm} becomes {@code MyFlare}.
 */
public final class ModuleClassNames {
  private ModuleClassNames() {}

  /**
   * The file name without its {@code .wasm} (or {@code .wat}), as an UpperCamelCase Java
   * identifier: letters and digits are kept, anything else separates words; a name that would not
   * start like an identifier gets {@code Module} in front ({@code 2048.wasm} becomes {@code
   * Module2048}).
   */
  public static String simpleNameOf(String fileName) {
    String base = withoutExtension(fileName);
    StringBuilder name = new StringBuilder();
    boolean wordStart = true;
    for (int i = 0; i < base.length(); ) {
      int c = base.codePointAt(i);
      i += Character.charCount(c);
      if (Character.isLetterOrDigit(c) && Character.isJavaIdentifierPart(c)) {
        name.appendCodePoint(wordStart ? Character.toUpperCase(c) : c);
        wordStart = false;
      } else {
        wordStart = true;
      }
    }
    if (name.length() == 0 || !Character.isJavaIdentifierStart(name.codePointAt(0))) {
      name.insert(0, "Module");
    }
    return name.toString();
  }

  /** The file name without its {@code .wasm} or {@code .wat}. */
  public static String withoutExtension(String fileName) {
    String lower = fileName.toLowerCase(Locale.ROOT);
    for (String extension : new String[] {".wasm", ".wat"}) {
      if (lower.endsWith(extension)) {
        return fileName.substring(0, fileName.length() - extension.length());
      }
    }
    return fileName;
  }
}
