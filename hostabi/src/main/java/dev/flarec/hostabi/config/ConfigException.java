package dev.flarec.hostabi.config;

/**
 * A configuration that cannot be used, with where the problem is: the file and the key, for example
 * {@code flare.toml: flare.max_log_lines: expected an integer from 0 to 2147483647, got "lots"}.
 * The server prints {@link #getMessage()} as its one line of error and exits.
 */
public final class ConfigException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String source;
  private final String key;

  /**
   * @param source the file (or "default configuration") the problem is in
   * @param key the dotted key, for example {@code server.port}; null for file-level problems
   * @param problem what is wrong, for example {@code expected an integer, got "x"}
   */
  public ConfigException(String source, String key, String problem) {
    super(source + ": " + (key == null ? "" : key + ": ") + problem);
    this.source = source;
    this.key = key;
  }

  public String source() {
    return source;
  }

  /** The dotted key at fault, or null when the problem is the file as a whole. */
  public String key() {
    return key;
  }
}
