package dev.flarec.hostabi.abi;

import dev.flarec.hostabi.secrets.SecretStore;

/**
 * The secrets host function: a flare reads the value of a secret it is allowed to use
 * (flaron-abi.md §3.6). The rule and its logging live in {@link SecretStore#resolve}, which the
 * crypto functions use too.
 */
final class SecretImports {
  private final FlareContext context;

  SecretImports(FlareContext context) {
    this.context = context;
  }

  /**
   * Reads a secret's value.
   *
   * <p>Parameters: {@code keyPtr}, {@code keyLen} — the secret's name, UTF-8 bytes in guest memory.
   *
   * <p>Result: the packed {@code (ptr << 32) | len} of the value, or 0 when the name is not in the
   * flare's {@code allowed_secrets} (logged), when no such secret is configured (logged), when the
   * value is empty (decision 10), or when the guest's {@code alloc} returns 0.
   *
   * <p>Written into guest memory: the secret's value, UTF-8.
   *
   * <p>See flaron-abi.md §3.6, §4.7, §8 decisions 10, 28.
   */
  @HostFunction("secret_get")
  long secretGet(int keyPtr, int keyLen) {
    String name = context.guest().readUtf8(keyPtr, keyLen);
    SecretStore secrets = context.services().secrets();
    if (secrets == null) {
      return 0;
    }
    return secrets
        .resolve(context.invocation().config(), name)
        .map(context.guest()::writeUtf8)
        .orElse(0L);
  }
}
