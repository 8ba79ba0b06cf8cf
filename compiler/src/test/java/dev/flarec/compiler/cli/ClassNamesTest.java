package dev.flarec.compiler.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ClassNamesTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "hello.wasm, flarec.module.Hello",
    "factorial.wasm, flarec.module.Factorial",
    "my-flare.wasm, flarec.module.MyFlare",
    "my_flare.v2.wasm, flarec.module.MyFlareV2",
    "HELLO.WASM, flarec.module.HELLO",
    "2048.wasm, flarec.module.Module2048",
    ".wasm, flarec.module.Module",
    "'', flarec.module.Module",
    "noext, flarec.module.Noext",
    "größe.wasm, flarec.module.Größe",
    "a b$c.wasm, flarec.module.ABC"
  })
  void derivesAClassNameFromTheFileName(String fileName, String className) {
    assertEquals(className, ClassNames.fromFileName(fileName));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"Hello", "com.example.Hello", "flarec.module.Factorial", "a.b$C"})
  void acceptsJavaClassNames(String name) {
    assertEquals(name, ClassNames.validate(name));
  }

  @ParameterizedTest(name = "\"{0}\"")
  @ValueSource(
      strings = {
        "",
        "a-b",
        "1abc",
        "class",
        "com.example.",
        ".Hello",
        "com..Hello",
        "java.lang.Hello",
        "dev.flarec.runtime.Hello",
        "dev.flarec.runtime.launch.ModuleMain"
      })
  void rejectsNamesThatCannotWork(String name) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> ClassNames.validate(name));
    assertEquals("invalid --class-name '" + name + "'", e.getMessage().split(": ")[0]);
  }
}
