package dev.flarec.hostabi.secrets;

import dev.flarec.hostabi.config.FlareConfig;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.Map;
import java.util.Optional;

/**
 * Secret values by name, already resolved from the environment or a secrets file by the server's
 * configuration, and the access rule of flaron-abi.md §3.6. Immutable and thread-safe.
 *
 * <p>Every refusal is logged at WARNING with the flare and the (sanitised) name, never a value: a
 * flare asking for a secret it may not have is a configuration mistake or an attack, and the
 * operator should see either.
 */
public final class SecretStore {
  /**
   * The logger, made at the first refusal: looking up a {@code System.Logger} loads the JDK's
   * logger finder, which a flare's start-up need not wait for.
   */
  private static final class Log {
    static final Logger LOG = System.getLogger(SecretStore.class.getName());
  }

  private static final int MAX_LOGGED_NAME = 128;

  private final Map<String, String> secrets;

  public SecretStore(Map<String, String> secrets) {
    this.secrets = Map.copyOf(secrets);
  }

  /**
   * The value of secret {@code name} for {@code flare}: present only if {@code name} is in the
   * flare's {@code allowed_secrets} (exact, case-sensitive match) and the secret exists. Use this
   * for every access by a flare, including secrets named in crypto envelopes; refusals are logged.
   *
   * @param flare the flare asking, whose {@code allowed_secrets} is checked
   * @param name the secret's name as the flare gave it
   * @return the value, or empty if not allowed or missing
   */
  public Optional<String> resolve(FlareConfig flare, String name) {
    if (!flare.allowedSecrets().contains(name)) {
      Log.LOG.log(
          Level.WARNING,
          "flare {0}: secret \"{1}\" denied: not in allowed_secrets",
          flare.name(),
          printable(name));
      return Optional.empty();
    }
    String value = secrets.get(name);
    if (value == null) {
      Log.LOG.log(
          Level.WARNING,
          "flare {0}: secret \"{1}\" is allowed but not configured",
          flare.name(),
          printable(name));
      return Optional.empty();
    }
    return Optional.of(value);
  }

  /** True if a secret named {@code name} is configured (for configuration checks; no rule). */
  public boolean contains(String name) {
    return secrets.containsKey(name);
  }

  /** The guest chose {@code name}: keep it to one short log line without control characters. */
  private static String printable(String name) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < name.length() && b.length() < MAX_LOGGED_NAME; i++) {
      char c = name.charAt(i);
      b.append(Character.isISOControl(c) ? '?' : c);
    }
    if (name.length() > MAX_LOGGED_NAME) {
      b.append("...");
    }
    return b.toString();
  }
}
