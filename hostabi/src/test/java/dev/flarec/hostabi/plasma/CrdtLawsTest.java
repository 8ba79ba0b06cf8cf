package dev.flarec.hostabi.plasma;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.function.BinaryOperator;
import java.util.function.Function;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The join-semilattice laws every state-based CRDT merge must satisfy, checked on 300 generated
 * triples of states for each of the three merges: commutative (order of exchange does not matter),
 * associative (grouping does not matter) and idempotent (receiving a state twice does nothing).
 */
class CrdtLawsTest {
  static LongStream seeds() {
    return LongStream.range(0, 300);
  }

  private static <T> void laws(long seed, Function<CrdtGen, T> gen, BinaryOperator<T> merge) {
    CrdtGen g = new CrdtGen(seed);
    T a = gen.apply(g);
    T b = gen.apply(g);
    T c = gen.apply(g);
    assertEquals(merge.apply(a, b), merge.apply(b, a), "commutative");
    assertEquals(
        merge.apply(merge.apply(a, b), c), merge.apply(a, merge.apply(b, c)), "associative");
    assertEquals(a, merge.apply(a, a), "idempotent");
    // the merge is an upper bound: merging either input again changes nothing
    T ab = merge.apply(a, b);
    assertEquals(ab, merge.apply(ab, a), "absorbs its inputs");
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void lwwRegister(long seed) {
    laws(seed, CrdtGen::register, LwwRegister::merge);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void pnCounter(long seed) {
    laws(seed, CrdtGen::counter, PnCounter::merge);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void plasmaState(long seed) {
    laws(seed, CrdtGen::state, PlasmaState::merge);
  }
}
