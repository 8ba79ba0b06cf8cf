package dev.flarec.runtime.instance;

import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.VMOption;
import java.lang.management.ManagementFactory;

/**
 * Whether this JVM's compiled loops reach a safepoint poll at every back-edge (strip-mined counted
 * loops included), which is what lets {@link InterruptGate} stop a running loop by deoptimising it.
 */
final class SafepointPolls {
  private SafepointPolls() {}

  /**
   * True on HotSpot with C2 keeping polls in counted loops ({@code UseCountedLoopSafepoints}, on by
   * default with G1, ZGC and Shenandoah) and no JVMCI compiler (Graal drops the polls of some
   * counted loops). False when the JVM cannot be asked.
   */
  static boolean inCountedLoops() {
    try {
      HotSpotDiagnosticMXBean vm =
          ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
      if (vm == null || !flag(vm, "UseCountedLoopSafepoints", false)) {
        return false;
      }
      return !flag(vm, "UseJVMCICompiler", false);
    } catch (RuntimeException | LinkageError e) {
      return false;
    }
  }

  private static boolean flag(HotSpotDiagnosticMXBean vm, String name, boolean absent) {
    VMOption option;
    try {
      option = vm.getVMOption(name);
    } catch (IllegalArgumentException e) {
      return absent;
    }
    return Boolean.parseBoolean(option.getValue());
  }
}
