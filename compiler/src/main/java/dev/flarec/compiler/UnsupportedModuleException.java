package dev.flarec.compiler;

/**
 * The module is valid but uses a feature flarec does not compile, or exceeds one of its
 * implementation limits.
 */
public final class UnsupportedModuleException extends CompileException {
  private static final long serialVersionUID = 1L;

  public UnsupportedModuleException(
      String message, int functionIndex, long byteOffset, Throwable cause) {
    super(message, functionIndex, byteOffset, cause);
  }

  public UnsupportedModuleException(
      String message, String section, int functionIndex, long byteOffset, Throwable cause) {
    super(message, section, functionIndex, byteOffset, cause);
  }

  public UnsupportedModuleException(String message) {
    this(message, UNKNOWN, UNKNOWN, null);
  }

  @Override
  public String phase() {
    return "unsupported";
  }
}
