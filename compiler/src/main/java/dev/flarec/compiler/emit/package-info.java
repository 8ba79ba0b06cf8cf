/**
 * Code generation with ASM: {@code ClassEmitter} shapes the module's classes, {@code
 * FunctionEmitter} emits one method of a function (the operand stack and locals), {@code
 * ControlLowering} its structured control and branches ({@code BranchTableLowering} for {@code
 * br_table}), and the opcode families ({@code ControlEmitters}, {@code MemoryEmitters}, ...) sit
 * behind the one index {@code OpcodeTable}, working through the narrow {@code EmitContext}.
 *
 * <p>Method splitting lives here too, in one place: {@code MethodBudget} owns the budget and its
 * margins, {@code CodeSizeCounter} measures emitted code, {@code SplitPlanner} plans which parts of
 * a function too large for one method become runs ({@code SplitPlan}), {@code FunctionSplitter}
 * measures plans until every method fits, and {@code RunCalls} emits the calls of runs, the locals
 * they are passed, their result codes and the heap frame they share. See
 * docs/RATIONALE.md#method-splitting.
 *
 * <p>May depend on {@code layout}, the runtime's names (only as strings and descriptors: the
 * generated code links to the runtime, the compiler does not call it) and the parser's instruction
 * types; must not depend on {@code cli} or {@code jar}. Follows WebAssembly 2.0 §4.4 (instructions)
 * and JVMS §4 and §6 (class files, instructions).
 */
package dev.flarec.compiler.emit;
