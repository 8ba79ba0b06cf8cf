package dev.flarec.wasi.launch;

import dev.flarec.runtime.descriptor.ModuleDescriptor;
import dev.flarec.runtime.instance.Instance;
import dev.flarec.runtime.instance.LinkException;
import dev.flarec.runtime.instance.Module;
import dev.flarec.runtime.launch.ExportListing;
import dev.flarec.runtime.launch.LaunchException;
import dev.flarec.runtime.memory.Memory;
import dev.flarec.wasi.Wasi;

/**
 * Running a WASI module from a command line, shared by {@code flarec run} and the main class of a
 * compiled WASI JAR ({@link WasiMain}) so that both link, report and exit alike.
 */
public final class WasiCommand {
  private WasiCommand() {}

  /**
   * Instantiates {@code module} with WASI as its only imports.
   *
   * @throws LaunchException naming the import WASI cannot satisfy, or if the module imports WASI
   *     without exporting the memory its functions work on
   * @throws dev.flarec.runtime.trap.WasmTrap if instantiation traps
   */
  public static Instance instantiate(Module module, Wasi wasi) {
    Instance instance;
    try {
      instance = module.instantiate(wasi.imports());
    } catch (LinkException e) {
      ModuleDescriptor d = module.descriptor();
      String what =
          d.imports().stream()
              .filter(i -> i.module().equals(e.importModule()) && i.name().equals(e.importName()))
              .findFirst()
              .map(i -> ExportListing.describe(d, i))
              .orElse(e.importModule() + "." + e.importName());
      String reason =
          e.importModule().equals(Wasi.MODULE)
              ? "which is not a "
                  + Wasi.MODULE
                  + " function flarec provides ("
                  + e.getMessage()
                  + ")"
              : "and running from the command line provides only " + Wasi.MODULE;
      throw new LaunchException("the module imports " + what + ", " + reason, e);
    }
    if (Wasi.importsWasi(module.descriptor()) && !(instance.export("memory") instanceof Memory)) {
      throw new LaunchException(
          "the module imports "
              + Wasi.MODULE
              + " but exports no memory named \"memory\","
              + " which WASI functions read and write");
    }
    return instance;
  }

  /**
   * Runs {@code module} as a WASI command.
   *
   * @return the program's exit status
   * @throws LaunchException if the module needs imports WASI cannot provide
   * @throws dev.flarec.runtime.trap.WasmTrap if the program traps
   */
  public static int run(Module module, Wasi wasi) {
    return wasi.runStart(instantiate(module, wasi));
  }
}
