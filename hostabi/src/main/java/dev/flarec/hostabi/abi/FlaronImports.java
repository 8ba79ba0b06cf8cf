package dev.flarec.hostabi.abi;

import dev.flarec.runtime.descriptor.ExternKind;
import dev.flarec.runtime.descriptor.ModuleDescriptor;
import dev.flarec.runtime.instance.Imports;
import java.lang.invoke.MethodType;

/**
 * Assembles the {@code flaron/v1} import module (and AssemblyScript's {@code env.abort}) for one
 * pooled instance.
 */
public final class FlaronImports {
  /** The import module name of the ABI. */
  public static final String MODULE = "flaron/v1";

  private FlaronImports() {}

  /** Every host function, bound to {@code context}. */
  public static Imports create(FlareContext context) {
    Imports.Builder imports = Imports.builder();
    HostFunctionBinder binder = new HostFunctionBinder(context);
    for (HostFunctionIndex.Entry entry : HostFunctionIndex.ENTRIES) {
      binder.bind(entry, imports);
    }
    return imports.build();
  }

  /**
   * Does now, for each host function {@code flare} imports, the part of binding it that does not
   * depend on an instance: finding its method and making its method handle's shapes. A flare's
   * start-up calls this on its second thread while the main one makes the node's services, so that
   * the first instance binds faster; {@link #create(FlareContext, ModuleDescriptor)} works the same
   * without it. Safe to call from any thread.
   */
  public static void prepare(ModuleDescriptor flare) {
    // the host's own calls into the flare: handle_request () -> i64 and the allocator i32 -> i32
    HostCallLinker.link(MethodType.methodType(long.class));
    HostCallLinker.link(MethodType.methodType(int.class, int.class));
    for (ModuleDescriptor.Import i : flare.imports()) {
      if (i.kind() == ExternKind.FUNCTION) {
        HostFunctionIndex.Entry entry = HostFunctionIndex.find(i.module(), i.name());
        if (entry != null) {
          HostFunctionBinder.prepare(entry);
        }
      }
    }
  }

  /**
   * The host functions {@code flare} imports, bound to {@code context}; an import the host does not
   * have is left out, for the linker to report. Binding only these keeps an instance's creation
   * (and so a flare's start-up) from paying for the dozens of functions it never calls.
   */
  public static Imports create(FlareContext context, ModuleDescriptor flare) {
    Imports.Builder imports = Imports.builder();
    HostFunctionBinder binder = new HostFunctionBinder(context);
    for (ModuleDescriptor.Import i : flare.imports()) {
      if (i.kind() == ExternKind.FUNCTION) {
        HostFunctionIndex.Entry entry = HostFunctionIndex.find(i.module(), i.name());
        if (entry != null) {
          binder.bind(entry, imports);
        }
      }
    }
    return imports.build();
  }
}
