package dev.flarec.compiler;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.flarec.runtime.instance.Instance;
import dev.flarec.runtime.trap.TrapKind;
import dev.flarec.runtime.trap.WasmTrap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class InterruptionTest {
  @Test
  // interrupt() cannot fail; the trap it causes is asserted
  @SuppressWarnings("FutureReturnValueIgnored")
  void aHostCanStopAnEndlessLoopAndCallTheInstanceAgain() {
    Instance instance = Flarec.compile(Corpus.bytes("arithmetic")).load().instantiate();
    ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    try {
      timer.schedule(instance::interrupt, 200, TimeUnit.MILLISECONDS);
      WasmTrap trap = assertThrows(WasmTrap.class, () -> instance.function("spin").call());
      assertEquals(TrapKind.INTERRUPTED, trap.kind());
    } finally {
      timer.shutdownNow();
    }
    instance.clearInterrupt();
    assertArrayEquals(new Object[] {6}, instance.function("sum").call(3));
  }
}
