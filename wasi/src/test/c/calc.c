// A scanf/printf round trip: reads "NAME INT FLOAT" records from stdin until the end and prints
// each with its values reformatted, then the totals.
#include <stdio.h>

int main(void) {
  char name[64];
  int number;
  double value;
  long long total = 0;
  double sum = 0;
  int records = 0;
  while (scanf("%63s %d %lf", name, &number, &value) == 3) {
    printf("%-8s|%6d|%#x|%10.4f|%e\n", name, number, number, value, value);
    total += number;
    sum += value;
    records++;
  }
  printf("records=%d total=%lld sum=%.6g\n", records, total, sum);
  return 0;
}
