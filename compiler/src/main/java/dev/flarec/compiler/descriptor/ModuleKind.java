package dev.flarec.compiler.descriptor;

import dev.flarec.runtime.descriptor.ExternKind;
import dev.flarec.runtime.descriptor.ModuleDescriptor;

/** What a module is for, as far as compiling and packaging it depend on it. */
public final class ModuleKind {
  /** The import module of the flare host ABI. */
  public static final String FLARE_ABI_MODULE = "flaron/v1";

  private ModuleKind() {}

  /**
   * Whether {@code module} is a flare: it imports from {@value #FLARE_ABI_MODULE} or exports an
   * entry point of the ABI ({@code handle_request} or {@code ws_open}).
   */
  public static boolean isFlare(ModuleDescriptor module) {
    for (ModuleDescriptor.Import i : module.imports()) {
      if (i.module().equals(FLARE_ABI_MODULE)) {
        return true;
      }
    }
    for (ModuleDescriptor.Export e : module.exports()) {
      if (e.kind() == ExternKind.FUNCTION
          && (e.name().equals("handle_request") || e.name().equals("ws_open"))) {
        return true;
      }
    }
    return false;
  }
}
