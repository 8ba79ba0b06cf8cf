package dev.flarec.compiler;

/** The module is well-formed but fails validation (§3). */
public final class InvalidModuleException extends CompileException {
  private static final long serialVersionUID = 1L;

  public InvalidModuleException(
      String message, int functionIndex, long byteOffset, Throwable cause) {
    super(message, functionIndex, byteOffset, cause);
  }

  public InvalidModuleException(
      String message, String section, int functionIndex, long byteOffset, Throwable cause) {
    super(message, section, functionIndex, byteOffset, cause);
  }

  public InvalidModuleException(String message) {
    this(message, UNKNOWN, UNKNOWN, null);
  }

  @Override
  public String phase() {
    return "invalid";
  }
}
