package dev.flarec.compiler;

/**
 * A module could not be compiled. Subclasses name the phase that rejected it, as the spec's test
 * scripts do: {@link MalformedModuleException} (decoding), {@link InvalidModuleException}
 * (validation), {@link UnsupportedModuleException} (valid, but uses something flarec does not
 * compile, or exceeds an implementation limit).
 *
 * <p>The message is one line that says what is wrong and where: the section, the function index and
 * the byte offset, as far as they apply.
 */
public abstract class CompileException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Unknown position. */
  public static final int UNKNOWN = -1;

  private final String section;
  private final int functionIndex;
  private final long byteOffset;

  protected CompileException(String message, int functionIndex, long byteOffset, Throwable cause) {
    this(message, null, functionIndex, byteOffset, cause);
  }

  protected CompileException(
      String message, String section, int functionIndex, long byteOffset, Throwable cause) {
    super(message, cause);
    this.section = section;
    this.functionIndex = functionIndex;
    this.byteOffset = byteOffset;
  }

  /** The section (in the spec's terms: "code", "export", "custom") where it was found, or null. */
  public String section() {
    return section;
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
    if (section != null) {
      sb.append(", ").append(section).append(" section");
    }
    if (functionIndex != UNKNOWN) {
      sb.append(", function ").append(functionIndex);
    }
    if (byteOffset != UNKNOWN) {
      sb.append(", at byte offset ")
          .append(byteOffset)
          .append(String.format(" (0x%x)", byteOffset));
    }
    return sb.append(": ").append(getMessage()).toString();
  }
}
