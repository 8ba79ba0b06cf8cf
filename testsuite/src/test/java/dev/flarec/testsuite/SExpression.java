package dev.flarec.testsuite;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One S-expression of a spec script: an atom (a keyword, a number, a {@code $name}), a string, or a
 * parenthesised list. Each remembers its line, which is how failures point into the script.
 *
 * <p>Strings are kept as bytes, not text: a binary module is written as strings of {@code \hh}
 * escapes that are arbitrary bytes, and only names (exports, registrations) are read as UTF-8.
 */
sealed interface SExpression {
  /** Line of the expression's first character, counted from 1. */
  int line();

  /** A bare token: {@code module}, {@code 0x1p+0}, {@code $M1}, {@code nan:canonical}. */
  record Atom(String text, int line) implements SExpression {
    @Override
    public String toString() {
      return text;
    }
  }

  /** A quoted string, escapes resolved to the bytes they stand for. */
  record Text(byte[] bytes, int line) implements SExpression {
    String utf8() {
      return new String(bytes, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
      return '"' + utf8() + '"';
    }
  }

  /** A parenthesised list. */
  record Parens(List<SExpression> items, int line) implements SExpression {
    /** The leading keyword, e.g. {@code assert_return}; empty for a list that starts otherwise. */
    String head() {
      return !items.isEmpty() && items.get(0) instanceof Atom a ? a.text() : "";
    }

    int size() {
      return items.size();
    }

    SExpression get(int i) {
      return items.get(i);
    }

    @Override
    public String toString() {
      StringBuilder sb = new StringBuilder("(");
      for (int i = 0; i < items.size(); i++) {
        sb.append(i == 0 ? "" : " ").append(items.get(i));
      }
      return sb.append(')').toString();
    }
  }

  /** Every top-level expression of {@code source}, comments skipped. */
  static List<SExpression> parseAll(String source) {
    return new Reader(source).all();
  }

  /** A recursive-descent reader over the script text. */
  final class Reader {
    private final String s;
    private int pos;
    private int line = 1;

    private Reader(String s) {
      this.s = s;
    }

    private List<SExpression> all() {
      List<SExpression> out = new ArrayList<>();
      skipSpace();
      while (pos < s.length()) {
        out.add(next());
        skipSpace();
      }
      return out;
    }

    private SExpression next() {
      char c = s.charAt(pos);
      int at = line;
      if (c == '(') {
        pos++;
        List<SExpression> items = new ArrayList<>();
        skipSpace();
        while (pos < s.length() && s.charAt(pos) != ')') {
          items.add(next());
          skipSpace();
        }
        if (pos >= s.length()) {
          throw error(at, "unclosed '('");
        }
        pos++;
        return new Parens(List.copyOf(items), at);
      }
      if (c == ')') {
        throw error(at, "unexpected ')'");
      }
      if (c == '"') {
        return string(at);
      }
      int start = pos;
      while (pos < s.length() && !isDelimiter(s.charAt(pos))) {
        pos++;
      }
      return new Atom(s.substring(start, pos), at);
    }

    private static boolean isDelimiter(char c) {
      return c == '(' || c == ')' || c == '"' || c == ';' || Character.isWhitespace(c);
    }

    private Text string(int at) {
      pos++;
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      while (true) {
        if (pos >= s.length()) {
          throw error(at, "unclosed string");
        }
        char c = s.charAt(pos++);
        if (c == '"') {
          return new Text(bytes.toByteArray(), at);
        }
        if (c == '\n') {
          line++;
        }
        if (c != '\\') {
          // Characters outside \hh escapes are text; a non-ASCII one stands for its UTF-8 bytes.
          int cp = s.codePointAt(pos - 1);
          pos += Character.charCount(cp) - 1;
          bytes.writeBytes(new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8));
          continue;
        }
        char e = s.charAt(pos++);
        switch (e) {
          case 'n' -> bytes.write('\n');
          case 't' -> bytes.write('\t');
          case 'r' -> bytes.write('\r');
          case '\\', '\'', '"' -> bytes.write(e);
          case 'u' -> {
            int close = s.indexOf('}', pos);
            if (s.charAt(pos) != '{' || close < 0) {
              throw error(line, "bad \\u escape");
            }
            int cp = Integer.parseInt(s.substring(pos + 1, close), 16);
            pos = close + 1;
            bytes.writeBytes(new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8));
          }
          default -> {
            int hi = Character.digit(e, 16);
            int lo = pos < s.length() ? Character.digit(s.charAt(pos), 16) : -1;
            if (hi < 0 || lo < 0) {
              throw error(line, "bad escape \\" + e);
            }
            pos++;
            bytes.write(hi << 4 | lo);
          }
        }
      }
    }

    private void skipSpace() {
      while (pos < s.length()) {
        char c = s.charAt(pos);
        if (c == '\n') {
          line++;
          pos++;
        } else if (Character.isWhitespace(c)) {
          pos++;
        } else if (s.startsWith(";;", pos)) {
          while (pos < s.length() && s.charAt(pos) != '\n') {
            pos++;
          }
        } else if (s.startsWith("(;", pos)) {
          blockComment();
        } else {
          return;
        }
      }
    }

    /** A {@code (; ... ;)} comment, which nests. */
    private void blockComment() {
      int at = line;
      int depth = 0;
      do {
        if (pos >= s.length()) {
          throw error(at, "unclosed block comment");
        }
        if (s.startsWith("(;", pos)) {
          depth++;
          pos += 2;
        } else if (s.startsWith(";)", pos)) {
          depth--;
          pos += 2;
        } else {
          if (s.charAt(pos) == '\n') {
            line++;
          }
          pos++;
        }
      } while (depth > 0);
    }

    private static IllegalArgumentException error(int line, String what) {
      return new IllegalArgumentException("line " + line + ": " + what);
    }
  }
}
