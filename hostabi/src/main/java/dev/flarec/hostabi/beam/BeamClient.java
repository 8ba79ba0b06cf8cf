package dev.flarec.hostabi.beam;

/** Placeholder: outbound HTTP is being written. */
public final class BeamClient {
  public BeamClient() {}
}
