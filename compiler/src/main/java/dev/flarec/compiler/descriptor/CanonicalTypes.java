package dev.flarec.compiler.descriptor;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import run.endive.wasm.types.FunctionType;
import run.endive.wasm.types.SubType;
import run.endive.wasm.types.TypeSection;
import run.endive.wasm.types.ValType;

/**
 * The canonical keys of a module's function types (Wasm 3.0 §3.5.1, iso-recursive type
 * equivalence). A recursive group is written out member by member, each type index inside the group
 * as its position in it and each one outside as the referenced type's key; a type's key is a digest
 * of its group's text and its position. Two types, of any modules, are the same exactly when their
 * keys are. A type that Wasm 2.0 can write (alone in its group, final, no supertype, no typed
 * reference) has no key ({@code null}), so that it equals the key-less types host code builds.
 *
 * <p>See docs/RATIONALE.md#why-function-types-carry-a-canonical-key.
 */
public final class CanonicalTypes {
  private CanonicalTypes() {}

  /** One key per type of the flattened type index space, {@code null} for a 2.0 type. */
  public static String[] keys(TypeSection section) {
    String[] keys = new String[section.subTypeCount()];
    // how a type outside a group is named in it: its key, or a plain type's own text
    String[] names = new String[keys.length];
    int base = 0;
    for (int g = 0; g < section.typeCount(); g++) {
      SubType[] members = section.getRecType(g).subTypes();
      StringBuilder group = new StringBuilder("rec");
      for (SubType member : members) {
        group.append(member.isFinal() ? " (sub final" : " (sub");
        for (int s : member.typeIdx()) {
          group.append(' ').append(index(s, base, members.length, names));
        }
        FunctionType f = member.compType().funcType();
        group.append(" (func");
        appendAll(group, " (param", f.params(), base, members.length, names);
        appendAll(group, " (result", f.returns(), base, members.length, names);
        group.append("))");
      }
      if (members.length == 1 && isPlain(members[0])) {
        names[base] = group.toString();
      } else {
        String digest = digest(group.toString());
        for (int j = 0; j < members.length; j++) {
          keys[base + j] = digest + "." + j;
          names[base + j] = keys[base + j];
        }
      }
      base += members.length;
    }
    return keys;
  }

  /** The declared supertype of the type at {@code index}, or -1. */
  public static int supertype(TypeSection section, int index) {
    int[] supers = section.getSubType(index).typeIdx();
    return supers.length == 0 ? -1 : supers[0];
  }

  private static boolean isPlain(SubType t) {
    if (!t.isFinal() || t.typeIdx().length != 0 || t.compType().funcType() == null) {
      return false;
    }
    FunctionType f = t.compType().funcType();
    return f.params().stream().allMatch(CanonicalTypes::isPlain)
        && f.returns().stream().allMatch(CanonicalTypes::isPlain);
  }

  /** A value type flarec's run-time value types carry exactly: a number, v128 or a nullable top. */
  private static boolean isPlain(ValType t) {
    return !t.isReference()
        || (t.isNullable()
            && (t.typeIdx() == ValType.FuncRef.typeIdx()
                || t.typeIdx() == ValType.ExternRef.typeIdx()));
  }

  private static void appendAll(
      StringBuilder out, String head, List<ValType> types, int base, int size, String[] names) {
    out.append(head);
    for (ValType t : types) {
      out.append(' ');
      if (!t.isReference()) {
        out.append(t.name());
        continue;
      }
      out.append(t.isNullable() ? "(ref null " : "(ref ");
      int heap = t.typeIdx();
      out.append(heap >= 0 ? index(heap, base, size, names) : "abstract" + heap).append(')');
    }
    out.append(')');
  }

  /** A type index inside the group as its position, outside it as that type's identity. */
  private static String index(int index, int base, int size, String[] names) {
    if (index >= base && index < base + size) {
      return "rec." + (index - base);
    }
    return "(" + names[index] + ")";
  }

  private static String digest(String text) {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}
