package dev.flarec.hostabi.abi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.flarec.hostabi.config.FlareConfig;
import dev.flarec.hostabi.secrets.SecretStore;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** secret_get driven through a compiled flare (flaron-abi.md §3.6, decisions 10, 28). */
class SecretImportsTest {
  private ForwardingFlare flare;

  @BeforeEach
  void setUp() {
    SecretStore secrets =
        new SecretStore(
            Map.of(
                "api-key", "topsecret", "JWT_SECRET", "shhh", "other", "not yours", "empty", ""));
    FlareConfig c = FlareConfig.defaults("site");
    FlareConfig config =
        new FlareConfig(
            c.name(),
            c.kind(),
            false,
            false,
            List.of("api-key", "JWT_SECRET", "empty", "configured-nowhere"),
            List.of(),
            false,
            false,
            c.isolation(),
            c.limits());
    flare =
        ForwardingFlare.load(
            "secrets",
            new HostServices(null, null, null, secrets, null, Clock.systemUTC()),
            config);
  }

  private String secret(String name) {
    var k = flare.arg(name);
    return flare.resultUtf8(flare.callI64("secret_get", k.ptr(), k.len()));
  }

  @Test
  void allowedSecretsAreReturned() {
    assertEquals("topsecret", secret("api-key"));
    assertEquals("shhh", secret("JWT_SECRET"));
  }

  @Test
  void notAllowlistedMissingOrEmptyIsZero() {
    assertNull(secret("other"), "exists but not in allowed_secrets");
    assertNull(secret("configured-nowhere"), "allowed but missing");
    assertNull(secret("API-KEY"), "names are case-sensitive");
    assertNull(secret("empty"), "empty value is 0 (decision 10)");
    assertEquals(0L, flare.callI64("secret_get", 0, 0));
  }

  @Test
  void allocFailureIsZero() {
    flare.failAlloc(true);
    var k = flare.arg("api-key");
    assertEquals(0L, flare.callI64("secret_get", k.ptr(), k.len()));
  }
}
