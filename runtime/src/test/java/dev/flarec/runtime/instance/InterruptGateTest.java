package dev.flarec.runtime.instance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flarec.runtime.descriptor.ModuleDescriptor;
import dev.flarec.runtime.launch.HandWrittenModules;
import dev.flarec.runtime.trap.TrapKind;
import dev.flarec.runtime.trap.WasmTrap;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link Instance#interrupt()} and {@link Instance#clearInterrupt()} through {@link InterruptGate}:
 * the check traps exactly for the instances whose interrupt is set, however many are set and
 * cleared, in whatever order.
 */
class InterruptGateTest {
  /** A module with nothing in it. */
  public static final class Empty extends Instance {
    public Empty(Linkage linkage) {
      super(linkage);
    }

    @Override
    protected void initializeGlobals() {}
  }

  @TempDir Path dir;

  private Module module() {
    return emptyModule(dir);
  }

  /** {@link Empty}, loaded from class files written under {@code dir}. */
  static Module emptyModule(Path dir) {
    ModuleDescriptor d =
        new ModuleDescriptor(
            Empty.class.getName(),
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            ModuleDescriptor.NO_START,
            List.of(),
            List.of());
    return HandWrittenModules.load(dir, d);
  }

  private static void assertTraps(Instance instance) {
    WasmTrap trap = assertThrows(WasmTrap.class, () -> Instance.checkInterrupt(instance));
    assertEquals(TrapKind.INTERRUPTED, trap.kind());
  }

  @Test
  void onlyTheInterruptedInstancesTrap() throws Throwable {
    Module module = module();
    Instance a = module.instantiate();
    Instance b = module.instantiate();
    Instance c = module.instantiate();
    Instance.checkInterrupt(a);

    a.interrupt();
    b.interrupt();
    b.interrupt();
    assertTraps(a);
    assertTraps(b);
    Instance.checkInterrupt(c);

    a.clearInterrupt();
    Instance.checkInterrupt(a);
    assertTraps(b);
    assertTraps(b);

    b.clearInterrupt();
    b.clearInterrupt();
    Instance.checkInterrupt(a);
    Instance.checkInterrupt(b);
    Instance.checkInterrupt(c);
    assertFalse(a.interruptRequested || b.interruptRequested || c.interruptRequested);

    c.interrupt();
    assertTrue(c.interruptRequested);
    assertTraps(c);
    c.clearInterrupt();
    Instance.checkInterrupt(c);
  }
}
