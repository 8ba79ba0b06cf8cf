package dev.flarec.benchmarks.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The kernel report, the real-program report and hand-recorded runs each own their part of the
 * file.
 */
class MarkedSectionTest {
  private static final String SECTION =
      MarkedSection.REAL_PROGRAMS.begin
          + "\n## Real programs\nnew\n"
          + MarkedSection.REAL_PROGRAMS.end;

  @Test
  void aNewSectionGoesBeforeHowToReproduce() {
    String document = "# Benchmarks\n\n## Kernels\nk\n\n## How to reproduce\nr\n";

    assertEquals(
        "# Benchmarks\n\n## Kernels\nk\n\n" + SECTION + "\n\n## How to reproduce\nr\n",
        MarkedSection.REAL_PROGRAMS.splice(document, SECTION));
  }

  @Test
  void anExistingSectionIsReplacedAndTheRestKept() {
    String old = MarkedSection.REAL_PROGRAMS.begin + "\nold\n" + MarkedSection.REAL_PROGRAMS.end;
    String document = "# Benchmarks\n\n" + old + "\n\n## How to reproduce\nr\n";

    assertEquals(
        "# Benchmarks\n\n" + SECTION + "\n\n## How to reproduce\nr\n",
        MarkedSection.REAL_PROGRAMS.splice(document, SECTION));
  }

  @Test
  void theKernelReportCarriesTheSectionOver() {
    String previous = "# Benchmarks\nold kernels\n\n" + SECTION + "\n\n## How to reproduce\nr\n";
    String rewritten = "# Benchmarks\nnew kernels\n\n## How to reproduce\nr2\n";

    String kept = MarkedSection.REAL_PROGRAMS.extract(previous);

    assertEquals(SECTION, kept);
    assertEquals(
        "# Benchmarks\nnew kernels\n\n" + SECTION + "\n\n## How to reproduce\nr2\n",
        MarkedSection.REAL_PROGRAMS.splice(rewritten, kept));
  }

  @Test
  void aDocumentWithoutTheSectionIsUnchangedByAnEmptyOne() {
    assertEquals("# Benchmarks\n", MarkedSection.REAL_PROGRAMS.splice("# Benchmarks\n", ""));
    assertEquals("", MarkedSection.REAL_PROGRAMS.extract("# Benchmarks\n"));
  }

  @Test
  void theKernelReportCarriesBothMarkedSectionsOver() {
    String separate =
        MarkedSection.SEPARATE_RUNS.begin
            + "\n## Separate runs\nx\n"
            + MarkedSection.SEPARATE_RUNS.end;
    String previous =
        "# Benchmarks\nold\n\n" + separate + "\n\n" + SECTION + "\n\n## How to reproduce\nr\n";
    String rewritten = "# Benchmarks\nnew\n\n## How to reproduce\nr2\n";

    String result = rewritten;
    for (MarkedSection s : MarkedSection.values()) {
      result = s.splice(result, s.extract(previous));
    }

    assertEquals(
        "# Benchmarks\nnew\n\n" + SECTION + "\n\n" + separate + "\n\n## How to reproduce\nr2\n",
        result);
  }
}
