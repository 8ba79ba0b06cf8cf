package dev.flarec.hostabi.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flarec.hostabi.config.ConfigException;
import dev.flarec.hostabi.config.ConfigLoader;
import dev.flarec.hostabi.config.RouteConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which requests a flare of a node answers. */
class RouteTest {
  @Test
  void defaultsAreTheFlaresNameOrEveryPathOfItsHosts() {
    Route byName = Route.of("shop", List.of(), "");
    assertTrue(byName.matches("any.test", "/shop/cart"));
    assertTrue(byName.matches(null, "/shop"));
    assertFalse(byName.matches("any.test", "/shopping"));
    Route byHost = Route.of("shop", List.of("Shop.Test"), "");
    assertTrue(byHost.matches("shop.test:8080", "/anything"));
    assertFalse(byHost.matches("other.test", "/anything"));
    assertFalse(byHost.matches(null, "/anything"));
    assertTrue(byHost.specificity() > Route.of("x", List.of(), "/a/long/prefix/").specificity());
    assertEquals("/api/", Route.of("x", List.of(), "/api").prefix());
  }

  @Test
  void theRouteTableIsRead() {
    ConfigLoader loader = new ConfigLoader(name -> null);
    assertEquals(new RouteConfig(List.of(), ""), loader.route("", "f.toml"));
    assertEquals(
        new RouteConfig(List.of("a.test"), "/api/"),
        loader.route("[route]\nhosts = [\"a.test\"]\npath_prefix = \"/api/\"\n", "f.toml"));
    ConfigException e =
        assertThrows(
            ConfigException.class,
            () -> loader.route("[route]\npath_prefix = \"api\"\n", "f.toml"));
    assertTrue(e.getMessage().contains("route.path_prefix"), e.getMessage());
  }
}
