package dev.flarec.hostabi.secrets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flarec.hostabi.config.FlareConfig;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SecretStoreTest {
  private final SecretStore store = new SecretStore(Map.of("a", "1", "b", "2"));

  private static FlareConfig allowing(String... names) {
    FlareConfig c = FlareConfig.defaults("f");
    return new FlareConfig(
        c.name(),
        c.kind(),
        false,
        false,
        List.of(names),
        List.of(),
        false,
        false,
        c.isolation(),
        c.limits());
  }

  @Test
  void resolvesOnlyAllowedExistingSecrets() {
    assertEquals(Optional.of("1"), store.resolve(allowing("a"), "a"));
    assertTrue(store.resolve(allowing("a"), "b").isEmpty());
    assertTrue(store.resolve(allowing("a", "c"), "c").isEmpty());
    assertTrue(store.resolve(FlareConfig.defaults("f"), "a").isEmpty(), "default allows nothing");
    assertTrue(store.resolve(allowing("a"), "a\r\nforged log line").isEmpty());
  }

  @Test
  void containsIgnoresTheRule() {
    assertTrue(store.contains("b"));
  }
}
