package dev.flarec.compiler;

/** The binary is not a well-formed WebAssembly module (§5, binary format). */
public final class MalformedModuleException extends CompileException {
  private static final long serialVersionUID = 1L;

  public MalformedModuleException(
      String message, int functionIndex, long byteOffset, Throwable cause) {
    super(message, functionIndex, byteOffset, cause);
  }

  public MalformedModuleException(
      String message, String section, int functionIndex, long byteOffset, Throwable cause) {
    super(message, section, functionIndex, byteOffset, cause);
  }

  public MalformedModuleException(String message) {
    this(message, UNKNOWN, UNKNOWN, null);
  }

  @Override
  public String phase() {
    return "malformed";
  }
}
