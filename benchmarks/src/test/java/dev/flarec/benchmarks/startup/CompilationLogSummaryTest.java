package dev.flarec.benchmarks.startup;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CompilationLogSummaryTest {
  /** The shape of a -XX:+LogCompilation file: compiler threads' tasks, then the main thread's. */
  private static final String LOG =
      """
      <task compile_id='7' method='flarec.module.Lua$Part1 func611 (IIILflarec/module/Lua;)I' \
      bytes='1834' count='256' iicount='256' level='3' stamp='0.200'>
      <parse method='1'/>
      <task_done success='1' nmsize='4184' count='256' stamp='0.250'/>
      </task>
      <task compile_id='9' method='flarec.module.Lua$Part1 func611 (IIILflarec/module/Lua;)I' \
      bytes='1834' count='5000' iicount='5000' stamp='0.300'>
      <task_done success='1' nmsize='4184' stamp='0.400'/>
      </task>
      <task compile_id='12' method='flarec.module.Lua$Part1 func611 (IIILflarec/module/Lua;)I' \
      bytes='1834' count='9000' iicount='9000' stamp='0.900'>
      <task_done success='1' nmsize='4184' stamp='1.100'/>
      </task>
      <task compile_id='3' method='java.lang.String hashCode ()I' bytes='60' level='3' \
      stamp='0.118'>
      <task_done success='1' nmsize='400' stamp='0.119'/>
      </task>
      <uncommon_trap thread='9934' reason='unstable_if' action='reinterpret' debug_id='0' \
      compile_id='9' compiler='c2' level='4' stamp='0.852'>
      <jvms bci='84' method='flarec/module/Lua$Part1 func611 (IIILflarec/module/Lua;)I' \
      bytes='1834' count='9000'/>
      </uncommon_trap>
      """;

  @Test
  void countsTheModulesCompilesTiersRecompilesAndTraps() {
    String summary = CompilationLogSummary.summarise(LOG, "flarec.module", 5);

    assertTrue(summary.contains("methods of flarec.module compiled: 1"), summary);
    // one tier-3 compile; two tier-4 compiles of the same method, the second after the trap
    assertTrue(summary.matches("(?s).*tier 3 +1 +1834 +0\\.05  0 compiles.*"), summary);
    assertTrue(summary.matches("(?s).*tier 4 +2 +3668 +0\\.30  1 compiles, 0\\.20 s.*"), summary);
    assertTrue(summary.contains("uncommon traps (deoptimisations): 1"), summary);
    assertTrue(summary.contains("1 unstable_if / reinterpret"), summary);
    assertTrue(summary.contains("1 flarec.module.Lua$Part1 func611"), summary);
    assertTrue(summary.contains(" bci 84"), summary);
  }

  @Test
  void leavesOutOtherClassesCompiles() {
    String summary = CompilationLogSummary.summarise(LOG, "flarec.module", 5);

    assertFalse(summary.contains("String hashCode"), summary);
  }
}
