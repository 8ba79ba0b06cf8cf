package dev.flarec.runtime.instance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.flarec.runtime.descriptor.ExternKind;
import dev.flarec.runtime.descriptor.ModuleDescriptor;
import dev.flarec.runtime.descriptor.ModuleDescriptor.Export;
import dev.flarec.runtime.descriptor.ModuleDescriptor.MemoryDef;
import dev.flarec.runtime.launch.HandWrittenModules;
import dev.flarec.runtime.memory.Memory;
import dev.flarec.runtime.trap.TrapKind;
import dev.flarec.runtime.trap.WasmTrap;
import dev.flarec.runtime.types.Limits;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link Module#instantiate(Imports, int)}: a host's cap on the memories a module defines. */
class MemoryCapTest {
  /** A module that defines one memory of 2 pages with no declared maximum, and exports it. */
  public static final class TwoPages extends Instance {
    public TwoPages(Linkage linkage) {
      super(linkage);
    }

    @Override
    protected void initializeGlobals() {}
  }

  @TempDir Path dir;

  private Module module(long minPages) {
    ModuleDescriptor d =
        new ModuleDescriptor(
            TwoPages.class.getName(),
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            List.of(new MemoryDef(new Limits(minPages, Limits.NO_MAX), false)),
            List.of(),
            List.of(new Export("memory", ExternKind.MEMORY, 0)),
            ModuleDescriptor.NO_START,
            List.of(),
            List.of());
    return HandWrittenModules.load(dir, d);
  }

  @Test
  void growStopsAtTheHostCap() {
    Memory memory = module(2).instantiate(Imports.empty(), 3).memory("memory");
    assertEquals(3, memory.maxPages());
    assertEquals(2, memory.grow(1));
    assertEquals(-1, memory.grow(1), "past the cap, memory.grow fails as at a declared maximum");
    assertEquals(3, memory.pages());
  }

  @Test
  void withoutACapTheImplementationLimitApplies() {
    assertEquals(
        Memory.MAX_PAGES, module(2).instantiate(Imports.empty()).memory("memory").maxPages());
  }

  @Test
  void anInitialSizeAboveTheCapFailsInstantiation() {
    Module m = module(2);
    WasmTrap trap = assertThrows(WasmTrap.class, () -> m.instantiate(Imports.empty(), 1));
    assertEquals(TrapKind.MEMORY_LIMIT_EXCEEDED, trap.kind());
  }

  @Test
  void aNegativeCapIsRejected() {
    Module m = module(2);
    assertThrows(IllegalArgumentException.class, () -> m.instantiate(Imports.empty(), -1));
  }
}
