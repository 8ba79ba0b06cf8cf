package dev.flarec.hostabi.ids;

import java.time.Clock;

/** Placeholder: the ID generators are being written. */
public final class IdGenerators {
  public IdGenerators(int snowflakeNode, Clock clock) {}
}
