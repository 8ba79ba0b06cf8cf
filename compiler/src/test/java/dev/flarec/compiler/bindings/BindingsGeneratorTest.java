package dev.flarec.compiler.bindings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flarec.compiler.CompileOptions;
import dev.flarec.compiler.CompiledModule;
import dev.flarec.compiler.Flarec;
import dev.flarec.compiler.testing.ModuleBuilder;
import dev.flarec.compiler.testing.ModuleBuilder.Code;
import dev.flarec.runtime.descriptor.DescriptorCodec;
import dev.flarec.runtime.memory.Memory;
import dev.flarec.runtime.trap.WasmTrap;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Generated bindings, compiled by javac and called as a user's code would. */
class BindingsGeneratorTest {
  private static final String CALC =
      """
      (module
        (import "env" "log" (func $log (param i32)))
        (func (export "add") (param i32 i32) (result i32)
          (local i32)
          (local.set 2 (i32.add (local.get 0) (local.get 1)))
          (call $log (local.get 2))
          (local.get 2))
        (func (export "get-value") (param i64) (result i64) (i64.mul (local.get 0) (i64.const 3)))
        (func (export "neg") (param f64) (result f64) (f64.neg (local.get 0)))
        (func (export "pair") (result i32 i64) (i32.const -1) (i64.const 4294967296))
        (func (export "class") (unreachable))
        (memory (export "mem") 1))
      """;

  @TempDir static Path dir;
  static String source;
  static ClassLoader loader;
  static Class<?> calc;

  @BeforeAll
  static void compileBindings() throws IOException, ClassNotFoundException {
    CompiledModule module =
        Flarec.compileText(
            CALC, new CompileOptions(BindingsGenerator.moduleClassFor("com.example.Calc")));
    BindingsSource bindings =
        new BindingsGenerator(module.descriptor(), "com.example.Calc", "calc.wat").generate();
    source = bindings.source();
    loader = compile(module, bindings, dir);
    calc = Class.forName("com.example.Calc", true, loader);
  }

  /**
   * Compiles {@code bindings} of {@code module} with javac beside the module's classes under {@code
   * root}, and returns a loader of them.
   */
  private static ClassLoader compile(CompiledModule module, BindingsSource bindings, Path root)
      throws IOException {
    String bindingsClass = bindings.className();
    Path sources = root.resolve("src");
    Path classes = Files.createDirectories(root.resolve("classes"));
    Path file = bindings.writeTo(sources);
    assertEquals(sources.resolve(bindingsClass.replace('.', '/') + ".java"), file);
    for (Map.Entry<String, byte[]> c : module.classFiles().entrySet()) {
      Path classFile = classes.resolve(c.getKey().replace('.', '/') + ".class");
      Files.createDirectories(classFile.getParent());
      Files.write(classFile, c.getValue());
    }
    Files.write(
        classes.resolve(
            BindingsGenerator.moduleClassFor(bindingsClass).replace('.', '/')
                + DescriptorCodec.RESOURCE_SUFFIX),
        DescriptorCodec.encode(module.descriptor()));
    var diagnostics = new ByteArrayOutputStream();
    int status =
        ToolProvider.getSystemJavaCompiler()
            .run(
                null,
                null,
                diagnostics,
                "-Xlint:all",
                "-Werror",
                "-d",
                classes.toString(),
                "-cp",
                System.getProperty("java.class.path"),
                file.toString());
    assertEquals(
        0, status, diagnostics.toString(StandardCharsets.UTF_8) + "\n" + bindings.source());
    return new URLClassLoader(
        new URL[] {classes.toUri().toURL()}, BindingsGeneratorTest.class.getClassLoader());
  }

  /**
   * An import whose type has typed references (its canonical key tells it apart from a plain
   * funcref type of the same shape) links through the bindings' builder: the builder gives the host
   * function the module's own type, key included.
   */
  @Test
  void anImportWithTypedReferencesLinks(@TempDir Path root) throws Throwable {
    ModuleBuilder m = new ModuleBuilder();
    int intToInt = m.type(new byte[] {ModuleBuilder.I32}, new byte[] {ModuleBuilder.I32});
    int takesRef =
        m.typeEncoded(1, ModuleBuilder.refNull(intToInt), 1, new byte[] {ModuleBuilder.I32});
    int noArgs = m.type(new byte[0], new byte[] {ModuleBuilder.I32});
    int apply = m.importFunction("env", "apply", takesRef);
    int inc =
        m.function(intToInt, new byte[0], new Code().localGet(0).i32Const(1).op(0x6A)); // i32.add
    m.declare(inc);
    m.export("run", m.function(noArgs, new byte[0], new Code().op(0xD2, inc).call(apply)));
    CompiledModule module =
        Flarec.compile(
            m.build(), new CompileOptions(BindingsGenerator.moduleClassFor("com.example.Typed")));
    ClassLoader typedLoader =
        compile(
            module,
            new BindingsGenerator(module.descriptor(), "com.example.Typed", "typed.wasm")
                .generate(),
            root);
    Class<?> typed = Class.forName("com.example.Typed", true, typedLoader);
    Class<?> imports = Class.forName("com.example.Typed$Imports", true, typedLoader);
    Class<?> builderClass = Class.forName("com.example.Typed$Imports$Builder", true, typedLoader);
    Class<?> applyInterface =
        Class.forName("com.example.Typed$Imports$EnvApply", true, typedLoader);
    // the host calls the function reference it is given with 41
    Object host =
        Proxy.newProxyInstance(
            typedLoader,
            new Class<?>[] {applyInterface},
            (proxy, method, args) -> {
              if (!method.getName().equals("call")) {
                return method.invoke(this, args);
              }
              var ref = (dev.flarec.runtime.instance.FunctionRef) args[0];
              return (int) ref.handle().invokeExact(41);
            });
    Object builder = imports.getMethod("builder").invoke(null);
    builderClass.getMethod("envApply", applyInterface).invoke(builder, host);
    Object built = builderClass.getMethod("build").invoke(builder);
    Object instance = typed.getMethod("instantiate", imports).invoke(null, built);
    assertEquals(42, typed.getMethod("run").invoke(instance));
  }

  private static Object instantiate(List<Integer> logged) throws ReflectiveOperationException {
    Class<?> imports = Class.forName("com.example.Calc$Imports", true, loader);
    Class<?> builderClass = Class.forName("com.example.Calc$Imports$Builder", true, loader);
    Class<?> logInterface = Class.forName("com.example.Calc$Imports$EnvLog", true, loader);
    Object log =
        Proxy.newProxyInstance(
            loader,
            new Class<?>[] {logInterface},
            (proxy, m, args) -> {
              if (m.getName().equals("call")) {
                logged.add((Integer) args[0]);
              }
              return null;
            });
    Object builder = imports.getMethod("builder").invoke(null);
    builderClass.getMethod("envLog", logInterface).invoke(builder, log);
    Object built = builderClass.getMethod("build").invoke(builder);
    return calc.getMethod("instantiate", imports).invoke(null, built);
  }

  private static Object call(Object target, String name, Class<?>[] types, Object... args)
      throws Throwable {
    Method m = calc.getMethod(name, types);
    try {
      return m.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  @Test
  void exportsAreTypedMethodsOfTheirJavaShape() throws Throwable {
    var logged = new ArrayList<Integer>();
    Object calculator = instantiate(logged);
    assertEquals(int.class, calc.getMethod("add", int.class, int.class).getReturnType());
    assertEquals(5, call(calculator, "add", new Class<?>[] {int.class, int.class}, 2, 3));
    assertEquals(List.of(5), logged);
    assertEquals(long.class, calc.getMethod("getValue", long.class).getReturnType());
    assertEquals(3L << 40, call(calculator, "getValue", new Class<?>[] {long.class}, 1L << 40));
    assertEquals(-1.5, call(calculator, "neg", new Class<?>[] {double.class}, 1.5));
  }

  @Test
  void severalResultsComeBackAsARecord() throws Throwable {
    Object pair = call(instantiate(new ArrayList<>()), "pair", new Class<?>[0]);
    assertTrue(pair.getClass().isRecord(), pair.getClass().toString());
    assertEquals("PairResult[result0=-1, result1=4294967296]", pair.toString());
  }

  @Test
  void aTrapSurfacesAsWasmTrapAndKeywordsAreAvoided() {
    assertThrows(
        WasmTrap.class, () -> call(instantiate(new ArrayList<>()), "class_", new Class<?>[0]));
  }

  @Test
  void otherExportsHaveAccessors() throws Throwable {
    Object memory = call(instantiate(new ArrayList<>()), "mem", new Class<?>[0]);
    assertTrue(memory instanceof Memory, String.valueOf(memory));
  }

  @Test
  void buildingImportsWithOneMissingNamesIt() throws Exception {
    Class<?> imports = Class.forName("com.example.Calc$Imports", true, loader);
    Object builder = imports.getMethod("builder").invoke(null);
    var e =
        assertThrows(
            InvocationTargetException.class,
            () -> builder.getClass().getMethod("build").invoke(builder));
    assertEquals(IllegalStateException.class, e.getCause().getClass());
    assertEquals("imports not provided: [env log]", e.getCause().getMessage());
  }

  @Test
  void javadocGivesEachWasmSignature() {
    assertTrue(
        source.contains(
            "Calls the export {@code \"add\"}: {@code (func (param i32 i32) (result i32))}"),
        source);
    assertTrue(source.contains("{@code (func (result i32 i64))}"), source);
    assertTrue(
        source.contains("The import {@code \"env.log\"}: {@code (func (param i32))}"), source);
  }
}
