package dev.flarec.compiler.emit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dylibso.chicory.wabt.Wat2Wasm;
import dev.flarec.compiler.CompileOptions;
import dev.flarec.compiler.CompiledModule;
import dev.flarec.compiler.Flarec;
import dev.flarec.compiler.testing.ModuleBuilder;
import dev.flarec.compiler.testing.ModuleBuilder.Code;
import dev.flarec.runtime.instance.FunctionRef;
import dev.flarec.runtime.instance.Imports;
import dev.flarec.runtime.instance.Instance;
import dev.flarec.runtime.instance.InstanceSnapshot;
import dev.flarec.runtime.memory.Memory;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A method skips the write mark of a store whose block it marked last ({@link
 * MemoryEmitters#markWritten}); the marks must stay exact all the same, so that restoring a
 * snapshot puts every written byte back. The host clears marks when it restores a snapshot, which
 * compiled code can only reach through a call: stores after a call mark their block again.
 */
class WriteMarksTest {
  private static final int BLOCK = 1 << Memory.BLOCK_SHIFT;

  /**
   * A flare (it exports {@code handle_request}, so its stores are tracked). {@code fill} stores
   * many words into one block and the next; {@code storeCallStore} stores into block 1, calls the
   * host, which restores the snapshot (clearing the marks), and stores into block 1 again; {@code
   * storeGrowStore} stores, grows the memory and stores again in the same block.
   */
  private static final String FLARE =
      """
      (module
        (import "env" "restore" (func $restore))
        (memory (export "memory") 1)
        (data (i32.const 4096) "original bytes")
        (func (export "handle_request") (result i64) (i64.const 0x100000000))
        (func (export "fill") (param $at i32) (param $count i32)
          (loop $again
            (i32.store (local.get $at) (i32.const -1))
            (local.set $at (i32.add (local.get $at) (i32.const 4)))
            (br_if $again (local.tee $count (i32.sub (local.get $count) (i32.const 1))))))
        (func (export "storeCallStore") (param $value i32)
          (i32.store (i32.const 4096) (local.get $value))
          (call $restore)
          (i32.store (i32.const 4100) (local.get $value)))
        (func (export "storeGrowStore") (param $value i32)
          (i32.store (i32.const 8192) (local.get $value))
          (drop (memory.grow (i32.const 1)))
          (i32.store (i32.const 8196) (local.get $value))
          (i32.store (i32.const 65536) (local.get $value))))
      """;

  /**
   * A flare instance whose import {@code env.restore} makes the host restore the snapshot taken
   * when it was made, as the server's reset between requests does, clearing every mark.
   */
  private static final class SnapshottedFlare {
    final Instance instance;
    final Memory memory;
    private final InstanceSnapshot fresh;
    private final byte[] before;

    SnapshottedFlare(byte[] wasm, int budget) {
      AtomicReference<SnapshottedFlare> self = new AtomicReference<>();
      Runnable restore = () -> self.get().restore();
      CompiledModule compiled =
          Flarec.compile(wasm, CompileOptions.defaults().withMethodBudget(budget));
      assertTrue(compiled.descriptor().tracksMemoryWrites(), "a flare tracks its writes");
      instance =
          compiled
              .load()
              .instantiate(
                  Imports.builder().function("env", "restore", FunctionRef.of(restore)).build());
      memory = instance.memory("memory");
      fresh = instance.snapshot();
      before = memory.bytes.clone();
      self.set(this);
    }

    void restore() {
      instance.restore(fresh);
    }

    /** Restores the snapshot and checks that every byte written since is back as it was. */
    void restoreAndCheckEveryByte() {
      restore();
      assertArrayEquals(before, Arrays.copyOf(memory.bytes, before.length));
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {65535, CompileOptions.MIN_METHOD_BUDGET})
  void storesInOneBlockAreMarkedAndRestoredExactly(int budget) {
    SnapshottedFlare flare = new SnapshottedFlare(Wat2Wasm.parse(FLARE), budget);
    Instance instance = flare.instance;
    Memory memory = flare.memory;

    // 1,100 words from the middle of block 2 into block 3
    instance.function("fill").call(2 * BLOCK + 2000, 1100);
    assertEquals(1, memory.written[2]);
    assertEquals(1, memory.written[3]);
    assertEquals(0, memory.written[4], "untouched blocks stay unmarked");
    assertEquals(-1, memory.readInt(3 * BLOCK + 100));

    flare.restoreAndCheckEveryByte();
  }

  @ParameterizedTest
  @ValueSource(ints = {65535, CompileOptions.MIN_METHOD_BUDGET})
  void aStoreAfterACallThatClearedTheMarksMarksItsBlockAgain(int budget) {
    SnapshottedFlare flare = new SnapshottedFlare(Wat2Wasm.parse(FLARE), budget);
    Instance instance = flare.instance;
    Memory memory = flare.memory;

    instance.function("storeCallStore").call(0x01020304);
    assertEquals(1, memory.written[1], "the block was written after the host cleared its mark");
    assertEquals(0x01020304, memory.readInt(4100));

    flare.restoreAndCheckEveryByte();
  }

  @ParameterizedTest
  @ValueSource(ints = {65535, CompileOptions.MIN_METHOD_BUDGET})
  void storesAroundMemoryGrowAreMarked(int budget) {
    SnapshottedFlare flare = new SnapshottedFlare(Wat2Wasm.parse(FLARE), budget);
    Instance instance = flare.instance;
    Memory memory = flare.memory;

    instance.function("storeGrowStore").call(7);
    assertEquals(2, memory.pages());
    assertEquals(1, memory.written[2]);
    assertEquals(1, memory.written[65536 >>> Memory.BLOCK_SHIFT]);

    flare.restoreAndCheckEveryByte();
    assertEquals(1, memory.pages());
  }

  private static final int I32_STORE = 0x36;

  /**
   * {@code storeCatchStore(v)}: stores into block 1, calls a function that has the host restore the
   * snapshot (clearing the marks) and then throws, catches that in a {@code try_table}, and stores
   * into block 1 again. The second store is reached through the handler, not past the call.
   */
  private static byte[] throwingFlare() {
    ModuleBuilder m = new ModuleBuilder();
    int none = m.type(new byte[0], new byte[0]);
    int restore = m.importFunction("env", "restore", none);
    m.memory(1);
    m.exportMemory("memory");
    int tag = m.tag(none);
    int thrower = m.function(none, new byte[0], new Code().call(restore).throwTag(tag));
    Code body =
        new Code()
            .i32Const(4096)
            .localGet(0)
            .memory(I32_STORE, 2, 0)
            .begin(0x02, ModuleBuilder.VOID)
            .tryTable(ModuleBuilder.VOID, Code.catchAll(0))
            .call(thrower)
            .end()
            .end()
            .i32Const(4100)
            .localGet(0)
            .memory(I32_STORE, 2, 0);
    m.export(
        "storeCatchStore",
        m.function(m.type(new byte[] {ModuleBuilder.I32}, new byte[0]), new byte[0], body));
    m.export(
        "handle_request",
        m.function(
            m.type(new byte[0], new byte[] {ModuleBuilder.I64}),
            new byte[0],
            new Code().i64Const(0x100000000L)));
    return m.build();
  }

  @ParameterizedTest
  @ValueSource(ints = {65535, CompileOptions.MIN_METHOD_BUDGET})
  void aStoreInAHandlerAfterTheMarksWereClearedMarksItsBlockAgain(int budget) {
    SnapshottedFlare flare = new SnapshottedFlare(throwingFlare(), budget);
    Memory memory = flare.memory;

    flare.instance.function("storeCatchStore").call(0x05060708);
    assertEquals(1, memory.written[1], "the block was written after the host cleared its mark");
    assertEquals(0x05060708, memory.readInt(4100));

    flare.restoreAndCheckEveryByte();
  }
}
