package dev.flarec.compiler.emit;

import java.util.EnumSet;
import java.util.Set;
import run.endive.wasm.types.AnnotatedInstruction;

/**
 * Everything the compiler knows about one opcode: the emitter that lowers it, how many operand
 * values it pops and pushes (which a split function needs to load exactly the values an instruction
 * consumes), the traits that decide what a method caches and fuses, and for a load or store how
 * many bytes it touches at its effective address ({@code accessBytes}, 0 for every other
 * instruction), which is how far past its address an access proves memory in bounds ({@link
 * InBoundsAccesses}). Every access takes its address as its first operand: under the value of a
 * store, under the vector of a lane load.
 */
record OpcodeRow(Emitter emitter, Arity pops, Arity pushes, Set<Trait> traits, int accessBytes) {

  /** A count of operand-stack values that may depend on the instruction and its context. */
  @FunctionalInterface
  interface Arity {
    int of(EmitContext f, AnnotatedInstruction ins);

    static Arity fixed(int n) {
      return (f, ins) -> n;
    }
  }

  /** What an instruction does beyond its stack effect. */
  enum Trait {
    /** Reads linear memory through the method's cached array (loads). */
    READS_MEMORY,
    /** Writes linear memory through the method's cached array (stores). */
    WRITES_MEMORY,
    /**
     * Yields a {@link Condition} that a following {@code br_if}, {@code if} or {@code select}
     * absorbs.
     */
    FUSES_WITH_BRANCH,
    /** Calls a Wasm function, which may grow memory or recurse. */
    CALLS,
    /**
     * Leaves the function for its callee ({@code return_call} and kin): the callee's exceptions are
     * not the function's {@code try_table}s' to catch.
     */
    TAIL_CALLS,
    /** Grows linear memory, replacing its array. */
    GROWS_MEMORY,
    /** Throws a Wasm exception ({@code throw}, {@code throw_ref}); calls may too. */
    THROWS
  }

  OpcodeRow {
    traits = traits.isEmpty() ? EnumSet.noneOf(Trait.class) : EnumSet.copyOf(traits);
  }

  /** A row of an instruction that accesses no memory. */
  OpcodeRow(Emitter emitter, Arity pops, Arity pushes, Set<Trait> traits) {
    this(emitter, pops, pushes, traits, 0);
  }

  boolean has(Trait t) {
    return traits.contains(t);
  }

  boolean accessesMemory() {
    return has(Trait.READS_MEMORY) || has(Trait.WRITES_MEMORY);
  }

  /** How deep under the top of the operand stack an access finds its address. */
  int addressDepth(EmitContext f, AnnotatedInstruction ins) {
    return pops.of(f, ins) - 1;
  }

  /** True when a Wasm exception may leave the instruction: it throws or calls. */
  boolean mayThrow() {
    return has(Trait.THROWS) || has(Trait.CALLS);
  }

  /** True when the memory's array may be replaced by the time the instruction completes. */
  boolean mayGrowMemory() {
    return has(Trait.CALLS) || has(Trait.GROWS_MEMORY);
  }
}
