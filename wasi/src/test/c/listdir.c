// Lists a directory, given as argv[1]: one line per entry, sorted by the host, with its type
// (d directory, f file, l symbolic link) and, for files, its size.
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

int main(int argc, char **argv) {
  if (argc < 2) {
    fprintf(stderr, "usage: listdir DIR\n");
    return 2;
  }
  DIR *dir = opendir(argv[1]);
  if (!dir) {
    printf("opendir: %s\n", strerror(errno));
    return 1;
  }
  int entries = 0;
  struct dirent *entry;
  while ((entry = readdir(dir)) != NULL) {
    if (strcmp(entry->d_name, ".") == 0 || strcmp(entry->d_name, "..") == 0) {
      continue;
    }
    char path[512];
    snprintf(path, sizeof path, "%s/%s", argv[1], entry->d_name);
    struct stat st;
    if (lstat(path, &st) != 0) {
      printf("? %s: %s\n", entry->d_name, strerror(errno));
      continue;
    }
    char type = S_ISDIR(st.st_mode) ? 'd' : S_ISLNK(st.st_mode) ? 'l' : S_ISREG(st.st_mode) ? 'f' : '?';
    char dtype = entry->d_type == DT_DIR ? 'd' : entry->d_type == DT_LNK ? 'l' : entry->d_type == DT_REG ? 'f' : '?';
    if (type == 'f') {
      printf("%c%c %s %lld\n", type, dtype, entry->d_name, (long long) st.st_size);
    } else {
      printf("%c%c %s\n", type, dtype, entry->d_name);
    }
    entries++;
  }
  closedir(dir);
  printf("entries=%d\n", entries);
  return 0;
}
