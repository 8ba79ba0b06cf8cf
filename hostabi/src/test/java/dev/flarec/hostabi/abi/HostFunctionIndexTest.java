package dev.flarec.hostabi.abi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flarec.compiler.Flarec;
import dev.flarec.hostabi.config.ConfigLoader;
import dev.flarec.runtime.descriptor.ModuleDescriptor;
import dev.flarec.runtime.instance.FunctionRef;
import dev.flarec.runtime.instance.Imports;
import dev.flarec.runtime.types.FunctionType;
import dev.flarec.runtime.types.ValueType;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class HostFunctionIndexTest {
  /** "module.name -> Family.method" for every annotated method, from the annotations. */
  private static Set<String> annotated() {
    Set<String> found = new TreeSet<>();
    for (HostFunctionIndex.Family family : HostFunctionIndex.Family.values()) {
      for (Method m : family.create(new FlareContext(null)).getClass().getDeclaredMethods()) {
        HostFunction a = m.getAnnotation(HostFunction.class);
        if (a != null) {
          found.add(a.module() + "." + a.value() + " -> " + family + "." + m.getName());
        }
      }
    }
    return found;
  }

  @Test
  void theIndexListsExactlyTheAnnotatedMethods() {
    Set<String> indexed = new TreeSet<>();
    for (HostFunctionIndex.Entry e : HostFunctionIndex.ENTRIES) {
      indexed.add(e.module() + "." + e.name() + " -> " + e.family() + "." + e.method());
    }
    assertEquals(annotated(), indexed);
    assertEquals(HostFunctionIndex.ENTRIES.size(), indexed.size(), "an import listed twice");
  }

  @Test
  void everyFamilyCreatesAnObjectOfAClassOfItsOwn() {
    FlareContext context = new FlareContext(null);
    Set<Class<?>> classes = new java.util.HashSet<>();
    for (HostFunctionIndex.Family family : HostFunctionIndex.Family.values()) {
      Object made = family.create(context);
      assertTrue(classes.add(made.getClass()), family + " shares " + made.getClass());
      assertNotSame(made, family.create(context), "a new object for every instance");
    }
  }

  @Test
  void aFlareGetsOnlyTheFunctionsItImports() {
    ModuleDescriptor flare =
        Flarec.compileText(
                """
                (module
                  (import "flaron/v1" "req_method" (func (result i64)))
                  (import "flaron/v1" "resp_set_status" (func (param i32)))
                  (memory (export "memory") 1))
                """)
            .descriptor();
    HostServices services =
        HostServices.create(new ConfigLoader(name -> null).defaults("index-test"), flare);
    try {
      Imports imports = FlaronImports.create(new FlareContext(services), flare);
      FunctionRef method = (FunctionRef) imports.lookup(FlaronImports.MODULE, "req_method");
      assertNotNull(method);
      assertEquals(FunctionType.of(List.of(), List.of(ValueType.I64)), method.type());
      FunctionRef status = (FunctionRef) imports.lookup(FlaronImports.MODULE, "resp_set_status");
      assertEquals(FunctionType.of(List.of(ValueType.I32), List.of()), status.type());
      assertNull(imports.lookup(FlaronImports.MODULE, "req_url"));
      assertNull(imports.lookup("env", "abort"));
    } finally {
      services.close();
    }
  }

  @Test
  void everyFamilyNamesTheClassOfTheObjectsItCreates() {
    FlareContext context = new FlareContext(null);
    for (HostFunctionIndex.Family family : HostFunctionIndex.Family.values()) {
      assertEquals(family.create(context).getClass(), family.implementation(), family.name());
    }
  }

  @Test
  void preparingAFlaresImportsLeavesBindingThemUnchanged() {
    ModuleDescriptor flare =
        Flarec.compileText(
                """
                (module
                  (import "flaron/v1" "req_header_get" (func (param i32 i32) (result i64)))
                  (import "flaron/v1" "crypto_hmac" (func (param i32 i32) (result i64)))
                  (import "flaron/v1" "no_such_function" (func))
                  (memory (export "memory") 1))
                """)
            .descriptor();
    // an import the host lacks is left to the linker to report, as binding leaves it
    FlaronImports.prepare(flare);
    Imports imports = FlaronImports.create(new FlareContext(null), flare);
    FunctionRef header = (FunctionRef) imports.lookup(FlaronImports.MODULE, "req_header_get");
    assertEquals(
        FunctionType.of(List.of(ValueType.I32, ValueType.I32), List.of(ValueType.I64)),
        header.type());
    assertNotNull(imports.lookup(FlaronImports.MODULE, "crypto_hmac"));
    assertNull(imports.lookup(FlaronImports.MODULE, "no_such_function"));
  }

  @Test
  void allFunctionsAreBoundWithoutADescriptor() {
    Imports imports = FlaronImports.create(new FlareContext(null));
    for (HostFunctionIndex.Entry e : HostFunctionIndex.ENTRIES) {
      FunctionRef f = (FunctionRef) imports.lookup(e.module(), e.name());
      assertNotNull(f, e.name());
      assertEquals(
          FunctionType.ofJavaMethod(
              HostFunctionBinder.method(e, e.family().create(new FlareContext(null)).getClass())),
          f.type(),
          "type of " + e.name());
    }
  }
}
