package dev.flarec.hostabi.invocation;

import java.util.List;

/**
 * What the host accepts from a flare's response (flaron-abi.md §8 decision 17): statuses 100–599;
 * header names that are RFC 9110 tokens; values without CR, LF or NUL; and never the headers the
 * server manages itself.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc9110#section-5.6.2">RFC 9110 §5.6.2 tokens</a>
 */
public final class ResponseRules {
  /** Set by the HTTP server from the message framing; a flare's value would corrupt it. */
  private static final List<String> MANAGED =
      List.of("content-length", "transfer-encoding", "connection");

  private ResponseRules() {}

  public static boolean validStatus(int status) {
    return status >= 100 && status <= 599;
  }

  /** Whether the server sets {@code name} itself, so a flare's value is ignored. */
  public static boolean isManaged(String name) {
    // compared in place, ASCII letters folded (as lowercasing them did): this runs for every
    // header a flare sets, and lowercasing allocated a string each time
    for (String managed : MANAGED) {
      if (equalsFolded(managed, name)) {
        return true;
      }
    }
    return false;
  }

  private static boolean equalsFolded(String lower, String name) {
    if (lower.length() != name.length()) {
      return false;
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c >= 'A' && c <= 'Z') {
        c = (char) (c + ('a' - 'A'));
      }
      if (c != lower.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  /** {@code token = 1*tchar}. */
  public static boolean isToken(String name) {
    if (name.isEmpty()) {
      return false;
    }
    for (int i = 0; i < name.length(); i++) {
      if (!isTchar(name.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /** A value may not contain CR or LF (header injection) nor NUL. */
  public static boolean isValidValue(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '\r' || c == '\n' || c == 0) {
        return false;
      }
    }
    return true;
  }

  private static boolean isTchar(char c) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
      return true;
    }
    return "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
  }
}
