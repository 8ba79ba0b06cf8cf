package dev.flarec.runtime.launch;

import dev.flarec.runtime.descriptor.DescriptorCodec;
import dev.flarec.runtime.descriptor.ExternKind;
import dev.flarec.runtime.descriptor.ModuleDescriptor;
import dev.flarec.runtime.descriptor.ModuleDescriptor.Export;
import dev.flarec.runtime.descriptor.ModuleDescriptor.Function;
import dev.flarec.runtime.descriptor.ModuleDescriptor.Import;
import dev.flarec.runtime.instance.Instance;
import dev.flarec.runtime.instance.Linkage;
import dev.flarec.runtime.instance.Module;
import dev.flarec.runtime.trap.TrapKind;
import dev.flarec.runtime.trap.WasmTrap;
import dev.flarec.runtime.types.FunctionType;
import dev.flarec.runtime.types.ValueType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Modules written by hand in the shape the compiler generates, so that the launcher can be tested
 * in the runtime, which cannot depend on the compiler. Each class is paired with the descriptor a
 * compiler would have written beside it.
 */
public final class HandWrittenModules {
  private HandWrittenModules() {}

  static final FunctionType I32_I32_TO_I32 =
      FunctionType.of(List.of(ValueType.I32, ValueType.I32), List.of(ValueType.I32));
  static final FunctionType F64_TO_F64_I64 =
      FunctionType.of(List.of(ValueType.F64), List.of(ValueType.F64, ValueType.I64));
  static final FunctionType I32_TO_NOTHING = FunctionType.of(List.of(ValueType.I32), List.of());

  /** Exports {@code add}, {@code div} (traps on zero) and {@code split} (two results). */
  public static final class Calculator extends Instance {
    public Calculator(Linkage linkage) {
      super(linkage);
    }

    @Override
    protected void initializeGlobals() {}

    public static int add(int a, int b, Calculator self) {
      return a + b;
    }

    public static int div(int a, int b, Calculator self) {
      if (b == 0) {
        throw WasmTrap.of(TrapKind.INTEGER_DIVIDE_BY_ZERO);
      }
      return a / b;
    }

    public static Object[] split(double x, Calculator self) {
      return new Object[] {x - Math.floor(x), (long) Math.floor(x)};
    }
  }

  static ModuleDescriptor calculatorDescriptor() {
    return new ModuleDescriptor(
        Calculator.class.getName(),
        List.of(I32_I32_TO_I32, F64_TO_F64_I64),
        List.of(),
        List.of(new Function(0, "add"), new Function(0, "div"), new Function(1, "split")),
        List.of(),
        List.of(),
        List.of(),
        List.of(
            new Export("add", ExternKind.FUNCTION, 0),
            new Export("div", ExternKind.FUNCTION, 1),
            new Export("split", ExternKind.FUNCTION, 2)),
        ModuleDescriptor.NO_START,
        List.of(),
        List.of());
  }

  /** Imports {@code env.log}; never constructed, since no launcher can provide the import. */
  public static final class NeedsLog extends Instance {
    public NeedsLog(Linkage linkage) {
      super(linkage);
    }

    @Override
    protected void initializeGlobals() {}

    public static int run(NeedsLog self) {
      return 0;
    }
  }

  static ModuleDescriptor needsLogDescriptor() {
    return new ModuleDescriptor(
        NeedsLog.class.getName(),
        List.of(I32_TO_NOTHING, FunctionType.of(List.of(), List.of(ValueType.I32))),
        List.of(new Import("env", "log", ExternKind.FUNCTION, 0)),
        List.of(new Function(0, null), new Function(1, "run")),
        List.of(),
        List.of(),
        List.of(),
        List.of(new Export("run", ExternKind.FUNCTION, 1)),
        ModuleDescriptor.NO_START,
        List.of(),
        List.of());
  }

  /**
   * A class loader that finds {@code descriptor}'s resource in {@code dir} and the hand-written
   * class in the test class path.
   */
  static ClassLoader withDescriptor(Path dir, ModuleDescriptor descriptor) {
    try {
      Path resource =
          dir.resolve(descriptor.className().replace('.', '/') + DescriptorCodec.RESOURCE_SUFFIX);
      Files.createDirectories(resource.getParent());
      Files.write(resource, DescriptorCodec.encode(descriptor));
      return new URLClassLoader(
          new URL[] {dir.toUri().toURL()}, HandWrittenModules.class.getClassLoader());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Loads the module {@code descriptor} describes, its class from the test class path. */
  public static Module load(Path dir, ModuleDescriptor descriptor) {
    return Module.load(withDescriptor(dir, descriptor), descriptor.className());
  }
}
