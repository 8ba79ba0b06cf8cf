package dev.flarec.compiler.text;

import dev.flarec.compiler.CompileException;

/**
 * A {@code .wat} file that is not well-formed text format: wabt's first error, with the line and
 * column (both from 1) where it found it.
 */
public final class TextFormatException extends CompileException {
  private static final long serialVersionUID = 1L;

  private final int line;
  private final int column;

  public TextFormatException(String message, int line, int column) {
    super(message, UNKNOWN, UNKNOWN, null);
    this.line = line;
    this.column = column;
  }

  /** The line of the error, from 1, or {@link #UNKNOWN}. */
  public int line() {
    return line;
  }

  /** The column of the error, from 1, or {@link #UNKNOWN}. */
  public int column() {
    return column;
  }

  @Override
  public String phase() {
    return "malformed";
  }

  /** "malformed text format, line 4, column 5: unexpected token ...". */
  @Override
  public String describe() {
    StringBuilder sb = new StringBuilder("malformed text format");
    if (line != UNKNOWN) {
      sb.append(", line ").append(line).append(", column ").append(column);
    }
    return sb.append(": ").append(getMessage()).toString();
  }
}
