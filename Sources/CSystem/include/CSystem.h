#ifndef CSYSTEM_H
#define CSYSTEM_H

// System calls the Swift Glibc module does not declare; each shim below is one line.
#include <stddef.h>
#include <sys/syscall.h>
#include <unistd.h>

// memmem is declared by glibc only under _GNU_SOURCE too; it is in every glibc.
extern void *memmem(const void *haystack, size_t haystacklen, const void *needle, size_t needlelen);
static inline int knupp_contains(const void *haystack, size_t haystacklen, const void *needle, size_t needlelen) { return memmem(haystack, haystacklen, needle, needlelen) != NULL; }

// renameat2 is declared by glibc only under _GNU_SOURCE, which Swift's Glibc module is not built with.
static inline int knupp_renameat2(int olddirfd, const char *oldpath, int newdirfd, const char *newpath, unsigned int flags) { return (int)syscall(SYS_renameat2, olddirfd, oldpath, newdirfd, newpath, flags); }
// RENAME_EXCHANGE (linux/fs.h): swap the two names atomically; neither file is ever unlinked.
static inline unsigned int knupp_rename_exchange(void) { return 1U << 1; }
// RENAME_NOREPLACE (linux/fs.h): fail with EEXIST rather than replace what is at the new name.
static inline unsigned int knupp_rename_noreplace(void) { return 1U << 0; }

#endif
