package dev.flarec.compiler.emit;

import static org.objectweb.asm.Opcodes.*;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;

/**
 * Lowers the {@code br_table}s of one method for its {@link ControlLowering}: a {@code tableswitch}
 * whose labels are the targets themselves where a plain jump reaches them, or trampolines that
 * first drop what lies between the carried values and the target (or leave the run); past {@value
 * #LARGE_BR_TABLE} labels, a lookup array (a constant of the module's class) first maps the index
 * to one of the distinct targets.
 */
final class BranchTableLowering {
  /** Above this many labels a {@code br_table} is lowered through a lookup array. */
  private static final int LARGE_BR_TABLE = 128;

  private final FunctionEmitter f;
  private final ControlLowering control;
  private final MethodVisitor mv;

  BranchTableLowering(FunctionEmitter f, ControlLowering control, MethodVisitor mv) {
    this.f = f;
    this.control = control;
    this.mv = mv;
  }

  /** Lowers a {@code br_table} whose operands are the label depths, the last one the default. */
  void lower(long[] depths) {
    int n = depths.length - 1;
    if (n == 0) {
      mv.visitInsn(POP);
      control.branch((int) depths[0]);
      return;
    }
    if (n > LARGE_BR_TABLE) {
      lowerLarge(depths);
      return;
    }
    Map<Integer, Label> trampolines = new LinkedHashMap<>();
    Label[] labels = new Label[n];
    for (int i = 0; i < n; i++) {
      labels[i] = labelFor((int) depths[i], trampolines);
    }
    Label dflt = labelFor((int) depths[n], trampolines);
    emitSwitch(labels, dflt);
    for (Map.Entry<Integer, Label> t : trampolines.entrySet()) {
      mv.visitLabel(t.getValue());
      control.jumpTo(control.frame(t.getKey()));
    }
    control.markUnreachable();
  }

  /**
   * Jumps to {@code labels[index]}, or to {@code dflt} for any other index, with the smaller of a
   * {@code tableswitch} over the indices from the first to the last that do not go to the default
   * and a {@code lookupswitch} of those indices: compilers emit {@code br_table}s for sparse C
   * {@code switch}es, whose entries mostly repeat the default. Both compile alike in C1 and C2.
   */
  private void emitSwitch(Label[] labels, Label dflt) {
    int first = -1;
    int last = -1;
    int keys = 0;
    for (int i = 0; i < labels.length; i++) {
      if (labels[i] != dflt) {
        first = first < 0 ? i : first;
        last = i;
        keys++;
      }
    }
    if (keys == 0) {
      mv.visitInsn(POP);
      mv.visitJumpInsn(GOTO, dflt);
      return;
    }
    // bytes beyond the opcode and its alignment: default, low, high and a label each; default,
    // count and a key and label each
    int table = 12 + 4 * (last - first + 1);
    int lookup = 8 + 8 * keys;
    if (table <= lookup) {
      mv.visitTableSwitchInsn(
          first, last, dflt, java.util.Arrays.copyOfRange(labels, first, last + 1));
      return;
    }
    int[] values = new int[keys];
    Label[] targets = new Label[keys];
    for (int i = first, k = 0; i <= last; i++) {
      if (labels[i] != dflt) {
        values[k] = i;
        targets[k++] = labels[i];
      }
    }
    mv.visitLookupSwitchInsn(dflt, values, targets);
  }

  /**
   * {@code br_table} with many labels: index to distinct-target ordinal through a static {@code
   * char[]}, then a switch over the distinct targets. See
   * docs/RATIONALE.md#why-large-br_tables-use-a-lookup-array.
   */
  private void lowerLarge(long[] depths) {
    int n = depths.length - 1;
    if (allOutwardWithoutValues(depths)) {
      returnCodeFromTable(depths);
      return;
    }
    List<Integer> distinct = new ArrayList<>();
    Map<Integer, Integer> ordinalOf = new LinkedHashMap<>();
    char[] ordinals = new char[n];
    for (int i = 0; i <= n; i++) {
      int depth = (int) depths[i];
      Integer ordinal = ordinalOf.get(depth);
      if (ordinal == null) {
        ordinal = distinct.size();
        ordinalOf.put(depth, ordinal);
        distinct.add(depth);
      }
      if (i < n) {
        ordinals[i] = (char) (int) ordinal;
      }
    }
    lookUp(ordinals, ordinalOf.get((int) depths[n]));
    // one label per distinct target; the default of this switch is never taken
    Map<Integer, Label> trampolines = new LinkedHashMap<>();
    Label[] labels = new Label[distinct.size()];
    for (int i = 0; i < labels.length; i++) {
      labels[i] = labelFor(distinct.get(i), trampolines);
    }
    mv.visitTableSwitchInsn(0, labels.length - 1, labels[0], labels);
    for (Map.Entry<Integer, Label> t : trampolines.entrySet()) {
      mv.visitLabel(t.getValue());
      control.jumpTo(control.frame(t.getKey()));
    }
    control.markUnreachable();
  }

  /** True when every target of a {@code br_table} is a caller's frame carrying no values. */
  private boolean allOutwardWithoutValues(long[] depths) {
    for (long d : depths) {
      ControlFrame target = control.frame((int) d);
      if (target.index >= control.outerFrames() || control.carriedBy(target).size() > 0) {
        return false;
      }
    }
    return true;
  }

  /**
   * In a run, a {@code br_table} that leaves the run whichever label it takes: the code to return
   * is looked up directly, however many distinct targets there are.
   */
  private void returnCodeFromTable(long[] depths) {
    int n = depths.length - 1;
    char[] codes = new char[n];
    for (int i = 0; i < n; i++) {
      codes[i] = (char) (control.frame((int) depths[i]).index + 1);
      f.addExitCode(codes[i]);
    }
    int dflt = control.frame((int) depths[n]).index + 1;
    f.addExitCode(dflt);
    lookUp(codes, dflt);
    control.returnCode(0);
    control.markUnreachable();
  }

  /**
   * Replaces the index on the stack by its entry of {@code entries} (a constant of the module's
   * class), or by {@code dflt} past its end.
   */
  private void lookUp(char[] entries, int dflt) {
    ModuleInfo module = f.module();
    String field = module.constantTable(f.functionIndex(), f.current().address(), entries);
    mv.visitFieldInsn(GETSTATIC, module.internalName, field, "[C");
    JvmConstants.pushInt(mv, dflt);
    mv.visitMethodInsn(INVOKESTATIC, RuntimeNames.BRANCH_TABLES, "ordinal", "(I[CI)I", false);
  }

  private Label labelFor(int depth, Map<Integer, Label> trampolines) {
    ControlFrame target = control.frame(depth);
    if (control.isLocal(target) && control.realExtrasBelow(target) == 0) {
      target.targetUsed = true;
      return target.target;
    }
    return trampolines.computeIfAbsent(depth, d -> new Label());
  }
}
