package dev.flarec.compiler.bindings;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import org.junit.jupiter.api.Test;

class JavaIdentifiersTest {
  @Test
  void wasmNamesBecomeCamelCaseIdentifiers() {
    var names = new JavaIdentifiers(Set.of("instance"));
    assertEquals("add", names.member("add"));
    assertEquals("getValue", names.member("get_value"));
    assertEquals("start", names.member("_start"));
    assertEquals("envLog", names.member("env.log"));
    assertEquals("_2x", names.member("2x"));
    assertEquals("class_", names.member("class"));
    assertEquals("export", names.member("-"));
    assertEquals("instance2", names.member("instance"));
    assertEquals("getValue2", names.member("get-value"));
  }

  @Test
  void typeNamesStartUpperCase() {
    var names = new JavaIdentifiers(Set.of("Imports"));
    assertEquals("EnvLog", names.type("env.log"));
    assertEquals("Imports2", names.type("imports"));
    assertEquals("Export2x", names.type("2x"));
  }
}
