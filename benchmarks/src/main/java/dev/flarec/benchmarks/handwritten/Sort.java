package dev.flarec.benchmarks.handwritten;

/** kernels/sort.c in Java: unsigned 32-bit values, compared with the sign bit flipped. */
final class Sort {
  private static final int COUNT = 16384;

  private Sort() {}

  static long run(int n) {
    int[] data = new int[COUNT];
    int[] seed = {(int) 2463534242L};
    long checksum = 0;
    for (int r = 0; r < n; r++) {
      for (int i = 0; i < COUNT; i++) {
        data[i] = HandwrittenKernels.nextRandom(seed);
      }
      quicksort(data, 0, COUNT - 1);
      for (int i = 0; i < COUNT; i += 97) {
        checksum = checksum * 31 + Integer.toUnsignedLong(data[i]);
      }
    }
    return checksum;
  }

  private static boolean less(int a, int b) {
    return (a ^ Integer.MIN_VALUE) < (b ^ Integer.MIN_VALUE);
  }

  private static void insertionSort(int[] v, int lo, int hi) {
    for (int i = lo + 1; i <= hi; i++) {
      int x = v[i];
      int j = i - 1;
      while (j >= lo && less(x, v[j])) {
        v[j + 1] = v[j];
        j--;
      }
      v[j + 1] = x;
    }
  }

  private static void quicksort(int[] v, int lo, int hi) {
    while (hi - lo > 16) {
      int pivot = v[lo + (hi - lo) / 2];
      int i = lo, j = hi;
      while (i <= j) {
        while (less(v[i], pivot)) i++;
        while (less(pivot, v[j])) j--;
        if (i <= j) {
          int t = v[i];
          v[i] = v[j];
          v[j] = t;
          i++;
          j--;
        }
      }
      if (j - lo < hi - i) {
        quicksort(v, lo, j);
        lo = i;
      } else {
        quicksort(v, i, hi);
        hi = j;
      }
    }
    insertionSort(v, lo, hi);
  }
}
