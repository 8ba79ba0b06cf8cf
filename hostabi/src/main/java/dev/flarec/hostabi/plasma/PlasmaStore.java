package dev.flarec.hostabi.plasma;

/** Placeholder: the CRDT KV store is being written. */
public final class PlasmaStore {
  public PlasmaStore(String nodeId) {}
}
