package dev.flarec.hostabi.metrics;

/** The host services whose calls are counted, one label value each. */
public enum HostCall {
  SPARK,
  PLASMA,
  BEAM;

  /** The label value: the import prefix without its underscore. */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
