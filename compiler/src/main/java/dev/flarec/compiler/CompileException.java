package dev.flarec.compiler;

/**
 * A module could not be compiled. Subclasses name the phase that rejected it, as the spec's test
 * scripts do: {@link MalformedModuleException} (decoding), {@link InvalidModuleException}
 * (validation), {@link UnsupportedModuleException} (valid, but uses something flarec does not
 * compile, or exceeds an implementation limit).
 *
 * <p>The message is one line that says what is wrong and where: byte offset and function index
 * when known.
 */
public abstract class CompileException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Unknown position. */
  public static final int UNKNOWN = -1;

  private final int functionIndex;
  private final long byteOffset;

  protected CompileException(String message, int functionIndex, long byteOffset, Throwable cause) {
    super(message, cause);
    this.functionIndex = functionIndex;
    this.byteOffset = byteOffset;
  }

  /** Index (in the function index space) of the offending function, or {@link #UNKNOWN}. */
  public int functionIndex() {
    return functionIndex;
  }

  /** Offset in the module's bytes, or {@link #UNKNOWN}. */
  public long byteOffset() {
    return byteOffset;
  }

  /** The phase that rejected the module, for messages: "malformed", "invalid", "unsupported". */
  public abstract String phase();

  /** The one-line description: phase, position and reason. */
  public String describe() {
    StringBuilder sb = new StringBuilder(phase()).append(" module");
    if (functionIndex != UNKNOWN) {
      sb.append(", function ").append(functionIndex);
    }
    if (byteOffset != UNKNOWN) {
      sb.append(", at byte offset ").append(byteOffset).append(String.format(" (0x%x)", byteOffset));
    }
    return sb.append(": ").append(getMessage()).toString();
  }
}
