package dev.flarec.compiler.emit;

/**
 * An emitter that only consumes the operands it pops and pushes its results, in straight-line code:
 * values deeper on the operand stack may stay where they are, including {@code v128} values held in
 * halves (see {@link OperandStack}). Every other instruction (control, calls, outlined runs) first
 * has such values boxed.
 */
@FunctionalInterface
interface TopOnlyEmitter extends Emitter {}
