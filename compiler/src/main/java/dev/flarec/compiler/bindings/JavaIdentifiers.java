package dev.flarec.compiler.bindings;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import javax.lang.model.SourceVersion;

/**
 * Maps Wasm names (any UTF-8 string) to Java identifiers: letters and digits are kept, anything
 * else separates words, which are joined in camel case ({@code get_value} becomes {@code getValue},
 * {@code env.log} the type {@code EnvLog}). Names already taken in the same scope get a number
 * appended, so every export and import keeps a member of its own.
 */
final class JavaIdentifiers {
  private final Set<String> taken = new HashSet<>();

  JavaIdentifiers(Set<String> reserved) {
    taken.addAll(reserved);
  }

  /** A new lowerCamelCase member name for {@code wasmName} in this scope. */
  String member(String wasmName) {
    return unique(camel(wasmName, false, "export"));
  }

  /** A new UpperCamelCase type name for {@code wasmName} in this scope. */
  String type(String wasmName) {
    return unique(camel(wasmName, true, "Export"));
  }

  private String unique(String candidate) {
    String name = candidate;
    for (int n = 2; !taken.add(name); n++) {
      name = candidate + n;
    }
    return name;
  }

  static String camel(String wasmName, boolean upperFirst, String fallback) {
    StringBuilder name = new StringBuilder();
    boolean wordStart = upperFirst;
    for (int i = 0; i < wasmName.length(); ) {
      int c = wasmName.codePointAt(i);
      i += Character.charCount(c);
      if (Character.isLetterOrDigit(c) && Character.isJavaIdentifierPart(c)) {
        if (name.length() == 0 && !upperFirst) {
          name.appendCodePoint(Character.toLowerCase(c));
        } else {
          name.appendCodePoint(wordStart ? Character.toUpperCase(c) : c);
        }
        wordStart = false;
      } else {
        wordStart = name.length() > 0 || upperFirst;
      }
    }
    if (name.length() == 0) {
      return fallback;
    }
    if (!Character.isJavaIdentifierStart(name.codePointAt(0))) {
      name.insert(0, upperFirst ? fallback : "_"); // "2x" -> _2x
    }
    String result = name.toString();
    // "class" -> class_; keywords are lower case, so only member names can hit one
    return SourceVersion.isKeyword(result.toLowerCase(Locale.ROOT)) && !upperFirst
        ? result + "_"
        : result;
  }
}
