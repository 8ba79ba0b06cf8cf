package dev.flarec.compiler.emit;

/**
 * A {@link TopOnlyEmitter} that takes {@code v128} operands held in halves as they are: before it
 * runs, its operands are on the JVM stack or in halves, never in the frame; it calls {@link
 * EmitContext#operandsToHalves} if it needs all of them in halves.
 */
@FunctionalInterface
interface HalvesEmitter extends TopOnlyEmitter {}
