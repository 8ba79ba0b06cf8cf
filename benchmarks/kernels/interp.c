/*
 * A switch-heavy interpreter loop: a small stack machine (17 opcodes, br_table in Wasm) runs a
 * bytecode program whose main loop iterates n times. The program is assembled at run time.
 */
#include "bench.h"

enum { HALT, PUSH, LOAD, STORE, ADD, SUB, MUL, XOR, AND, SHL, SHR, LT, JZ, JNZ, JMP, DUP, POP };

static uint8_t code[128];
static int code_size;

static void emit(uint8_t op) { code[code_size++] = op; }
static void emit2(uint8_t op, uint8_t arg) { emit(op); emit(arg); }
static int here(void) { return code_size; }
static void patch(int at, int target) { code[at + 1] = (uint8_t)target; }

/* regs: 0 = n, 1 = acc, 2 = i, 3 = tmp */
static void assemble(void) {
  code_size = 0;
  int loop = here();
  emit2(LOAD, 2); emit2(LOAD, 0); emit(LT);
  int exit_jump = here(); emit2(JZ, 0);
  /* acc = (acc << 5) + acc ^ i * i */
  emit2(LOAD, 1); emit2(PUSH, 5); emit(SHL); emit2(LOAD, 1); emit(ADD);
  emit2(LOAD, 2); emit(DUP); emit(MUL); emit(XOR); emit2(STORE, 1);
  /* if ((i & 3) == 0) acc += acc >> 7; else tmp += acc & 255 */
  emit2(LOAD, 2); emit2(PUSH, 3); emit(AND);
  int else_jump = here(); emit2(JNZ, 0);
  emit2(LOAD, 1); emit(DUP); emit2(PUSH, 7); emit(SHR); emit(ADD); emit2(STORE, 1);
  int join_jump = here(); emit2(JMP, 0);
  patch(else_jump, here());
  emit2(LOAD, 3); emit2(LOAD, 1); emit2(PUSH, 255); emit(AND); emit(ADD);
  emit2(PUSH, 1); emit(SUB); emit2(STORE, 3);
  patch(join_jump, here());
  /* i = i + 1 */
  emit2(LOAD, 2); emit2(PUSH, 1); emit(ADD); emit(DUP); emit(POP); emit2(STORE, 2);
  emit2(JMP, (uint8_t)loop);
  patch(exit_jump, here());
  emit(HALT);
}

static int64_t execute(int32_t n) {
  uint32_t regs[4] = {(uint32_t)n, 0, 0, 0};
  uint32_t stack[16];
  int sp = 0;
  int pc = 0;
  for (;;) {
    uint8_t op = code[pc++];
    switch (op) {
      case HALT: return ((int64_t)regs[1] << 32) | regs[3];
      case PUSH: stack[sp++] = code[pc++]; break;
      case LOAD: stack[sp++] = regs[code[pc++]]; break;
      case STORE: regs[code[pc++]] = stack[--sp]; break;
      case ADD: sp--; stack[sp - 1] += stack[sp]; break;
      case SUB: sp--; stack[sp - 1] -= stack[sp]; break;
      case MUL: sp--; stack[sp - 1] *= stack[sp]; break;
      case XOR: sp--; stack[sp - 1] ^= stack[sp]; break;
      case AND: sp--; stack[sp - 1] &= stack[sp]; break;
      case SHL: sp--; stack[sp - 1] <<= stack[sp] & 31; break;
      case SHR: sp--; stack[sp - 1] >>= stack[sp] & 31; break;
      case LT: sp--; stack[sp - 1] = (int32_t)stack[sp - 1] < (int32_t)stack[sp]; break;
      case JZ: pc = stack[--sp] == 0 ? code[pc] : pc + 1; break;
      case JNZ: pc = stack[--sp] != 0 ? code[pc] : pc + 1; break;
      case JMP: pc = code[pc]; break;
      case DUP: stack[sp] = stack[sp - 1]; sp++; break;
      case POP: sp--; break;
      default: return -1;
    }
  }
}

KERNEL int64_t run(int32_t n) {
  assemble();
  return execute(n);
}
