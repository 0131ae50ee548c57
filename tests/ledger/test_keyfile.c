/* sc_create_key_file on a file system without hard links (FAT, exFAT, some network and FUSE file
 * systems: link() fails with EPERM or EOPNOTSUPP): the key is still created, whole, 0600, and no
 * temporary file is left. link() is replaced here for the library linked into this program. */
#define _GNU_SOURCE 1
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cmocka.h>

#include "keyfile.h"

static int link_errno; /* 0: the real link() */

int link(const char *from, const char *to)
{
    if (link_errno != 0) {
        errno = link_errno;
        return -1;
    }
    return linkat(AT_FDCWD, from, AT_FDCWD, to, 0);
}

static size_t entries(const char *dir)
{
    DIR *d = opendir(dir);
    assert_non_null(d);
    size_t n = 0;
    for (struct dirent *e; (e = readdir(d)) != NULL;)
        n += strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0;
    closedir(d);
    return n;
}

static void no_hard_links(void **state)
{
    (void)state;
    static const int errs[] = {EPERM, EOPNOTSUPP, 0};
    for (size_t k = 0; k < sizeof errs / sizeof errs[0]; k++) {
        char dir[] = "/tmp/sanctum_keyfile_XXXXXX";
        assert_non_null(mkdtemp(dir));
        char path[128];
        snprintf(path, sizeof path, "%s/key", dir);
        link_errno = errs[k];
        const char key[] = "0123456789abcdef0123456789abcdef";
        int made = sc_create_key_file(path, key, sizeof key - 1);
        if (made != 0)
            fail_msg("link errno %d: sc_create_key_file gave %d (%s)", errs[k], made, strerror(errno));
        struct stat st;
        assert_int_equal(stat(path, &st), 0);
        assert_int_equal(st.st_mode & 0777, 0600);
        assert_int_equal(st.st_size, (off_t)(sizeof key - 1));
        char back[64] = {0};
        int fd = open(path, O_RDONLY);
        assert_true(fd >= 0);
        assert_int_equal(read(fd, back, sizeof back), (ssize_t)(sizeof key - 1));
        close(fd);
        assert_memory_equal(back, key, sizeof key - 1);
        assert_int_equal(entries(dir), 1); /* no temporary file left */
        /* an existing key is never replaced */
        assert_int_equal(sc_create_key_file(path, "other", 5), 1);
        assert_int_equal(stat(path, &st), 0);
        assert_int_equal(st.st_size, (off_t)(sizeof key - 1));
        assert_int_equal(entries(dir), 1);
        link_errno = 0;
        unlink(path);
        rmdir(dir);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(no_hard_links),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
