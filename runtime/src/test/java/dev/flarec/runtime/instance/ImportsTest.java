package dev.flarec.runtime.instance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntUnaryOperator;
import org.junit.jupiter.api.Test;

/** {@link Imports}: values given by name, and {@link ImportSource}s asked on demand. */
class ImportsTest {
  private static final FunctionRef NEGATE = FunctionRef.of((IntUnaryOperator) x -> -x);
  private static final FunctionRef TWICE = FunctionRef.of((IntUnaryOperator) x -> 2 * x);

  /** A source offering {@code negate} only, recording what it was asked for. */
  private static final class Recording implements ImportSource {
    final List<String> asked = new ArrayList<>();

    @Override
    public Object resolve(String name) {
      asked.add(name);
      return name.equals("negate") ? NEGATE : null;
    }
  }

  @Test
  void aSourceIsAskedOnlyForWhatIsLookedUp() {
    Recording source = new Recording();
    Imports imports = Imports.builder().source("host", source).build();
    assertEquals(List.of(), source.asked);
    assertSame(NEGATE, imports.lookup("host", "negate"));
    assertNull(imports.lookup("host", "missing"));
    assertNull(imports.lookup("other", "negate"));
    assertEquals(List.of("negate", "missing"), source.asked);
  }

  @Test
  void valuesGivenByNameWinOverTheSource() {
    Recording source = new Recording();
    Imports imports =
        Imports.builder().function("host", "negate", TWICE).source("host", source).build();
    assertSame(TWICE, imports.lookup("host", "negate"));
    assertEquals(List.of(), source.asked);
  }

  @Test
  void addAllCarriesSources() {
    Recording source = new Recording();
    Imports inner = Imports.builder().source("host", source).build();
    Imports outer = Imports.builder().function("env", "twice", TWICE).addAll(inner).build();
    assertSame(NEGATE, outer.lookup("host", "negate"));
    assertSame(TWICE, outer.lookup("env", "twice"));
  }
}
