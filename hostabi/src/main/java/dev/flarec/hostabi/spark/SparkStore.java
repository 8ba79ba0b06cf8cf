package dev.flarec.hostabi.spark;

import java.nio.file.Path;

/** Placeholder: the node-local KV store with TTL is being written. */
public final class SparkStore implements AutoCloseable {
  private SparkStore() {}

  public static SparkStore open(Path dataDirectory) {
    return new SparkStore();
  }

  @Override
  public void close() {}
}
