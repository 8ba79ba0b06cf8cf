package dev.flarec.hostabi.secrets;

import java.util.Map;

/** Placeholder: the secret store is being written. */
public final class SecretStore {
  public SecretStore(Map<String, String> secrets) {}
}
