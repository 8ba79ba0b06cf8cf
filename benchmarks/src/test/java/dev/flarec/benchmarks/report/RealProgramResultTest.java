package dev.flarec.benchmarks.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Several rounds of one program on one engine make one result: the medians of those that ran. */
class RealProgramResultTest {
  private static RealProgramResult line(String json) throws Exception {
    return RealProgramResult.of(new ObjectMapper().readTree(json));
  }

  @Test
  void eachMeasureIsItsOwnMedianOverTheCompletedRounds() throws Exception {
    RealProgramResult median =
        RealProgramResult.medianOf(
            List.of(
                line(
                    "{\"program\":\"lua-fib\",\"engine\":\"flarec\",\"compile_ms\":10,"
                        + "\"first_ms\":600,\"steady_ms\":470,\"runs_ms\":[1,2,3],\"complete\":true}"),
                line(
                    "{\"program\":\"lua-fib\",\"engine\":\"flarec\",\"compile_ms\":30,"
                        + "\"first_ms\":900,\"steady_ms\":290,\"runs_ms\":[1,2],\"complete\":true}"),
                line(
                    "{\"program\":\"lua-fib\",\"engine\":\"flarec\",\"compile_ms\":20,"
                        + "\"first_ms\":700,\"steady_ms\":280,\"runs_ms\":[1,2,3],\"complete\":true}"),
                line(
                    "{\"program\":\"lua-fib\",\"engine\":\"flarec\","
                        + "\"error\":\"exited with status 139\"}")));
    assertEquals(20, median.compileMs());
    assertEquals(700, median.firstMs());
    assertEquals(290, median.steadyMs(), "the slow round's 470 does not set it");
    assertEquals(2, median.laterRuns(), "the fewest later runs of a round");
    assertNull(median.error(), "a failed round is left out");
    assertEquals(Double.NaN, median.firstCpuMs(), "not recorded in any round");
  }

  @Test
  void twoRoundsTakeTheMeanOfBoth() throws Exception {
    RealProgramResult median =
        RealProgramResult.medianOf(
            List.of(
                line("{\"program\":\"sqlite\",\"engine\":\"node\",\"steady_ms\":180}"),
                line("{\"program\":\"sqlite\",\"engine\":\"node\",\"steady_ms\":200}")));
    assertEquals(190, median.steadyMs());
  }

  @Test
  void whenNoRoundCompletedTheFirstStandsAsItIs() throws Exception {
    RealProgramResult first =
        line("{\"program\":\"sqlite\",\"engine\":\"chicory\",\"timeout_seconds\":120}");
    RealProgramResult second =
        line("{\"program\":\"sqlite\",\"engine\":\"chicory\",\"error\":\"crashed\"}");
    assertSame(first, RealProgramResult.medianOf(List.of(first, second)));
  }
}
