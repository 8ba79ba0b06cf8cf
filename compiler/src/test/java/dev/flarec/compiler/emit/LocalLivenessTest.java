package dev.flarec.compiler.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.dylibso.chicory.wabt.Wat2Wasm;
import dev.flarec.compiler.testing.ModuleBuilder;
import dev.flarec.compiler.testing.ModuleBuilder.Code;
import java.util.BitSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import run.endive.wasm.Parser;
import run.endive.wasm.types.AnnotatedInstruction;
import run.endive.wasm.types.OpCode;

/**
 * Which locals are live before each instruction: what a split function's own method reloads after a
 * run and stores before one depends on it, so it must never call a local dead that a later
 * instruction reads.
 */
class LocalLivenessTest {
  private static final int BLOCK = 0x02;
  private static final int VOID = 0x40;

  private static List<AnnotatedInstruction> body(String func) {
    byte[] wasm = Wat2Wasm.parse("(module " + func + ")");
    return Parser.parse(wasm).codeSection().getFunctionBody(0).instructions();
  }

  private static int indexOf(List<AnnotatedInstruction> code, OpCode op, int occurrence) {
    int seen = 0;
    for (int i = 0; i < code.size(); i++) {
      if (code.get(i).opcode() == op && seen++ == occurrence) {
        return i;
      }
    }
    throw new AssertionError(op + " #" + occurrence + " not in " + code);
  }

  private static BitSet locals(int... indices) {
    BitSet set = new BitSet();
    for (int i : indices) {
      set.set(i);
    }
    return set;
  }

  @Test
  void aLocalIsLiveFromItsWriteToItsLastRead() {
    List<AnnotatedInstruction> code =
        body(
            """
            (func (param i32) (result i32) (local i32)
              (local.set 1 (i32.add (local.get 0) (i32.const 1)))
              (local.get 1))
            """);
    LocalLiveness live = LocalLiveness.of(code);
    assertEquals(locals(0), live.before(0), "only the parameter is read before it is written");
    assertEquals(locals(1), live.before(indexOf(code, OpCode.LOCAL_GET, 1)));
    assertEquals(locals(), live.before(code.size()));
  }

  /**
   * A loop's header sees what the next iteration reads: the counter is carried round, the scratch
   * local each iteration writes before reading is not.
   */
  @Test
  void aLoopCarriesWhatItsNextIterationReadsFirst() {
    List<AnnotatedInstruction> code =
        body(
            """
            (func (param $n i32) (result i32) (local $i i32) (local $t i32)
              (loop $again
                (local.set $t (i32.mul (local.get $i) (i32.const 3)))
                (local.set $i (i32.add (local.get $i) (local.get $t)))
                (br_if $again (i32.lt_u (local.get $i) (local.get $n))))
              (local.get $i))
            """);
    LocalLiveness live = LocalLiveness.of(code);
    int loop = indexOf(code, OpCode.LOOP, 0);
    assertEquals(locals(0, 1), live.atBranchTarget(loop + 1));
    assertEquals(locals(0, 1), live.before(loop));
  }

  /** A branch out of a block goes past its end: what is read there is live at the branch. */
  @Test
  void aBranchOutOfABlockSeesWhatFollowsTheBlock() {
    List<AnnotatedInstruction> code =
        body(
            """
            (func (param $c i32) (result i32) (local $a i32) (local $b i32)
              (block $out
                (br_if $out (local.get $c))
                (local.set $a (i32.const 7))
                (local.set $b (i32.const 8)))
              (i32.add (local.get $a) (local.get $b)))
            """);
    LocalLiveness live = LocalLiveness.of(code);
    int block = indexOf(code, OpCode.BLOCK, 0);
    assertEquals(locals(1, 2), live.atBranchTarget(block + 1));
    // before the br_if: the condition, and a and b (read after the block when it branches)
    assertEquals(locals(0, 1, 2), live.before(block + 1));
  }

  @Test
  void bothArmsOfAnIfCount() {
    List<AnnotatedInstruction> code =
        body(
            """
            (func (param $c i32) (param $x i32) (param $y i32) (result i32)
              (if (result i32) (local.get $c)
                (then (local.get $x))
                (else (local.get $y))))
            """);
    LocalLiveness live = LocalLiveness.of(code);
    assertEquals(locals(0, 1, 2), live.before(0));
    int elseAt = indexOf(code, OpCode.ELSE, 0);
    assertEquals(locals(2), live.before(elseAt + 1));
  }

  /** After a return nothing is read; the code before it reads only what it reads itself. */
  @Test
  void nothingIsLiveAfterAReturn() {
    List<AnnotatedInstruction> code =
        body(
            """
            (func (param $x i32) (param $y i32) (result i32)
              (return (local.get $x))
              (local.get $y))
            """);
    LocalLiveness live = LocalLiveness.of(code);
    assertEquals(locals(0), live.before(0));
  }

  /** A {@code try_table}'s handlers are entered from anywhere in its body: not modelled. */
  @Test
  void aTryTableIsBeyondTheAnalysis() {
    ModuleBuilder m = new ModuleBuilder();
    int e = m.tag(m.type(new byte[0], new byte[0]));
    Code body =
        new Code()
            .begin(BLOCK, VOID)
            .tryTable(VOID, Code.catchTag(e, 0))
            .i32Const(1)
            .localSet(0)
            .throwTag(e)
            .end()
            .end()
            .localGet(0);
    m.function(
        m.type(new byte[0], new byte[] {ModuleBuilder.I32}), new byte[] {ModuleBuilder.I32}, body);
    List<AnnotatedInstruction> code =
        Parser.parse(m.build()).codeSection().getFunctionBody(0).instructions();
    assertNull(LocalLiveness.of(code));
  }
}
