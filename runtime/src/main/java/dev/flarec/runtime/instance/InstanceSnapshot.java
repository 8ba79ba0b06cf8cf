package dev.flarec.runtime.instance;

/**
 * The state an instance owns, captured by {@link Instance#snapshot()}: contents of the memories and
 * tables it defined, values of the globals it defined, and which segments were dropped. Imported
 * memories, tables and globals belong to their exporter and are not captured.
 *
 * <p>A host that isolates invocations takes one snapshot right after instantiation and restores it
 * before every call, so that nothing leaks from one call to the next.
 */
public final class InstanceSnapshot {
  final byte[][] memories;
  final Object[][] tables;
  final Object[] globals;
  final Object[][] elementSegments;
  final byte[][] dataSegments;

  InstanceSnapshot(
      byte[][] memories,
      Object[][] tables,
      Object[] globals,
      Object[][] elementSegments,
      byte[][] dataSegments) {
    this.memories = memories;
    this.tables = tables;
    this.globals = globals;
    this.elementSegments = elementSegments;
    this.dataSegments = dataSegments;
  }

  /** Bytes of memory captured, for sizing decisions. */
  public long memoryBytes() {
    long n = 0;
    for (byte[] m : memories) {
      n += m == null ? 0 : m.length;
    }
    return n;
  }
}
