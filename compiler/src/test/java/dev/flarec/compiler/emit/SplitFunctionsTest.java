package dev.flarec.compiler.emit;

import static dev.flarec.compiler.testing.ModuleBuilder.I32;
import static dev.flarec.compiler.testing.ModuleBuilder.I64;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flarec.compiler.CompileOptions;
import dev.flarec.compiler.CompiledModule;
import dev.flarec.compiler.Flarec;
import dev.flarec.compiler.testing.MethodShape;
import dev.flarec.compiler.testing.MethodSizeCheck;
import dev.flarec.compiler.testing.ModuleBuilder;
import dev.flarec.compiler.testing.ModuleBuilder.Code;
import dev.flarec.runtime.instance.Instance;
import dev.flarec.runtime.trap.TrapKind;
import dev.flarec.runtime.trap.WasmTrap;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Functions too large for one JIT-compilable method: each generated module must keep every method
 * within the budget and compute exactly what the unsplit function (or plain Java) computes.
 */
class SplitFunctionsTest {
  private static final int I32_ADD = 0x6A;
  private static final int I32_SUB = 0x6B;
  private static final int I32_MUL = 0x6C;
  private static final int I32_DIV_S = 0x6D;
  private static final int I32_LT_S = 0x48;
  private static final int I32_GE_U = 0x4F;
  private static final int I32_REM_U = 0x70;
  private static final int I32_XOR = 0x73;
  private static final int I32_AND = 0x71;
  private static final int I64_ADD = 0x7C;
  private static final int I64_EXTEND_I32_S = 0xAC;
  private static final int BLOCK = 0x02;
  private static final int LOOP = 0x03;
  private static final int IF = 0x04;
  private static final int ELSE = 0x05;
  private static final int EMPTY = 0x40;
  private static final int RETURN = 0x0F;
  private static final int I32_LOAD = 0x28;
  private static final int I32_STORE = 0x36;

  private static CompiledModule compile(byte[] wasm, int budget) {
    CompiledModule compiled =
        Flarec.compile(wasm, CompileOptions.defaults().withMethodBudget(budget));
    MethodSizeCheck.assertWithin(compiled, budget);
    return compiled;
  }

  private static Object call(CompiledModule m, String name, Object... args) {
    return m.load().instantiate().function(name).call(args)[0];
  }

  /** x = x * 31 + k for k = 1..n, in n statements. */
  private static byte[] straightLine(int n) {
    ModuleBuilder m = new ModuleBuilder();
    Code body = new Code();
    for (int k = 1; k <= n; k++) {
      body.localGet(0).i32Const(31).op(I32_MUL).i32Const(k).op(I32_ADD).localSet(0);
    }
    body.localGet(0);
    m.export("f", m.function(m.type(new byte[] {I32}, new byte[] {I32}), new byte[0], body));
    return m.build();
  }

  /**
   * A split function's calls share one heap frame, taken on entry and given back on return: a local
   * read before it is written starts at zero on every call of one instance, and a recursive call,
   * which finds the frame taken, works in a frame of its own.
   */
  @ParameterizedTest
  @ValueSource(ints = {300, 2000})
  void callsReuseTheHeapFrameAndStillStartFromZero(int budget) {
    byte[] wasm = recursiveFold(200);
    Instance split = compile(wasm, budget).load().instantiate();
    Instance unsplit = compile(wasm, 65_535).load().instantiate();
    for (int n : new int[] {0, 3, 1, 0, 5, 2}) {
      int expected = recursiveFoldReference(200, n);
      assertEquals(expected, unsplit.function("f").call(n)[0]);
      assertEquals(expected, split.function("f").call(n)[0], "f(" + n + ")");
    }
  }

  /**
   * {@code f(n)}: a local folded over {@code statements} statements from its implicit zero, then,
   * unless {@code n} is 0, plus {@code f(n - 1)}; plus {@code n}.
   */
  private static byte[] recursiveFold(int statements) {
    ModuleBuilder m = new ModuleBuilder();
    Code body = new Code();
    // in blocks that become runs, so that only the frame holds the folded local (1); the result
    // goes through local 2
    body.begin(BLOCK, EMPTY);
    for (int k = 1; k <= statements; k++) {
      if (k % 20 == 1) {
        body.begin(BLOCK, EMPTY);
      }
      body.localGet(1).i32Const(31).op(I32_MUL).i32Const(k).op(I32_ADD).localSet(1);
      if (k % 20 == 0 || k == statements) {
        body.end();
      }
    }
    body.localGet(0).begin(IF, EMPTY);
    body.localGet(1).localGet(0).i32Const(1).op(I32_SUB).call(0).op(I32_ADD).localSet(1);
    body.end();
    body.localGet(1).localGet(0).op(I32_ADD).localSet(2);
    body.end();
    body.localGet(2);
    m.export(
        "f", m.function(m.type(new byte[] {I32}, new byte[] {I32}), new byte[] {I32, I32}, body));
    return m.build();
  }

  private static int recursiveFoldReference(int statements, int n) {
    int x = straightLineReference(0, statements);
    return (n == 0 ? x : x + recursiveFoldReference(statements, n - 1)) + n;
  }

  private static int straightLineReference(int x, int n) {
    for (int k = 1; k <= n; k++) {
      x = x * 31 + k;
    }
    return x;
  }

  @Test
  void aFunctionOfHundredsOfKilobytesIsSplitAndExact() {
    int n = 30_000; // about 360 KB of bytecode when whole
    for (int budget : new int[] {CompileOptions.DEFAULT_METHOD_BUDGET, 500}) {
      CompiledModule m = compile(straightLine(n), budget);
      assertTrue(MethodSizeCheck.methodCount(m) > 40, "split into many methods");
      assertEquals(straightLineReference(7, n), call(m, "f", 7));
    }
  }

  /** Sizes around the budget: just under, at and just over must all fit and agree. */
  @ParameterizedTest
  @ValueSource(ints = {600, 640, 660, 670, 680, 700, 760})
  void functionsAroundTheBudgetFitAndAgreeWithTheUnsplitReference(int n) {
    byte[] wasm = straightLine(n);
    CompiledModule split = compile(wasm, CompileOptions.DEFAULT_METHOD_BUDGET);
    CompiledModule unsplit = compile(wasm, 65_535);
    for (int x : new int[] {0, 1, -5, 123456}) {
      assertEquals(call(unsplit, "f", x), call(split, "f", x));
    }
  }

  private static final int ARMS = 40;
  private static final int ARM_STATEMENTS = 40;

  /**
   * An interpreter loop as compilers emit one: a {@code loop} around a {@code br_table} over forty
   * arms nested forty blocks deep, each arm large and ending in a branch to the loop's next step.
   * Together the arms are over the budget.
   */
  private static byte[] interpreterLoop() {
    return interpreterLoop(false);
  }

  /** With {@code armsReadPc}, each arm also adds the loop counter, which no arm writes. */
  private static byte[] interpreterLoop(boolean armsReadPc) {
    return loopOverCounter(body -> dispatch(body, 1, 0, armsReadPc));
  }

  /**
   * The locals of {@link #loopOverCounter}'s function: its parameter, the result, the counter, and
   * a scratch local that arms may write before they read it.
   */
  private static final int N = 0;

  private static final int ACC = 1;
  private static final int PC = 2;
  private static final int TMP = 3;

  /**
   * {@code run(n)}: {@code acc = 0}, then {@code step} for each {@code pc} from 0 to {@code n - 1},
   * then {@code acc}.
   */
  private static byte[] loopOverCounter(java.util.function.Consumer<Code> step) {
    ModuleBuilder m = new ModuleBuilder();
    Code body = new Code();
    body.i32Const(0).localSet(ACC);
    body.begin(BLOCK, EMPTY); // done
    body.begin(LOOP, EMPTY); // step
    body.localGet(PC).localGet(N).op(I32_GE_U).brIf(1);
    step.accept(body);
    body.localGet(PC).i32Const(1).op(I32_ADD).localSet(PC);
    body.br(0);
    body.end().end();
    body.localGet(ACC);
    m.export(
        "run",
        m.function(m.type(new byte[] {I32}, new byte[] {I32}), new byte[] {I32, I32, I32}, body));
    return m.build();
  }

  private static int interpreterLoopReference(int n) {
    return interpreterLoopReference(n, false);
  }

  private static int interpreterLoopReference(int n, boolean armsReadPc) {
    int acc = 0;
    for (int pc = 0; pc < n; pc++) {
      int k = pc % ARMS;
      if (armsReadPc) {
        acc += pc;
      }
      for (int j = 0; j < ARM_STATEMENTS; j++) {
        acc = (acc ^ (k * 7 + j)) * 31;
      }
    }
    return acc;
  }

  /**
   * The loop, its interrupt check and its {@code br_table} stay in the function's own method, where
   * C2 compiles them as one loop; the arms become runs, none of which dispatches.
   */
  @Test
  void anInterpreterLoopKeepsItsDispatchInOneMethodAndOutlinesItsArms() {
    CompiledModule compiled = compile(interpreterLoop(), CompileOptions.DEFAULT_METHOD_BUDGET);
    assertEquals(interpreterLoopReference(1000), call(compiled, "run", 1000));
    Map<String, MethodShape> methods = MethodShape.of(compiled);
    MethodShape root = methods.get("func0");
    // the last arm is also the default, which the switch leaves out of its table
    assertTrue(
        root.tableSwitchLabels() >= ARMS - 1, "the dispatch switch is in the function's method");
    assertTrue(
        root.calls().contains("checkInterrupt"), "the loop header is in the function's method");
    long runs = methods.keySet().stream().filter(name -> name.startsWith("func0$run")).count();
    assertTrue(runs >= 2, "the arms are outlined: " + methods.keySet());
    methods.forEach(
        (name, shape) -> {
          if (name.startsWith("func0$run")) {
            assertEquals(0, shape.tableSwitchLabels(), name + " dispatches");
          }
        });
  }

  /**
   * C2 stops inlining once a compilation's bytecode, its own and what it inlined, reaches 8,000
   * bytes ({@code DesiredMethodLimit}); past that even a memory access stays a call. So a split
   * method is sized with its helpers, at their inlined weight: with 64 accesses in 1,000-access
   * code, each method's bytecode plus its helpers stays within the default budget.
   */
  @Test
  void splitMethodsAreSizedWithTheHelpersC2Inlines() {
    int pairs = 1000;
    int budget = CompileOptions.DEFAULT_METHOD_BUDGET;
    CompiledModule split = compile(memoryChain(pairs), budget);
    assertEquals(pairs * (pairs + 1) / 2, call(split, "f"));
    Map<String, MethodShape> shapes = MethodShape.of(split);
    int methods = 0;
    for (byte[] classFile : split.classFiles().values()) {
      for (Map.Entry<String, Integer> method :
          dev.flarec.compiler.layout.MethodSizes.of(classFile).entrySet()) {
        String name = method.getKey().substring(0, method.getKey().indexOf('('));
        if (!name.startsWith("func0")) {
          continue;
        }
        methods++;
        MethodShape shape = shapes.get(name);
        long helpers =
            64 * memoryAccesses(shape)
                + 6 * shape.calls().stream().filter(c -> c.matches("store(I32|I64)")).count();
        assertTrue(
            method.getValue() + helpers <= budget,
            name + ": " + method.getValue() + " bytes and " + helpers + " inlined");
      }
    }
    assertTrue(methods >= 2, "split: " + shapes.keySet());
  }

  /**
   * The loop counter, which the arms read and none writes, and the accumulator they all write stay
   * JVM locals of the dispatch method: both reach each arm as parameters, and the accumulator comes
   * back from the frame on the arms' way to the loop, where no local goes to the frame.
   */
  @Test
  void armsTakeTheLiveLocalsAsParametersAndTheLoopKeepsThemInJvmLocals() {
    CompiledModule compiled = compile(interpreterLoop(true), CompileOptions.DEFAULT_METHOD_BUDGET);
    assertEquals(interpreterLoopReference(1000, true), call(compiled, "run", 1000));
    Map<String, MethodShape> methods = MethodShape.of(compiled);
    long arms = 0;
    for (var method : methods.entrySet()) {
      if (method.getKey().startsWith("func0$run")) {
        arms++;
        assertTrue(
            method.getValue().descriptor().endsWith(";II)I"),
            method.getKey()
                + " takes the accumulator and the counter: "
                + method.getValue().descriptor());
      }
    }
    assertTrue(arms >= 2, "the arms are outlined: " + methods.keySet());
    assertTrue(
        methods.get("func0").calls().stream().noneMatch(name -> name.startsWith("store")),
        "the dispatch method writes no local to the frame: " + methods.get("func0").calls());
  }

  /**
   * An arm's scratch local, written before it is read, is not live where the arm starts: the arm's
   * method starts it at zero instead of reading the heap frame, which its caller did not write.
   */
  @Test
  void aLocalDeadWhereARunStartsIsNotReadFromTheFrame() {
    CompiledModule compiled =
        compile(
            loopOverCounter(body -> dispatch(body, 1, 0, false, true)),
            CompileOptions.DEFAULT_METHOD_BUDGET);
    assertEquals(interpreterLoopReference(1000), call(compiled, "run", 1000));
    Map<String, MethodShape> methods = MethodShape.of(compiled);
    long arms = 0;
    for (var method : methods.entrySet()) {
      if (method.getKey().startsWith("func0$run")) {
        arms++;
        assertEquals(0, method.getValue().frameLoads(), method.getKey() + " reads the frame");
      }
    }
    assertTrue(arms >= 2, "the arms are outlined: " + methods.keySet());
  }

  /**
   * A local that every path writes before it reads needs no zero on entry: in {@link
   * #armsThatSometimesSetTmp}'s function, unsplit, only the counter is read before it is written;
   * the result is set to zero by the Wasm code itself, and the scratch local is written before it
   * is read.
   */
  @Test
  void onlyLocalsReadBeforeTheyAreWrittenStartAtZero() {
    CompiledModule compiled = compile(armsThatSometimesSetTmp(), 65_535);
    assertEquals(armsThatSometimesSetTmpReference(500), call(compiled, "run", 500));
    MethodShape run = MethodShape.of(compiled).get("func0");
    assertEquals(2, run.zeroStores(), "the counter's zero on entry and the code's acc = 0");
  }

  /**
   * Arms outlined as runs that branch to two places: where the scratch local they may set is read,
   * and where it is dead. A run writes back its changed locals in one place for all its exits, so
   * the scratch local, dead where the run starts, still needs a value on the path that does not set
   * it (else the JVM's verifier rejects the run).
   */
  @ParameterizedTest
  @ValueSource(ints = {CompileOptions.DEFAULT_METHOD_BUDGET, 2000, 300})
  void aLocalLiveAtOnlySomeExitsOfARunHasAValueOnEveryPathToThem(int budget) {
    CompiledModule compiled = compile(armsThatSometimesSetTmp(), budget);
    assertEquals(armsThatSometimesSetTmpReference(500), call(compiled, "run", 500));
    assertTrue(
        MethodShape.of(compiled).keySet().stream().anyMatch(name -> name.startsWith("func0$run")),
        "the arms are outlined");
  }

  /**
   * At the default budget each arm of {@link #armsThatSometimesSetTmp} is a run that keeps the
   * accumulator in a JVM local and writes it back on exit, pushing the frame first: a plain array
   * store, where a value already on the stack would need {@code FrameSlots}' helper.
   */
  @Test
  void aRunWritesItsLocalsBackWithPlainArrayStores() {
    CompiledModule compiled =
        compile(armsThatSometimesSetTmp(), CompileOptions.DEFAULT_METHOD_BUDGET);
    int runs = 0;
    for (var method : MethodShape.of(compiled).entrySet()) {
      if (method.getKey().startsWith("func0$run")) {
        runs++;
        assertFalse(method.getValue().calls().contains("storeI32"), method.getKey());
      }
    }
    assertTrue(runs >= 2, "the arms are outlined");
  }

  /**
   * {@link #loopOverCounter} around a dispatch over forty arms, each of which folds the step into
   * {@code acc} and, on odd steps, sets {@code tmp} to its number plus one and branches to where
   * {@code acc += tmp}; on even steps it skips that.
   */
  private static byte[] armsThatSometimesSetTmp() {
    return loopOverCounter(
        body -> {
          body.begin(BLOCK, EMPTY); // skip
          body.begin(BLOCK, EMPTY); // use
          body.begin(BLOCK, EMPTY); // next
          int[] targets = openArms(body);
          body.localGet(PC).i32Const(ARMS).op(I32_REM_U).brTable(targets, ARMS - 1);
          for (int k = 0; k < ARMS; k++) {
            body.end();
            for (int j = 0; j < ARM_STATEMENTS; j++) {
              body.localGet(ACC).i32Const(k * 7 + j).op(I32_XOR).i32Const(31).op(I32_MUL);
              body.localSet(ACC);
            }
            body.localGet(PC).i32Const(1).op(I32_AND).begin(IF, EMPTY);
            body.i32Const(k + 1).localSet(TMP).br(ARMS - 1 - k + 2); // to use
            body.end();
            body.br(ARMS - 1 - k); // to next
          }
          body.end(); // next
          body.br(1); // to skip
          body.end(); // use
          body.localGet(ACC).localGet(TMP).op(I32_ADD).localSet(ACC);
          body.end(); // skip
        });
  }

  private static int armsThatSometimesSetTmpReference(int n) {
    int acc = 0;
    for (int pc = 0; pc < n; pc++) {
      int k = pc % ARMS;
      for (int j = 0; j < ARM_STATEMENTS; j++) {
        acc = (acc ^ (k * 7 + j)) * 31;
      }
      if ((pc & 1) != 0) {
        acc += k + 1;
      }
    }
    return acc;
  }

  /**
   * Two dispatches one after the other in the loop, each a block at the same depth whose arms are
   * runs that change the accumulator and branch to the block's end: the arms of each go to their
   * own block's end, although the reloads on the way are the same.
   */
  @ParameterizedTest
  @ValueSource(ints = {CompileOptions.DEFAULT_METHOD_BUDGET, 2000})
  void armsOfSiblingDispatchesGoBackToTheirOwnBlock(int budget) {
    CompiledModule compiled = compile(twoDispatches(), budget);
    assertTimeoutPreemptively(
        Duration.ofMinutes(1),
        () -> assertEquals(twoDispatchesReference(300), call(compiled, "run", 300)));
  }

  /**
   * A dispatch block: a {@code br_table} on {@code pc * scale % ARMS} over arms changing acc (and,
   * with {@code armsReadPc}, each adding the counter to it first), each branching to its end.
   */
  private static void dispatch(Code body, int scale, int salt, boolean armsReadPc) {
    dispatch(body, scale, salt, armsReadPc, false);
  }

  /**
   * Opens the blocks whose ends start the arms, the first arm's innermost, and returns the depths a
   * {@code br_table} over them takes: arm {@code k} at depth {@code k}.
   */
  private static int[] openArms(Code body) {
    int[] targets = new int[ARMS];
    for (int k = 0; k < ARMS; k++) {
      body.begin(BLOCK, EMPTY);
      targets[k] = k;
    }
    return targets;
  }

  /** With {@code throughTmp}, each arm's statement goes through {@link #TMP}, written first. */
  private static void dispatch(
      Code body, int scale, int salt, boolean armsReadPc, boolean throughTmp) {
    body.begin(BLOCK, EMPTY); // next
    int[] targets = openArms(body);
    body.localGet(PC);
    if (scale != 1) {
      body.i32Const(scale).op(I32_MUL);
    }
    body.i32Const(ARMS).op(I32_REM_U).brTable(targets, ARMS - 1);
    for (int k = 0; k < ARMS; k++) {
      body.end();
      if (armsReadPc) {
        body.localGet(ACC).localGet(PC).op(I32_ADD).localSet(ACC);
      }
      for (int j = 0; j < ARM_STATEMENTS; j++) {
        body.localGet(ACC).i32Const(k * 7 + j + salt).op(I32_XOR);
        if (throughTmp) {
          body.localSet(TMP).localGet(TMP);
        }
        body.i32Const(31).op(I32_MUL).localSet(ACC);
      }
      body.br(ARMS - 1 - k); // to next
    }
    body.end(); // next
  }

  private static byte[] twoDispatches() {
    return loopOverCounter(
        body -> {
          dispatch(body, 1, 0, false);
          body.localGet(ACC).i32Const(1).op(I32_ADD).localSet(ACC);
          dispatch(body, 7, 1000, false);
          body.localGet(ACC).i32Const(3).op(I32_MUL).localSet(ACC);
        });
  }

  private static int twoDispatchesReference(int n) {
    int acc = 0;
    for (int pc = 0; pc < n; pc++) {
      for (int[] pass : new int[][] {{1, 0}, {7, 1000}}) {
        int k = Integer.remainderUnsigned(pc * pass[0], ARMS);
        for (int j = 0; j < ARM_STATEMENTS; j++) {
          acc = (acc ^ (k * 7 + j + pass[1])) * 31;
        }
        acc = pass[1] == 0 ? acc + 1 : acc * 3;
      }
    }
    return acc;
  }

  /**
   * A million instructions, ten thousand blocks deep, compile on a thread with the JVM's default
   * stack (1 MiB on 64-bit Linux): nothing in the compiler recurses once per instruction or per
   * nesting level.
   */
  @Test
  void aMillionInstructionFunctionCompilesOnTheDefaultStack() throws Exception {
    int depth = 10_000;
    int statements = 247_500;
    ModuleBuilder m = new ModuleBuilder();
    Code body = new Code();
    for (int i = 0; i < depth; i++) {
      body.begin(BLOCK, EMPTY);
    }
    for (int k = 1; k <= statements; k++) {
      body.localGet(0).i32Const(k).op(I32_ADD).localSet(0);
    }
    for (int i = 0; i < depth; i++) {
      body.end().localGet(0).i32Const(1).op(I32_ADD).localSet(0);
    }
    body.localGet(0);
    m.export("f", m.function(m.type(new byte[] {I32}, new byte[] {I32}), new byte[0], body));
    byte[] wasm = m.build();
    CompiledModule[] compiled = new CompiledModule[1];
    Throwable[] failure = new Throwable[1];
    Thread compiler =
        new Thread(
            null,
            () -> {
              try {
                compiled[0] = Flarec.compile(wasm, CompileOptions.defaults());
              } catch (Throwable t) {
                failure[0] = t;
              }
            },
            "compile-on-default-stack",
            1 << 20);
    compiler.start();
    compiler.join();
    if (failure[0] != null) {
      throw new AssertionError("compiling on a 1 MiB stack failed", failure[0]);
    }
    MethodSizeCheck.assertWithin(compiled[0], CompileOptions.DEFAULT_METHOD_BUDGET);
    int expected = 5 + (int) ((long) statements * (statements + 1) / 2) + depth;
    assertEquals(expected, call(compiled[0], "f", 5));
  }

  @Test
  void deeplyNestedBlocksExitedThroughAHugeBrTable() {
    int depth = 3_000;
    ModuleBuilder m = new ModuleBuilder();
    Code body = new Code();
    for (int i = 0; i < depth; i++) {
      body.begin(BLOCK, EMPTY);
    }
    int[] targets = new int[depth];
    for (int j = 0; j < depth; j++) {
      targets[j] = j;
    }
    body.localGet(0).brTable(targets, depth - 1);
    for (int j = 0; j < depth; j++) {
      body.end(); // closes the block at depth j from the innermost
      body.i32Const(j).op(RETURN);
    }
    body.i32Const(-1);
    m.export("f", m.function(m.type(new byte[] {I32}, new byte[] {I32}), new byte[0], body));
    CompiledModule compiled = compile(m.build(), 2_000);
    Instance instance = compiled.load().instantiate();
    for (int i : new int[] {0, 1, 2, 17, 1499, 2998, 2999, 3000, 1_000_000, -1}) {
      int expected = i >= 0 && i < depth ? i : depth - 1;
      assertArrayEquals(new Object[] {expected}, instance.function("f").call(i), "index " + i);
    }
  }

  @Test
  void aBrTableOfAHundredThousandLabels() {
    int n = 100_000;
    ModuleBuilder m = new ModuleBuilder();
    int[] targets = new int[n];
    for (int i = 0; i < n; i++) {
      targets[i] = i % 3;
    }
    Code body = new Code();
    body.begin(BLOCK, EMPTY).begin(BLOCK, EMPTY).begin(BLOCK, EMPTY);
    body.localGet(0).brTable(targets, 2);
    body.end().i32Const(10).op(RETURN);
    body.end().i32Const(20).op(RETURN);
    body.end().i32Const(30);
    m.export("f", m.function(m.type(new byte[] {I32}, new byte[] {I32}), new byte[0], body));
    CompiledModule compiled = compile(m.build(), CompileOptions.DEFAULT_METHOD_BUDGET);
    Instance instance = compiled.load().instantiate();
    for (int i : new int[] {0, 1, 2, 3, 99_998, 99_999, 100_000, -7}) {
      int expected = i >= 0 && i < n ? (i % 3 + 1) * 10 : 30;
      assertArrayEquals(new Object[] {expected}, instance.function("f").call(i), "index " + i);
    }
  }

  @Test
  void fortyThousandLocalsExceedTheJvmFrameAndStillWork() {
    int locals = 40_000; // 80,000 JVM slots as i64: more than one JVM frame may hold
    ModuleBuilder m = new ModuleBuilder();
    byte[] types = new byte[locals];
    Arrays.fill(types, I64);
    Code body = new Code();
    for (int i = 0; i < locals; i++) {
      body.localGet(0).op(I64_EXTEND_I32_S).i64Const(i).op(I64_ADD).localSet(1 + i);
    }
    body.i64Const(0);
    for (int i = 0; i < locals; i++) {
      body.localGet(1 + i).op(I64_ADD);
    }
    m.export("f", m.function(m.type(new byte[] {I32}, new byte[] {I64}), types, body));
    CompiledModule compiled = compile(m.build(), CompileOptions.DEFAULT_METHOD_BUDGET);
    long x = 5;
    long expected = locals * x + (long) locals * (locals - 1) / 2;
    assertEquals(expected, call(compiled, "f", 5));
  }

  @Test
  void anOperandStackDeeperThanAJvmFrameAllows() {
    int values = 70_000; // the JVM's operand stack holds at most 65,535 slots
    ModuleBuilder m = new ModuleBuilder();
    Code body = new Code();
    for (int i = 0; i < values; i++) {
      body.i32Const(i);
    }
    for (int i = 1; i < values; i++) {
      body.op(I32_ADD);
    }
    m.export("f", m.function(m.type(new byte[0], new byte[] {I32}), new byte[0], body));
    CompiledModule compiled = compile(m.build(), CompileOptions.DEFAULT_METHOD_BUDGET);
    int expected = (int) ((long) values * (values - 1) / 2);
    assertEquals(expected, call(compiled, "f"));
  }

  /** mem[4k] = mem[4(k-1)] + k for k = 1..pairs; returns mem[4 * pairs]. */
  private static byte[] memoryChain(int pairs) {
    ModuleBuilder m = new ModuleBuilder();
    m.memory(1);
    Code body = new Code();
    for (int k = 1; k <= pairs; k++) {
      body.i32Const(4 * k)
          .i32Const(4 * (k - 1))
          .memory(I32_LOAD, 2, 0)
          .i32Const(k)
          .op(I32_ADD)
          .memory(I32_STORE, 2, 0);
    }
    body.i32Const(4 * pairs).memory(I32_LOAD, 2, 0);
    m.export("f", m.function(m.type(new byte[0], new byte[] {I32}), new byte[0], body));
    return m.build();
  }

  private static long memoryAccesses(MethodShape shape) {
    return shape.calls().stream().filter(c -> c.equals("loadInt") || c.equals("storeInt")).count();
  }

  /**
   * C1 refuses a method holding much more than 64 memory accesses: a split function's methods hold
   * at most 64 each, while a function that fits the budget stays whole, however many it makes
   * (splitting it would allocate a heap frame on every call).
   */
  @Test
  void runsHoldAtMost64MemoryAccessesAndFunctionsThatFitStayWhole() {
    int pairs = 1000;
    CompiledModule split = compile(memoryChain(pairs), CompileOptions.DEFAULT_METHOD_BUDGET);
    assertEquals(pairs * (pairs + 1) / 2, call(split, "f"));
    Map<String, MethodShape> methods = MethodShape.of(split);
    assertTrue(
        methods.keySet().stream().anyMatch(name -> name.startsWith("func0$run")),
        "split: " + methods.keySet());
    methods.forEach(
        (name, shape) ->
            assertTrue(memoryAccesses(shape) <= 64, name + " holds " + memoryAccesses(shape)));

    CompiledModule whole = compile(memoryChain(150), CompileOptions.DEFAULT_METHOD_BUDGET);
    assertEquals(150 * 151 / 2, call(whole, "f"));
    Map<String, MethodShape> wholeMethods = MethodShape.of(whole);
    assertTrue(
        wholeMethods.keySet().stream().noneMatch(name -> name.startsWith("func0$run")),
        "whole: " + wholeMethods.keySet());
    assertEquals(301, memoryAccesses(wholeMethods.get("func0")));
  }

  /**
   * A loop whose body is split: branches back to the loop from inside runs, a trap deep inside a
   * run, and interruption of a loop running inside a run.
   */
  private static byte[] loopOverMemory(int unroll) {
    ModuleBuilder m = new ModuleBuilder();
    m.memory(1);
    // sum(n, divisor): for i in [0, n): mem[0] += (i * 3 + u) / divisor for every u < unroll
    Code body = new Code();
    body.begin(BLOCK, EMPTY).begin(LOOP, EMPTY);
    body.localGet(2).localGet(0).op(I32_LT_S).op(0x45).brIf(1); // i32.eqz -> exit when !(i < n)
    for (int u = 0; u < unroll; u++) {
      body.i32Const(0)
          .i32Const(0)
          .memory(I32_LOAD, 2, 0)
          .localGet(2)
          .i32Const(3)
          .op(I32_MUL)
          .i32Const(u)
          .op(I32_ADD)
          .localGet(1)
          .op(I32_DIV_S)
          .op(I32_ADD)
          .memory(I32_STORE, 2, 0);
    }
    body.localGet(2).i32Const(1).op(I32_ADD).localSet(2).br(0);
    body.end().end();
    body.i32Const(0).memory(I32_LOAD, 2, 0);
    m.export(
        "sum", m.function(m.type(new byte[] {I32, I32}, new byte[] {I32}), new byte[] {I32}, body));
    return m.build();
  }

  private static int loopReference(int n, int divisor, int unroll) {
    int acc = 0;
    for (int i = 0; i < n; i++) {
      for (int u = 0; u < unroll; u++) {
        acc += (i * 3 + u) / divisor;
      }
    }
    return acc;
  }

  @Test
  // interrupt() cannot fail; the trap it causes is asserted
  @SuppressWarnings("FutureReturnValueIgnored")
  void loopsBranchesTrapsAndInterruptsCrossRunBoundaries() {
    int unroll = 400;
    CompiledModule compiled = compile(loopOverMemory(unroll), 1_000);
    assertTrue(MethodSizeCheck.methodCount(compiled) > 10, "the loop body is split");
    Instance instance = compiled.load().instantiate();
    assertArrayEquals(
        new Object[] {loopReference(50, 7, unroll)}, instance.function("sum").call(50, 7));

    Instance trapping = compiled.load().instantiate();
    WasmTrap trap = assertThrows(WasmTrap.class, () -> trapping.function("sum").call(10, 0));
    assertEquals(TrapKind.INTEGER_DIVIDE_BY_ZERO, trap.kind());

    Instance endless = compiled.load().instantiate();
    ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    try {
      timer.schedule(endless::interrupt, 200, TimeUnit.MILLISECONDS);
      WasmTrap stopped =
          assertThrows(WasmTrap.class, () -> endless.function("sum").call(Integer.MAX_VALUE, 1));
      assertEquals(TrapKind.INTERRUPTED, stopped.kind());
    } finally {
      timer.shutdownNow();
    }
  }

  @Test
  void ifElseArmsAndBlockResultsAcrossRuns() {
    // f(x) = if x < 0 then -(big sum) else big sum, with both arms and a block result split
    ModuleBuilder m = new ModuleBuilder();
    Code body = new Code();
    body.localGet(0).i32Const(0).op(I32_LT_S).begin(IF, I32);
    armSum(body, 1_000);
    body.op(ELSE);
    armSum(body, 1_200);
    body.end();
    m.export("f", m.function(m.type(new byte[] {I32}, new byte[] {I32}), new byte[0], body));
    CompiledModule split = compile(m.build(), 600);
    CompiledModule unsplit = compile(m.build(), 65_535);
    for (int x : new int[] {-3, 0, 9}) {
      assertEquals(call(unsplit, "f", x), call(split, "f", x), "x=" + x);
    }
  }

  /** Pushes sum_{k < n} (x + k) * k, keeping a running total on the stack. */
  private static void armSum(Code body, int n) {
    body.i32Const(0);
    for (int k = 0; k < n; k++) {
      body.localGet(0).i32Const(k).op(I32_ADD).i32Const(k).op(I32_MUL).op(I32_ADD);
    }
    body.localGet(0).op(I32_SUB);
  }

  @Test
  void modulesTooLargeForOneClassAreSpreadOverSeveral() {
    int n = 30_000; // far more constant-pool entries than one class may hold
    ModuleBuilder m = new ModuleBuilder();
    int constant = m.type(new byte[0], new byte[] {I32});
    for (int i = 0; i < n; i++) {
      m.function(constant, new byte[0], new Code().i32Const(i));
    }
    Code sum = new Code().i32Const(0);
    for (int i = 0; i < n; i++) {
      sum.call(i).op(I32_ADD);
    }
    m.export("sum", m.function(constant, new byte[0], sum));
    m.export("last", n - 1);
    CompiledModule compiled = compile(m.build(), CompileOptions.DEFAULT_METHOD_BUDGET);
    assertTrue(compiled.classFiles().size() > 2, "classes: " + compiled.classFiles().keySet());
    Instance instance = compiled.load().instantiate();
    assertArrayEquals(new Object[] {n * (n - 1) / 2}, instance.function("sum").call());
    assertArrayEquals(new Object[] {n - 1}, instance.function("last").call());
  }

  /**
   * 300 i32 parameters are more than a JVM method may take: the function takes them boxed, and
   * direct calls, call_indirect and calls from Java all still work.
   */
  @Test
  void functionsWithMoreParametersThanAJvmMethodTakes() {
    int n = 300;
    ModuleBuilder m = new ModuleBuilder();
    byte[] params = new byte[n];
    Arrays.fill(params, I32);
    int wideType = m.type(params, new byte[] {I32});
    Code sum = new Code().i32Const(0);
    for (int i = 0; i < n; i++) {
      sum.localGet(i).i32Const(i + 1).op(I32_MUL).op(I32_ADD);
    }
    int wide = m.function(wideType, new byte[0], sum);
    m.export("wide", wide);
    Code caller = new Code();
    for (int i = 0; i < n; i++) {
      caller.localGet(0).i32Const(i).op(I32_ADD);
    }
    caller.call(wide);
    m.export(
        "call_wide", m.function(m.type(new byte[] {I32}, new byte[] {I32}), new byte[0], caller));
    CompiledModule compiled = compile(m.build(), CompileOptions.DEFAULT_METHOD_BUDGET);
    Instance instance = compiled.load().instantiate();

    Object[] args = new Object[n];
    long expected = 0;
    for (int i = 0; i < n; i++) {
      args[i] = 2 * i;
      expected += 2L * i * (i + 1);
    }
    assertArrayEquals(new Object[] {(int) expected}, instance.function("wide").call(args));
    long viaCall = 0;
    for (int i = 0; i < n; i++) {
      viaCall += (5L + i) * (i + 1);
    }
    assertArrayEquals(new Object[] {(int) viaCall}, instance.function("call_wide").call(5));
  }

  @Test
  void wideFunctionsThroughTablesAndImports() {
    int n = 260;
    String params = " i32".repeat(n);
    StringBuilder args = new StringBuilder();
    for (int i = 0; i < n; i++) {
      args.append(" (i32.const ").append(i).append(')');
    }
    String wat =
        "(module\n"
            + "  (type $w (func (param"
            + params
            + ") (result i32)))\n"
            + "  (import \"env\" \"host\" (func $host (type $w)))\n"
            + "  (table 2 funcref) (elem (i32.const 0) $last $host)\n"
            + "  (func $last (type $w) (local.get "
            + (n - 1)
            + "))\n"
            + "  (func (export \"via_table\") (param i32) (result i32)\n"
            + "    (call_indirect (type $w)"
            + args
            + " (local.get 0))))";
    byte[] wasm = com.dylibso.chicory.wabt.Wat2Wasm.parse(wat);
    CompiledModule compiled = compile(wasm, CompileOptions.DEFAULT_METHOD_BUDGET);
    dev.flarec.runtime.types.FunctionType wide = compiled.descriptor().types().get(0);
    assertTrue(wide.isWide());
    // a host function of a wide type takes the arguments as one Object[]
    dev.flarec.runtime.instance.FunctionRef host =
        dev.flarec.runtime.instance.FunctionRef.of(
            wide,
            (java.util.function.ToIntFunction<Object[]>)
                a -> (Integer) a[0] + (Integer) a[a.length - 1]);
    Instance instance =
        compiled
            .load()
            .instantiate(
                dev.flarec.runtime.instance.Imports.builder()
                    .function("env", "host", host)
                    .build());
    assertArrayEquals(new Object[] {n - 1}, instance.function("via_table").call(0));
    assertArrayEquals(new Object[] {n - 1}, instance.function("via_table").call(1));
  }

  @Test
  void thousandsOfGlobalsAreInitialisedCapturedAndRestoredWithinTheBudget() {
    int n = 3_000;
    ModuleBuilder m = new ModuleBuilder();
    for (int i = 0; i < n; i++) {
      m.globalI32(i);
    }
    Code sum = new Code().i32Const(0);
    for (int i = 0; i < n; i += 100) {
      sum.globalGet(i).op(I32_ADD);
    }
    m.export("sum", m.function(m.type(new byte[0], new byte[] {I32}), new byte[0], sum));
    m.export(
        "clobber",
        m.function(
            m.type(new byte[0], new byte[0]),
            new byte[0],
            new Code().i32Const(-1).globalSet(n - 100)));
    CompiledModule compiled = compile(m.build(), CompileOptions.DEFAULT_METHOD_BUDGET);
    Instance instance = compiled.load().instantiate();
    int expected = 0;
    for (int i = 0; i < n; i += 100) {
      expected += i;
    }
    assertArrayEquals(new Object[] {expected}, instance.function("sum").call());
    var fresh = instance.snapshot();
    instance.function("clobber").call();
    assertArrayEquals(new Object[] {expected - (n - 100) - 1}, instance.function("sum").call());
    instance.restore(fresh);
    assertArrayEquals(new Object[] {expected}, instance.function("sum").call());
  }
}
